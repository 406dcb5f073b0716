#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the price cache needs, errors as `HedgeError`s naming the path.
enum LocalFiles {
    /// The whole file, or nil when it does not exist.
    static func contents(_ path: String) throws -> [UInt8]? {
        let descriptor = path.withCString { open($0, O_RDONLY) }
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw HedgeError("cannot open: \(message(errno))", at: SourceLocation(file: path))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw HedgeError("cannot read: \(message(errno))", at: SourceLocation(file: path))
            }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard descriptor >= 0 else {
            throw HedgeError("cannot write: \(message(errno))", at: SourceLocation(file: path))
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = message(errno)
                close(descriptor); unlink(temporary)
                throw HedgeError("cannot write: \(reason)", at: SourceLocation(file: path))
            }
            written += count
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let reason = message(errno)
            unlink(temporary)
            throw HedgeError("cannot write: \(reason)", at: SourceLocation(file: path))
        }
    }

    /// Creates `path` and its missing parents.
    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw HedgeError("cannot create the directory: \(message(errno))", at: SourceLocation(file: prefix))
            }
            prefix += "/"
        }
    }

    /// The names in a directory (none when it does not exist), sorted.
    static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func remove(_ path: String) { unlink(path) }

    /// The size in bytes, or 0 when the file does not exist.
    static func size(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
