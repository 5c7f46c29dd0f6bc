import CharterRuntime
import Foundation
import XCTest

/// A payload written the way generated structs are: Codable, Hashable, Validatable.
private struct Movement: Codable, Hashable, Sendable, Validatable {
    struct Location: Codable, Hashable, Sendable {
        let locationId: String
    }

    let sku: String
    let location: Location
    let quantity: Int

    func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        Validation.minimum(quantity, 0, at: Validation.path(path, "quantity"), into: &issues)
    }
}

/// A definition as generated code writes one.
private enum MovementRecorded: EventDefinition {
    typealias Payload = Movement

    static let eventType = "StockMovementRecorded"
    static let topic = "inventory.stock-movements.v2"
    static let dataVersion = "2.1.0"
    static let delivery: Delivery? = .atLeastOnce
    static let maxLagMilliseconds: Int? = 5000
    static let retry: RetryPolicy? = RetryPolicy(maxAttempts: 8, backoff: .exponential, initialDelayMilliseconds: 500, maxDelayMilliseconds: 60000)
    static let deadLetterTopic: String? = "inventory.stock-movements.v2.dlq"
    static let publishers: [String] = ["inventory-service"]
    static let subscribers: [String] = ["pos"]
    static let orderingKey: [String] = ["/sku", "/location/locationId"]

    static func partitionKey(of payload: Payload) -> String {
        partitionKey(joining: [payload.sku, payload.location.locationId])
    }
}

/// Another event, whose envelopes must not decode as ``MovementRecorded``'s.
private enum Unrelated: EventDefinition {
    typealias Payload = Movement

    /// Not ASCII: a name a canonically equivalent string (`e` and a combining acute for `é`) must not be taken for.
    static let eventType = "Unrelated Caf\u{E9}"
    static let topic = "x.v1"
    static let dataVersion = "1.0.0"
    static let delivery: Delivery? = nil
    static let maxLagMilliseconds: Int? = nil
    static let retry: RetryPolicy? = nil
    static let deadLetterTopic: String? = nil
    static let publishers: [String] = []
    static let subscribers: [String] = []
    static let orderingKey: [String] = ["/sku"]

    static func partitionKey(of payload: Payload) -> String { encodedPartitionKey(at: orderingKey, in: payload) }
}

/// A definition whose payload cannot check itself (a list of SKUs, as an alias), with the hook generated code writes.
private enum SkusChanged: EventDefinition {
    typealias Payload = [String]

    static let eventType = "SkusChanged"
    static let topic = "skus.v1"
    static let dataVersion = "1.0.0"
    static let delivery: Delivery? = nil
    static let maxLagMilliseconds: Int? = nil
    static let retry: RetryPolicy? = nil
    static let deadLetterTopic: String? = nil
    static let publishers: [String] = []
    static let subscribers: [String] = []
    static let orderingKey: [String] = []

    static func partitionKey(of payload: Payload) -> String { "" }

    static func collectPayloadIssues(_ payload: Payload, at path: String, into issues: inout [ValidationIssue]) {
        Validation.maxItems(payload, 1, at: path, into: &issues)
    }
}

final class EventEnvelopeTests: XCTestCase {
    /// The envelope of docs/contract-format.md ("The event envelope"), with a smaller payload.
    static let envelope = ##"""
        {"id":"0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10","type":"StockMovementRecorded","source":"urn:retail:system:inventory-service",
         "time":"2026-11-27T14:03:11.482Z","subject":"TSH-CRW-NVY-M","partitionKey":"TSH-CRW-NVY-M|STR-0142","dataVersion":"2.0.0",
         "data":{"sku":"TSH-CRW-NVY-M","location":{"locationId":"STR-0142"},"quantity":1}}
        """##

    func testDecodesAndEncodesTheDocumentedEnvelope() throws {
        let decoded = try decodeJSON(EventEnvelope<MovementRecorded>.self, Self.envelope)
        XCTAssertEqual(decoded.id, UUID(uuidString: "0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10"))
        XCTAssertEqual(decoded.type, "StockMovementRecorded")
        XCTAssertEqual(decoded.subject, "TSH-CRW-NVY-M")
        XCTAssertEqual(decoded.data.location.locationId, "STR-0142")
        XCTAssertEqual(decoded.time.timeIntervalSince1970, 1_795_788_191.482, accuracy: 0.000_5)
        XCTAssertEqual(decoded.validationIssues, [])
        let expected = ##"{"data":{"location":{"locationId":"STR-0142"},"quantity":1,"sku":"TSH-CRW-NVY-M"},"dataVersion":"2.0.0","id":"0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10","partitionKey":"TSH-CRW-NVY-M|STR-0142","source":"urn:retail:system:inventory-service","subject":"TSH-CRW-NVY-M","time":"2026-11-27T14:03:11.482Z","type":"StockMovementRecorded"}"##
        XCTAssertEqual(try encodeJSON(decoded), expected)
        XCTAssertEqual(try decodeJSON(EventEnvelope<MovementRecorded>.self, expected), decoded)
    }

    func testNewOccurrenceDerivesKeyTypeAndVersion() throws {
        let payload = Movement(sku: "A-1", location: .init(locationId: "DC-9"), quantity: 4)
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        let first = EventEnvelope<MovementRecorded>(source: "urn:retail:system:wms", time: time, data: payload)
        let second = EventEnvelope<MovementRecorded>(source: "urn:retail:system:wms", time: time, data: payload)
        XCTAssertEqual(first.partitionKey, "A-1|DC-9")
        XCTAssertEqual(first.dataVersion, "2.1.0")
        XCTAssertNil(first.subject)
        XCTAssertNotEqual(first.id, second.id, "every occurrence gets its own id")
        XCTAssertEqual(first.validationIssues, [])
        let json = try encodeJSON(first)
        XCTAssertFalse(json.contains("subject"), "an absent subject is not sent: \(json)")
        XCTAssertTrue(json.contains(#""id":"\#(first.id.uuidString.lowercased())""#), json)
        XCTAssertTrue(json.contains(#""time":"2023-11-14T22:13:20Z""#), json)
    }

    /// Rows: a change to the documented envelope → the message decoding must fail with (nil: it decodes).
    func testDecodingRejectsWhatIsNotThisEvent() throws {
        let rows: [(from: String, to: String, message: String?, line: UInt)] = [
            (#""type":"StockMovementRecorded""#, #""type":"AvailabilityChanged""#,
             #"Expected an event of type "StockMovementRecorded", got "AvailabilityChanged"."#, #line),
            (#""id":"0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10""#, #""id":"42""#, #"Expected a UUID (8-4-4-4-12 hex digits), got "42"."#, #line),
            (#""time":"2026-11-27T14:03:11.482Z""#, #""time":"2026-11-27 14:03""#, "Expected an RFC 3339 date-time", #line),
            (#""time":"2026-11-27T14:03:11.482Z""#, #""time":"2026-11-27T14:03:11.482+01:00""#, nil, #line),
            (#""subject":"TSH-CRW-NVY-M","#, "", nil, #line),
            (#""source":"urn:retail:system:inventory-service","#, "", "source", #line),
            (#""partitionKey":"TSH-CRW-NVY-M|STR-0142","#, "", "partitionKey", #line),
            (#""quantity":1"#, #""quantity":"1""#, "Int", #line),
            (#""id":"0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10""#, #""id":"0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10""#, nil, #line),
        ]
        for row in rows {
            let json = Self.envelope.replacingOccurrences(of: row.from, with: row.to)
            XCTAssertNotEqual(json, Self.envelope, "row does not change the envelope", line: row.line)
            if let message = row.message {
                XCTAssertThrowsError(try decodeJSON(EventEnvelope<MovementRecorded>.self, json), line: row.line) { error in
                    let text = decodingMessage(error, line: row.line) + " \(error)"
                    XCTAssertTrue(text.contains(message), "\(text) does not mention \(message)", line: row.line)
                }
            } else {
                XCTAssertNoThrow(try decodeJSON(EventEnvelope<MovementRecorded>.self, json), line: row.line)
            }
        }
        XCTAssertThrowsError(try decodeJSON(EventEnvelope<Unrelated>.self, Self.envelope))
        // The type is matched code point by code point, as JSON compares: a name Swift's `==` calls equal (canonically
        // equivalent) but spelt with other code points is another event's.
        let type = #""type":"StockMovementRecorded""#
        let unrelated = Self.envelope.replacingOccurrences(of: #""dataVersion":"2.0.0""#, with: #""dataVersion":"1.0.0""#)
        let exact = unrelated.replacingOccurrences(of: type, with: "\"type\":\"Unrelated Caf\u{E9}\"")
        XCTAssertNoThrow(try decodeJSON(EventEnvelope<Unrelated>.self, exact))
        let equivalent = unrelated.replacingOccurrences(of: type, with: "\"type\":\"Unrelated Cafe\u{301}\"")
        XCTAssertThrowsError(try decodeJSON(EventEnvelope<Unrelated>.self, equivalent)) { error in
            XCTAssertTrue("\(error)".contains("Expected an event of type"), "\(error)")
        }
    }

    /// Rows: a change to the documented envelope → the validation issues, as `path keyword`.
    func testValidationChecksKeyVersionSourceAndPayload() throws {
        let rows: [(from: String, to: String, issues: [String], line: UInt)] = [
            ("", "", [], #line),
            (#""partitionKey":"TSH-CRW-NVY-M|STR-0142""#, #""partitionKey":"TSH-CRW-NVY-M""#, ["/partitionKey partitionKey"], #line),
            (#""dataVersion":"2.0.0""#, #""dataVersion":"2.7.1-rc.1""#, [], #line),
            (#""source":"urn:retail:system:inventory-service""#, #""source":"""#, ["/source minLength"], #line),
            (#""quantity":1"#, #""quantity":-1"#, ["/data/quantity minimum"], #line),
        ]
        for row in rows {
            let json = row.from.isEmpty ? Self.envelope : Self.envelope.replacingOccurrences(of: row.from, with: row.to)
            let envelope = try decodeJSON(EventEnvelope<MovementRecorded>.self, json)
            XCTAssertEqual(envelope.validationIssues.map { "\($0.path) \($0.keyword)" }, row.issues, line: row.line)
        }
        let issue = try decodeJSON(EventEnvelope<MovementRecorded>.self, Self.envelope.replacingOccurrences(of: "|STR-0142\"", with: "\"")).validationIssues.first
        XCTAssertEqual(issue?.message, #"partition key "TSH-CRW-NVY-M" is not the payload's "TSH-CRW-NVY-M|STR-0142""#)
        // The key is compared code point by code point, as a broker hashes its bytes: a key Swift's `==` calls equal to
        // the payload's (canonically equivalent) but spelt with other code points lands in another partition.
        for (sku, key, issues) in [("Caf\u{E9}", "Caf\u{E9}", [String]()), ("Caf\u{E9}", "Cafe\u{301}", ["/partitionKey partitionKey"])] {
            let json = Self.envelope.replacingOccurrences(of: #""sku":"TSH-CRW-NVY-M""#, with: #""sku":"\#(sku)""#)
                .replacingOccurrences(of: #""partitionKey":"TSH-CRW-NVY-M|"#, with: #""partitionKey":"\#(key)|"#)
            let envelope = try decodeJSON(EventEnvelope<MovementRecorded>.self, json)
            XCTAssertEqual(envelope.validationIssues.map { "\($0.path) \($0.keyword)" }, issues, key.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    /// Rows: the envelope's `dataVersion`, its definition's being 2.1.0 → what decoding and receiving it throw (nil: it
    /// is read) and what `validate()` reports of an envelope made with it, the same problem. A tolerant reader: another
    /// minor or patch of the major is read; another major (a breaking change: the payload's fields may mean other
    /// things) or a version that is not `MAJOR.MINOR.PATCH` is refused before the payload is read.
    func testDataVersionsOfTheDefinitionsMajorOnlyAreRead() async throws {
        let rows: [(version: String, problem: String?, line: UInt)] = [
            ("2.1.0", nil, #line),  // the same version
            ("2.4.0", nil, #line),  // another minor, later
            ("2.0.0", nil, #line),  // another minor, earlier
            ("2.1.7", nil, #line),  // another patch
            ("2.7.1-rc.1+build.5", nil, #line),  // a pre-release with build metadata
            ("3.0.0", #"data version "3.0.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // the next major
            ("1.9.9", #"data version "1.9.9" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // the previous major
            ("20.1.0", #"data version "20.1.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // starts with a 2
            ("2.0", #"data version "2.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // malformed: two parts
            ("2.1.0.0", #"data version "2.1.0.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // malformed: four
            ("v2.1.0", #"data version "v2.1.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // malformed: prefix
            ("-2.1.0", #"data version "-2.1.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // malformed: no core
            ("2.x.0", #"data version "2.x.0" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // malformed: not a number
            ("", #"data version "" is not a 2.x.y version (the contract's is 2.1.0)"#, #line),  // empty
        ]
        actor Received { var versions: [String] = []; func add(_ version: String) { versions.append(version) } }
        struct Subscriber: EventSubscriber {
            typealias Definition = MovementRecorded
            let received: Received
            func receive(_ envelope: EventEnvelope<MovementRecorded>) async throws { await received.add(envelope.dataVersion) }
        }
        let received = Received()
        let subscriber = Subscriber(received: received)
        for row in rows {
            let json = Self.envelope.replacingOccurrences(of: #""dataVersion":"2.0.0""#, with: #""dataVersion":"\#(row.version)""#)
            let expected = row.problem.map { _ in EventDataVersionError(eventType: "StockMovementRecorded", received: row.version, expected: "2.1.0") }
            do {
                let envelope = try decodeJSON(EventEnvelope<MovementRecorded>.self, json)
                XCTAssertNil(expected, "decoded \(row.version)", line: row.line)
                XCTAssertEqual(envelope.dataVersion, row.version, line: row.line)
            } catch {
                XCTAssertEqual(error as? EventDataVersionError, expected, "\(error)", line: row.line)
            }
            do {
                try await subscriber.receive(message: Data(json.utf8))
                XCTAssertNil(expected, "received \(row.version)", line: row.line)
            } catch {
                XCTAssertEqual(error as? EventDataVersionError, expected, "\(error)", line: row.line)
                XCTAssertEqual("\(error)", row.problem.map { "StockMovementRecorded: " + $0 }, line: row.line)
            }
            let made = EventEnvelope<MovementRecorded>(
                id: UUID(), source: "urn:retail:system:wms", time: Date(timeIntervalSince1970: 0), subject: nil, partitionKey: "A|L",
                dataVersion: row.version, data: Movement(sku: "A", location: .init(locationId: "L"), quantity: 1))
            XCTAssertEqual(made.validationIssues.map { "\($0.path) \($0.keyword) \($0.message)" },
                           row.problem.map { ["/dataVersion dataVersion " + $0] } ?? [], line: row.line)
        }
        let versions = await received.versions
        XCTAssertEqual(versions, rows.filter { $0.problem == nil }.map(\.version), "only the versions read reach the subscriber")
    }

    /// A payload of another major need not decode as this one's: the version is checked first, so the error names the
    /// versions, not a field the other major's payload lacks.
    func testAnotherMajorsPayloadFailsOnItsVersion() {
        let json = Self.envelope.replacingOccurrences(of: #""dataVersion":"2.0.0""#, with: #""dataVersion":"3.0.0""#)
            .replacingOccurrences(of: #""location":{"locationId":"STR-0142"}"#, with: #""locationIds":["STR-0142"]"#)
        XCTAssertThrowsError(try decodeJSON(EventEnvelope<MovementRecorded>.self, json)) { error in
            XCTAssertEqual(error as? EventDataVersionError, EventDataVersionError(eventType: "StockMovementRecorded", received: "3.0.0", expected: "2.1.0"), "\(error)")
        }
        let sameMajor = json.replacingOccurrences(of: #""dataVersion":"3.0.0""#, with: #""dataVersion":"2.0.0""#)
        XCTAssertThrowsError(try decodeJSON(EventEnvelope<MovementRecorded>.self, sameMajor)) { error in
            XCTAssertTrue(error is DecodingError, "\(error)")
        }
    }

    /// Rows: a definition's payload → its issues under `/data`: the default hook checks a `Validatable` payload, a
    /// definition's own hook checks what its payload's type cannot.
    func testPayloadIssuesGoThroughTheDefinitionsHook() {
        let time = Date(timeIntervalSince1970: 0)
        let movement = Movement(sku: "A", location: .init(locationId: "L"), quantity: -1)
        let rows: [(issues: [ValidationIssue], expected: [String], line: UInt)] = [
            (EventEnvelope<MovementRecorded>(source: "s", time: time, data: movement).validationIssues, ["/data/quantity minimum"], #line),
            (EventEnvelope<SkusChanged>(source: "s", time: time, data: ["A"]).validationIssues, [], #line),
            (EventEnvelope<SkusChanged>(source: "s", time: time, data: ["A", "B"]).validationIssues, ["/data maxItems"], #line),
        ]
        for row in rows {
            XCTAssertEqual(row.issues.map { "\($0.path) \($0.keyword)" }, row.expected, line: row.line)
        }
    }

    func testSubscriberReceivesDecodedMessagesOnly() async throws {
        actor Received { var ids: [UUID] = []; func add(_ id: UUID) { ids.append(id) } }
        struct Subscriber: EventSubscriber {
            typealias Definition = MovementRecorded
            let received: Received
            func receive(_ envelope: EventEnvelope<MovementRecorded>) async throws { await received.add(envelope.id) }
        }
        let received = Received()
        let subscriber = Subscriber(received: received)
        try await subscriber.receive(message: Data(Self.envelope.utf8))
        do {
            try await subscriber.receive(message: Data(Self.envelope.replacingOccurrences(of: "StockMovementRecorded", with: "Other").utf8))
            XCTFail("another event's message was handed to the subscriber")
        } catch {
            XCTAssertTrue("\(error)".contains("Expected an event of type"), "\(error)")
        }
        let ids = await received.ids
        XCTAssertEqual(ids, [UUID(uuidString: "0f8d3c52-7d4b-4b8e-9a51-2f0c6f4f9a10")!])
    }

    func testPublisherSeesTopicAndKey() async throws {
        actor Sent { var messages: [String] = []; func add(_ text: String) { messages.append(text) } }
        struct Publisher: EventPublisher {
            let sent: Sent
            func publish<Definition: EventDefinition>(_ envelope: EventEnvelope<Definition>) async throws {
                await sent.add("\(Definition.topic) \(envelope.partitionKey) \(envelope.type)")
            }
        }
        let sent = Sent()
        let payload = Movement(sku: "A-1", location: .init(locationId: "DC-9"), quantity: 4)
        try await Publisher(sent: sent).publish(EventEnvelope<MovementRecorded>(source: "urn:retail:system:wms", time: Date(), data: payload))
        let messages = await sent.messages
        XCTAssertEqual(messages, ["inventory.stock-movements.v2 A-1|DC-9 StockMovementRecorded"])
    }
}

final class EventRetryPolicyTests: XCTestCase {
    /// Rows: a policy and a number of failed attempts → the delay before the next one (nil: dead-letter).
    func testDelays() {
        let exponential = EventRetryPolicy(maxAttempts: 6, backoff: .exponential, initialDelayMilliseconds: 500, maxDelayMilliseconds: 3000)
        let fixed = EventRetryPolicy(maxAttempts: 3, backoff: .fixed, initialDelayMilliseconds: 250, maxDelayMilliseconds: 9000)
        let huge = EventRetryPolicy(maxAttempts: 100, backoff: .exponential, initialDelayMilliseconds: 1, maxDelayMilliseconds: Int.max)
        let rows: [(policy: EventRetryPolicy, failed: Int, delay: Int?, line: UInt)] = [
            (exponential, 0, nil, #line),
            (exponential, 1, 500, #line),
            (exponential, 2, 1000, #line),
            (exponential, 3, 2000, #line),
            (exponential, 4, 3000, #line),
            (exponential, 5, 3000, #line),
            (exponential, 6, nil, #line),
            (fixed, 1, 250, #line),
            (fixed, 2, 250, #line),
            (fixed, 3, nil, #line),
            (huge, 99, Int.max, #line),
            (huge, 63, 1 << 62, #line),
        ]
        for row in rows {
            XCTAssertEqual(row.policy.delayMilliseconds(afterFailedAttempts: row.failed), row.delay, line: row.line)
        }
    }
}

final class EventPartitionKeyTests: XCTestCase {
    /// Rows: a pointer into the document below → the text it gives (nil: no string or integer there).
    func testTextAtPointer() throws {
        let document = try decodeJSON(JSONValue.self, ##"""
            {"sku":"A-1","n":42,"big":12345678901234,"dec":7.0,"frac":1.5,"flag":true,"none":null,
             "loc":{"id":"S-1","a/b":"slash","m~n":"tilde"},"lines":[{"sku":"L-0"},{"sku":"L-1"}],"":"empty"}
            """##)
        let rows: [(pointer: String, text: String?, line: UInt)] = [
            ("/sku", "A-1", #line),
            ("/n", "42", #line),
            ("/big", "12345678901234", #line),
            ("/dec", "7", #line),
            ("/frac", nil, #line),
            ("/flag", nil, #line),
            ("/none", nil, #line),
            ("/loc/id", "S-1", #line),
            ("/loc/a~1b", "slash", #line),
            ("/loc/m~0n", "tilde", #line),
            ("/lines/1/sku", "L-1", #line),
            ("/lines/01/sku", nil, #line),
            ("/lines/2/sku", nil, #line),
            ("/loc", nil, #line),
            ("/missing", nil, #line),
            ("/", "empty", #line),
            ("sku", nil, #line),
        ]
        for row in rows {
            XCTAssertEqual(EventPartitionKey.text(at: row.pointer, in: document), row.text, row.pointer, line: row.line)
        }
    }

    func testKeyFromEncodedPayloadMatchesStoredProperties() {
        let payload = Movement(sku: "TSH|1", location: .init(locationId: "STR-0142"), quantity: 3)
        XCTAssertEqual(EventPartitionKey.key(at: MovementRecorded.orderingKey, in: payload), "TSH\\|1|STR-0142")
        XCTAssertEqual(MovementRecorded.partitionKey(of: payload), "TSH\\|1|STR-0142")
        XCTAssertEqual(EventPartitionKey.key(at: ["/quantity", "/nowhere", "/sku"], in: payload), "3||TSH\\|1")
        XCTAssertEqual(Unrelated.partitionKey(of: payload), "TSH|1", "a single value is the key as it is")
    }

    /// Rows: the ordering key's values → the partition key. A single value is the key unchanged (brokers hash existing
    /// keys); several have `\` and `|` escaped with a `\` before they are joined with `|`, so lists that gave one key
    /// when the values were joined as they are give different keys.
    static let joinedKeys: [(values: [String], key: String, line: UInt)] = [
        ([], "", #line),
        (["TSH-CRW-NVY-M"], "TSH-CRW-NVY-M", #line),
        (["a|b"], "a|b", #line),  // single: unescaped
        (["a\\b"], "a\\b", #line),  // single: unescaped
        (["TSH-CRW-NVY-M", "STR-0142"], "TSH-CRW-NVY-M|STR-0142", #line),  // nothing to escape: as before
        (["a|b", "c"], "a\\|b|c", #line),  // these two were both a|b|c
        (["a", "b|c"], "a|b\\|c", #line),
        (["a", "b", "c"], "a|b|c", #line),
        (["a\\", "b"], "a\\\\|b", #line),  // a trailing backslash is not an escape of the separator
        (["a", "\\b"], "a|\\\\b", #line),
        (["a\\|b", "c"], "a\\\\\\|b|c", #line),
        (["", ""], "|", #line),
        (["|", ""], "\\||", #line),
        (["", "|"], "|\\|", #line),
        (["|\u{301}", "x"], "\\|\u{301}|x", #line),  // a | under a combining mark is still a | code point
        (["Caf\u{E9}", "STR-1"], "Caf\u{E9}|STR-1", #line),
    ]

    func testJoiningEscapesCompositeKeysOnly() {
        for row in Self.joinedKeys {
            XCTAssertEqual(ExactText(EventPartitionKey.joining(row.values)), ExactText(row.key), "\(row.values)", line: row.line)
            XCTAssertEqual(MovementRecorded.partitionKey(joining: row.values), EventPartitionKey.joining(row.values), line: row.line)
        }
        let composite = Self.joinedKeys.filter { $0.values.count > 1 }
        XCTAssertEqual(Set(composite.map { ExactText($0.key) }).count, composite.count, "two lists of values share a key")
    }

    /// A consumer reads a composite key's values back as docs/events.md says: split at each `|` not escaped, and drop
    /// each escaping `\`.
    func testCompositeKeysSplitBackIntoTheirValues() {
        func split(_ key: String) -> [String] {
            var values = [String.UnicodeScalarView()]
            var escaping = false
            for scalar in key.unicodeScalars {
                if escaping { values[values.count - 1].append(scalar); escaping = false }
                else if scalar == "\\" { escaping = true }
                else if scalar == "|" { values.append(String.UnicodeScalarView()) }
                else { values[values.count - 1].append(scalar) }
            }
            return values.map { String($0) }
        }
        for row in Self.joinedKeys where row.values.count > 1 {
            let values = split(EventPartitionKey.joining(row.values))
            XCTAssertEqual(values.map { ExactText($0) }, row.values.map { ExactText($0) }, line: row.line)
        }
    }
}
