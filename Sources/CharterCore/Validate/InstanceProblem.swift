/// One way a JSON value fails a schema: where in the value, which keyword of which schema, and why.
public struct InstanceProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where in the value, relative to its root (`""` is the value itself).
    public var pointer: JSONPointer
    /// Where the offending value is written: the node's own position (for a member that may not be there, its key's),
    /// or the object's for a missing member.
    public var position: SourcePosition
    /// The keyword that fails: `type`, `required`, `format`, `anyOf`, … (`false` for a `false` schema).
    public var keyword: String
    /// The schema that writes the keyword.
    public var schema: SchemaID
    /// What is wrong, without the place: `"abc" is not a uuid`.
    public var message: String
    /// For an `anyOf` or `oneOf` no alternative matches: the problem of the closest alternative its message names.
    var cause: Cause?

    /// A problem an `anyOf` or `oneOf` names: how deep in the value it lies, and its description.
    struct Cause: Hashable, Sendable {
        var depth: Int
        var text: String
    }

    /// What a union that fails here names as the reason: the union's own cause, or this problem.
    var rootCause: Cause { cause ?? Cause(depth: pointer.tokens.count, text: description) }
    /// How deep in the value ``rootCause`` lies.
    var causeDepth: Int { cause?.depth ?? pointer.tokens.count }

    /// Creates a problem.
    public init(pointer: JSONPointer, position: SourcePosition, keyword: String, schema: SchemaID, message: String) {
        self.pointer = pointer
        self.position = position
        self.keyword = keyword
        self.schema = schema
        self.message = message
    }

    /// `at /a/0 (maxLength): "abcd" has 4 characters, more than 3`; the value itself is `at the root`.
    public var description: String {
        "at \(pointer.isRoot ? "the root" : pointer.description) (\(keyword)): \(message)"
    }
}
