/// A coding key for any string (or integer): the keyed containers of generated `init(from:)` /
/// `encode(to:)` use it (each statement names its member by wire name, `forKey: "on_hand"`, and
/// CharterRuntime builds the key), and undeclared members, whose names are not known at compile time,
/// are read and written with it too.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The member name.
    public var stringValue: String
    /// The integer value, for keys created from an integer.
    public var intValue: Int?

    /// A key for the member named `string`.
    public init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    /// A key for the member named `stringValue`.
    public init(stringValue: String) {
        self.init(stringValue)
    }

    /// A key for position `intValue` (its string value is the decimal spelling).
    public init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
