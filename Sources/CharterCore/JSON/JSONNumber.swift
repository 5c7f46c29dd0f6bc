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
        let parts = Canonical(literal)
        return parts.isZero || !parts.exponentIsNegative
    }

    /// The value as an `Int` when it is an integer that fits, otherwise `nil`
    /// (`1.0` and `1e2` give 1 and 100; `1.5` and `1e19` give `nil`).
    public var intValue: Int? {
        let parts = Canonical(literal)
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
        let parts = Canonical(literal)
        if parts.isZero { return Decimal(0) }
        guard let exponent = parts.smallExponent else { return nil }
        var digits = parts.digits
        var scale = exponent
        if scale > 127 {  // Decimal does not normalise: move the excess into zeros
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: min(scale - 127, 64)))
            scale = 127
        }
        guard digits.count <= 38, scale >= -128, scale <= 127 else { return nil }
        let text = (parts.isNegative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(scale)
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The normalised form used for equality and hashing:
    /// `[-]<digits>e<exponent>` where `digits` has no leading or trailing zeros and
    /// the value is `digits × 10^exponent`; zero (of either sign) is `"0"`.
    /// For example `1.50` → `"15e-1"`, `100` → `"1e2"`, `-0.0` → `"0"`.
    /// Exponents of any size are handled exactly (as decimal strings).
    public var canonical: String {
        Canonical(literal).text
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

/// The decomposition of a valid number literal into sign, significant digits and
/// a power-of-ten exponent, computed exactly on the text.
private struct Canonical {
    var isNegative = false
    /// Significant digits (ASCII), no leading or trailing zeros; empty for zero.
    var digits: [UInt8] = []
    /// The exponent when it fits comfortably in an `Int`.
    var smallExponent: Int?
    /// The exponent's magnitude as decimal digits when it does not (`smallExponent == nil`).
    var bigExponentDigits: [UInt8] = []
    var exponentIsNegative = false

    var isZero: Bool { digits.isEmpty }

    init(_ literal: String) {
        let zero = UInt8(ascii: "0")
        var bytes = Array(literal.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes = bytes.dropFirst()
        }
        var mantissa: [UInt8] = []
        mantissa.reserveCapacity(bytes.count)
        var fractionCount = 0
        var inFraction = false
        var exponentPart: ArraySlice<UInt8> = []
        scan: for (index, byte) in zip(bytes.indices, bytes) {
            switch byte {
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                exponentPart = bytes[(index + 1)...]
                break scan
            default:
                mantissa.append(byte)
                if inFraction { fractionCount += 1 }
            }
        }
        // Strip leading zeros; all zeros means the value is zero.
        let firstNonZero = mantissa.firstIndex { $0 != zero } ?? mantissa.endIndex
        if firstNonZero == mantissa.endIndex {
            isNegative = false
            smallExponent = 0
            return
        }
        let lastNonZero = mantissa.lastIndex { $0 != zero }!
        digits = Array(mantissa[firstNonZero...lastNonZero])
        let trailingZeros = mantissa.count - 1 - lastNonZero
        let adjustment = trailingZeros - fractionCount  // |adjustment| <= literal length

        var exponentNegative = false
        if let sign = exponentPart.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            exponentNegative = sign == UInt8(ascii: "-")
            exponentPart = exponentPart.dropFirst()
        }
        let exponentDigits = Array(exponentPart.drop { $0 == zero })
        if exponentDigits.count <= 17 {
            var magnitude = 0
            for d in exponentDigits { magnitude = magnitude * 10 + Int(d - zero) }
            let exponent = (exponentNegative ? -magnitude : magnitude) + adjustment
            smallExponent = exponent
            exponentIsNegative = exponent < 0
        } else {
            // |written exponent| >= 10^17 dwarfs the adjustment, so the sign is the written one.
            exponentIsNegative = exponentNegative
            bigExponentDigits = Canonical.add(exponentNegative ? -adjustment : adjustment, to: exponentDigits)
        }
    }

    /// `digits + delta` for a decimal magnitude much larger than `|delta|`.
    private static func add(_ delta: Int, to digits: [UInt8]) -> [UInt8] {
        let zero = UInt8(ascii: "0")
        var result = digits
        var carry = delta  // signed carry, applied from the least significant digit
        var index = result.count - 1
        while carry != 0 && index >= 0 {
            let sum = Int(result[index] - zero) + carry
            var digit = sum % 10
            carry = sum / 10
            if digit < 0 { digit += 10; carry -= 1 }
            result[index] = zero + UInt8(digit)
            index -= 1
        }
        if carry > 0 { result.insert(contentsOf: Array(String(carry).utf8), at: 0) }
        let first = result.firstIndex { $0 != zero } ?? result.endIndex
        return Array(result[first...])
    }

    var text: String {
        if isZero { return "0" }
        var out = isNegative ? "-" : ""
        out += String(decoding: digits, as: UTF8.self)
        out += "e"
        if let smallExponent {
            out += String(smallExponent)
        } else {
            if exponentIsNegative { out += "-" }
            out += String(decoding: bigExponentDigits, as: UTF8.self)
        }
        return out
    }
}
