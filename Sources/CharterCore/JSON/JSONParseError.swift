/// Why a JSON text could not be read, and where.
///
/// `message` is written for people: it starts lowercase and has no trailing
/// period, so it composes into `file:line:col: error: message [pointer]`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `duplicate key "sku" at 4:3 (first defined at 2:3)`.
    public var message: String
    /// The offending character (for an unexpected end of input: the end).
    public var position: SourcePosition
    /// The JSON pointer of the value being read when the error happened: the
    /// container path, plus the member or element whose value was being read.
    public var pointer: JSONPointer
    /// A second position the message refers to, e.g. the first occurrence of a
    /// duplicate key.
    public var relatedPosition: SourcePosition?

    /// Creates an error.
    public init(message: String, position: SourcePosition, pointer: JSONPointer = .root,
                relatedPosition: SourcePosition? = nil) {
        self.message = message
        self.position = position
        self.pointer = pointer
        self.relatedPosition = relatedPosition
    }

    /// `"line:column: message"`, followed by ` [pointer]` when the pointer is not the root.
    public var description: String {
        pointer.isRoot ? "\(position): \(message)" : "\(position): \(message) [\(pointer)]"
    }
}
