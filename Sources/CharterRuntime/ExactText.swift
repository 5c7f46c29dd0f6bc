/// A string compared the way JSON compares strings: code point by code point.
///
/// Swift's `String ==` is canonical equivalence: `"caf\u{E9}"` (precomposed é) equals `"cafe\u{301}"` (e and a
/// combining acute), and even `"\u{212A}"` (KELVIN SIGN) equals `"K"`. JSON Schema's `enum`, `const` and a
/// discriminator's tags compare code points, so generated code matches a received string against the values it
/// knows through this type (`switch ExactText(rawValue) { case "café": … }`): a value that only looks like a known one
/// stays unrecognised and is sent back with the bytes it came with.
///
/// Hashing goes through `String`'s hash, which canonically equivalent strings share: equal values hash the same.
public struct ExactText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The string.
    public let value: String

    /// Wraps `value`.
    @inlinable
    public init(_ value: String) { self.value = value }

    /// Wraps a literal: a case pattern or a known value in generated code.
    @inlinable
    public init(stringLiteral value: String) { self.value = value }

    /// The string itself (what a validation message prints).
    public var description: String { value }

    /// Whether both hold the same Unicode scalars: the same UTF-8 bytes.
    @inlinable
    public static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.value.utf8.count == rhs.value.utf8.count && lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    /// Hashes the string (canonically equivalent strings hash the same, so equal values do).
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Equality {
    /// Whether two strings hold the same Unicode scalars (``ExactText``'s `==`): what a generated string enum's `==`
    /// calls, through one signature rather than the `==` operator and its many overloads.
    @inlinable
    public static func sameText(_ lhs: String, _ rhs: String) -> Bool {
        ExactText(lhs) == ExactText(rhs)
    }
}
