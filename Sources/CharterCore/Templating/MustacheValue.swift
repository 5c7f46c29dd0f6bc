/// Data the templates see. View models convert themselves into this.
///
/// The cases mirror what Mustache can do with a value:
/// - `null` and `false` are falsey: sections skip, inverted sections render;
/// - `true` renders a section once (and is pushed, so `{{.}}` prints `true`);
/// - a string interpolates as itself; as a section it is truthy when non-empty
///   and is pushed on the context stack (`{{.}}` prints it);
/// - a list iterates (an empty list is falsey);
/// - an object is always truthy and is pushed on the context stack, so its
///   keys become visible to names inside the section.
///
/// There is deliberately no number case: view models format numbers
/// themselves (`.string("42")`), so generated code never depends on how a
/// floating-point value happens to print.
///
/// The literal conformances make fixtures read naturally:
/// ```swift
/// let value: MustacheValue = ["name": "Order", "deprecated": false, "fields": [["name": "id"]]]
/// ```
/// `ExpressibleByNilLiteral` is intentionally absent: with it,
/// `dictionary["key"] = nil` would silently *remove* the key instead of storing
/// `.null`. Write `.null` explicitly.
public enum MustacheValue: Sendable, Hashable {
    /// No value. Renders as the empty string; falsey in sections.
    case null
    /// A boolean. Interpolates as `true` / `false`; `false` is falsey in sections.
    case bool(Bool)
    /// Text. Interpolates as itself; the empty string is falsey in sections.
    case string(String)
    /// A list. Sections iterate it; the empty list is falsey.
    case list([MustacheValue])
    /// A set of named values. Sections push it on the context stack.
    case object(MustacheObject)
}

extension MustacheValue {
    /// Whether a section over this value renders (an inverted section renders when this is `false`).
    ///
    /// `null`, `false`, `""` and `[]` are falsey; everything else, including
    /// every object (even an empty one), is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// The value stored under `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> MustacheValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Creates a `.string` from a string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    /// Creates a `.bool` from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    /// Creates a `.list` from an array literal.
    public init(arrayLiteral elements: MustacheValue...) {
        self = .list(elements)
    }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// Creates an `.object` from a dictionary literal. A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(MustacheObject(pairs: elements))
    }
}
