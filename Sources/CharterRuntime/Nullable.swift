/// A value that may be JSON `null`, kept apart from "absent".
///
/// Generated code uses `Nullable<T>?` for a property that is both optional
/// (the key may be missing) and nullable (the key may be present with `null`):
/// `nil` means absent, `.null` means an explicit `null`, `.value(x)` a value.
/// Decode and encode such properties with
/// `KeyedDecodingContainer.decodeNullableIfPresent(_:forKey:)` and
/// `KeyedEncodingContainer.encodeNullableIfPresent(_:forKey:)`.
public enum Nullable<Wrapped> {
    /// An explicit JSON `null`.
    case null
    /// A present, non-null value.
    case value(Wrapped)

    /// Wraps an optional: `nil` becomes ``null``.
    public init(_ optional: Wrapped?) {
        if let wrapped = optional {
            self = .value(wrapped)
        } else {
            self = .null
        }
    }

    /// The wrapped value, or `nil` for ``null``.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Transforms the wrapped value, keeping ``null`` as it is.
    public func map<T>(_ transform: (Wrapped) throws -> T) rethrows -> Nullable<T> {
        switch self {
        case .null: return .null
        case .value(let wrapped): return .value(try transform(wrapped))
        }
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}
extension Nullable: Sendable where Wrapped: Sendable {}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Decodes `null` as ``null`` and anything else as ``value(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else {
            self = .value(try container.decode(Wrapped.self))
        }
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes ``null`` as JSON `null` and ``value(_:)`` as the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}
