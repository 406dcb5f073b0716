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

/// Writes files atomically: the new contents go to a temporary file beside the target, which then
/// replaces it with `rename(2)`, so readers see the old file or the new one, never a part.
///
/// On Linux the contents are first written to an unnamed file (`O_TMPFILE`) that only gets a name,
/// `.NAME.hedge-tmp-XXXXXX`, once complete, just before the rename: a hedge that is killed while
/// writing leaves nothing behind. Elsewhere (or on file systems without `O_TMPFILE`) the temporary
/// file has that name from the start, and gets the usual mode (0666 less the umask) before the rename.
/// Every failure this process sees removes it.
public enum AtomicFile {
    /// Writes `text` as UTF-8 straight from the string's storage (no copy of it is made).
    public static func write(_ text: String, to path: String) throws {
        try write(text, to: path, unnamedFirst: true)
    }

    /// Writes what `contents` produces, piece by piece, without holding it whole: `contents` gets a
    /// function that appends bytes to the new file. The file replaces `path` when `contents` returns;
    /// when it throws (or a write fails), nothing is left and `path` is as it was. `contents` runs a
    /// second time, and must give the same bytes, when the unnamed temporary file cannot be given a
    /// name (no `/proc`): the named one is then written.
    public static func write(to path: String,
                             contents: (_ append: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try write(to: path, unnamedFirst: true, contents: contents)
    }

    /// `write`, with the unnamed temporary file skipped when `unnamedFirst` is false (for tests: the
    /// path file systems without `O_TMPFILE` take).
    static func write(_ text: String, to path: String, unnamedFirst: Bool) throws {
        var text = text
        try text.withUTF8 { bytes in
            try write(to: path, unnamedFirst: unnamedFirst) { append in try append(UnsafeRawBufferPointer(bytes)) }
        }
    }

    static func write(to path: String, unnamedFirst: Bool,
                      contents: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let directory = PathText.deletingLastComponent(path)
        let folder = directory.isEmpty ? "." : directory
        let temporaryTemplate = temporaryTemplate(for: path)
        if unnamedFirst, try writeUnnamed(contents, in: folder, template: temporaryTemplate, to: path) { return }

        guard let (descriptor, temporary) = createTemporary(template: temporaryTemplate) else {
            throw AtomicFileError(code: errno, doing: "cannot create a file in '\(folder)'")
        }
        do {
            try contents { bytes in try writeAll(bytes, to: descriptor) }
            // mkstemp made it 0600; an export gets the mode any new file gets (0666 less the umask),
            // as the unnamed path does.
            _ = fchmod(descriptor, 0o666 & ~currentUmask())
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        try replace(path, with: temporary)
    }

    /// The name of the temporary file for `path`: `.NAME.hedge-tmp-XXXXXX` beside it.
    public static func temporaryTemplate(for path: String) -> String {
        let directory = PathText.deletingLastComponent(path)
        return (directory.isEmpty ? "." : directory) + "/." + PathText.lastComponent(path) + ".hedge-tmp-XXXXXX"
    }

    /// Creates a new file (mode 0600) named by `template` with its trailing `XXXXXX` made unique
    /// (`mkstemp`); its descriptor and path, or nil with `errno` set.
    public static func createTemporary(template: String) -> (descriptor: Int32, path: String)? {
        var name = Array(template.utf8CString)
        let descriptor = name.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        let bytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (descriptor, String(decoding: bytes, as: UTF8.self))
    }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
    private static let temporaryFileFlag: Int32 = 0o20_200_000
    #endif

    /// Writes through an unnamed temporary file; false (nothing done) when the system or the file
    /// system cannot, so the caller falls back to a named temporary file.
    private static func writeUnnamed(_ contents: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void,
                                     in folder: String, template: String, to path: String) throws -> Bool {
        #if os(Linux)
        let descriptor = open(folder, temporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        try contents { bytes in try writeAll(bytes, to: descriptor) }
        // Give it a name (trying a few random suffixes), then rename that over the target.
        for _ in 0..<8 {
            let suffix = String((0..<6).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement() ?? "x" })
            let temporary = String(template.dropLast(6)) + suffix
            if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 {
                try replace(path, with: temporary)
                return true
            }
            if errno != EEXIST { return false }
        }
        return false
        #else
        return false
        #endif
    }

    /// The process's file mode creation mask, read without changing it where the system tells it
    /// (`Umask:` in `/proc/self/status`); elsewhere set and restored.
    static func currentUmask() -> mode_t {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(String(line.dropFirst(6).filter { !$0.isWhitespace }), radix: 8) {
            return mask
        }
        #endif
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Renames `temporary` over `path`, removing it when that fails.
    private static func replace(_ path: String, with temporary: String) throws {
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw AtomicFileError(code: code, doing: nil)
        }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written > 0 { offset += written; continue }
            if written < 0 && errno == EINTR { continue }
            throw AtomicFileError(code: written == 0 ? EIO : errno, doing: nil)
        }
    }
}

/// `write(2)` (`AtomicFile.write` hides the C function's name inside the type).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

struct AtomicFileError: Error, CustomStringConvertible {
    var message: String

    init(code: Int32, doing: String?) {
        let reason = String(cString: strerror(code))
        message = doing.map { "\($0): \(reason)" } ?? reason
    }

    var description: String { message }
}
