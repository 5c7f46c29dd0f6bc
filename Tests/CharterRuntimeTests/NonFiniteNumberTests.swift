import CharterRuntime
import Foundation
import XCTest

/// A number no JSON or parameter text can carry (a `Double` NaN or infinity, a `Decimal.nan`) is refused wherever a
/// client writes one — a parameter's text, a JSON parameter, a body — before anything is sent, instead of going out
/// as `nan`, `inf` or `NaN`.
final class NonFiniteNumberTests: XCTestCase {
    static let operation = ClientOperation(id: "listPrices", method: "GET", pathTemplate: "/prices")

    /// Rows: a `Double` → its text (nil: refused).
    static let doubles: [(value: Double, text: String?, line: UInt)] = [
        (1.5, "1.5", #line),
        (-0.0, "-0.0", #line),
        (1e300, "1e+300", #line),
        (.greatestFiniteMagnitude, "1.7976931348623157e+308", #line),
        (.leastNonzeroMagnitude, "5e-324", #line),
        (.nan, nil, #line),
        (-.nan, nil, #line),
        (.signalingNaN, nil, #line),
        (.infinity, nil, #line),
        (-.infinity, nil, #line),
    ]

    func testDoubleParametersRefuseNonFiniteValues() {
        check(Self.doubles, { try ClientParameter.text($0) }, { value throws(ClientError) in try ClientParameter.text(value, for: Self.operation) })
    }

    /// Rows: a `Decimal` → its text (nil: refused).
    func testDecimalParametersRefuseNaN() {
        let rows: [(value: Decimal, text: String?, line: UInt)] = [
            (dec("19.990"), "19.99", #line),
            (dec("-0.001"), "-0.001", #line),
            (Decimal(0), "0", #line),
            (.greatestFiniteMagnitude, Decimal.greatestFiniteMagnitude.description, #line),
            (.nan, nil, #line),
        ]
        check(rows, { try ClientParameter.text($0) }, { value throws(ClientError) in try ClientParameter.text(value, for: Self.operation) })
    }

    /// Each row's value through a parameter's plain text (an `EncodingError.invalidValue` when refused) and through the
    /// operation's text (a `ClientError` of kind `.encoding`, nothing sent).
    private func check<Value>(
        _ rows: [(value: Value, text: String?, line: UInt)], _ plain: (Value) throws -> String,
        _ forOperation: (Value) throws(ClientError) -> String
    ) {
        for row in rows {
            do {
                let text = try plain(row.value)
                XCTAssertEqual(text, row.text, line: row.line)
            } catch {
                XCTAssertNil(row.text, "\(error)", line: row.line)
                XCTAssertTrue(Self.isInvalidValue(error), "\(error)", line: row.line)
            }
            do throws(ClientError) {
                let text = try forOperation(row.value)
                XCTAssertEqual(text, row.text, line: row.line)
            } catch {
                XCTAssertNil(row.text, "\(error)", line: row.line)
                XCTAssertEqual(error.kind, .encoding, line: row.line)
                XCTAssertEqual(error.attempts, 0, "nothing sent", line: row.line)
                XCTAssertEqual(error.operationID, "listPrices", line: row.line)
                XCTAssertTrue(error.underlying.map(Self.isInvalidValue) ?? false, "\(error)", line: row.line)
            }
        }
    }

    /// Rows: a value written as a JSON parameter and as a client's body → its JSON (nil: refused). `JSONEncoder`
    /// refuses a non-finite `Double` or `Float` itself and writes a `Decimal.nan` as `NaN`, which is not JSON; text
    /// that merely reads `NaN` inside a string is a string.
    func testJSONParametersAndBodiesRefuseNonFiniteNumbers() {
        struct Prices: Encodable {
            var double: Double?
            var float: Float?
            var decimal: Decimal?
            var label: String?
        }
        let configuration = ClientConfiguration(serverURL: URL(string: "https://h.example")!, transport: ScriptedTransport([]))
        let rows: [(value: any Encodable, json: String?, line: UInt)] = [
            (Prices(double: 1.5, float: 2, decimal: dec("0.1"), label: "NaN"), #"{"decimal":0.1,"double":1.5,"float":2,"label":"NaN"}"#, #line),
            (Prices(label: #"a"N\"#), #"{"label":"a\"N\\"}"#, #line),
            (Prices(double: .nan), nil, #line),
            (Prices(double: -.infinity), nil, #line),
            (Prices(float: .infinity), nil, #line),
            (Prices(decimal: .nan, label: "x"), nil, #line),
            ([Decimal(1), .nan], nil, #line),
            ([JSONValue.string("NaN"), .number(dec("1.5"))], #"["NaN",1.5]"#, #line),
            (["a": JSONValue.array([.number(.nan)])], nil, #line),
        ]
        for row in rows {
            let writers: [(name: String, write: () throws -> String)] = [
                ("JSON parameter", { try ClientParameter.json(row.value) }),
                ("client JSON parameter", { try ClientParameter.json(row.value, for: Self.operation) }),
                ("client body", { String(decoding: try configuration.encodeBody(row.value, for: Self.operation), as: UTF8.self) }),
            ]
            for writer in writers {
                do {
                    let json = try writer.write()
                    XCTAssertEqual(json, row.json, writer.name, line: row.line)
                } catch {
                    XCTAssertNil(row.json, "\(writer.name): \(error)", line: row.line)
                    if let error = error as? ClientError {
                        XCTAssertEqual(error.kind, .encoding, writer.name, line: row.line)
                        XCTAssertEqual(error.attempts, 0, writer.name, line: row.line)
                    }
                    XCTAssertTrue(Self.isInvalidValue((error as? ClientError)?.underlying ?? error), "\(writer.name): \(error)", line: row.line)
                }
            }
        }
    }

    /// Whether `error` is an `EncodingError.invalidValue`.
    static func isInvalidValue(_ error: any Error) -> Bool {
        if case EncodingError.invalidValue? = error as? EncodingError { return true }
        return false
    }
}
