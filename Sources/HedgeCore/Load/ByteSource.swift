#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CSV reader gets its bytes: a file read with POSIX `read`, or bytes already in memory.
final class ByteSource {
    private enum Storage {
        case file(descriptor: Int32)
        case memory([UInt8])
    }

    /// The path named in errors.
    let path: String
    private let storage: Storage
    private var memoryOffset = 0

    /// Bytes already in memory, read as if they were the file `path`.
    init(bytes: [UInt8], path: String) {
        self.path = path
        storage = .memory(bytes)
    }

    private init(descriptor: Int32, path: String) {
        self.path = path
        storage = .file(descriptor: descriptor)
    }

    /// Opens `path` for reading; a missing or unopenable file is a `HedgeError` naming the path.
    static func opening(path: String) throws -> ByteSource {
        let descriptor = path.withCString { open($0, O_RDONLY) }
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT {
                throw HedgeError("no such file", at: SourceLocation(file: path))
            }
            throw HedgeError("cannot open: \(systemMessage(code))", at: SourceLocation(file: path))
        }
        return ByteSource(descriptor: descriptor, path: path)
    }

    /// Copies up to `maxCount` bytes into `destination`; returns how many (0 at the end).
    func fill(_ destination: UnsafeMutablePointer<UInt8>, maxCount: Int) throws -> Int {
        switch storage {
        case .file(let descriptor):
            while true {
                let count = read(descriptor, destination, maxCount)
                if count >= 0 { return count }
                let code = errno
                if code == EINTR { continue }
                throw HedgeError("cannot read \(path): \(ByteSource.systemMessage(code))",
                                 at: SourceLocation(file: path))
            }
        case .memory(let bytes):
            let count = min(maxCount, bytes.count - memoryOffset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                destination.update(from: base + memoryOffset, count: count)
            }
            memoryOffset += count
            return count
        }
    }

    deinit {
        if case .file(let descriptor) = storage { close(descriptor) }
    }

    private static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
