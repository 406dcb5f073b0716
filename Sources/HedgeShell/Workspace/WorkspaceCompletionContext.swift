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

    func partNames(of name: String) -> [String]? {
        guard let parts = workspace[name]?.partNames, !parts.isEmpty else { return nil }
        return parts
    }

    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
        let directory = environment.resolve(path.isEmpty ? "." : path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.sorted().map { name in
            (name, PathText.isDirectory(PathText.appending(name, to: directory)) ?? false)
        }
    }
}
