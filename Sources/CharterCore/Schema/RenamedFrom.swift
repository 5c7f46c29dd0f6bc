/// `x-renamed-from`: the name a `$defs` type or a property had in the previous major version of its contract,
/// which version adapters pair it with (the way Avro's `aliases` let schema resolution read a renamed field).
public struct RenamedFrom: Hashable, Sendable {
    /// The previous name: a `$defs` key on a type, a wire name on a property.
    public var name: String
    /// Where the keyword's value is written.
    public var location: SourceLocation

    /// Creates a rename.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
