import XCTest
@testable import CharterCore

/// The exact number arithmetic bounds are merged and fitted with: comparison, common multiples, rounding to integers.
final class NumberBoundsTests: XCTestCase {
    func number(_ literal: String) -> JSONNumber { JSONNumber(literal: literal)! }

    /// Rows: two literals → their order by value.
    func testComparisonIsExact() {
        let rows: [(a: String, b: String, order: Int)] = [
            ("1", "2", -1), ("2", "1.5", 1), ("1.50", "1.5", 0), ("1e2", "100", 0), ("-0", "0", 0),
            ("-1", "0", -1), ("-2", "-1.5", -1), ("9007199254740993", "9007199254740992", 1),
            ("0.1", "0.10000000000000001", -1), ("1e-400", "0", 1), ("-1e400", "-1e399", -1), ("12", "1.2e1", 0),
        ]
        for row in rows {
            XCTAssertEqual(JSONNumber.compare(number(row.a), number(row.b)), row.order, "\(row.a) vs \(row.b)")
            XCTAssertEqual(JSONNumber.compare(number(row.b), number(row.a)), -row.order, "\(row.b) vs \(row.a)")
        }
    }

    /// Rows: two divisors → the least number both divide (nil when it cannot be computed).
    func testLeastCommonMultiple() {
        let rows: [(a: String, b: String, lcm: String?)] = [
            ("4", "6", "12"), ("0.2", "0.3", "0.6"), ("2.5", "1", "5"), ("0.5", "0.25", "0.5"), ("1e3", "15", "3000"),
            ("0", "2", nil), ("-2", "3", nil), ("999999999999999989", "999999999999999967", nil),
        ]
        for row in rows {
            let result = JSONNumber.leastCommonMultiple(number(row.a), number(row.b))
            XCTAssertEqual(result.map { $0.canonical }, row.lcm.map { number($0).canonical }, "\(row.a), \(row.b)")
        }
    }

    /// Rows: a literal and a rounding → where it lands against `Int`; and the integer divisor of a `multipleOf`.
    func testIntegerPlacement() {
        let rows: [(literal: String, up: IntegerPlacement, down: IntegerPlacement)] = [
            ("1.5", .value(2), .value(1)), ("-1.5", .value(-1), .value(-2)), ("7", .value(7), .value(7)),
            ("1e-400", .value(1), .value(0)), ("-1e-400", .value(0), .value(-1)), ("1e20", .aboveInt64, .aboveInt64),
            ("-9223372036854775808", .value(Int.min), .value(Int.min)), ("-9223372036854775808.5", .value(Int.min), .belowInt64),
            ("9223372036854775807.5", .aboveInt64, .value(Int.max)), ("1e99999999999999999999", .aboveInt64, .aboveInt64),
        ]
        for row in rows {
            XCTAssertEqual(number(row.literal).integerPlacement(rounding: .up), row.up, "\(row.literal) up")
            XCTAssertEqual(number(row.literal).integerPlacement(rounding: .down), row.down, "\(row.literal) down")
        }
        let divisors: [(String, Int?)] = [("2.5", 5), ("0.1", 1), ("0.3", 3), ("4", 4), ("1.25", 5), ("0.04", 1), ("0", nil), ("-2", nil),
                                         ("0.1234567890123456789", 1_234_567_890_123_456_789), ("0.92233720368547758071", nil)]
        for (literal, divisor) in divisors {
            XCTAssertEqual(number(literal).integerMultipleDivisor, divisor, literal)
        }
    }
}
