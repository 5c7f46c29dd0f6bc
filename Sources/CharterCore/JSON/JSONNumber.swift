import Foundation

/// A JSON number, kept exactly as written.
///
/// The literal is never rounded through `Double`: `19.990` stays `"19.990"`, and a
/// 100-digit integer or `1e400` is accepted and kept (RFC 8259 allows any length).
/// Conversions to `Int`, `Double` and `Decimal` are views onto the literal.
///
/// Equality and hashing are by mathematical value, decided exactly on the digits
/// (see ``canonical``): `1 == 1.0 == 1e0 == 10e-1`, `-0 == 0`, and `0.1` differs
/// from `0.10000000000000001` even though both are the same `Double`.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number exactly as written in the source, e.g. `"19.990"` or `"-1e5"`.
    public let literal: String

    /// Wraps a literal already known to match the JSON number grammar.
    init(uncheckedLiteral literal: String) {
        self.literal = literal
    }

    /// Creates a number from a literal, or `nil` when `literal` is not a JSON number
    /// (RFC 8259 grammar: no leading `+`, no leading zeros, no `NaN` or `Infinity`,
    /// digits required on both sides of `.`).
    public init?(literal: String) {
        guard JSONNumber.isValidLiteral(literal) else { return nil }
        self.literal = literal
    }

    /// Creates a number with the decimal literal of `value`.
    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// Creates a number with the shortest literal that round-trips `value`
    /// (Swift's `description`), or `nil` for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(literal: value.description)
    }

    /// Creates a number with the plain decimal literal of `value`, or `nil` for NaN.
    public init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        self.init(literal: value.description)
    }

    /// The literal, as written.
    public var description: String { literal }

    /// Whether the value is mathematically an integer: `1`, `1.0`, `1e2` and `-0`
    /// are; `1.5` and `1e-1` are not.
    public var isInteger: Bool {
        let parts = CanonicalNumber(literal)
        return parts.isZero || !parts.exponentIsNegative
    }

    /// The value as an `Int` when it is an integer that fits, otherwise `nil`
    /// (`1.0` and `1e2` give 1 and 100; `1.5` and `1e19` give `nil`).
    public var intValue: Int? {
        let parts = CanonicalNumber(literal)
        if parts.isZero { return 0 }
        guard !parts.exponentIsNegative, let exponent = parts.smallExponent,
              parts.digits.count + exponent <= 19 else { return nil }
        var value = 0
        for digit in parts.digits {
            let d = Int(digit &- UInt8(ascii: "0"))
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = parts.isNegative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
        }
        for _ in 0..<exponent {
            let (m, o) = value.multipliedReportingOverflow(by: 10)
            if o { return nil }
            value = m
        }
        return value
    }

    /// The nearest `Double` (correctly rounded); `±infinity` when the magnitude is
    /// too large (`1e400`) and `±0` when too small (`1e-400`).
    public var doubleValue: Double {
        if let value = Double(literal) { return value }
        return literal.hasPrefix("-") ? -.infinity : .infinity
    }

    /// The exact value as a Foundation `Decimal`, or `nil` when `Decimal` cannot
    /// hold it exactly (more than 38 significant digits, or an exponent outside
    /// Decimal's range, e.g. `1e400` or `1e-200`). Parsed with
    /// `Decimal(string:locale:)` in the POSIX locale, never through `Double`.
    public var decimalValue: Decimal? {
        let parts = CanonicalNumber(literal)
        if parts.isZero { return Decimal(0) }
        guard let (digits, scale) = Self.decimalDigits(parts) else { return nil }
        let text = (parts.isNegative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(scale)
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether ``decimalValue`` holds the value exactly (is not nil), decided on the digits without making the `Decimal`.
    package var fitsDecimal: Bool {
        let parts = CanonicalNumber(literal)
        return parts.isZero || Self.decimalDigits(parts) != nil
    }

    /// The significant digits and power of ten a `Decimal` holds a nonzero value as, or nil when it cannot hold it.
    private static func decimalDigits(_ parts: CanonicalNumber) -> (digits: [UInt8], scale: Int)? {
        guard let exponent = parts.smallExponent else { return nil }
        var digits = parts.digits
        var scale = exponent
        if scale > 127 {  // Decimal does not normalise: move the excess into zeros
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: min(scale - 127, 64)))
            scale = 127
        }
        guard digits.count <= 38, scale >= -128, scale <= 127 else { return nil }
        return (digits, scale)
    }

    /// The normalised form used for equality and hashing:
    /// `[-]<digits>e<exponent>` where `digits` has no leading or trailing zeros and
    /// the value is `digits × 10^exponent`; zero (of either sign) is `"0"`.
    /// For example `1.50` → `"15e-1"`, `100` → `"1e2"`, `-0.0` → `"0"`.
    /// Exponents of any size are handled exactly (as decimal strings).
    public var canonical: String {
        CanonicalNumber(literal).text
    }

    /// Compares by mathematical value (see ``canonical``).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.literal == rhs.literal || lhs.canonical == rhs.canonical
    }

    /// Hashes the mathematical value (see ``canonical``).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }

    /// Whether `text` matches the RFC 8259 number grammar exactly.
    static func isValidLiteral(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "0") {
            i += 1
        } else if digit(i) {
            while digit(i) { i += 1 }
        } else {
            return false
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == b.count
    }
}
