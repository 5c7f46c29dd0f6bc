import Foundation

/// One piece of source data a version adapter had no place for in the target version: where it was in the
/// source value and what it was. A value dropped, or one carried only as the target's `unrecognized` value (an
/// enumeration value or union alternative the target version does not know).
public struct VersionAdapterLoss: Hashable, Sendable, CustomStringConvertible {
    /// A JSON pointer into the source value's JSON (`/lines/0/locationId`).
    public var pointer: String
    /// The dropped value as the source value encodes it (the decoded value encoded again: a decimal without
    /// trailing zeros, a date-time in UTC); nil when it could not be encoded (a non-finite number).
    public var value: JSONValue?

    /// Creates a loss.
    public init(pointer: String, value: JSONValue?) {
        self.pointer = pointer
        self.value = value
    }

    /// `/lines/0/locationId` and the value as JSON.
    public var description: String {
        guard let value, let data = try? CanonicalJSON.encoder().encode(value) else { return pointer }
        return "\(pointer) = \(String(decoding: data, as: UTF8.self))"
    }
}

/// Thrown when an adapted value lost data its caller did not accept.
public struct VersionAdapterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was lost and not accepted, in source order.
    public var losses: [VersionAdapterLoss]

    /// Creates the error.
    public init(losses: [VersionAdapterLoss]) { self.losses = losses }

    /// One line per loss.
    public var description: String {
        "version adapter would drop \(losses.count) value\(losses.count == 1 ? "" : "s"): "
            + losses.map(\.description).joined(separator: "; ")
    }
}

/// The result of a version adapter: the value in the target version and whatever source data had no place
/// in it. Nothing is dropped silently: the losses travel with the value, and ``lossless()`` or
/// ``accepting(_:)`` turn unexpected ones into an error.
public struct VersionAdapted<Value> {
    /// The value in the target version.
    public let value: Value
    /// Source data the adapter did not carry, or carried only as an `unrecognized` value the target version does not
    /// know (empty when nothing was lost): a value's own losses first, then those of the values nested in it, in
    /// property order.
    public let losses: [VersionAdapterLoss]

    /// Pairs a value with its losses.
    public init(value: Value, losses: [VersionAdapterLoss]) {
        self.value = value
        self.losses = losses
    }

    /// The value, or an error naming every loss.
    public func lossless() throws(VersionAdapterError) -> Value {
        guard losses.isEmpty else { throw VersionAdapterError(losses: losses) }
        return value
    }

    /// The value, or an error naming the losses that no pattern accepts. A pattern is a JSON pointer whose
    /// `*` tokens match any one token (an array index or a map key): `/lines/*/locationId`.
    public func accepting(_ patterns: [String]) throws(VersionAdapterError) -> Value {
        let split = patterns.map(CanonicalJSON.tokens)
        let unexpected = losses.filter { loss in
            let tokens = CanonicalJSON.tokens(loss.pointer)
            return !split.contains { pattern in
                pattern.count == tokens.count && zip(pattern, tokens).allSatisfy { $0 == "*" || $0 == $1 }
            }
        }
        guard unexpected.isEmpty else { throw VersionAdapterError(losses: unexpected) }
        return value
    }
}

extension VersionAdapted: Sendable where Value: Sendable {}
extension VersionAdapted: Equatable where Value: Equatable {}

/// Collects the losses of one adaptation; generated adapters pass it down to the adapters of nested values.
public struct VersionAdapterLosses: Sendable {
    /// What was lost so far, in source order.
    public private(set) var items: [VersionAdapterLoss] = []
    /// The pointer tokens of the value being adapted, from the root.
    private var path: [String] = []

    /// Starts with nothing lost.
    public init() {}

    /// Records a dropped value (encoded as the source value encodes it) under the current value's pointer.
    public mutating func record(_ value: some Encodable, at key: String) {
        append(value, at: path + [key])
    }

    /// Records the current value itself: one the target version has no place for but its `unrecognized` case (a
    /// union alternative it does not know), which carries it as received.
    public mutating func record(_ value: some Encodable) {
        append(value, at: path)
    }

    /// Returns an enumeration value of the target version, recorded as the current value when it is none of
    /// `knownCases`: carried as the target's `unrecognized` value (encoded as received, so an adapter back restores
    /// it), but outside the target version's contract, so the caller sees it (``VersionAdapted/lossless()``).
    public mutating func keeping<Value: Encodable & Equatable>(_ value: Value, knownCases: [Value]) -> Value {
        if !knownCases.contains(value) { record(value) }
        return value
    }

    /// Appends a loss at the pointer of `tokens` (from the root).
    private mutating func append(_ value: some Encodable, at tokens: [String]) {
        items.append(VersionAdapterLoss(pointer: tokens.reduce("") { Validation.path($0, $1) }, value: CanonicalJSON.value(of: value)))
    }

    /// Runs `body` for a nested value (`tokens` from the current value down), so what it records is placed
    /// under that value's pointer.
    public mutating func within<T>(_ tokens: String..., adapt body: (inout VersionAdapterLosses) -> T) -> T {
        let saved = path.count
        path += tokens
        defer { path.removeLast(path.count - saved) }
        return body(&self)
    }
}

extension JSONValue {
    /// This JSON decoded as `type` when the decoded value encodes back to the same JSON — nothing dropped or
    /// changed — else nil: how a union alternative one version kept as unrecognized becomes the alternative
    /// another version knows, without losing members that alternative does not declare.
    public func decodedExactly<T: Codable>(as type: T.Type) -> T? {
        guard let data = try? JSONEncoder().encode(self), let value = try? JSONDecoder().decode(T.self, from: data),
            CanonicalJSON.value(of: value) == self
        else { return nil }
        return value
    }
}
