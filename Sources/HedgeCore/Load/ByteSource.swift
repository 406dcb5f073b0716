#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CSV reader gets its bytes: a regular file read with POSIX `read`/`pread`, or bytes
/// already in memory.
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
        size = bytes.count
    }

    private init(descriptor: Int32, path: String) {
        self.path = path
        storage = .file(descriptor: descriptor)
    }

    /// Opens `path` for reading; a missing or unopenable file is a `HedgeError` naming the path, and
    /// so is anything but a regular file (a FIFO, device, socket or directory), refused at once: it is
    /// opened without blocking, so a FIFO with no writer cannot hang the caller.
    static func opening(path: String) throws -> ByteSource {
        let descriptor = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT {
                throw HedgeError("no such file", at: SourceLocation(file: path))
            }
            throw HedgeError("cannot open: \(systemMessage(code))", at: SourceLocation(file: path))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw HedgeError("cannot open: \(systemMessage(code))", at: SourceLocation(file: path))
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            throw HedgeError("not a regular file (\(fileTypeName(type))); load reads only regular files",
                             at: SourceLocation(file: path))
        }
        // Regular files never block; reads go back to blocking mode for the rare network filesystem.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let source = ByteSource(descriptor: descriptor, path: path)
        source.size = Int(status.st_size)
        source.stamp = FileStamp(status)
        return source
    }

    /// The size in bytes when known (the file's size at opening, or the bytes in memory).
    private(set) var size = 0
    /// The file's stamp when it was opened (nil for bytes in memory).
    private(set) var stamp: FileStamp?

    /// Copies up to `count` bytes starting at byte `offset` of the source into `destination`
    /// (without moving the position of `fill`); fewer only at the end. Retries interrupted reads.
    func read(into destination: UnsafeMutablePointer<UInt8>, at offset: Int, count: Int) throws -> Int {
        switch storage {
        case .file(let descriptor):
            var done = 0
            while done < count {
                let got = pread(descriptor, destination + done, count - done, off_t(offset + done))
                if got == 0 { break }
                if got < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw HedgeError("cannot read \(path): \(ByteSource.systemMessage(code))",
                                     at: SourceLocation(file: path))
                }
                done += got
            }
            return done
        case .memory(let bytes):
            let available = max(0, min(count, bytes.count - offset))
            guard available > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                destination.update(from: base + offset, count: available)
            }
            return available
        }
    }

    /// A new source over the same bytes, read from the start (the file opened again).
    func reopened() throws -> ByteSource {
        switch storage {
        case .file: return try ByteSource.opening(path: path)
        case .memory(let bytes): return ByteSource(bytes: bytes, path: path)
        }
    }

    /// Calls `body` with the bytes when they are in memory, else returns nil.
    func withMemoryBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard case .memory(let bytes) = storage else { return nil }
        return try bytes.withUnsafeBufferPointer(body)
    }

    private static func fileTypeName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a directory"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "an unsupported file type"
        }
    }

    /// Copies up to `maxCount` bytes into `destination`; returns how many (0 at the end).
    func fill(_ destination: UnsafeMutablePointer<UInt8>, maxCount: Int) throws -> Int {
        switch storage {
        case .file(let descriptor):
            while true {
                let count = systemRead(descriptor, destination, maxCount)
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

/// POSIX `read` (a method of `ByteSource` has the same name).
private func systemRead(_ descriptor: Int32, _ destination: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, destination, count)
}
