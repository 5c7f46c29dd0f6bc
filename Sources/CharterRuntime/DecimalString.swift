import Foundation

/// Wire-format wrapper for a decimal carried as a JSON *string* (money
/// amounts, `"19.99"`), exact end to end: never passes through `Double`.
///
/// Decoding accepts a string matching the contract grammar
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` in full and whose value a `Decimal` holds
/// exactly (at most 38 significant digits); anything else — `"12abc"`, `"1,5"`,
/// `" 1"`, `"+1"`, `".5"`, an exponent (`"1e5"`, which would come back as
/// `"100000"`), too many digits — fails with `DecodingError.dataCorrupted`. For leniency a JSON number is also
/// accepted, decoded as `Decimal` from its text by the decoder (`JSONDecoder`
/// is exact up to 38 significant digits and silently drops digits beyond;
/// only the string form can be checked for that). A NaN is never a value:
/// `"NaN"` is refused like any other text, and so is a `Decimal.nan` that a
/// decoder other than `JSONDecoder` produces.
///
/// Encoding writes a plain string with no exponent (`1E+3` → `"1000"`);
/// a NaN is refused with `EncodingError.invalidValue`, never written as `"NaN"`.
/// `Decimal` does not keep scale, so trailing fractional zeros are not
/// preserved: `"19.90"` decodes to 19.9 and encodes as `"19.9"`. Contracts that
/// need a fixed number of places must format for display themselves.
public struct DecimalString: Codable, Hashable, Sendable {
    /// The exact decimal value.
    public var value: Decimal

    /// Wraps `value`.
    public init(_ value: Decimal) {
        self.value = value
    }

    /// Parses the strict wire grammar (see the type's documentation); `nil` if
    /// `string` does not match it or cannot be held exactly.
    public init?(_ string: String) {
        guard let decimal = Self.parse(string) else { return nil }
        value = decimal
    }

    /// The plain (non-exponent) wire string, e.g. `"-0.000000001"`; `nil` for NaN.
    public var string: String? {
        value.isNaN ? nil : value.description
    }

    /// Decodes a strict decimal string, or a JSON number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard let decimal = Self.parse(string) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Expected a decimal number string (e.g. \"19.99\") that Decimal holds exactly, got \"\(string)\"."
                )
            }
            value = decimal
        } else if let decimal = try? container.decode(Decimal.self) {
            // JSONDecoder never makes a NaN of a number; a decoder that reads Decimal's own fields (a property list) can.
            guard !decimal.isNaN else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "NaN is not a decimal number.")
            }
            value = decimal
        } else {
            throw DecodingError.typeMismatch(DecimalString.self, DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "Expected a decimal number as a string (or a JSON number)."
            ))
        }
    }

    /// Decodes a decimal string only — never a JSON number: how a union's decimal-string alternative is tried, so
    /// that it stays in the contract's order without taking numbers meant for a number alternative.
    public init(stringFrom decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let decimal = Self.parse(string) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a decimal number string (e.g. \"19.99\") that Decimal holds exactly, got \"\(string)\"."
            )
        }
        value = decimal
    }

    /// Encodes the plain decimal string; throws `EncodingError.invalidValue`
    /// for NaN.
    public func encode(to encoder: any Encoder) throws {
        guard let string else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: encoder.codingPath,
                debugDescription: "NaN is not a decimal number."
            ))
        }
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }

    // MARK: - Strict parsing

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A number reduced to sign, significant digits (no leading or trailing
    /// zeros) and the exponent of the last digit; zero is `(false, [], 0)`.
    private struct Canonical: Equatable {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
    }

    /// The exact value of a wire string of the contract grammar, or `nil` when
    /// `string` does not match it or `Decimal` cannot hold it exactly.
    public static func parse(_ string: String) -> Decimal? {
        guard let canonical = canonical(string, allowingExponent: false),
              canonical.digits.count <= 38,
              let decimal = Decimal(string: string, locale: posix),
              !decimal.isNaN,
              Self.canonical(decimal.description, allowingExponent: true) == canonical  // nothing silently dropped
        else { return nil }
        return decimal
    }

    /// Validates the full grammar (the wire's has no exponent; `Decimal`'s
    /// own description may have one) and reduces the number; `nil` on any deviation.
    private static func canonical(_ string: String, allowingExponent: Bool) -> Canonical? {
        var bytes = string.utf8.makeIterator()
        var current = bytes.next()
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 &- UInt8(ascii: "0") < 10 } ?? false }

        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            current = bytes.next()
        }
        var digits: [UInt8] = []
        var fractionCount = 0
        // Integer part: 0 | [1-9][0-9]*
        guard isDigit(current) else { return nil }
        if current == UInt8(ascii: "0") {
            current = bytes.next()
        } else {
            while let byte = current, isDigit(byte) {
                digits.append(byte)
                current = bytes.next()
            }
        }
        // Fraction: (\.[0-9]+)?
        if current == UInt8(ascii: ".") {
            current = bytes.next()
            guard isDigit(current) else { return nil }
            while let byte = current, isDigit(byte) {
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte) }
                fractionCount += 1
                current = bytes.next()
            }
        }
        // Exponent: ([eE][+-]?[0-9]+)?
        var exponent = 0
        if allowingExponent, current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            current = bytes.next()
            var exponentNegative = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                exponentNegative = current == UInt8(ascii: "-")
                current = bytes.next()
            }
            guard isDigit(current) else { return nil }
            while let byte = current, isDigit(byte) {
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
                current = bytes.next()
            }
            if exponentNegative { exponent = -exponent }
        }
        guard current == nil else { return nil }

        exponent -= fractionCount
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return Canonical(negative: false, digits: [], exponent: 0) }
        return Canonical(negative: negative, digits: digits, exponent: exponent)
    }
}
