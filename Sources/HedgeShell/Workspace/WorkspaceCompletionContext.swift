import Foundation

/// Completion facts drawn from a workspace and the real file system.
struct WorkspaceCompletionContext: CompletionContext {
    var workspace: Workspace
    var environment: ShellEnvironment

    func objectNames(of kinds: Set<ObjectKind>) -> [String] {
        workspace.names(of: kinds).sorted()
    }

    func tickers(ofDataset dataset: String) -> [String]? {
        guard case .dataset(let d)? = workspace[dataset] else { return nil }
        return d.panel.tickers
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
