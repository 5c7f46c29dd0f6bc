import CharterRuntime
import Foundation
import XCTest

/// Shaped like generated code for an object with `additionalProperties`.
private struct Attributes: Codable, Equatable {
    var sku: String
    var quantity: Int?
    var additionalProperties: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case sku
        case quantity = "qty"
    }

    init(sku: String, quantity: Int?, additionalProperties: [String: JSONValue]) {
        self.sku = sku
        self.quantity = quantity
        self.additionalProperties = additionalProperties
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sku = try c.decode(String.self, forKey: .sku)
        quantity = try c.decodeIfPresent(Int.self, forKey: .quantity)
        additionalProperties = try decoder.decodeAdditionalProperties(JSONValue.self, excluding: ["sku", "qty"])
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sku, forKey: .sku)
        try c.encodeIfPresent(quantity, forKey: .quantity)
        try encoder.encodeAdditionalProperties(additionalProperties)
    }
}

/// Typed additional properties, and nothing else.
private struct Counters: Codable, Equatable {
    var values: [String: Int]
    init(from decoder: any Decoder) throws {
        values = try decoder.decodeAdditionalProperties(Int.self, excluding: [])
    }
    func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(values)
    }
}

final class AdditionalPropertiesTests: XCTestCase {
    /// A member named like a declared property is left out by the `excluding:` form, and validation names it.
    func testDeclaredPropertyWinsOnEncode() throws {
        struct Named: Encodable {
            var sku = "A1"
            var additionalProperties: [String: String] = ["sku": "other", "colour": "red"]
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: AnyCodingKey.self)
                try c.encode(sku, forKey: AnyCodingKey("sku"))
                try encoder.encodeAdditionalProperties(additionalProperties, excluding: ["sku"])
            }
        }
        XCTAssertEqual(try encodeJSON(Named()), #"{"colour":"red","sku":"A1"}"#)
        var issues: [ValidationIssue] = []
        Validation.declaredNames(in: Named().additionalProperties, declared: ["sku", "qty"], at: "/x", into: &issues)
        XCTAssertEqual(issues.map(\.path), ["/x/sku"])
        XCTAssertEqual(issues.map(\.keyword), ["additionalProperties"])
    }

    func testDecodesUnknownKeysOnly() throws {
        let rows: [(json: String, expected: Attributes, line: UInt)] = [
            (#"{"sku":"A1"}"#, Attributes(sku: "A1", quantity: nil, additionalProperties: [:]), #line),
            (#"{"colour":"red","n":null,"qty":2,"size":{"eu":42},"sku":"A1"}"#,
             Attributes(sku: "A1", quantity: 2, additionalProperties: ["colour": "red", "size": ["eu": 42], "n": nil]), #line),
            (#"{"a/b":1,"sku":"A1"}"#, Attributes(sku: "A1", quantity: nil, additionalProperties: ["a/b": 1]), #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(Attributes.self, row.json)
            XCTAssertEqual(decoded, row.expected, row.json, line: row.line)
            XCTAssertEqual(try encodeJSON(decoded), row.json, "re-encoded at the same level", line: row.line)
        }
    }

    func testEncodesInSortedOrderWithoutSortedKeys() throws {
        let value = Attributes(sku: "A1", quantity: nil, additionalProperties: ["z": 1, "b": 2, "m": 3])
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let decoded = try decodeJSON(JSONValue.self, text)
        XCTAssertEqual(decoded, ["sku": "A1", "z": 1, "b": 2, "m": 3])
    }

    func testTypedValues() throws {
        XCTAssertEqual(try decodeJSON(Counters.self, #"{"a":1,"b":2}"#).values, ["a": 1, "b": 2])
        XCTAssertEqual(try encodeJSON(try decodeJSON(Counters.self, "{}")), "{}")
        XCTAssertThrowsError(try decodeJSON(Counters.self, #"{"a":"one"}"#))
        XCTAssertThrowsError(try decodeJSON(Counters.self, "[1]"))
    }

    func testAnyCodingKey() {
        XCTAssertEqual(AnyCodingKey("x").stringValue, "x")
        XCTAssertNil(AnyCodingKey("x").intValue)
        XCTAssertEqual(AnyCodingKey(stringValue: "y"), AnyCodingKey("y"))
        XCTAssertEqual(AnyCodingKey(intValue: 3).stringValue, "3")
        XCTAssertEqual(AnyCodingKey(intValue: 3).intValue, 3)
        XCTAssertEqual(Set([AnyCodingKey("a"), AnyCodingKey("a"), AnyCodingKey("b")]).count, 2)
    }
}
