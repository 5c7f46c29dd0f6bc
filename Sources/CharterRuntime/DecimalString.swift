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
/// `Decimal` does not keep scale (`"19.90"` decodes to 19.9), so the text is
/// chosen on encode: with no ``patterns`` it is the plain form (`"19.9"`); with
/// the contract's `pattern`s it is the first text of the grammar writing the
/// value that matches them all (``text(matching:)``: `"19.90"` under
/// `^[0-9]+\.[0-9]{2}$`), so what is sent passes the contract's own pattern;
/// the plain form when no such text exists (validation reports that value).
///
/// Equality and hashing compare the value only, never the patterns.
public struct DecimalString: Codable, Hashable, Sendable {
    /// The exact decimal value.
    public var value: Decimal

    /// The `pattern`s the encoded text must match (empty: the plain form is written); never decoded.
    public var patterns: [String]

    /// Wraps `value`, written in its plain form.
    public init(_ value: Decimal) {
        self.value = value
        patterns = []
    }

    /// Wraps `value`, written as the first text of it that matches every one of `patterns` (generated code passes
    /// the contract's `pattern` of a decimal string here: `DecimalString(self.amount, matching: "^[0-9]+\\.[0-9]{2}$")`).
    public init(_ value: Decimal, matching patterns: String...) {
        self.value = value
        self.patterns = patterns
    }

    /// Parses the strict wire grammar (see the type's documentation); `nil` if
    /// `string` does not match it or cannot be held exactly.
    public init?(_ string: String) {
        guard let decimal = Self.parse(string) else { return nil }
        value = decimal
        patterns = []
    }

    /// The plain (non-exponent) wire string, e.g. `"-0.000000001"`; `nil` for NaN.
    public var string: String? {
        value.isNaN ? nil : value.description
    }

    /// The first text of the contract grammar writing the value that matches every one of `patterns` (ECMA-262,
    /// through the process-wide pattern cache, as validation compiles them); `nil` when none does, a pattern is not
    /// a valid regular expression, or the value is NaN.
    ///
    /// `Decimal` does not keep the text it was written as (`"10.00"` is `10`), so the texts tried, in order, are
    /// its plain form (`"10"`), that form with 1 to 38 fractional zeros added (`"10.0"`, `"10.00"`, …) and, for
    /// zero, the same with a minus sign (`"-0"`, `"-0.0"`, …): every text a `DecimalString` decodes to this value,
    /// but for more trailing zeros than that. `Validation.decimalPattern` passes a value when this finds a text,
    /// and encoding writes the text it finds.
    public func text(matching patterns: [String]) -> String? {
        guard let plain = string else { return nil }
        func matchesAll(_ text: String) -> Bool {
            patterns.allSatisfy { PatternCache.shared.matches(text, pattern: $0) == true }
        }
        for signed in value.isZero ? [plain, "-" + plain] : [plain] {
            if matchesAll(signed) { return signed }
            var text = signed.contains(".") ? signed : signed + "."
            for _ in 0..<38 {
                text += "0"
                if matchesAll(text) { return text }
            }
        }
        return nil
    }

    /// The text this value is written as: the first matching ``patterns`` (``text(matching:)``), else the plain form;
    /// nil for NaN, which is no number.
    public var writtenText: String? {
        patterns.isEmpty ? string : text(matching: patterns) ?? string
    }

    /// Equal when the values are: the patterns only choose how the value is written.
    public static func == (lhs: DecimalString, rhs: DecimalString) -> Bool {
        lhs.value == rhs.value
    }

    /// Hashes the value only, as `==` compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
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
            patterns = []
        } else if let decimal = try? container.decode(Decimal.self) {
            // JSONDecoder never makes a NaN of a number; a decoder that reads Decimal's own fields (a property list) can.
            guard !decimal.isNaN else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "NaN is not a decimal number.")
            }
            value = decimal
            patterns = []
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
        patterns = []
    }

    /// Encodes the first text matching ``patterns`` (``text(matching:)``), else the plain decimal string; throws
    /// `EncodingError.invalidValue` for NaN.
    public func encode(to encoder: any Encoder) throws {
        guard let string = writtenText else {
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
