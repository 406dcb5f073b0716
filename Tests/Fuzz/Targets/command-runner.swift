// libFuzzer target: a session runs arbitrary command lines against a small workspace with the demo
// data loaded; exports and saves go to a scratch directory that is emptied after every input.
// Lines naming paths outside it (`/`, `~`, `..`) are skipped. Built by scripts/fuzz, not by SwiftPM.
import Foundation
@testable import HedgeShell

private let scratch: String = {
    let path = NSTemporaryDirectory() + "hedge-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// The workspace every input starts from, built once: the demo data, a portfolio and a model.
private let startingWorkspace: Workspace = {
    let output = BufferedOutput()
    let session = Session(output: output, environment: ShellEnvironment(currentDirectory: scratch))
    guard session.execute("load demo from 2024-01-01 as d; weight d by equal as p; regress p on d.SYNIDX as m; "
                          + "backtest p vs d.SYNIDX rebalance 20 as bt") else {
        fatalError("the demo set-up failed: \(output.errors)")
    }
    return session.workspace
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandRunner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self),
          !text.contains("/"), !text.contains("~"), !text.contains("..") else { return 0 }
    let output = BufferedOutput()
    let session = Session(output: output, environment: ShellEnvironment(
        currentDirectory: scratch, now: { Date(timeIntervalSince1970: 0) }, chartWidth: 60, chartHeight: 16))
    session.workspace = startingWorkspace
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        session.execute(String(line))
        if session.wantsQuit { break }
    }
    if let names = try? FileManager.default.contentsOfDirectory(atPath: scratch) {
        for name in names { unlink(scratch + "/" + name) }
    }
    return 0
}
