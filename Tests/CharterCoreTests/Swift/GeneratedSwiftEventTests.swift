import Foundation
import XCTest
@testable import CharterCore

/// Event definitions: how each ordering key is read (table), the Swift a definition yields (snippet), and
/// the generated definitions compiled with CharterRuntime and run: envelopes made, encoded and decoded,
/// and every partition key read through stored properties equal to the key read from the encoded payload.
final class GeneratedSwiftEventTests: XCTestCase {
    static let contract = ##"""
        {
          "x-contract": {
            "name": "stock", "version": "3.2.1",
            "security": {"mtls": {"type": "mutualTLS"}},
            "events": {
              "MovementRecorded": {"summary": "A movement", "topic": "stock.movements.v3", "payload": {"$ref": "#/$defs/Movement"},
                "orderingKey": ["/sku", "/location/locationId"], "delivery": "at-least-once", "sla": {"maxLagMs": 5000},
                "retry": {"maxAttempts": 8, "backoff": "exponential", "initialDelayMs": 500, "maxDelayMs": 60000},
                "deadLetter": {"topic": "stock.movements.v3.dlq", "retention": "P14D"},
                "publish": {"auth": {"scheme": "mtls"}, "allowed": ["inventory-service"]},
                "subscribe": {"auth": {"scheme": "mtls"}, "allowed": ["pos", "erp"]}},
              "CountTaken": {"summary": "A count", "topic": "stock.counts.v3", "payload": {"$ref": "#/$defs/Count"},
                "orderingKey": ["/storeNumber", "/state"], "delivery": "exactly-once",
                "retry": {"maxAttempts": 3, "backoff": "sideways"}},
              "Adjusted": {"summary": "An adjustment", "description": "Either kind.", "topic": "stock.adjustments.v3",
                "payload": {"$ref": "#/$defs/Adjustment"}, "orderingKey": ["/sku"], "deprecated": true},
              "Guessed": {"summary": "Untagged", "topic": "stock.guessed.v3", "payload": {"$ref": "#/$defs/Guess"}, "orderingKey": ["/sku"]},
              "Loose": {"summary": "Keys the properties cannot give", "topic": "stock.loose.v3", "payload": {"$ref": "#/$defs/Loose"},
                "orderingKey": ["/note", "/lines/0/sku", "/old", "/at"]},
              "Movement": {"summary": "Named like its payload", "topic": "stock.movement.v3", "payload": {"$ref": "#/$defs/Movement"},
                "orderingKey": ["/sku"]},
              "String": {"summary": "Named like a Swift type", "topic": "stock.string.v3", "payload": {"$ref": "#/$defs/Count"},
                "orderingKey": ["/storeNumber"]},
              "Stamped": {"summary": "A bare timestamp", "topic": "stock.stamped.v3", "payload": {"$ref": "#/$defs/Stamp"},
                "orderingKey": [""]},
              "Tagged": {"summary": "Bare ids", "topic": "stock.tagged.v3",
                "payload": {"type": "array", "items": {"type": "string", "format": "uuid"}}, "orderingKey": ["/0"]}
            }
          },
          "$defs": {
            "Sku": {"type": "string"},
            "Movement": {"type": "object", "required": ["sku", "location"], "properties": {
              "sku": {"$ref": "#/$defs/Sku"},
              "location": {"type": "object", "required": ["locationId"], "properties": {"locationId": {"type": "string"}}}}},
            "State": {"type": "string", "enum": ["open", "closed"]},
            "Count": {"type": "object", "required": ["storeNumber", "state"], "properties": {
              "storeNumber": {"type": "integer"}, "state": {"$ref": "#/$defs/State"}}},
            "Gain": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "gain"}, "sku": {"type": "string"}}},
            "Loss": {"type": "object", "required": ["kind", "sku"], "properties": {"kind": {"const": "loss"}, "sku": {"type": "string"}, "why": {"type": "string"}}},
            "Adjustment": {"oneOf": [{"$ref": "#/$defs/Gain"}, {"$ref": "#/$defs/Loss"}], "discriminator": {"propertyName": "kind"}},
            "Guess": {"oneOf": [{"$ref": "#/$defs/Movement"}, {"$ref": "#/$defs/Gain"}]},
            "Loose": {"type": "object", "required": ["lines", "old", "at"], "properties": {
              "note": {"type": "string"},
              "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}},
              "old": {"type": "string", "deprecated": true},
              "at": {"type": "string", "format": "date-time"}}},
            "Events": {"type": "object", "properties": {"n": {"type": "integer"}}},
            "Stamp": {"type": "string", "format": "date-time"}
          }
        }
        """##

    /// Rows: an event and one pointer of its ordering key → how it is read: the leaf when through stored
    /// properties, nil when from the encoded payload.
    func testOrderingKeysAreReadThroughStoredPropertiesWhereTheyCanBe() throws {
        let module = try XCTUnwrap(ContractFixture(Self.contract).translate().value("translate"))
        let events = try XCTUnwrap(module.namespaces.first { $0.contractName == "stock" }?.events)
        XCTAssertEqual(events.map(\.name), ["MovementRecorded", "CountTaken", "Adjusted", "Guessed", "Loose", "Movement", "String", "Stamped", "Tagged"])
        let rows: [(event: String, pointer: String, leaf: IROrderingKeyLeaf?, steps: Int, line: UInt)] = [
            ("MovementRecorded", "/sku", .string, 1, #line),  // through an alias of string
            ("MovementRecorded", "/location/locationId", .string, 2, #line),  // into an inline object
            ("CountTaken", "/storeNumber", .integer, 1, #line),
            ("CountTaken", "/state", .stringEnumeration, 1, #line),
            ("Adjusted", "/sku", nil, 0, #line),  // a union: read per variant (below)
            ("Loose", "/note", nil, 0, #line),  // optional
            ("Loose", "/lines/0/sku", nil, 0, #line),  // through an array
            ("Loose", "/old", nil, 0, #line),  // deprecated: its stored property is private
            ("Loose", "/at", nil, 0, #line),  // a date: its wire text is not the Date's
        ]
        for row in rows {
            let event = try XCTUnwrap(events.first { $0.name == row.event }, line: row.line)
            let part = try XCTUnwrap(event.orderingKey.first { $0.pointer.description == row.pointer }, line: row.line)
            XCTAssertEqual(part.leaf, row.leaf, "\(row.event) \(row.pointer)", line: row.line)
            XCTAssertEqual(part.path?.count ?? 0, row.steps, "\(row.event) \(row.pointer)", line: row.line)
        }
        let adjusted = try XCTUnwrap(events.first { $0.name == "Adjusted" })
        XCTAssertEqual(adjusted.variantOrderingKeys?.map { $0.map(\.leaf) }, [[.string], [.string]])
        XCTAssertNil(events.first { $0.name == "Loose" }?.variantOrderingKeys)
    }

    /// The definitions' Swift, line by line (indentation removed), and their names.
    func testDefinitionSnippets() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        let text = try XCTUnwrap(files["StockV3.swift"])
        let lines = GeneratedSwiftSnippetTests.trimmedLines(text)
        let expected = [
            "public enum Events2 {",
            "public enum MovementRecorded: EventDefinition {",
            "public typealias Payload = StockV3.Movement",
            "public static let eventType = \"MovementRecorded\"",
            "public static let topic = \"stock.movements.v3\"",
            "public static let dataVersion = \"3.2.1\"",
            "public static let delivery: Delivery? = .atLeastOnce",
            "public static let maxLagMilliseconds: Int? = 5000",
            "public static let retry: RetryPolicy? = RetryPolicy(maxAttempts: 8, backoff: .exponential, initialDelayMilliseconds: 500, maxDelayMilliseconds: 60000)",
            "public static let deadLetterTopic: String? = \"stock.movements.v3.dlq\"",
            "public static let publishers: [String] = [\"inventory-service\"]",
            "public static let subscribers: [String] = [\"pos\", \"erp\"]",
            "public static let orderingKey: [String] = [\"/sku\", \"/location/locationId\"]",
            "partitionKey(joining: [payload.sku, payload.location.locationId])",
            // An unknown backoff gives no policy rather than a made-up one.
            "public static let delivery: Delivery? = .exactlyOnce",
            "public static let retry: RetryPolicy? = nil",
            "partitionKey(joining: [String(payload.storeNumber), payload.state.rawValue])",
            "/// - Warning: Deprecated in the contract.",
            "switch payload {",
            "case .gain(let value): return value.sku",
            "case .loss(let value): return value.sku",
            "case .unrecognized: return encodedPartitionKey(at: orderingKey, in: payload)",
            "case .movement(let value): return value.sku",
            "encodedPartitionKey(at: orderingKey, in: payload)",
            "public enum Movement: EventDefinition {",
            "public enum StringEvent: EventDefinition {",
            "public static var all: [any EventDefinition.Type] { [MovementRecorded.self, CountTaken.self, Adjusted.self, Guessed.self, Loose.self, Movement.self, StringEvent.self, Stamped.self, Tagged.self] }",
            // A payload whose Codable form is not its wire form names the wrapper it travels as.
            "public typealias Payload = StockV3.Stamp",
            "public typealias PayloadWire = RFC3339DateTime",
            "public static func wire(_ payload: Payload) -> PayloadWire {",
            "RFC3339DateTime(payload)",
            "public static func payload(fromWire wire: PayloadWire) -> Payload {",
            "wire.value",
            "public typealias Payload = [UUID]",
            "public typealias PayloadWire = [LowercaseUUID]",
            "payload.map { LowercaseUUID($0) }",
            "wire.map { $0.value }",
            "/// - Topic: `stock.movements.v3`",
            "/// - Ordered by: `/sku`, `/location/locationId`",
            "/// - Delivery: at-least-once",
            "/// - Contract: `a.json#/x-contract/events/MovementRecorded`",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        XCTAssertTrue(text.contains("public struct Events: Codable"), "the type named Events keeps its name")
        XCTAssertFalse(text.contains("extension StockV3 {\n    public enum Events {"))
        XCTAssertTrue(text.hasSuffix("    }\n}\n"), "the definitions close the file")
        // `all` names every definition, so a deprecated one is marked in its documentation, not with
        // `@available(*, deprecated)`, which would make the generated code itself warn.
        let definitions = try XCTUnwrap(text.range(of: "public enum Events2").map { text[$0.lowerBound...] })
        XCTAssertFalse(definitions.contains("@available(*, deprecated"))
    }

    /// Rows: an event, the payload JSON → the partition key it must have.
    static let keys: [(event: String, payload: String, key: String)] = [
        ("MovementRecorded", ##"{"sku":"TSH-M","location":{"locationId":"STR-0142"}}"##, "TSH-M|STR-0142"),
        // A composite key escapes `\` and `|` in each value; a single value is the key as it is.
        ("MovementRecorded", ##"{"sku":"T|S","location":{"locationId":"a\\b"}}"##, "T\\|S|a\\\\b"),
        ("MovementRecorded", ##"{"sku":"T","location":{"locationId":"S|a\\b"}}"##, "T|S\\|a\\\\b"),
        ("CountTaken", ##"{"storeNumber":142,"state":"closed"}"##, "142|closed"),
        ("CountTaken", ##"{"storeNumber":-7,"state":"reopened"}"##, "-7|reopened"),
        ("Adjusted", ##"{"kind":"gain","sku":"G-1"}"##, "G-1"),
        ("Adjusted", ##"{"kind":"loss","sku":"L-1","why":"theft"}"##, "L-1"),
        ("Adjusted", ##"{"kind":"found","sku":"F-1"}"##, "F-1"),
        ("Guessed", ##"{"sku":"M-2","location":{"locationId":"L"}}"##, "M-2"),
        ("Guessed", ##"{"kind":"gain","sku":"G-2"}"##, "G-2"),
        ("Loose", ##"{"note":"n","lines":[{"sku":"A"}],"old":"o","at":"2026-11-27T14:03:11.482Z"}"##, "n|A|o|2026-11-27T14:03:11.482Z"),
        ("Loose", ##"{"lines":[],"old":"o","at":"2026-11-27T14:03:11Z"}"##, "||o|2026-11-27T14:03:11Z"),
        ("Loose", ##"{"note":"n|1","lines":[{"sku":"\\"}],"old":"o","at":"2026-11-27T14:03:11Z"}"##, "n\\|1|\\\\|o|2026-11-27T14:03:11Z"),
        ("Movement", ##"{"sku":"X","location":{"locationId":"Y"}}"##, "X"),
        ("Movement", ##"{"sku":"X|Y\\","location":{"locationId":"Z"}}"##, "X|Y\\"),
        ("Adjusted", ##"{"kind":"gain","sku":"G|1"}"##, "G|1"),
        ("StringEvent", ##"{"storeNumber":1,"state":"open"}"##, "1"),
        // Payloads whose Codable form is not their wire form: an RFC 3339 string, not JSONEncoder's number,
        // and lowercase UUIDs.
        ("Stamped", ##""2026-11-27T14:03:11.482Z""##, "2026-11-27T14:03:11.482Z"),
        ("Tagged", ##"["0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10","9a6c1e2b-0000-4000-8000-000000000001"]"##, "0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10"),
    ]

    func testDefinitionsCompileAndRun() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate().value("generate"))
        var main = [
            "import Foundation",
            "let encoder = JSONEncoder()",
            "encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]",
            "let time = Date(timeIntervalSince1970: 1_700_000_000)",
            "let id = UUID(uuidString: \"0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10\")!",
            "func check<D: EventDefinition>(_ definition: D.Type, _ json: String) throws {",
            "    let payload = try D.decodePayload(from: Data(json.utf8))",
            "    let envelope = EventEnvelope<D>(id: id, source: \"urn:retail:system:test\", time: time, data: payload)",
            "    let encoded = try encoder.encode(envelope)",
            "    let decoded = try JSONDecoder().decode(EventEnvelope<D>.self, from: encoded)",
            "    let stored = D.partitionKey(of: payload), read = D.encodedPartitionKey(at: D.orderingKey, in: payload)",
            "    print(\"\\(stored)\\t\\(read)\\t\\(decoded == envelope)\\t\\(decoded.validationIssues.count)\\t\\(String(decoding: encoded, as: UTF8.self))\")",
            "}",
        ]
        for row in Self.keys {
            main.append("try check(StockV3.Events2.\(row.event).self, \(SwiftLiteral.string(row.payload)))")
        }
        main.append("print(StockV3.Events2.all.map { $0.eventType + \"@\" + $0.topic }.joined(separator: \" \"))")
        main.append("print(StockV3.Events2.CountTaken.delivery == .exactlyOnce, StockV3.Events2.Loose.delivery == nil, StockV3.Events2.MovementRecorded.retry?.delayMilliseconds(afterFailedAttempts: 2) ?? -1)")
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, Self.keys.count + 2, run.output)
        for (row, line) in zip(Self.keys, lines) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else {
                XCTFail("\(row.event): \(line)")
                continue
            }
            XCTAssertEqual(fields[0], row.key, "\(row.event) \(row.payload): the key from stored properties")
            XCTAssertEqual(fields[1], row.key, "\(row.event) \(row.payload): the key from the encoded payload")
            XCTAssertEqual(fields[2], "true", "\(row.event): the envelope does not survive encode → decode")
            XCTAssertEqual(fields[3], "0", "\(row.event): a fresh envelope has validation issues")
            let envelope = try JSONReader.parse(fields[4])
            XCTAssertEqual(envelope["type"]?.value, .string(row.event == "StringEvent" ? "String" : row.event), line)
            XCTAssertEqual(envelope["partitionKey"]?.value, .string(row.key), line)
            XCTAssertEqual(envelope["dataVersion"]?.value, .string("3.2.1"), line)
            XCTAssertEqual(envelope["id"]?.value, .string("0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10"), line)
            XCTAssertEqual(envelope["time"]?.value, .string("2023-11-14T22:13:20Z"), line)
            XCTAssertEqual(envelope["data"], try JSONReader.parse(row.payload), "\(row.event): the payload does not come back as sent")
        }
        XCTAssertEqual(lines.dropLast().last, "MovementRecorded@stock.movements.v3 CountTaken@stock.counts.v3 Adjusted@stock.adjustments.v3 "
            + "Guessed@stock.guessed.v3 Loose@stock.loose.v3 Movement@stock.movement.v3 String@stock.string.v3 Stamped@stock.stamped.v3 Tagged@stock.tagged.v3")
        XCTAssertEqual(lines.last, "true true 1000")
    }

    /// With the contract split into files, the definitions go into the last one, after its types.
    func testDefinitionsGoInTheLastPart() throws {
        let files = try XCTUnwrap(ContractFixture(Self.contract).generate(swift: SwiftOptions(filesPerContract: 3)).value("generate"))
        XCTAssertEqual(files.keys.filter { files[$0]!.contains("enum Events2") }, ["StockV3+Part3.swift"])
    }

    /// Event names that collide with what a definition's body names, Swift keywords and types, and payloads
    /// that are not a `$ref` to an object: the definitions still compile, without warnings, and keep the
    /// events' names on the wire.
    func testHostileEventNamesAndPayloadsCompile() throws {
        let names = ["Payload", "PayloadWire", "Delivery", "RetryPolicy", "Events", "class", "Self", "Type", "all", "EventDefinition", "x-y z", "Ünïcode"]
        let events = names.enumerated().map { index, name in
            ##""\##(name)": {"topic": "t\##(index).v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/id"]}"##
        } + [
            ##""Inline": {"topic": "i.v1", "payload": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}, "orderingKey": ["/id"]}"##,
            ##""Listed": {"topic": "l.v1", "payload": {"$ref": "#/$defs/Items"}, "orderingKey": ["/0/id"]}"##,
            ##""Scalar": {"topic": "s.v1", "payload": {"type": "string"}, "orderingKey": []}"##,
        ]
        let contract = ##"{"x-contract": {"name": "odd", "version": "1.0.0", "events": {"## + events.joined(separator: ", ")
            + ##"}}, "$defs": {"Item": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}, "Items": {"type": "array", "items": {"$ref": "#/$defs/Item"}}}}"##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "print(OddV1.Events.all.map { $0.eventType }.joined(separator: \",\"))",
            "print(OddV1.Events.PayloadEvent.partitionKey(of: OddV1.Item(id: \"p\")), OddV1.Events.DeliveryEvent.delivery == nil, OddV1.Events.Listed.partitionKey(of: [OddV1.Item(id: \"q\")]), OddV1.Events.Scalar.partitionKey(of: \"s\").isEmpty)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n").map(String.init), [
            (names + ["Inline", "Listed", "Scalar"]).joined(separator: ","),
            "p true q true",
        ])
    }
}

extension GeneratedSwiftEventTests {
    /// A union payload whose variants keep the tag in a plain string (OpenAPI's habit): the union writes the mapped
    /// tag over the value's own, so the partition key is that tag — what the wire carries — and a consumer that
    /// derives the key from the received payload agrees with it.
    func testUnionTagsKeyWhatTheWireCarries() throws {
        let contract = ##"""
            {
              "x-contract": {"name": "pets", "version": "1.0.0", "events": {
                "PetSeen": {"summary": "A pet", "topic": "pets.seen.v1", "payload": {"$ref": "#/$defs/Pet"}, "orderingKey": ["/petType", "/name"]}}},
              "$defs": {
                "Pet": {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}],
                  "discriminator": {"propertyName": "petType", "mapping": {"cat": "#/$defs/Cat", "dog": "#/$defs/Dog", "hound": "#/$defs/Dog"}}},
                "Cat": {"type": "object", "required": ["petType", "name"], "properties": {"petType": {"type": "string"}, "name": {"type": "string"}}},
                "Dog": {"type": "object", "required": ["petType", "name"], "properties": {"petType": {"type": "string"}, "name": {"type": "string"}}}
              }
            }
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let main = [
            "import Foundation",
            "typealias D = PetsV1.Events.PetSeen",
            "for pet: PetsV1.Pet in [.dog(PetsV1.Dog(petType: \"Dog\", name: \"rex\")), .dog(PetsV1.Dog(petType: \"hound\", name: \"max\")), .cat(PetsV1.Cat(petType: \"\", name: \"tom\")), .dog(PetsV1.Dog(petType: \"dog\", name: \"r|x\"))] {",
            "    let envelope = EventEnvelope<D>(id: UUID(), source: \"urn:retail:system:test\", time: Date(timeIntervalSince1970: 0), data: pet)",
            "    let received = try JSONDecoder().decode(EventEnvelope<D>.self, from: try JSONEncoder().encode(envelope))",
            "    print(D.partitionKey(of: pet), D.encodedPartitionKey(at: D.orderingKey, in: pet), received.partitionKey, received.validationIssues.count)",
            "}",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.status, 0, run.output)
        // A tag the variant does not map is written as its first tag; one it maps (`hound`) is kept.
        XCTAssertEqual(run.output.split(separator: "\n"), ["dog|rex dog|rex dog|rex 0", "hound|max hound|max hound|max 0", "cat|tom cat|tom cat|tom 0", "dog|r\\|x dog|r\\|x dog|r\\|x 0"])
    }

    /// A deprecated type that only an event's payload, a request body, a response body, a parameter or a response
    /// header uses gets the doc-comment warning, not `@available(*, deprecated)`: the definition, client and provider
    /// name it, so the attribute would make the generated code itself warn. One nothing uses keeps the attribute.
    func testDeprecatedTypesThatEventsAndOperationsUseCompileWithoutWarnings() throws {
        let contract = ##"""
            {
              "x-contract": {"name": "old", "version": "1.0.0",
                "operations": {
                  "putOld": {"method": "PUT", "path": "/old/{code}",
                    "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"$ref": "#/$defs/OldCode"}}],
                    "request": {"schema": {"$ref": "#/$defs/OldBody"}},
                    "responses": {"200": {"schema": {"$ref": "#/$defs/OldReply"},
                      "headers": {"X-Old": {"required": true, "schema": {"$ref": "#/$defs/OldHeader"}}}}}}},
                "events": {"OldHappened": {"summary": "Old", "topic": "old.happened.v1", "payload": {"$ref": "#/$defs/OldEvent"}, "orderingKey": ["/sku"]}}},
              "$defs": {
                "OldCode": {"type": "string", "enum": ["a", "b"], "deprecated": true},
                "OldHeader": {"type": "string", "enum": ["x", "y"], "deprecated": true},
                "OldBody": {"type": "object", "deprecated": true, "properties": {"sku": {"type": "string"}}},
                "OldReply": {"type": "object", "deprecated": true, "properties": {"sku": {"type": "string"}}},
                "OldEvent": {"type": "object", "deprecated": true, "required": ["sku"], "properties": {"sku": {"type": "string"}}},
                "Unused": {"type": "object", "deprecated": true, "properties": {"sku": {"type": "string"}}}
              }
            }
            """##
        let files = try XCTUnwrap(ContractFixture(contract).generate().value("generate"))
        let text = try XCTUnwrap(files["OldV1.swift"])
        XCTAssertEqual(text.components(separatedBy: "@available(*, deprecated").count - 1, 1, "only Unused carries the attribute")
        XCTAssertTrue(text.contains("@available(*, deprecated, message: \"Deprecated in the contract.\")\n    public struct Unused"), text)
        XCTAssertEqual(text.components(separatedBy: "/// - Warning: Deprecated in the contract.").count - 1, 5)
        let main = [
            "import Foundation",
            "let envelope = EventEnvelope<OldV1.Events.OldHappened>(source: \"urn:retail:system:test\", time: Date(timeIntervalSince1970: 0), data: OldV1.OldEvent(sku: \"A\"))",
            "print(envelope.partitionKey, OldV1.OldCode.a.rawValue)",
        ]
        guard let run = try GeneratedSwiftRuntimeTests.compileAndRun(files: files, main: main) else { return }
        XCTAssertEqual(run.output, "A a\n")
    }
}
