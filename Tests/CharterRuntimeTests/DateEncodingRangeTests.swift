import CharterRuntime
import Foundation
import XCTest

/// A `Date` RFC 3339 cannot express (outside years 0001–9999 in UTC, or NaN) is refused wherever a client or a
/// model writes one — a parameter's text, a JSON parameter, a body — instead of being sent with an expanded year.
final class DateEncodingRangeTests: XCTestCase {
    static let operation = ClientOperation(id: "listMovements", method: "GET", pathTemplate: "/movements")

    /// Rows: a date → its text (nil: refused, the message containing `problem`).
    static let rows: [(date: Date, text: String?, problem: String, line: UInt)] = [
        (date("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00Z", "", #line),
        (date("9999-12-31T23:59:59.5Z"), "9999-12-31T23:59:59.5Z", "", #line),
        (date("0001-01-01T00:00:00Z") - 1, nil, "Date 0000-12-31T23:59:59Z is outside the RFC 3339 year range 0001-9999.", #line),
        (date("9999-12-31T23:59:59Z") + 1, nil, "Date 10000-01-01T00:00:00Z is outside the RFC 3339 year range 0001-9999.", #line),
        (Date(timeIntervalSinceReferenceDate: -1e12), nil, "is outside the RFC 3339 year range 0001-9999.", #line),
        (.distantFuture, "4001-01-01T00:00:00Z", "", #line),
        (Date(timeIntervalSinceReferenceDate: .infinity), nil, "is outside the RFC 3339 year range", #line),
        (Date(timeIntervalSinceReferenceDate: .nan), nil, "Date is not a number (NaN).", #line),
    ]

    static func date(_ text: String) -> Date { RFC3339.parseDateTime(text)! }

    func testParameterTextRefusesDatesWithoutRFC3339Form() {
        for row in Self.rows {
            do {
                let text = try ClientParameter.text(row.date)
                XCTAssertEqual(text, row.text, line: row.line)
            } catch {
                XCTAssertNil(row.text, "\(error)", line: row.line)
                XCTAssertTrue(Self.message(error).contains(row.problem), "\(error)", line: row.line)
            }
            do throws(ClientError) {
                let text = try ClientParameter.text(row.date, for: Self.operation)
                XCTAssertEqual(text, row.text, line: row.line)
            } catch {
                XCTAssertNil(row.text, "\(error)", line: row.line)
                XCTAssertEqual(error.kind, .encoding, line: row.line)
                XCTAssertEqual(error.attempts, 0, "nothing sent", line: row.line)
                XCTAssertEqual(error.operationID, "listMovements", line: row.line)
                XCTAssertTrue(error.underlying.map(Self.message)?.contains(row.problem) ?? false, "\(error)", line: row.line)
            }
        }
    }

    /// A date inside a JSON parameter, a body and a model: the same refusal, at its coding path.
    func testJSONParametersAndBodiesRefuseDatesWithoutRFC3339Form() {
        struct Window: Encodable {
            var from: Date
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyCodingKey.self)
                try container.encode(RFC3339DateTime(from), forKey: AnyCodingKey("from"))
            }
        }
        let configuration = ClientConfiguration(serverURL: URL(string: "https://h.example")!, transport: ScriptedTransport([]))
        for row in Self.rows {
            let writers: [(name: String, path: String, write: () throws -> String)] = [
                ("JSON parameter", "from", { try ClientParameter.json(Window(from: row.date)) }),
                ("client JSON parameter", "from", { try ClientParameter.json(Window(from: row.date), for: Self.operation) }),
                ("client body", "[1]", {
                    let data = try configuration.encodeBody([RFC3339DateTime(Self.date("2026-01-01T00:00:00Z")), RFC3339DateTime(row.date)], for: Self.operation)
                    return String(decoding: data, as: UTF8.self)
                }),
                ("model", "", { try encodeJSON(RFC3339DateTime(row.date)) }),
            ]
            for writer in writers {
                do {
                    let text = try writer.write()
                    XCTAssertNotNil(row.text, "\(writer.name): \(text)", line: row.line)
                    XCTAssertTrue(row.text.map { text.contains($0) } ?? false, "\(writer.name): \(text)", line: row.line)
                } catch {
                    XCTAssertNil(row.text, "\(writer.name): \(error)", line: row.line)
                    let underlying = (error as? ClientError)?.underlying ?? error
                    XCTAssertTrue(Self.message(underlying).contains(row.problem), "\(writer.name): \(error)", line: row.line)
                    guard case EncodingError.invalidValue(_, let context)? = underlying as? EncodingError else {
                        XCTFail("\(writer.name): \(error)", line: row.line)
                        continue
                    }
                    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined()
                    XCTAssertEqual(path, writer.path, writer.name, line: row.line)
                }
            }
        }
    }

    /// The debug description of an `EncodingError`, or the error's description.
    static func message(_ error: any Error) -> String {
        if case EncodingError.invalidValue(_, let context)? = error as? EncodingError { return context.debugDescription }
        return "\(error)"
    }
}
