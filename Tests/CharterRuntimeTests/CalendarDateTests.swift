import CharterRuntime
import Foundation
import XCTest

final class CalendarDateTests: XCTestCase {
    func testValidatedInit() {
        let rows: [(year: Int, month: Int, day: Int, valid: Bool, line: UInt)] = [
            (2024, 2, 29, true, #line),
            (2023, 2, 29, false, #line),
            (2000, 2, 29, true, #line),
            (1900, 2, 29, false, #line),
            (2024, 4, 30, true, #line),
            (2024, 4, 31, false, #line),
            (2024, 12, 31, true, #line),
            (2024, 13, 1, false, #line),
            (2024, 0, 1, false, #line),
            (2024, 1, 0, false, #line),
            (1, 1, 1, true, #line),
            (9999, 12, 31, true, #line),
            (0, 1, 1, false, #line),
            (10000, 1, 1, false, #line),
            (-5, 1, 1, false, #line),
        ]
        for row in rows {
            let date = CalendarDate(year: row.year, month: row.month, day: row.day)
            XCTAssertEqual(date != nil, row.valid, "\(row)", line: row.line)
        }
    }

    func testParsingAndDescription() {
        let rows: [(text: String, parsed: CalendarDate?, line: UInt)] = [
            ("2024-03-01", CalendarDate(year: 2024, month: 3, day: 1), #line),
            ("0001-01-01", CalendarDate(year: 1, month: 1, day: 1), #line),
            ("9999-12-31", CalendarDate(year: 9999, month: 12, day: 31), #line),
            ("2024-02-29", CalendarDate(year: 2024, month: 2, day: 29), #line),
            ("2023-02-29", nil, #line),
            ("2024-3-01", nil, #line),
            ("2024-03-1", nil, #line),
            ("2024-03-01T00:00:00Z", nil, #line),
            ("2024-03-01 ", nil, #line),
            ("20240301", nil, #line),
            ("0000-01-01", nil, #line),
            ("", nil, #line),
        ]
        for row in rows {
            XCTAssertEqual(CalendarDate(row.text), row.parsed, row.text, line: row.line)
            XCTAssertEqual(RFC3339.parseFullDate(row.text), row.parsed, row.text, line: row.line)
            if let parsed = row.parsed {
                XCTAssertEqual(parsed.description, row.text, line: row.line)
            }
        }
        XCTAssertEqual(CalendarDate(year: 7, month: 8, day: 9)?.description, "0007-08-09")
    }

    func testComparableAndCodable() throws {
        let dates = ["2024-03-01", "2023-12-31", "2024-02-29", "0001-01-01"].compactMap(CalendarDate.init)
        XCTAssertEqual(dates.sorted().map(\.description), ["0001-01-01", "2023-12-31", "2024-02-29", "2024-03-01"])
        XCTAssertEqual(try decodeJSON([CalendarDate].self, #"["2024-02-29"]"#), [CalendarDate(year: 2024, month: 2, day: 29)!])
        XCTAssertEqual(try encodeJSON(CalendarDate(year: 2024, month: 2, day: 29)!), #""2024-02-29""#)
        XCTAssertThrowsError(try decodeJSON(CalendarDate.self, #""2024-02-30""#)) { error in
            XCTAssertTrue(decodingMessage(error).contains(#""2024-02-30""#))
        }
        XCTAssertThrowsError(try decodeJSON(CalendarDate.self, "20240229"))
    }

    func testConversionToAndFromDates() throws {
        let utc = TimeZone(secondsFromGMT: 0)!
        let plusTwo = TimeZone(secondsFromGMT: 7200)!
        let minusFive = TimeZone(secondsFromGMT: -18_000)!
        let day = CalendarDate(year: 2024, month: 3, day: 1)!
        XCTAssertEqual(RFC3339.formatDateTime(day.date(in: utc)), "2024-03-01T00:00:00Z")
        XCTAssertEqual(RFC3339.formatDateTime(day.date(in: plusTwo)), "2024-02-29T22:00:00Z")
        XCTAssertEqual(RFC3339.formatDateTime(day.date(in: minusFive)), "2024-03-01T05:00:00Z")
        XCTAssertEqual(RFC3339.formatDateTime(CalendarDate(year: 1, month: 1, day: 1)!.date(in: utc)), "0001-01-01T00:00:00Z")

        let instant = RFC3339.parseDateTime("2024-03-01T23:30:00Z")!
        XCTAssertEqual(CalendarDate(instant, in: utc), day)
        XCTAssertEqual(CalendarDate(instant, in: plusTwo), CalendarDate(year: 2024, month: 3, day: 2))
        XCTAssertEqual(CalendarDate(RFC3339.parseDateTime("1969-12-31T23:59:59Z")!, in: utc), CalendarDate(year: 1969, month: 12, day: 31))
        XCTAssertNil(CalendarDate(Date(timeIntervalSinceReferenceDate: .infinity), in: utc))

        if let newYork = TimeZone(identifier: "America/New_York") {
            let springForward = CalendarDate(year: 2024, month: 3, day: 10)!
            XCTAssertEqual(RFC3339.formatDateTime(springForward.date(in: newYork)), "2024-03-10T05:00:00Z")
            let summer = CalendarDate(year: 2024, month: 7, day: 1)!
            XCTAssertEqual(RFC3339.formatDateTime(summer.date(in: newYork)), "2024-07-01T04:00:00Z")
        }
    }
}
