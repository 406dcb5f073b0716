import HedgeCore

/// The session's named objects, in creation order, plus the log of the commands that built them
/// (so `save` can write a script that rebuilds exactly this workspace).
///
/// A value type: copying it is a snapshot, which is how a failed or interrupted command leaves it unchanged.
public struct Workspace: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var object: any WorkspaceValue
        /// Identity that survives renames; used to track which commands still matter.
        var id: Int

        public static func == (a: Entry, b: Entry) -> Bool {
            a.name == b.name && a.id == b.id && a.object.isEqual(to: b.object)
        }
    }

    /// One successful command that changed the workspace.
    struct LogEntry: Sendable, Equatable {
        enum Effect: Sendable, Equatable {
            case create(id: Int)
            case rename(id: Int)
            case drop(id: Int)
        }
        /// The command as it should be replayed (explicit names, absolute paths).
        var text: String
        var effect: Effect
        /// Objects it read.
        var inputs: [Int]
    }

    public private(set) var entries: [Entry] = []
    private(set) var log: [LogEntry] = []
    private var nextID = 1

    public init() {}

    public var names: [String] { entries.map(\.name) }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    public subscript(name: String) -> (any WorkspaceValue)? { entry(named: name)?.object }

    /// The object called `name` when it is a `T`.
    public func value<T: WorkspaceValue>(_ name: String, as type: T.Type) -> T? { self[name] as? T }

    /// Names of objects of the given kinds, in creation order.
    public func names(of kinds: Set<ObjectKind>) -> [String] {
        entries.filter { kinds.contains($0.object.kind) }.map(\.name)
    }

    /// The first free default name `prefix1`, `prefix2`, ….
    public func defaultName(prefix: String) -> String {
        var n = 1
        while entry(named: "\(prefix)\(n)") != nil { n += 1 }
        return "\(prefix)\(n)"
    }

    /// Stores `object` under `name`, replacing any object of that name. Returns true when one was replaced.
    /// `command` is the replayable text; `inputs` the names of the objects it read.
    @discardableResult
    public mutating func store(_ object: any WorkspaceValue, as name: String, command: String, inputs: [String]) -> Bool {
        let inputIDs = inputs.compactMap { entry(named: $0)?.id }
        let id = nextID
        nextID += 1
        let newEntry = Entry(name: name, object: object, id: id)
        let replaced: Bool
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index] = newEntry
            replaced = true
        } else {
            entries.append(newEntry)
            replaced = false
        }
        log.append(LogEntry(text: command, effect: .create(id: id), inputs: inputIDs))
        return replaced
    }

    /// Removes an object; false when there is none of that name.
    @discardableResult
    public mutating func drop(_ name: String) -> Bool {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { return false }
        let id = entries[index].id
        entries.remove(at: index)
        log.append(LogEntry(text: "drop \(name)", effect: .drop(id: id), inputs: []))
        return true
    }

    /// Renames an object, replacing any object already called `newName`.
    /// Returns false when `oldName` does not exist.
    @discardableResult
    public mutating func rename(_ oldName: String, to newName: String) -> Bool {
        guard let index = entries.firstIndex(where: { $0.name == oldName }) else { return false }
        guard oldName != newName else { return true }
        if let clash = entries.firstIndex(where: { $0.name == newName }) {
            let clashID = entries[clash].id
            log.append(LogEntry(text: "drop \(newName)", effect: .drop(id: clashID), inputs: []))
            entries.remove(at: clash)
        }
        let target = entries.firstIndex(where: { $0.name == oldName }) ?? index
        entries[target].name = newName
        log.append(LogEntry(text: "rename \(oldName) \(newName)", effect: .rename(id: entries[target].id), inputs: []))
        return true
    }

    /// The commands that rebuild this workspace, in order: only those whose results are still here,
    /// or that built something still here, plus the renames and drops those need.
    public func replayScript() -> [String] {
        var needed = Set(entries.map(\.id))
        // Walk backwards: a needed creation makes its inputs needed.
        for item in log.reversed() {
            if case .create(let id) = item.effect, needed.contains(id) { needed.formUnion(item.inputs) }
        }
        return log.compactMap { item in
            switch item.effect {
            case .create(let id), .rename(let id), .drop(let id):
                return needed.contains(id) ? item.text : nil
            }
        }
    }
}
