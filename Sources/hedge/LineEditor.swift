import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeShell

/// An interactive line reader on libedit: Emacs keys, Ctrl-R search, tab completion through
/// `Completer`, and a history file saved after every accepted line. Keystrokes are read by
/// `readCharacter`, which also watches `TerminalSignals` (libedit's signal handling is off).
final class LineEditor {
    /// What one read produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C at the prompt: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
        /// SIGTERM, SIGHUP or SIGQUIT at the prompt; the terminal is back in its normal mode.
        case terminated(signal: Int32)
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let historyFile: HistoryFile?
    private let completionContext: () -> any CompletionContext
    /// The prompt libedit shows; replaced (and the old one deallocated) by `readLine`.
    private var prompt: UnsafeMutablePointer<CChar>
    /// Text of the earlier physical lines of a `\`-continued command, for completion.
    private var continuedText = ""
    /// The newest history entry (for dropping consecutive duplicates).
    private var newestEntry: String?
    /// Keystroke bytes not yet forming a character.
    private var keystrokes = UTF8Accumulator()
    /// The terminal settings outside editing, restored while suspended or when terminated.
    private var cookedSettings = termios()
    /// A terminating signal (SIGTERM, SIGHUP, SIGQUIT) that arrived at the prompt.
    private var terminatingSignal: Int32?

    /// Starts editing on standard input, drawing on `output` (a terminal); nil when libedit fails.
    init?(output: UnsafeMutablePointer<FILE>, historyPath: String?,
          completionContext: @escaping () -> any CompletionContext) {
        guard let editLine = el_init("hedge", hedge_stdin(), output, hedge_stderr()) else { return nil }
        guard let history = history_init() else { el_end(editLine); return nil }
        self.editLine = editLine
        self.history = history
        self.output = output
        self.completionContext = completionContext
        self.prompt = Self.cString("")
        self.historyFile = historyPath.map(HistoryFile.init(path:))

        hedge_history_set_size(history, Int32(HistoryPolicy.capacity))
        hedge_history_set_unique(history, 1)
        if let historyFile { newestEntry = historyFile.load(into: history) }

        hedge_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        hedge_el_set_editor(editLine, "emacs")
        hedge_el_set_signal_handling(editLine, 0)
        hedge_el_set_read_function(editLine, lineEditorReadCharacter)
        hedge_el_set_prompt(editLine, lineEditorPrompt)
        hedge_el_set_history(editLine, history)
        hedge_el_add_function(editLine, "hedge-complete", "Complete the word before the cursor", lineEditorComplete)
        hedge_el_bind(editLine, "^I", "hedge-complete")
        hedge_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        prompt.deallocate()
    }

    /// A NUL-terminated copy of `text` that stays put until deallocated.
    private static func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let bytes = text.utf8CString
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { (copy + index).initialize(to: byte) }
        return copy
    }

    /// Reads one physical line showing `promptText`. `continuing` is the text of earlier lines of
    /// the same command (completion sees it), empty for a fresh command.
    func readLine(prompt promptText: String, continuing: String) -> Input {
        prompt.deallocate()
        prompt = Self.cString(promptText)
        continuedText = continuing
        _ = TerminalSignals.pendingSignals()  // a Ctrl-C or resize during the last command is stale
        _ = tcgetattr(STDIN_FILENO, &cookedSettings)
        TerminalSignals.catchSuspend(true)
        TerminalSignals.catchTermination(true)
        defer {
            TerminalSignals.catchSuspend(false)
            TerminalSignals.catchTermination(false)
        }
        hedge_el_prepare_terminal(editLine)
        var count: Int32 = 0
        errno = 0
        terminatingSignal = nil
        guard let raw = el_gets(editLine, &count) else {
            let failure = errno
            if let signal = terminatingSignal {
                // Give the terminal back in its normal mode before hedge ends.
                _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &cookedSettings)
                return .terminated(signal: signal)
            }
            if count == -1 || failure == EINTR {
                el_reset(editLine)
                return failure == EINTR ? .interrupted : .endOfInput
            }
            return .endOfInput
        }
        var text = String(cString: raw)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Adds an accepted command to the history and to the file (nothing is lost if hedge dies).
    func record(_ line: String) {
        guard HistoryPolicy.shouldRecord(line, after: newestEntry) else { return }
        newestEntry = line
        hedge_history_enter(history, line)
        historyFile?.append(line)
    }

    /// libedit's character reader: waits for a keystroke byte or a signal. Returns 1 with a
    /// character, 0 at end of input, -1 with errno EINTR after Ctrl-C (el_gets then returns NULL).
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            var watched = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: TerminalSignals.editorSignals, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&watched, TerminalSignals.editorSignals >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if watched[1].revents & Int16(POLLIN) != 0 {
                let signals = TerminalSignals.pendingSignals()
                if signals.contains(SIGWINCH) { el_resize(editLine) }
                if signals.contains(SIGTSTP) { suspend() }
                if let signal = signals.first(where: TerminalSignals.terminating.contains) {
                    terminatingSignal = signal
                    errno = EINTR
                    return -1
                }
                if signals.contains(SIGINT) {
                    errno = EINTR
                    return -1
                }
                continue
            }
            guard watched[0].revents != 0 else { continue }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 0 { return 0 }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            if case let .scalar(scalar) = keystrokes.add(byte) {
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            }
        }
    }

    /// Ctrl-Z at the prompt: give the terminal back in its normal mode, stop, and on `fg` restore
    /// editing and redraw the line.
    private func suspend() {
        var editingSettings = termios()
        _ = tcgetattr(STDIN_FILENO, &editingSettings)
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &cookedSettings)
        TerminalSignals.suspendSelf()
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &editingSettings)
        el_resize(editLine)
        hedge_el_refresh(editLine)
    }

    /// Tab: completes the word before the cursor, listing the matches under the line when several.
    fileprivate func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
        let length = max(0, info.lastchar - buffer)
        let cursorBytes = min(max(0, info.cursor.map { $0 - buffer } ?? length), length)
        let line = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        let beforeCursor = String(decoding: UnsafeBufferPointer(start: start, count: cursorBytes), as: UTF8.self)

        let prefix = continuedText.isEmpty ? "" : continuedText + " "
        let completion = Completer.complete(line: prefix + line, cursor: prefix.utf8.count + beforeCursor.utf8.count,
                                            context: completionContext())
        guard !completion.matches.isEmpty, completion.replaceStart >= prefix.utf8.count else {
            return UInt8(CC_REFRESH_BEEP)
        }
        if completion.changesLine {
            if let insertion = completion.insertion {
                if !insertion.isEmpty { el_insertstr(editLine, insertion) }
            } else {
                el_deletestr(editLine, Int32(completion.replacedText.unicodeScalars.count))
                if !completion.replacement.isEmpty { el_insertstr(editLine, completion.replacement) }
            }
        }
        guard completion.matches.count > 1 else { return UInt8(CC_REFRESH) }
        listMatches(completion.matches)
        return UInt8(CC_REDISPLAY)
    }

    private func listMatches(_ matches: [String]) {
        let columns = hedge_terminal_columns(fileno(output))
        let rows = CompletionListing.rows(matches, width: columns > 0 ? Int(columns) : 80)
        fputs("\n" + rows.joined(separator: "\n") + "\n", output)
        fflush(output)
    }
}

/// libedit's prompt callback: the current prompt of the editor in the client data.
private func lineEditorPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    guard let editLine, let editor = hedge_el_client_data(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(editor).takeUnretainedValue().currentPrompt
}

/// libedit's character reader.
private func lineEditorReadCharacter(_ editLine: OpaquePointer?, _ character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    guard let editLine, let character, let editor = hedge_el_client_data(editLine) else { return -1 }
    return Unmanaged<LineEditor>.fromOpaque(editor).takeUnretainedValue().readCharacter(into: character)
}

/// libedit's tab handler.
private func lineEditorComplete(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    guard let editLine, let editor = hedge_el_client_data(editLine) else { return UInt8(CC_ERROR) }
    return Unmanaged<LineEditor>.fromOpaque(editor).takeUnretainedValue().completeAtCursor()
}

extension LineEditor {
    fileprivate var currentPrompt: UnsafeMutablePointer<CChar> { prompt }
}
