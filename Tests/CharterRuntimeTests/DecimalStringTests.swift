import CharterRuntime
import Foundation
import XCTest

final class DecimalStringTests: XCTestCase {
    /// Wire string → value → wire string.
    func testValidStringsDecodeExactly() throws {
        let rows: [(wire: String, encoded: String, line: UInt)] = [
            ("19.99", "19.99", #line),
            ("0.1", "0.1", #line),
            ("0.01", "0.01", #line),
            ("-0.000000001", "-0.000000001", #line),
            ("0", "0", #line),
            ("-0", "0", #line),
            ("100", "100", #line),
            ("19.90", "19.9", #line),  // Decimal keeps no scale: trailing zeros drop
            ("1.000", "1", #line),
            ("123456789012345678901234567890", "123456789012345678901234567890", #line),
            ("12345678901234567890.1234567890", "12345678901234567890.123456789", #line),
            ("-9999999999999999999999999999.99", "-9999999999999999999999999999.99", #line),
            ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999", #line),  // 38 digits
            ("0.00000000000000000000000000000000000001", "0.00000000000000000000000000000000000001", #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(DecimalString.self, "\"\(row.wire)\"")
            XCTAssertEqual(decoded.value, dec(row.wire), row.wire, line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), "\"\(row.encoded)\"", row.wire, line: row.line)
            XCTAssertEqual(DecimalString(row.wire)?.value, decoded.value, line: row.line)
        }
    }

    func testInvalidStringsAreRejected() {
        let rows: [(wire: String, line: UInt)] = [
            ("12abc", #line), ("", #line), (" 1", #line), ("1 ", #line), ("+1", #line),
            (".5", #line), ("5.", #line), ("01", #line), ("-01.5", #line), ("00", #line),
            ("1,5", #line), ("1.5.5", #line), ("1e", #line), ("1e+", #line), ("1e1.5", #line),
            ("--1", #line), ("-", #line), ("NaN", #line), ("Infinity", #line), ("0x10", #line),
            ("١٢", #line), ("1_000", #line), ("1\u{0}", #line),
            ("1234567890123456789012345678901234567890123", #line),  // 43 digits: not exact
            ("1.23456789012345678901234567890123456789", #line),     // 39 significant digits
            ("1e200", #line), ("1e-200", #line), ("1e99999999999999999999", #line),
            // The contract grammar has no exponent: "1e3" would come back as "1000".
            ("1e3", #line), ("1E+3", #line), ("2.5e-3", #line), ("-12.5E1", #line), ("0e0", #line),
        ]
        for row in rows {
            XCTAssertNil(DecimalString(row.wire), row.wire, line: row.line)
            let json = String(decoding: try! JSONEncoder().encode(row.wire), as: UTF8.self)
            XCTAssertThrowsError(try decodeJSON(DecimalString.self, json), row.wire, line: row.line) { error in
                XCTAssertTrue(decodingMessage(error).contains("\"\(row.wire)\""), "quotes the input", line: row.line)
            }
        }
    }

    func testJSONNumbersAreAcceptedExactly() throws {
        let rows: [(json: String, expected: String, line: UInt)] = [
            ("19.99", "19.99", #line),
            ("0.1", "0.1", #line),
            ("-5", "-5", #line),
            ("12345678901234567890.123456789", "12345678901234567890.123456789", #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(DecimalString.self, row.json)
            XCTAssertEqual(decoded.value, dec(row.expected), line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), "\"\(row.expected)\"", line: row.line)
        }
    }

    /// `init(stringFrom:)`, what a union's decimal-string alternative decodes with: strings only, never a number.
    func testStringOnlyDecodingRefusesNumbers() throws {
        struct StringOnly: Decodable {
            let value: Decimal
            init(from decoder: any Decoder) throws { value = try DecimalString(stringFrom: decoder).value }
        }
        XCTAssertEqual(try decodeJSON(StringOnly.self, #""19.99""#).value, dec("19.99"))
        for json in ["19.99", #""1e5""#, #""abc""#, "null"] {
            XCTAssertThrowsError(try decodeJSON(StringOnly.self, json), json)
        }
    }

    func testOtherJSONIsATypeMismatch() {
        for json in ["true", "null", "[]", "{}"] {
            XCTAssertThrowsError(try decodeJSON(DecimalString.self, json), json)
        }
    }

    func testEncodingNeverPassesThroughDouble() throws {
        // 0.1 + 0.2 is exactly 0.3 in Decimal; through Double it would not be.
        let sum = DecimalString(dec("0.1") + dec("0.2"))
        XCTAssertEqual(try encodeJSON(sum), #""0.3""#)
        XCTAssertEqual(try encodeJSON([DecimalString(dec("1e-20"))]), #"["0.00000000000000000001"]"#)
        XCTAssertEqual(DecimalString(dec("1e30")).string, "1000000000000000000000000000000")
    }

    /// Rows: a value → what encoding writes (nil: refused with `EncodingError.invalidValue`, as every non-finite
    /// number is — see NonFiniteNumberTests), through JSON and through a property list.
    func testNaNIsRefusedOnEncode() throws {
        let rows: [(value: Decimal, wire: String?, line: UInt)] = [
            (dec("19.99"), "19.99", #line),
            (Decimal(0), "0", #line),
            (.nan, nil, #line),
            (-Decimal.nan, nil, #line),
            (.quietNaN, nil, #line),
        ]
        for row in rows {
            XCTAssertEqual(DecimalString(row.value).string, row.wire, line: row.line)
            let encoders: [(name: String, encode: () throws -> String)] = [
                ("JSON", { try encodeJSON(DecimalString(row.value)) }),
                ("JSON array", { try encodeJSON([DecimalString(row.value)]) }),
                ("property list", { try Self.plistString(DecimalString(row.value)) }),
            ]
            for encoder in encoders {
                do {
                    let text = try encoder.encode()
                    XCTAssertNotNil(row.wire, "\(encoder.name) wrote \(text)", line: row.line)
                    if let wire = row.wire { XCTAssertTrue(text.contains("\"\(wire)\"") || text.contains("<string>\(wire)</string>"), "\(encoder.name): \(text)", line: row.line) }
                } catch {
                    XCTAssertNil(row.wire, "\(encoder.name): \(error)", line: row.line)
                    XCTAssertTrue(NonFiniteNumberTests.isInvalidValue(error), "\(encoder.name): \(error)", line: row.line)
                }
            }
        }
    }

    /// Rows: a property list holding a `Decimal` in its own keyed form (what a decoder other than `JSONDecoder` hands
    /// `decode(Decimal.self)`) → the value decoded (nil: refused with `DecodingError.dataCorrupted`). A NaN is refused
    /// there as the string `"NaN"` is (``testInvalidStringsAreRejected``).
    func testNaNIsRefusedOnDecode() throws {
        struct Raw: Encodable { var amount: Decimal }
        struct Wrapped: Decodable { var amount: DecimalString }
        let rows: [(value: Decimal, decoded: Decimal?, line: UInt)] = [
            (dec("19.99"), dec("19.99"), #line),
            (dec("-0.5"), dec("-0.5"), #line),
            (.nan, nil, #line),
            (-Decimal.nan, nil, #line),
        ]
        for row in rows {
            let data = try PropertyListEncoder().encode(Raw(amount: row.value))
            do {
                let decoded = try PropertyListDecoder().decode(Wrapped.self, from: data)
                XCTAssertEqual(decoded.amount.value, row.decoded, line: row.line)
            } catch {
                XCTAssertNil(row.decoded, "\(error)", line: row.line)
                XCTAssertEqual(decodingMessage(error, line: row.line), "NaN is not a decimal number.", line: row.line)
            }
        }
    }

    /// Rows: value, patterns → the text ``DecimalString/text(matching:)`` finds (nil: none) and the JSON string a
    /// `DecimalString` holding those patterns encodes to (the plain form when no text matches).
    func testPatternsChooseTheTextWritten() throws {
        let twoPlaces = "^-?[0-9]+\\.[0-9]{2}$"
        let rows: [(value: String, patterns: [String], text: String?, encoded: String, line: UInt)] = [
            ("10", [twoPlaces], "10.00", "10.00", #line),
            ("19.9", [twoPlaces], "19.90", "19.90", #line),
            ("-0.5", [twoPlaces], "-0.50", "-0.50", #line),
            ("19.99", [twoPlaces], "19.99", "19.99", #line),                  // the plain form when it matches
            ("0", [twoPlaces], "0.00", "0.00", #line),                        // unsigned zero first
            ("0", ["^-0\\.0$"], "-0.0", "-0.0", #line),                     // a sign for zero when only that matches
            ("1.5", ["^[0-9]+\\.[0-9]{3}$", "^.{5}$"], "1.500", "1.500", #line),  // every pattern
            ("1.5", ["^[0-9]+\\.[0-9]{3}$", "^.{6}$"], nil, "1.5", #line),  // no text matches both: the plain form
            ("19.999", [twoPlaces], nil, "19.999", #line),                    // a digit too many: the plain form
            ("7", ["([a-z"], nil, "7", #line),                                // an invalid pattern matches nothing
            ("7", [], "7", "7", #line),                                       // no pattern: the plain form
        ]
        for row in rows {
            var wrapped = DecimalString(dec(row.value))
            wrapped.patterns = row.patterns
            XCTAssertEqual(wrapped.text(matching: row.patterns), row.text, "\(row.value) ~ \(row.patterns)", line: row.line)
            XCTAssertEqual(try encodeJSON(wrapped), "\"\(row.encoded)\"", "\(row.value) ~ \(row.patterns)", line: row.line)
            // The patterns choose the text only: equality and hashing are the value's.
            XCTAssertEqual(wrapped, DecimalString(dec(row.value)), line: row.line)
            XCTAssertEqual(wrapped.hashValue, DecimalString(dec(row.value)).hashValue, line: row.line)
        }
        XCTAssertEqual(try encodeJSON(DecimalString(10, matching: twoPlaces, "^10")), #""10.00""#)
        XCTAssertNil(DecimalString(.nan, matching: twoPlaces).text(matching: [twoPlaces]))
    }

    /// `value` as an XML property list (a single value is wrapped in an array: a property list's root is a container).
    private static func plistString<T: Encodable>(_ value: T) throws -> String {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .xml
        return String(decoding: try encoder.encode([value]), as: UTF8.self)
    }

    func testInStructWithArrays() throws {
        struct Line: Codable, Equatable {
            var prices: [Decimal]
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: AnyCodingKey.self)
                prices = try c.decode([DecimalString].self, forKey: AnyCodingKey("prices")).map(\.value)
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: AnyCodingKey.self)
                try c.encode(prices.map(DecimalString.init), forKey: AnyCodingKey("prices"))
            }
        }
        let json = #"{"prices":["19.99","0.05","1000000.01"]}"#
        XCTAssertEqual(try encodeJSON(try decodeJSON(Line.self, json)), json)
    }
}
