import CharterRuntime
import Foundation
import XCTest

/// Decodes the property "a" of a JSON object twice: through the standard container overloads and
/// through `decodeProperty` / `decodePropertyIfPresent`, recording each outcome as text.
private struct Both<T: Codable & Equatable>: Decodable {
    var standard: String
    var helper: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey("a")
        standard = Self.outcome { try Self.standard(container, key) }
        helper = Self.outcome { try Self.helper(container, key) }
    }

    /// Required or optional, as `T` says (an `Optional` type reads with the `IfPresent` form).
    static func standard(_ container: KeyedDecodingContainer<AnyCodingKey>, _ key: AnyCodingKey) throws -> String {
        switch T.self {
        case is Int.Type: return "\(try container.decode(Int.self, forKey: key))"
        case is UInt8.Type: return "\(try container.decode(UInt8.self, forKey: key))"
        case is String.Type: return "\(try container.decode(String.self, forKey: key))"
        case is Bool.Type: return "\(try container.decode(Bool.self, forKey: key))"
        case is Double.Type: return "\(try container.decode(Double.self, forKey: key))"
        case is String?.Type: return "\(String(describing: try container.decodeIfPresent(String.self, forKey: key)))"
        case is Int?.Type: return "\(String(describing: try container.decodeIfPresent(Int.self, forKey: key)))"
        default: return "\(try container.decode(T.self, forKey: key))"
        }
    }

    static func helper(_ container: KeyedDecodingContainer<AnyCodingKey>, _ key: AnyCodingKey) throws -> String {
        switch T.self {
        case is String?.Type: return "\(String(describing: try container.decodePropertyIfPresent(String.self, forKey: key.stringValue)))"
        case is Int?.Type: return "\(String(describing: try container.decodePropertyIfPresent(Int.self, forKey: key.stringValue)))"
        default: return "\(try container.decodeProperty(T.self, forKey: key.stringValue))"
        }
    }

    static func outcome(_ body: () throws -> String) -> String {
        do { return "value \(try body())" } catch let error as DecodingError {
            switch error {
            case .keyNotFound: return "keyNotFound"
            case .valueNotFound: return "valueNotFound"
            case .typeMismatch: return "typeMismatch"
            case .dataCorrupted: return "dataCorrupted"
            @unknown default: return "other"
            }
        } catch { return "other \(error)" }
    }
}

/// Encodes one property "a" with the helper or the standard overload.
private struct Encoded<T: Encodable>: Encodable {
    var value: T?
    var ifPresent: Bool
    var useHelper: Bool

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey("a")
        switch (ifPresent, useHelper) {
        case (true, true): try container.encodePropertyIfPresent(value, forKey: key.stringValue)
        case (true, false): try container.encodeIfPresent(value, forKey: key)
        case (false, true): try container.encodeProperty(value, forKey: key.stringValue)
        case (false, false): try container.encode(value, forKey: key)
        }
    }
}

/// Reads the property "a" with the standard `decodeNil` / the `Key`-typed `decodeNullableIfPresent` and
/// with their `String`-keyed forms, recording each outcome as text.
private struct NullChecks: Decodable {
    var standardNil: String
    var helperNull: String
    var standardNullable: String
    var helperNullable: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        standardNil = Both<Int>.outcome { "\(try container.decodeNil(forKey: AnyCodingKey("a")))" }
        helperNull = Both<Int>.outcome { "\(try container.decodeNull(forKey: "a"))" }
        standardNullable = Both<Int>.outcome {
            String(describing: try container.decodeNullableIfPresent(Int.self, forKey: AnyCodingKey("a")))
        }
        helperNullable = Both<Int>.outcome { String(describing: try container.decodeNullableIfPresent(Int.self, forKey: "a")) }
    }
}

/// Encodes the nullable property "a" with the `String`-keyed or the `Key`-typed `encodeNullableIfPresent`.
private struct NullableEncoded: Encodable {
    var value: Nullable<Int>?
    var stringKeyed: Bool

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        if stringKeyed {
            try container.encodeNullableIfPresent(value, forKey: "a")
        } else {
            try container.encodeNullableIfPresent(value, forKey: AnyCodingKey("a"))
        }
    }
}

final class PropertyCodingTests: XCTestCase {
    /// Rows: nullable value → JSON written by the `String`-keyed `encodeNullableIfPresent`, which must
    /// equal the `Key`-typed form's.
    func testStringKeyedNullableEncodingMatchesTheKeyedForm() throws {
        let rows: [(value: Nullable<Int>?, expected: String, line: UInt)] = [
            (nil, #"{}"#, #line),
            (.null, #"{"a":null}"#, #line),
            (.value(1), #"{"a":1}"#, #line),
        ]
        for row in rows {
            XCTAssertEqual(try encodeJSON(NullableEncoded(value: row.value, stringKeyed: true)), row.expected, line: row.line)
            XCTAssertEqual(try encodeJSON(NullableEncoded(value: row.value, stringKeyed: false)), row.expected, line: row.line)
        }
    }

    /// Rows: JSON object → what `decodeNull` and the `String`-keyed `decodeNullableIfPresent` return,
    /// which must equal the standard `decodeNil` and the `Key`-typed form.
    func testNullChecksMatchTheKeyedForms() throws {
        let rows: [(json: String, null: String, nullable: String, line: UInt)] = [
            (#"{"a":null}"#, "value true", "value Optional(CharterRuntime.Nullable<Swift.Int>.null)", #line),
            (#"{"a":5}"#, "value false", "value Optional(CharterRuntime.Nullable<Swift.Int>.value(5))", #line),
            (#"{}"#, "keyNotFound", "value nil", #line),
            (#"{"a":"x"}"#, "value false", "typeMismatch", #line),
        ]
        for row in rows {
            let checks = try decodeJSON(NullChecks.self, row.json)
            XCTAssertEqual(checks.helperNull, checks.standardNil, row.json, line: row.line)
            XCTAssertEqual(checks.helperNull, row.null, row.json, line: row.line)
            XCTAssertEqual(checks.helperNullable, checks.standardNullable, row.json, line: row.line)
            XCTAssertEqual(checks.helperNullable, row.nullable, row.json, line: row.line)
        }
    }

    /// Rows: JSON object → what `decodeJSONValueIfPresent` returns: `null` kept apart from absent.
    func testFreeFormOptionalKeepsNullApartFromAbsent() throws {
        struct Holder: Decodable {
            var value: JSONValue?
            init(from decoder: any Decoder) throws {
                value = try decoder.container(keyedBy: AnyCodingKey.self).decodeJSONValueIfPresent(forKey: "a")
            }
        }
        let rows: [(json: String, expected: JSONValue?, line: UInt)] = [
            (#"{"a":null}"#, .null, #line),
            (#"{}"#, nil, #line),
            (#"{"a":[1,null]}"#, [1, nil], #line),
            (#"{"b":null}"#, nil, #line),
        ]
        for row in rows {
            XCTAssertEqual(try decodeJSON(Holder.self, row.json).value, row.expected, row.json, line: row.line)
        }
    }

    /// Rows: JSON object → the outcome both paths must share (the expected text pins it down).
    func testDecodePropertyMatchesTheStandardOverloads() throws {
        let rows: [(json: String, decode: (String) throws -> (String, String), expected: String, line: UInt)] = [
            (#"{"a":"x"}"#, { try Self.pair(String.self, $0) }, "value x", #line),
            (#"{}"#, { try Self.pair(String.self, $0) }, "keyNotFound", #line),
            (#"{"a":null}"#, { try Self.pair(String.self, $0) }, "valueNotFound", #line),
            (#"{"a":5}"#, { try Self.pair(String.self, $0) }, "typeMismatch", #line),
            (#"{"a":5}"#, { try Self.pair(Int.self, $0) }, "value 5", #line),
            // Foundation (6.3) throws its own error, not a DecodingError, for a number the type cannot hold.
            (#"{"a":1.5}"#, { try Self.pair(Int.self, $0) }, "other numberIsNotRepresentableInSwift", #line),
            (#"{"a":300}"#, { try Self.pair(UInt8.self, $0) }, "other numberIsNotRepresentableInSwift", #line),
            (#"{"a":"5"}"#, { try Self.pair(Int.self, $0) }, "typeMismatch", #line),
            (#"{"a":true}"#, { try Self.pair(Bool.self, $0) }, "value true", #line),
            (#"{"a":1}"#, { try Self.pair(Bool.self, $0) }, "typeMismatch", #line),
            (#"{"a":0.1}"#, { try Self.pair(Double.self, $0) }, "value 0.1", #line),
            (#"{"a":"x"}"#, { try Self.pair(String?.self, $0) }, "value Optional(\"x\")", #line),
            (#"{}"#, { try Self.pair(String?.self, $0) }, "value nil", #line),
            (#"{"a":[]}"#, { try Self.pair(Int?.self, $0) }, "typeMismatch", #line),
            // `null` for an optional property is where `decodePropertyIfPresent` and `decodeIfPresent` part:
            // testOptionalPropertyRefusesNull.
        ]
        for row in rows {
            let (standard, helper) = try row.decode(row.json)
            XCTAssertEqual(helper, standard, "\(row.json): helper and standard overload differ", line: row.line)
            XCTAssertTrue(standard.hasPrefix(row.expected), "\(row.json): \(standard)", line: row.line)
        }
    }

    /// Rows: JSON object → what `decodePropertyIfPresent` makes of the optional property "a": absent is nil, and
    /// `null` is an error naming the property, as for a required one (the type refuses `null`; `decodeIfPresent`
    /// would read it as absent). A type that holds `null` itself, read with `decodeNullHoldingIfPresent`, gets it.
    func testOptionalPropertyRefusesNull() throws {
        struct Optionals: Decodable {
            var string: String
            var int: String
            var list: String
            var nullHolding: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyCodingKey.self)
                func outcome<T>(_ read: () throws -> T?) -> String {
                    do {
                        return "value \(String(describing: try read()))"
                    } catch DecodingError.valueNotFound(_, let context) {
                        return "valueNotFound at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
                    } catch {
                        return Both<Int>.outcome { throw error }
                    }
                }
                string = outcome { try container.decodePropertyIfPresent(String.self, forKey: "a") }
                int = outcome { try container.decodePropertyIfPresent(Int.self, forKey: "a") }
                list = outcome { try container.decodePropertyIfPresent([Int].self, forKey: "a") }
                nullHolding = outcome { try container.decodeNullHoldingIfPresent(JSONValue.self, forKey: "a") }
            }
        }
        let rows: [(json: String, string: String, int: String, list: String, nullHolding: String, line: UInt)] = [
            (#"{}"#, "value nil", "value nil", "value nil", "value nil", #line),
            (#"{"b":null}"#, "value nil", "value nil", "value nil", "value nil", #line),
            (#"{"a":null}"#, "valueNotFound at a", "valueNotFound at a", "valueNotFound at a", "value Optional(null)", #line),
            (#"{"a":"x"}"#, "value Optional(\"x\")", "typeMismatch", "typeMismatch", "value Optional(\"x\")", #line),
            (#"{"a":5}"#, "typeMismatch", "value Optional(5)", "typeMismatch", "value Optional(5)", #line),
            (#"{"a":[1]}"#, "typeMismatch", "typeMismatch", "value Optional([1])", "value Optional([1])", #line),
        ]
        for row in rows {
            let read = try decodeJSON(Optionals.self, row.json)
            XCTAssertEqual(read.string, row.string, "String: \(row.json)", line: row.line)
            XCTAssertEqual(read.int, row.int, "Int: \(row.json)", line: row.line)
            XCTAssertEqual(read.list, row.list, "[Int]: \(row.json)", line: row.line)
            XCTAssertEqual(read.nullHolding, row.nullHolding, "JSONValue: \(row.json)", line: row.line)
        }
    }

    /// Rows: value → JSON written by `encodeProperty` / `encodePropertyIfPresent`, which must equal the
    /// standard `encode` / `encodeIfPresent`.
    func testEncodePropertyMatchesTheStandardOverloads() throws {
        let rows: [(value: String?, ifPresent: Bool, expected: String, line: UInt)] = [
            ("x", false, #"{"a":"x"}"#, #line),
            (nil, false, #"{"a":null}"#, #line),
            ("x", true, #"{"a":"x"}"#, #line),
            (nil, true, #"{}"#, #line),
        ]
        for row in rows {
            let helper = try encodeJSON(Encoded(value: row.value, ifPresent: row.ifPresent, useHelper: true))
            let standard = try encodeJSON(Encoded(value: row.value, ifPresent: row.ifPresent, useHelper: false))
            XCTAssertEqual(helper, row.expected, line: row.line)
            XCTAssertEqual(standard, row.expected, line: row.line)
        }
        let number = try encodeJSON(Encoded(value: 42, ifPresent: false, useHelper: true))
        XCTAssertEqual(number, #"{"a":42}"#)
    }

    static func pair<T: Codable & Equatable>(_ type: T.Type, _ json: String) throws -> (String, String) {
        let both = try decodeJSON(Both<T>.self, json)
        return (both.standard, both.helper)
    }
}
