/// A JSON value together with the position where it starts in the source
/// (its first character: the quote of a string, the bracket of a container).
///
/// Equality and hashing **ignore positions** at every depth: two nodes are equal
/// when their values are equal as JSON (see ``JSONValue``), so a document equals
/// itself reformatted, and objects equal with members in another order.
/// Comparison recurses once per nesting level, which is fine for the reader's
/// depth limit (512 by default).
public struct JSONNode: Hashable, Sendable {
    /// The value.
    public var value: JSONValue
    /// Where the value starts in the source.
    public var position: SourcePosition

    /// Creates a node; the position defaults to the start of a document, for
    /// values built in code rather than read from text.
    public init(_ value: JSONValue, position: SourcePosition = .start) {
        self.value = value
        self.position = position
    }

    /// Creates a node from a value and a position.
    public init(value: JSONValue, position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// Compares values only; positions are ignored.
    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        lhs.value == rhs.value
    }

    /// Hashes the value only; positions are ignored.
    public func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }

    /// The string, when the value is a string.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The boolean, when the value is `true` or `false`.
    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// The number, when the value is a number.
    public var number: JSONNumber? {
        if case .number(let n) = value { return n }
        return nil
    }

    /// The elements, when the value is an array.
    public var array: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    /// The object, when the value is an object.
    public var object: JSONObject? {
        if case .object(let o) = value { return o }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The member named `key` when the value is an object that has it, else `nil`.
    public subscript(key: String) -> JSONNode? {
        object?[key]
    }

    /// The element at `index` when the value is an array that long, else `nil`.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let a) = value, a.indices.contains(index) else { return nil }
        return a[index]
    }

    /// The node `pointer` refers to (RFC 6901), or `nil` when it does not resolve.
    ///
    /// An array token must be a decimal index without leading zeros (`"0"`, `"12"`)
    /// inside the array; `"-"` (past the end) never resolves.
    public func node(at pointer: JSONPointer) -> JSONNode? {
        let found = deepest(along: pointer)
        return found.complete ? found.node : nil
    }

    /// The deepest node on `pointer`'s path that exists, and whether it is the node `pointer` refers to (tokens
    /// resolve as in ``node(at:)``): where a diagnostic about a value that is missing is placed — at the object or
    /// array that would hold it.
    public func deepest(along pointer: JSONPointer) -> (node: JSONNode, complete: Bool) {
        var current = self
        for token in pointer.tokens {
            switch current.value {
            case .object(let object):
                guard let next = object[token] else { return (current, false) }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return (current, false) }
                current = elements[index]
            default:
                return (current, false)
            }
        }
        return (current, true)
    }
}
