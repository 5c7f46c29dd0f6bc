import Foundation
import XCTest
@testable import CharterCore

final class JSONNumberTests: XCTestCase {
    private func number(_ literal: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNumber {
        guard let node = parseOrFail(literal, file: file, line: line), let n = node.number else {
            XCTFail("\(literal) is not a number", file: file, line: line)
            return JSONNumber(0)
        }
        return n
    }

    func testLiteralIsKeptAsWritten() throws {
        for literal in ["0", "-0", "19.990", "-1e5", "1E+2", "1e-05", "-0.0", "123456789012345678901234567890",
                        "1e400", "-1.5E-400", String(repeating: "9", count: 100)] {
            XCTAssertEqual(number(literal).literal, literal)
            XCTAssertEqual(number(literal).description, literal)
        }
        let root = try XCTUnwrap(parseOrFail("{\"price\": 19.990, \"qty\": [1e2, 100]}"))
        XCTAssertEqual(root["price"]?.number?.literal, "19.990")
        XCTAssertEqual(JSONWriter.write(root), "{\"price\":19.990,\"qty\":[1e2,100]}")
    }

    /// Rows of literals with the same mathematical value.
    func testEqualValues() {
        let rows: [(String, String)] = [
            ("1", "1.0"), ("1", "1e0"), ("1", "10e-1"), ("1", "0.1e1"), ("100", "1e2"), ("100", "1E+2"),
            ("-0", "0"), ("0", "0.000e10"), ("0", "-0.0e-5"), ("1.5", "15e-1"), ("12300", "1.23e4"),
            ("-12.5", "-1250e-2"), ("1e400", "10e399"), ("0.001", "1e-3"), ("1e-05", "1e-5"),
            ("1e99999999999999999999", "10e99999999999999999998"),
            ("1e-99999999999999999999", "0.1e-99999999999999999998"),
            ("1e100000000000000000000", "0.01e100000000000000000002"),
            (String(repeating: "9", count: 100), String(repeating: "9", count: 100) + ".000"),
        ]
        for (a, b) in rows {
            XCTAssertEqual(number(a), number(b), "\(a) == \(b)")
            XCTAssertEqual(number(a).hashValue, number(b).hashValue, "hash(\(a)) == hash(\(b))")
            XCTAssertEqual(number(a).canonical, number(b).canonical)
        }
    }

    /// Rows of literals with different values, even when they round to the same `Double`.
    func testDifferentValues() {
        let rows: [(String, String)] = [
            ("0.1", "0.10000000000000001"), ("1", "-1"), ("1e400", "1e401"),
            ("100000000000000000001", "100000000000000000000"),
            ("9007199254740993", "9007199254740992"),
            ("1e99999999999999999999", "1e99999999999999999998"),
            ("1e-99999999999999999999", "1e99999999999999999999"),
            ("1.5", "1.50001"),
        ]
        for (a, b) in rows {
            XCTAssertNotEqual(number(a), number(b), "\(a) != \(b)")
        }
        XCTAssertEqual(Set(["1", "1.0", "1e0", "2", "0.2e1", "-0", "0"].map { number($0) }).count, 3)
    }

    func testCanonicalForm() {
        let rows: [(String, String)] = [
            ("0", "0"), ("-0.0", "0"), ("1", "1e0"), ("1.50", "15e-1"), ("100", "1e2"), ("0.001", "1e-3"),
            ("-12.5e3", "-125e2"), ("120e-3", "12e-2"), ("1e99999999999999999999", "1e99999999999999999999"),
            ("0.1e-99999999999999999999", "1e-100000000000000000000"),
            ("100e99999999999999999998", "1e100000000000000000000"),
        ]
        for (literal, canonical) in rows {
            XCTAssertEqual(number(literal).canonical, canonical, literal)
        }
    }

    func testIntegerViews() {
        let rows: [(String, Bool, Int?)] = [
            ("0", true, 0), ("-0", true, 0), ("0.0", true, 0), ("1", true, 1), ("1.0", true, 1),
            ("1e2", true, 100), ("-1.5e1", true, -15), ("1.5", false, nil), ("1e-1", false, nil),
            ("9223372036854775807", true, Int.max), ("-9223372036854775808", true, Int.min),
            ("9223372036854775808", true, nil), ("-9223372036854775809", true, nil),
            ("1e18", true, 1_000_000_000_000_000_000), ("1e19", true, nil), ("1e400", true, nil),
            ("1e-400", false, nil), (String(repeating: "9", count: 100), true, nil),
            ("0e-5", true, 0), ("123.4500e2", true, 12345),
        ]
        for (literal, isInteger, int) in rows {
            XCTAssertEqual(number(literal).isInteger, isInteger, literal)
            XCTAssertEqual(number(literal).intValue, int, literal)
        }
    }

    func testDoubleView() {
        XCTAssertEqual(number("0.1").doubleValue, 0.1)
        XCTAssertEqual(number("-1e5").doubleValue, -100_000)
        XCTAssertEqual(number("1e400").doubleValue, .infinity)
        XCTAssertEqual(number("-1e400").doubleValue, -.infinity)
        XCTAssertEqual(number("1e-400").doubleValue, 0)
        XCTAssertEqual(number(String(repeating: "9", count: 400)).doubleValue, .infinity)
    }

    func testDecimalView() {
        let posix = Locale(identifier: "en_US_POSIX")
        XCTAssertEqual(number("19.990").decimalValue, Decimal(string: "19.99", locale: posix))
        XCTAssertEqual(number("-0.01").decimalValue, Decimal(string: "-0.01", locale: posix))
        XCTAssertEqual(number("0").decimalValue, 0)
        XCTAssertEqual(number("1e2").decimalValue, 100)
        XCTAssertEqual(number("0.1").decimalValue?.description, "0.1")
        let max38 = String(repeating: "9", count: 38)
        XCTAssertEqual(number(max38).decimalValue?.description, max38)
        XCTAssertEqual(number("1e130").decimalValue, Decimal(string: "1000e127", locale: posix))
        XCTAssertNil(number(String(repeating: "9", count: 39) + "1").decimalValue, "40 significant digits")
        XCTAssertNil(number("1e400").decimalValue)
        XCTAssertNil(number("1e-200").decimalValue)
        XCTAssertNil(number("1e99999999999999999999").decimalValue)
    }

    func testLiteralValidation() {
        for valid in ["0", "-0", "1", "-1.5", "1e5", "1E-5", "0.0e+0", "123456789"] {
            XCTAssertNotNil(JSONNumber(literal: valid), valid)
        }
        for invalid in ["", "-", "+1", "01", "1.", ".1", "1e", "1e+", "NaN", "Infinity", "0x1", "1 ", " 1", "1_0", "١"] {
            XCTAssertNil(JSONNumber(literal: invalid), invalid)
        }
    }

    func testNumbersFromSwiftValues() {
        XCTAssertEqual(JSONNumber(-42).literal, "-42")
        XCTAssertEqual(JSONNumber(1.5)?.literal, "1.5")
        XCTAssertEqual(JSONNumber(1e100)?.literal, "1e+100")
        XCTAssertEqual(JSONNumber(1e100)?.doubleValue, 1e100)
        XCTAssertNil(JSONNumber(Double.nan))
        XCTAssertNil(JSONNumber(Double.infinity))
        XCTAssertEqual(JSONNumber(Decimal(string: "19.99")!)?.literal, "19.99")
        XCTAssertEqual(JSONNumber(Decimal(string: "19.99")!), JSONNumber(literal: "19.990"))
    }
}
