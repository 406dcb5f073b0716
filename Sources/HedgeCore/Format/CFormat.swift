#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// printf formatting of one number by the C library: what `String(format:)` does for these
/// conversions, without Foundation (and its ICU) in the process.
public enum CFormat {
    /// `spec` is one complete conversion for a double, such as `%.4f`, `%.3g` or `%10.2e`.
    public static func double(_ spec: String, _ value: Double) -> String {
        format(spec, value)
    }

    /// `spec` is one complete conversion for an integer, such as `%04x` or `%d` (C `int`/`unsigned`).
    public static func integer(_ spec: String, _ value: Int32) -> String {
        format(spec, value)
    }

    private static func format(_ spec: String, _ argument: some CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(withVaList([argument]) { vsnprintf(&buffer, buffer.count, spec, $0) })
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([argument]) { vsnprintf(&buffer, buffer.count, spec, $0) }
        }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
