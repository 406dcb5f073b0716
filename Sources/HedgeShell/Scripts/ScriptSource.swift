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

/// The text of a script file, checked to be UTF-8.
enum ScriptSource {
    static func read(path: String, displayPath: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            if let isDirectory = PathText.isDirectory(path) {
                throw ShellError("cannot read '\(displayPath)'\(isDirectory ? ": it is a directory" : "")")
            }
            throw ShellError("no such file '\(displayPath)'")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            // The line of the first invalid byte.
            var line = 1
            var decoder = UTF8()
            var iterator = data.makeIterator()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar == "\n" { line += 1 }
            }
            throw ShellError("not valid UTF-8 text", line: line)
        }
        return text
    }
}
