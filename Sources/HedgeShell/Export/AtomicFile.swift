#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file beside the target, then `rename(2)`, so readers see
/// the old file or the new one, never a part.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let directory = PathText.deletingLastComponent(path)
        let name = PathText.lastComponent(path)
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw AtomicFileError(message: "cannot create a file in '\(directory.isEmpty ? "." : directory)'")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(message: reason)
        }
    }
}

struct AtomicFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
