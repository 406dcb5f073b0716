import Foundation
import Testing
@testable import HedgeShell

/// PathText against NSString's path methods, which it replaces in the product.
@Suite struct PathTextTests {
    @Test func componentsAsNSStringComputesThem() {
        for path in ["/a/b.csv", "b.csv", "/b", "/", "a/b/", "dir/sub/file.txt", "./x", "../y/z"] {
            #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "last of \(path)")
            #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent, "parent of \(path)")
        }
        for (directory, name) in [("/tmp", "x.csv"), ("/tmp/", "x.csv"), ("rel", "a/b"), ("/", "etc")] {
            #expect(PathText.appending(name, to: directory) == (directory as NSString).appendingPathComponent(name))
        }
    }

    @Test func directoriesAndEnvironment() throws {
        let directory = NSTemporaryDirectory() + "hedge-pathtext-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/f", contents: Data())
        #expect(PathText.isDirectory(directory) == true)
        #expect(PathText.isDirectory(directory + "/f") == false)
        #expect(PathText.isDirectory(directory + "/missing") == nil)
        #expect(PathText.environment("PATH") == ProcessInfo.processInfo.environment["PATH"])
        #expect(PathText.environment("HEDGE_SURELY_UNSET_VARIABLE") == nil)
        #expect(PathText.environmentVariables() == ProcessInfo.processInfo.environment)
        #expect(!PathText.homeDirectory.isEmpty)
    }
}
