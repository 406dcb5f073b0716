/// One `ls` row after NAME and KIND.
public struct ListingRow: Sendable, Equatable {
    public var shape: String
    public var dates: String
    public var about: String
    public init(shape: String, dates: String, about: String) {
        self.shape = shape; self.dates = dates; self.about = about
    }
}
