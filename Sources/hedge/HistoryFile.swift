import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The history file: loaded at start, rewritten after every command through a private temporary
/// file renamed over it, so a crash never leaves it half written. Mode 0600.
struct HistoryFile {
    let path: String

    /// Loads the file into `history` (a missing file is fine); returns the newest entry.
    func load(into history: OpaquePointer) -> String? {
        guard access(path, R_OK) == 0 else { return nil }
        hedge_history_load(history, path)
        return hedge_history_newest(history).map { String(cString: $0) }
    }

    /// Writes every entry of `history`; failures are silent (history is a convenience).
    func save(_ history: OpaquePointer) {
        let temporary = path + ".tmp\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        guard let stream = fdopen(descriptor, "w") else { close(descriptor); unlink(temporary); return }
        let saved = hedge_history_save_to_stream(history, stream)
        let flushed = fflush(stream) == 0 && fsync(descriptor) == 0
        fclose(stream)
        guard saved >= 0, flushed, rename(temporary, path) == 0 else { unlink(temporary); return }
        chmod(path, 0o600)
    }
}
