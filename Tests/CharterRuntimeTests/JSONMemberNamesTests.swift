import CharterRuntime
import Foundation
import XCTest

/// An event whose payload is a map, to decode messages through the runtime's event entry points.
private enum CountsChanged: EventDefinition {
    typealias Payload = [String: Int]

    static let eventType = "CountsChanged"
    static let topic = "counts.v1"
    static let dataVersion = "1.0.0"
    static let delivery: Delivery? = nil
    static let maxLagMilliseconds: Int? = nil
    static let retry: RetryPolicy? = nil
    static let deadLetterTopic: String? = nil
    static let publishers: [String] = []
    static let subscribers: [String] = []
    static let orderingKey: [String] = []

    static func partitionKey(of payload: Payload) -> String { "" }
}

/// Two member names that are different JSON strings and one Swift `String` (canonical equivalence): decoding would
/// keep one and lose the other, so the runtime refuses them.
final class JSONMemberNamesTests: XCTestCase {
    /// `é` precomposed and `e` + combining acute, as escapes and as raw UTF-8.
    static let conflated = #"{"caf\u00e9":1,"cafe\u0301":2}"#
    static let conflatedRaw = "{\"caf\u{E9}\":1,\"cafe\u{301}\":2}"
    static let message = #"The object has members "caf\u00e9" and "cafe\u0301""#

    /// Foundation's own behaviour, which the check exists for: `JSONDecoder` keeps the first member and drops the
    /// other (should it ever keep both or refuse, this test says so).
    func testJSONDecoderMergesCanonicallyEquivalentNames() throws {
        for json in [Self.conflated, Self.conflatedRaw] {
            let map = try decodeJSON([String: Int].self, json)
            XCTAssertEqual(map.count, 1, json)
            XCTAssertEqual(map["caf\u{E9}"], 1, json)
            XCTAssertEqual(try decodeJSON(JSONValue.self, json).objectValue?.count, 1, json)
        }
    }

    /// Rows: JSON text → the error's message prefix and coding path (nil: accepted).
    func testCheckRefusesNamesEqualOnlyInSwift() {
        let rows: [(json: String, message: String?, path: String, line: UInt)] = [
            (Self.conflated, Self.message, "", #line),
            (Self.conflatedRaw, Self.message, "", #line),
            (#"{"caf\u00e9":1,"cafe\u0301":2,"caf\u00e9":3}"#, Self.message, "", #line),
            // The Kelvin sign is canonically equivalent to K, an ASCII letter.
            (#"{"K":1,"\u212a":2}"#, #"The object has members "K" and "\u212a""#, "", #line),
            ("{\"\u{212A}\":1,\"K\":2}", #"The object has members "\u212a" and "K""#, "", #line),
            // Plain ASCII names before, and in a nested object between, are still compared.
            (#"{"a":1,"K":2,"b":{"c":{"d":1},"e":[1]},"f":0,"\u212a":3}"#, #"The object has members "K" and "\u212a""#, "", #line),
            (#"{"x":{"K":1},"\u212a":2}"#, nil, "", #line),
            (#"[{"K":1},{"\u212a":1}]"#, nil, "", #line),
            (#"{"\u0041":1,"A":2,"\u00c5":3,"\u212b":4}"#, #"The object has members "\u00c5" and "\u212b""#, "", #line),
            // At any depth, the path naming the object; a nested value between the two names changes nothing.
            (#"{"a":[{"x":0},{"caf\u00e9":1,"cafe\u0301":2}]}"#, Self.message, "a/1", #line),
            (#"{"caf\u00e9":{"x":[1,{"y":2}]},"cafe\u0301":2}"#, Self.message, "", #line),
            (#"[{"k\"\\":"\u0000"},{"s":{"caf\u00e9":1,"cafe\u0301":2}}]"#, Self.message, "1/s", #line),
            // The same name twice is one name for JSON too: not this check's business (JSONDecoder keeps the first).
            (#"{"a":1,"a":2}"#, nil, "", #line),
            (#"{"caf\u00e9":1,"café":2}"#, nil, "", #line),
            // Different names for Swift too; strings that are values, not names; names in different objects.
            (#"{"café":1,"cafe":2,"cafe\u0300":3}"#, nil, "", #line),
            (#"{"a":"caf\u00e9","b":"cafe\u0301"}"#, nil, "", #line),
            (#"["caf\u00e9","cafe\u0301"]"#, nil, "", #line),
            (#"{"x":{"caf\u00e9":1},"y":{"cafe\u0301":2}}"#, nil, "", #line),
            (#"{"caf\u00e9":{"cafe\u0301":1}}"#, nil, "", #line),
            (#"{"a\"":{"\\u":"\u00e9"},"b":"\\"}"#, nil, "", #line),
            // Not JSON: left to the decoder.
            (#"{"caf\u00e9":1,"cafe\u0301"#, nil, "", #line),
        ]
        for row in rows {
            do {
                try JSONMemberNames.check(Data(row.json.utf8))
                XCTAssertNil(row.message, row.json, line: row.line)
            } catch {
                let message = decodingMessage(error)
                XCTAssertTrue(row.message.map { message.hasPrefix($0) } ?? false, "\(row.json): \(message)", line: row.line)
                guard case .dataCorrupted(let context)? = error as? DecodingError else { continue }
                let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
                XCTAssertEqual(path, row.path, row.json, line: row.line)
            }
        }
    }

    /// Every entry point where the runtime decodes JSON refuses the conflated names, and reads two distinct ones.
    func testRuntimeEntryPointsRefuseConflatedNames() async throws {
        let operation = ClientOperation(id: "get", method: "GET", pathTemplate: "/c")
        let configuration = ClientConfiguration(serverURL: URL(string: "https://h.example")!, transport: ScriptedTransport([]))
        let readers: [(name: String, read: (String) async throws -> Int)] = [
            ("client response body", { json in
                try configuration.decodeBody([String: Int].self, from: ClientResponse(status: 200, body: Data(json.utf8)), for: operation).count
            }),
            ("provider request body", { json in
                let request = ClientRequest(method: "POST", path: "/c", body: Data(json.utf8))
                return try ProviderRouting.body([String: Int].self, from: request, required: true)?.count ?? -1
            }),
            ("provider JSON parameter", { json in try ProviderRouting.json(json, as: [String: Int].self, "query parameter q").count }),
            ("event payload", { json in try CountsChanged.decodePayload(from: Data(json.utf8)).count }),
        ]
        for reader in readers {
            let distinct = try await reader.read(#"{"caf\u00e9":1,"cafe":2}"#)
            XCTAssertEqual(distinct, 2, reader.name)
            do {
                let count = try await reader.read(Self.conflated)
                XCTFail("\(reader.name): read \(count) member(s)")
            } catch {
                let text = (error as? ProviderRequestError)?.message ?? "\(error)"
                XCTAssertTrue(text.contains(Self.message), "\(reader.name): \(text)")
            }
        }
    }

    /// A subscriber is not handed a message whose payload lost a member.
    func testSubscriberRefusesConflatedNames() async throws {
        struct Subscriber: EventSubscriber {
            typealias Definition = CountsChanged
            func receive(_ envelope: EventEnvelope<CountsChanged>) async throws { XCTFail("handed \(envelope.data)") }
        }
        let envelope = #"{"id":"0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10","source":"s","type":"CountsChanged","#
            + #""time":"2026-01-01T00:00:00Z","partitionKey":"","dataVersion":"1.0.0","data":"# + Self.conflated + "}"
        do {
            try await Subscriber().receive(message: Data(envelope.utf8))
            XCTFail("no error")
        } catch {
            XCTAssertTrue(decodingMessage(error).hasPrefix(Self.message), "\(error)")
        }
    }
}
