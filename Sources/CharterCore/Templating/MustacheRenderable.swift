/// Anything that can present itself to a template.
///
/// View models conform by building a ``MustacheValue``, usually an `.object`
/// whose keys are the names the templates use.
public protocol MustacheRenderable {
    /// The value templates see for this instance.
    var mustacheValue: MustacheValue { get }
}

extension MustacheValue: MustacheRenderable {
    /// The value itself.
    public var mustacheValue: MustacheValue { self }
}

extension String: MustacheRenderable {
    /// `.string(self)`.
    public var mustacheValue: MustacheValue { .string(self) }
}

extension Substring: MustacheRenderable {
    /// `.string(String(self))`.
    public var mustacheValue: MustacheValue { .string(String(self)) }
}

extension Bool: MustacheRenderable {
    /// `.bool(self)`.
    public var mustacheValue: MustacheValue { .bool(self) }
}

extension Int: MustacheRenderable {
    /// The decimal digits, as `.string` (so `0` is truthy in a section, like any non-empty string).
    public var mustacheValue: MustacheValue { .string(String(self)) }
}

extension Array: MustacheRenderable where Element: MustacheRenderable {
    /// `.list` of the elements' values, in order.
    public var mustacheValue: MustacheValue { .list(map(\.mustacheValue)) }
}

extension Optional: MustacheRenderable where Wrapped: MustacheRenderable {
    /// The wrapped value's `mustacheValue`, or `.null` for `nil`.
    public var mustacheValue: MustacheValue {
        switch self {
        case .none: return .null
        case .some(let wrapped): return wrapped.mustacheValue
        }
    }
}

extension Dictionary: MustacheRenderable where Key == String, Value: MustacheRenderable {
    /// `.object` of the values' `mustacheValue`s.
    public var mustacheValue: MustacheValue { .object(MustacheObject(mapValues(\.mustacheValue))) }
}
