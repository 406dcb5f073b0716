/// Options for loading price files.
public struct LoadOptions: Sendable, Equatable {
    /// Which field the value columns of a wide CSV (`Date,AAPL,MSFT,…`) hold.
    public var wideField: Field
    /// Keep dates on or after this day.
    public var from: Day?
    /// Keep dates on or before this day.
    public var to: Day?

    public init(wideField: Field = .price, from: Day? = nil, to: Day? = nil) {
        self.wideField = wideField; self.from = from; self.to = to
    }
}

/// Reads price/volume files of the supported layouts into a `Panel`.
public enum PanelLoader {
    /// Loads each file and merges them by an outer join on date (as `yf.download` does),
    /// then applies the date filter. Errors name the file, line and column.
    public static func load(paths: [String], options: LoadOptions = LoadOptions()) throws -> Panel {
        throw HedgeError("loader not implemented yet")
    }

    /// Parses one file's bytes; `path` names it in errors and gives the ticker of single-ticker layouts.
    public static func parse(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) throws -> Panel {
        throw HedgeError("loader not implemented yet")
    }
}
