import Foundation

/// Completion facts drawn from a workspace and the real file system.
struct WorkspaceCompletionContext: CompletionContext {
    var workspace: Workspace
    var environment: ShellEnvironment

    func objectNames(of kinds: Set<ObjectKind>?) -> [String] {
        (kinds.map { workspace.names(of: $0) } ?? workspace.names).sorted()
    }

    func tickers(ofDataset dataset: String) -> [String]? {
        workspace.value(dataset, as: DatasetObject.self)?.panel.tickers
    }

    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
        let directory = environment.resolve(path.isEmpty ? "." : path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }
}
