import HedgeCore

extension Session {
    func plot(names: [Token], mode: PlotMode, width: Int?, height: Int?, ascii: Bool, title: String?, in ws: Workspace) throws {
        throw ShellError("plot-ascii: not available yet", at: names[0])
    }
}
