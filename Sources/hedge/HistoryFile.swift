import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeShell

/// The history file, shared by every hedge session of the user: loaded at start, and after each
/// command merged rather than overwritten — the file is read again, this session's new entries are
/// appended, the oldest dropped beyond `HistoryPolicy.capacity`, and the result written to a private
/// temporary file (mode 0600) renamed over it, so two sessions at once keep both their commands and a
/// crash never leaves the file half written. The read-merge-write holds an exclusive `flock` on
/// `FILE.lock` beside it, so two sessions saving in the same instant do not drop each other's entry.
/// A history file that is a symbolic link stays one: the link's target is the file rewritten.
final class HistoryFile {
    let path: String
    /// Entries this session recorded that are not in the file yet.
    private var unsaved: [String] = []

    init(path: String) { self.path = path }

    /// Loads the file into `history` (a missing file is fine); returns the newest entry.
    func load(into history: OpaquePointer) -> String? {
        guard access(path, R_OK) == 0 else { return nil }
        hedge_history_load(history, path)
        return hedge_history_newest(history).map { String(cString: $0) }
    }

    /// Adds `line` to the file, merged with what other sessions wrote since; failures are silent
    /// (history is a convenience) and the line is tried again with the next one.
    func append(_ line: String) {
        unsaved.append(line)
        guard let merged = history_init() else { return }
        defer { history_end(merged) }
        hedge_history_set_size(merged, Int32(HistoryPolicy.capacity))
        hedge_history_set_unique(merged, 1)
        let target = Self.resolvingLinks(path)
        let lock = Self.lock(target + ".lock")
        defer { if lock >= 0 { close(lock) } }  // closing releases the lock
        if access(target, R_OK) == 0 { hedge_history_load(merged, target) }
        for entry in unsaved { hedge_history_enter(merged, entry) }
        if Self.save(merged, to: target) { unsaved.removeAll() }
    }

    /// An exclusive `flock` on the file at `path` (created 0600 when missing): its descriptor, or -1
    /// when it cannot be had within two seconds (the save then goes ahead unlocked: history is a convenience,
    /// and a stuck session must not stop this one).
    private static func lock(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return -1 }
        for _ in 0..<200 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return descriptor }
            guard errno == EWOULDBLOCK || errno == EINTR else { break }
            usleep(10_000)
        }
        close(descriptor)
        return -1
    }

    /// Writes `history` to `target` through a temporary file beside it.
    private static func save(_ history: OpaquePointer, to target: String) -> Bool {
        guard let (descriptor, temporary) = AtomicFile.createTemporary(template: AtomicFile.temporaryTemplate(for: target)) else {
            return false
        }
        guard let stream = fdopen(descriptor, "w") else { close(descriptor); unlink(temporary); return false }
        let saved = hedge_history_save_to_stream(history, stream)
        let flushed = fflush(stream) == 0 && fsync(descriptor) == 0
        fclose(stream)
        guard saved >= 0, flushed, rename(temporary, target) == 0 else { unlink(temporary); return false }
        return true
    }

    /// `path` with symbolic links followed to the file they name (at most 32 hops); the path itself
    /// when it is not a link.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            guard let destination = linkDestination(current) else { return current }
            if destination.hasPrefix("/") {
                current = destination
            } else if let slash = current.lastIndex(of: "/") {
                current = current[...slash] + destination
            } else {
                current = destination
            }
        }
        return current
    }

    /// The target of the symbolic link at `path` (readlink(2)), or nil when it is not a link.
    private static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
