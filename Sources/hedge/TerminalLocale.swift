#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit decodes keystrokes with the C library's character type; under the default "C" locale
/// it drops non-ASCII input. Only `LC_CTYPE` is set, so number formatting (`LC_NUMERIC`) stays "C".
enum TerminalLocale {
    static func enableUTF8() {
        if setlocale(LC_CTYPE, "") == nil || !isUTF8 {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Whether the character locale in force is UTF-8.
    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
