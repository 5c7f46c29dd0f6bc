import CharterRuntime
import Foundation
import XCTest

final class RFC3339Tests: XCTestCase {
    /// Valid `date-time` strings and their instants (seconds since 1970, exact
    /// decimals; reference values computed independently).
    func testParsesValidDateTimes() {
        let rows: [(input: String, unix: String, line: UInt)] = [
            ("1970-01-01T00:00:00Z", "0", #line),
            ("2024-03-01T09:00:00Z", "1709283600", #line),
            ("2024-03-01T09:00:00z", "1709283600", #line),
            ("2024-03-01t09:00:00Z", "1709283600", #line),
            ("2024-03-01T10:00:00+01:00", "1709283600", #line),
            ("2024-03-01T04:30:00-04:30", "1709283600", #line),
            ("2024-03-01T09:00:00+00:00", "1709283600", #line),
            ("2024-03-01T09:00:00-00:00", "1709283600", #line),
            ("2024-03-02T08:59:00+23:59", "1709283600", #line),
            ("2024-02-29T12:00:00Z", "1709208000", #line),
            ("2000-02-29T00:00:00Z", "951782400", #line),
            ("1969-12-31T23:59:59Z", "-1", #line),
            ("1600-03-01T00:00:00Z", "-11670912000", #line),
            ("0001-01-01T00:00:00Z", "-62135596800", #line),
            ("9999-12-31T23:59:59Z", "253402300799", #line),
            ("1985-04-12T23:20:50.52Z", "482196050.52", #line),
            ("1937-01-01T12:00:27.87+00:20", "-1041337172.13", #line),
            ("2024-03-01T09:00:00.1Z", "1709283600.1", #line),
            ("2024-03-01T09:00:00.12Z", "1709283600.12", #line),
            ("2024-03-01T09:00:00.123Z", "1709283600.123", #line),
            ("2024-03-01T09:00:00.1234Z", "1709283600.1234", #line),
            ("2024-03-01T09:00:00.12345Z", "1709283600.12345", #line),
            ("2024-03-01T09:00:00.123456Z", "1709283600.123456", #line),
            ("2024-03-01T09:00:00.1234567Z", "1709283600.1234567", #line),
            ("2024-03-01T09:00:00.12345678Z", "1709283600.12345678", #line),
            ("2024-03-01T09:00:00.123456789Z", "1709283600.123456789", #line),
            ("2024-03-01T09:00:00.1234567891234Z", "1709283600.123456789", #line),
            ("2024-03-01T09:00:00.000Z", "1709283600", #line),
            ("1969-12-31T23:59:59.5Z", "-0.5", #line),
            // Leap second: one second after :59, i.e. the next minute's :00.
            ("2016-12-31T23:59:60Z", "1483228800", #line),
            ("2016-12-31T23:59:60.5Z", "1483228800.5", #line),
            ("2016-12-31T18:59:60-05:00", "1483228800", #line),
        ]
        for row in rows {
            guard let date = RFC3339.parseDateTime(row.input) else {
                XCTFail("rejected \(row.input)", line: row.line)
                continue
            }
            XCTAssertEqual(date.timeIntervalSince1970, Double(row.unix)!, accuracy: 1e-6, row.input, line: row.line)
        }
    }

    func testRejectsInvalidDateTimes() {
        let rows: [(input: String, line: UInt)] = [
            ("2023-02-29T00:00:00Z", #line),  // not a leap year
            ("1900-02-29T00:00:00Z", #line),  // century, not a leap year
            ("2024-04-31T00:00:00Z", #line),
            ("2024-13-01T00:00:00Z", #line),
            ("2024-00-10T00:00:00Z", #line),
            ("2024-01-00T00:00:00Z", #line),
            ("0000-01-01T00:00:00Z", #line),
            ("2024-01-01T24:00:00Z", #line),
            ("2024-01-01T00:60:00Z", #line),
            ("2024-01-01T00:00:61Z", #line),
            ("2024-01-01T00:00:00", #line),  // missing offset
            ("2024-01-01T00:00:00.5", #line),
            ("2024-1-01T00:00:00Z", #line),
            ("2024-01-1T00:00:00Z", #line),
            ("24-01-01T00:00:00Z", #line),
            ("+2024-01-01T00:00:00Z", #line),
            ("2024-01-01T0:00:00Z", #line),
            ("2024-01-01T00:00Z", #line),
            ("2024-01-01T00:00:00Zjunk", #line),
            ("2024-01-01T00:00:00Z ", #line),
            (" 2024-01-01T00:00:00Z", #line),
            ("2024-01-01T00:00:00+01:00x", #line),
            ("2024-01-01T00:00:00.Z", #line),
            ("2024-01-01T00:00:00,5Z", #line),
            ("2024-01-01 00:00:00Z", #line),
            ("2024-01-01_00:00:00Z", #line),
            ("2024/01/01T00:00:00Z", #line),
            ("2024-01-01T00:00:00+24:00", #line),
            ("2024-01-01T00:00:00+01:60", #line),
            ("2024-01-01T00:00:00+0100", #line),
            ("2024-01-01T00:00:00+01", #line),
            ("2024-01-01T00:00:00UTC", #line),
            ("２０２４-01-01T00:00:00Z", #line),
            ("2024-01-01", #line),
            ("", #line),
        ]
        for row in rows {
            XCTAssertNil(RFC3339.parseDateTime(row.input), "accepted \(row.input)", line: row.line)
        }
    }

    /// Rows: a `date-time` near the ends of years 0001–9999 → whether it is read. A `Date` is an instant, written
    /// back in UTC (`Z`), so an offset that puts the instant in UTC year 0000 or 10000 makes a text that could not
    /// be written again: it is refused, as `0000-01-01T00:00:00Z` is.
    func testRefusesInstantsOutsideTheYearsInUTC() {
        let rows: [(input: String, read: Bool, line: UInt)] = [
            ("0001-01-01T00:00:00Z", true, #line),
            ("0001-01-01T01:00:00+01:00", true, #line),  // 0001-01-01T00:00:00Z
            ("0001-01-01T00:00:00-23:59", true, #line),
            ("0001-01-01T00:00:00+01:00", false, #line),  // 0000-12-31T23:00:00Z
            ("0001-01-01T00:59:59.999+01:00", false, #line),
            ("0001-01-01T00:00:00+00:01", false, #line),
            ("0001-01-01T00:00:00.5+00:01", false, #line),
            ("9999-12-31T23:59:59Z", true, #line),
            ("9999-12-31T23:59:59.999Z", true, #line),
            ("9999-12-31T22:59:59-01:00", true, #line),  // 9999-12-31T23:59:59Z
            ("9999-12-31T23:59:59+23:59", true, #line),
            ("9999-12-31T23:30:00-01:00", false, #line),  // 10000-01-01T00:30:00Z
            ("9999-12-31T23:00:00-01:00", false, #line),  // 10000-01-01T00:00:00Z
            ("9999-12-31T23:59:59-00:01", false, #line),
            ("9999-12-31T23:59:60Z", false, #line),  // a leap second folds onto 10000-01-01T00:00:00Z
            ("9999-12-31T23:59:59.9999999Z", false, #line),  // a Double this far out holds it as 10000-01-01T00:00:00Z
        ]
        for row in rows {
            let date = RFC3339.parseDateTime(row.input)
            XCTAssertEqual(date != nil, row.read, row.input, line: row.line)
            if let date {
                XCTAssertNoThrow(try encodeJSON(RFC3339DateTime(date)), row.input, line: row.line)
            }
        }
    }

    /// Every instant read at the ends of years 0001–9999, whatever its offset, is written again (the text read
    /// back is the same instant); every one refused is outside those years in UTC.
    func testWhatIsReadAtTheEndsOfTheYearsIsWrittenAgain() throws {
        let first = -62_135_596_800.0  // 0001-01-01T00:00:00Z
        let end = 253_402_300_800.0  // 10000-01-01T00:00:00Z
        for (local, localSeconds) in [("0001-01-01T00:00:00", first), ("0001-01-01T23:59:59", first + 86_399),
                                      ("9999-12-31T00:00:00", end - 86_400), ("9999-12-31T23:59:59", end - 1)] {
            for offsetMinutes in stride(from: -1439, through: 1439, by: 7) {
                let sign = offsetMinutes < 0 ? "-" : "+"
                let text = local + sign + String(format: "%02d:%02d", abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
                let utc = localSeconds - Double(offsetMinutes * 60)
                let date = RFC3339.parseDateTime(text)
                XCTAssertEqual(date != nil, utc >= first && utc < end, text)
                guard let date else { continue }
                XCTAssertEqual(date.timeIntervalSince1970, utc, text)
                let written = try decodeJSON(String.self, try encodeJSON(RFC3339DateTime(date)))
                XCTAssertEqual(RFC3339.parseDateTime(written), date, text)
            }
        }
    }

    func testFormats() {
        let rows: [(unix: Double, expected: String, line: UInt)] = [
            (0, "1970-01-01T00:00:00Z", #line),
            (1_709_283_600, "2024-03-01T09:00:00Z", #line),
            (1_709_283_600.5, "2024-03-01T09:00:00.5Z", #line),
            (1_709_283_600.000001, "2024-03-01T09:00:00.000001Z", #line),
            (1_709_283_600.0000004, "2024-03-01T09:00:00Z", #line),      // rounds down to no fraction
            (1_709_283_599.9999996, "2024-03-01T09:00:00Z", #line),      // rounds up into the next second
            (-0.5, "1969-12-31T23:59:59.5Z", #line),
            (-1, "1969-12-31T23:59:59Z", #line),
            (-62_135_596_800, "0001-01-01T00:00:00Z", #line),
            (253_402_300_799, "9999-12-31T23:59:59Z", #line),
            (951_782_400, "2000-02-29T00:00:00Z", #line),
            (-11_670_912_000, "1600-03-01T00:00:00Z", #line),
        ]
        for row in rows {
            XCTAssertEqual(RFC3339.formatDateTime(Date(timeIntervalSince1970: row.unix)), row.expected, line: row.line)
        }
    }

    func testParsedFractionsPrintBackExactly() {
        let rows: [(input: String, expected: String, line: UInt)] = [
            ("2024-03-01T09:00:00.123Z", "2024-03-01T09:00:00.123Z", #line),
            ("2024-03-01T09:00:00.1Z", "2024-03-01T09:00:00.1Z", #line),
            ("2024-03-01T09:00:00.120Z", "2024-03-01T09:00:00.12Z", #line),
            ("2024-03-01T09:00:00.999999Z", "2024-03-01T09:00:00.999999Z", #line),
            ("9999-12-31T23:59:59.96Z", "9999-12-31T23:59:59.96Z", #line),
            ("2024-03-01T09:00:00.9999996Z", "2024-03-01T09:00:01Z", #line),
            ("2024-03-01T09:00:00.000001Z", "2024-03-01T09:00:00.000001Z", #line),
            ("2024-03-01T09:00:00.123456789Z", "2024-03-01T09:00:00.123457Z", #line),
            ("2024-03-01T10:00:00.25+01:00", "2024-03-01T09:00:00.25Z", #line),
            ("1850-07-04T12:00:00.001Z", "1850-07-04T12:00:00.001Z", #line),
            ("0001-01-01T00:00:00.5Z", "0001-01-01T00:00:00.5Z", #line),
            ("0001-01-01T00:00:00.001Z", "0001-01-01T00:00:00.001Z", #line),
            ("9999-12-31T23:59:59.123Z", "9999-12-31T23:59:59.123Z", #line),
            ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z", #line),
            ("1730-06-15T12:00:00.000001Z", "1730-06-15T12:00:00.000001Z", #line),
            ("2270-06-15T12:00:00.654321Z", "2270-06-15T12:00:00.654321Z", #line),
            ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z", #line),
        ]
        for row in rows {
            let date = RFC3339.parseDateTime(row.input)
            XCTAssertEqual(date.map(RFC3339.formatDateTime), row.expected, row.input, line: row.line)
        }
    }

    func testEveryMillisecondRoundTrips() {
        for millisecond in 0..<1000 {
            let fraction = String(millisecond + 1000).dropFirst()  // zero-padded to 3 digits
            var expectedFraction = String(fraction)
            while expectedFraction.last == "0" { expectedFraction.removeLast() }
            let input = "2024-03-01T09:00:00.\(fraction)Z"
            let expected = "2024-03-01T09:00:00" + (expectedFraction.isEmpty ? "" : "." + expectedFraction) + "Z"
            XCTAssertEqual(RFC3339.parseDateTime(input).map(RFC3339.formatDateTime), expected)
        }
    }

    func testMillisecondsRoundTripInFarYears() {
        for year in ["0001", "0500", "1600", "4000", "9999"] {
            for millisecond in stride(from: 1, to: 1000, by: 37) {
                let input = "\(year)-07-01T12:34:56.\(String(millisecond + 1000).dropFirst())Z"
                var expected = input.dropLast()
                while expected.last == "0" { expected.removeLast() }
                XCTAssertEqual(RFC3339.parseDateTime(input).map(RFC3339.formatDateTime), expected + "Z")
            }
        }
    }

    func testFormatRoundsArbitraryDatesToMicroseconds() {
        // Not the image of any short fraction: rounded to the nearest microsecond.
        let date = Date(timeIntervalSince1970: 1_709_283_600.123_456_7)
        XCTAssertEqual(RFC3339.formatDateTime(date), "2024-03-01T09:00:00.123457Z")
        XCTAssertEqual(RFC3339.formatDateTime(Date(timeIntervalSince1970: 1_709_283_600.999_999_9)), "2024-03-01T09:00:01Z")
    }

    func testFormatAgreesWithFoundationAcrossDays() {
        let formatter = ISO8601DateFormatter()  // test-only cross-check
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unix = Double(Int64(state >> 33) % 4_102_444_800)  // 1970 ... 2100
            let date = Date(timeIntervalSince1970: unix)
            let formatted = RFC3339.formatDateTime(date)
            XCTAssertEqual(formatted, formatter.string(from: date))
            XCTAssertEqual(RFC3339.parseDateTime(formatted), date)
        }
    }

    func testWrapperCoding() throws {
        struct Event: Codable, Equatable {
            var at: Date
            var history: [Date]
            init(at: Date, history: [Date]) { self.at = at; self.history = history }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: AnyCodingKey.self)
                at = try c.decode(RFC3339DateTime.self, forKey: AnyCodingKey("at")).value
                history = try c.decode([RFC3339DateTime].self, forKey: AnyCodingKey("history")).map(\.value)
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: AnyCodingKey.self)
                try c.encode(RFC3339DateTime(at), forKey: AnyCodingKey("at"))
                try c.encode(history.map(RFC3339DateTime.init), forKey: AnyCodingKey("history"))
            }
        }
        let json = #"{"at":"2024-03-01T09:00:00.123Z","history":["1970-01-01T00:00:00Z","2024-03-01T10:00:00+01:00"]}"#
        let event = try decodeJSON(Event.self, json)
        XCTAssertEqual(event.history[1].timeIntervalSince1970, 1_709_283_600)
        XCTAssertEqual(
            try encodeJSON(event),
            #"{"at":"2024-03-01T09:00:00.123Z","history":["1970-01-01T00:00:00Z","2024-03-01T09:00:00Z"]}"#
        )
        XCTAssertEqual(RFC3339DateTime(Date(timeIntervalSince1970: 0)), RFC3339DateTime(Date(timeIntervalSince1970: 0)))
    }

    func testWrapperErrors() {
        let rows: [(json: String, line: UInt)] = [
            (#""2023-02-29T00:00:00Z""#, #line),
            (#""yesterday""#, #line),
            ("1709283600", #line),
            ("null", #line),
        ]
        for row in rows {
            XCTAssertThrowsError(try decodeJSON(RFC3339DateTime.self, row.json), row.json, line: row.line) { error in
                let message = decodingMessage(error)
                if row.json.hasPrefix("\"") {
                    XCTAssertTrue(message.contains(row.json), "message \(message) quotes the input", line: row.line)
                }
            }
        }
        // A date-time whose instant is outside years 0001–9999 in UTC: the message says which instant it is.
        let outside: [(json: String, got: String, line: UInt)] = [
            (#""0001-01-01T00:00:00+01:00""#, #"got "0001-01-01T00:00:00+01:00" (0000-12-31T23:00:00Z)"#, #line),
            (#""9999-12-31T23:30:00-01:00""#, #"got "9999-12-31T23:30:00-01:00" (10000-01-01T00:30:00Z)"#, #line),
        ]
        for row in outside {
            XCTAssertThrowsError(try decodeJSON(RFC3339DateTime.self, row.json), row.json, line: row.line) { error in
                guard case DecodingError.dataCorrupted = error else { return XCTFail("\(error)", line: row.line) }
                XCTAssertEqual(decodingMessage(error), "Expected an RFC 3339 date-time within years 0001-9999 in UTC, \(row.got).", line: row.line)
            }
            let text = try! decodeJSON(String.self, row.json)
            XCTAssertThrowsError(try ProviderRouting.parse(text, as: Date.self, "query parameter at"), row.json, line: row.line) { error in
                XCTAssertEqual((error as? ProviderRequestError)?.message,
                               "query parameter at: expected an RFC 3339 date-time within years 0001-9999 in UTC, \(row.got)", line: row.line)
            }
        }
        XCTAssertThrowsError(try encodeJSON(RFC3339DateTime(Date(timeIntervalSince1970: 253_402_300_800)))) { error in
            guard case EncodingError.invalidValue = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try encodeJSON(RFC3339DateTime(.distantPast.addingTimeInterval(-86_400 * 400))))
        XCTAssertEqual(RFC3339.formatDateTime(Date(timeIntervalSince1970: 253_402_300_800)), "10000-01-01T00:00:00Z")
        XCTAssertFalse(RFC3339.formatDateTime(Date(timeIntervalSinceReferenceDate: .infinity)).isEmpty, "no trap")
        XCTAssertFalse(RFC3339.formatDateTime(Date(timeIntervalSinceReferenceDate: .nan)).isEmpty, "no trap")
    }
}
