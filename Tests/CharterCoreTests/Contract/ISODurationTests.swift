import XCTest
@testable import CharterCore

/// ISO 8601 durations as the contract grammar has them: text → the shortest and longest it can be, in seconds
/// (nil: not a duration). What `charter diff` compares windows by and generated providers keep idempotent answers for.
final class ISODurationTests: XCTestCase {
    func testRows() {
        let day = 86_400.0
        let rows: [(text: String, range: ClosedRange<Double>?)] = [
            ("PT24H", day...day), ("P1D", day...day), ("PT1M", 60...60), ("PT60S", 60...60), ("PT0.5S", 0.5...0.5),
            ("P1DT12H", 1.5 * day...1.5 * day), ("P2W", 14 * day...14 * day), ("P0D", 0...0),
            ("P1M", 28 * day...31 * day), ("P1Y2M", (365 + 56) * day...(366 + 62) * day),
            // Not durations: nothing after P or T, lower case, out of order, a fraction but on seconds, bare numbers.
            ("P", nil), ("PT", nil), ("P1DT", nil), ("p1d", nil), ("P1D2Y", nil), ("PT1S2M", nil), ("PT1.5M", nil),
            ("P1.5D", nil), ("PT.5S", nil), ("PT5.S", nil), ("PT1..5S", nil), ("24h", nil), ("", nil), ("P1DT1HT1M", nil),
            ("PT1H1H", nil), ("P١D", nil),
        ]
        for row in rows {
            XCTAssertEqual(ISODuration.range(row.text), row.range, row.text)
        }
    }
}
