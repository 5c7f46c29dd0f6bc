import Foundation
import XCTest
@testable import CharterCore

/// `const` holds wherever the property is present. A required scalar constant is a computed property, checked when
/// decoding; an optional one, and one of an enum's type, is stored and checked by validation (keyword `const`), as
/// JSON Schema applies `const` to any value present. A constant string is compared as a string (`"1.5"` is not the
/// constant `"1.50"`, as in JSON Schema).
extension GeneratedSwiftFidelityTests {
    func testConstantsAreCheckedWhereverPresent() throws {
        let contract = ##"""
            {"title": "Const", "$defs": {
              "Mode": {"type": "string", "enum": ["ship", "pick"]},
              "Shipment": {"type": "object", "required": ["kind", "mode"], "properties": {
                "kind": {"type": "string", "const": "shipment"},
                "mode": {"$ref": "#/$defs/Mode", "const": "ship"},
                "schemaVersion": {"type": "integer", "const": 2},
                "unit": {"type": "string", "const": "kg"},
                "carrier": {"const": "DHL"},
                "insured": {"type": "boolean", "const": true},
                "fee": {"type": "string", "format": "decimal", "const": "1.50"},
                "day": {"type": "string", "format": "date", "const": "2026-01-31"},
                "backup": {"$ref": "#/$defs/Mode", "const": "pick"}
              }}
            }}
            """##
        try check(contract, namespace: "Const", [
            ("Shipment", ##"{"kind":"shipment","mode":"ship"}"##, .valid),
            ("Shipment", ##"{"kind":"shipment","mode":"ship","schemaVersion":2,"unit":"kg","carrier":"DHL","insured":true,"fee":"1.50","day":"2026-01-31","backup":"pick"}"##, .valid),
            ("Shipment", ##"{"kind":"shipment","mode":"pick","schemaVersion":1,"unit":"lb","carrier":"UPS","insured":false,"fee":"1.5","day":"2026-02-01","backup":"ship"}"##,
             .roundTrips(issues: ["/backup const", "/carrier const", "/day const", "/fee const", "/insured const", "/mode const", "/schemaVersion const", "/unit const"])),
            ("Shipment", ##"{"kind":"parcel","mode":"ship"}"##, .rejected),
        ])
    }

    /// A numeric constant of a decimal (`"format": "decimal"`) is a `Decimal`, like the schema's other numbers: exact,
    /// and compared by value as JSON Schema compares numbers (`19.990` is the constant `19.99`; `0.1` is not rounded
    /// through `Double`).
    func testDecimalConstantsAreDecimals() throws {
        let contract = ##"""
            {"title": "Dec", "$defs": {
              "Fee": {"type": "object", "required": ["flat"], "properties": {
                "flat": {"type": "number", "format": "decimal", "const": 1.5},
                "amount": {"type": "number", "format": "decimal", "const": 19.99},
                "tenth": {"type": "number", "format": "decimal", "const": 0.1}
              }}
            }}
            """##
        try check(contract, namespace: "Dec", [
            ("Fee", ##"{"flat":1.5,"amount":19.99,"tenth":0.1}"##, .valid),
            ("Fee", ##"{"flat":1.50,"amount":19.990}"##, .normalised(issues: [])),
            ("Fee", ##"{"flat":1.5,"amount":20,"tenth":0.10000000000000001}"##, .roundTrips(issues: ["/amount const", "/tenth const"])),
            ("Fee", ##"{"flat":1.6}"##, .rejected),
        ])
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        XCTAssertTrue(files.values.contains { $0.contains("public let amount: Decimal?") && $0.contains("public var flat: Decimal {") })
    }
}
