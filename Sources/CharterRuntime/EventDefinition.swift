import Foundation

/// One event of a contract, as generated code describes it: the payload type and the event's fixed
/// attributes from `x-contract.events`. Generated definitions are caseless enums
/// (`OrdersV2.Events.OrderCaptured`); an ``EventEnvelope`` of a definition is one occurrence.
public protocol EventDefinition: Sendable {
    /// The payload: the envelope's `data`.
    associatedtype Payload: Codable, Hashable, Sendable
    /// What the payload travels as in the envelope's `data`: the payload itself (the default), or a runtime
    /// wrapper when the payload's own `Codable` form is not its wire form — a `Date` is an RFC 3339 string on
    /// the wire (`RFC3339DateTime`), not `JSONEncoder`'s number, a `UUID` lowercase text (`LowercaseUUID`), a
    /// decimal string `DecimalString`, a URI `AbsoluteURL`. A generated definition of such a payload (`typealias Payload = Date`,
    /// `[UUID]`, an alias of either) names its wire type and implements ``wire(_:)`` and ``payload(fromWire:)``.
    associatedtype PayloadWire: Codable = Payload

    /// The event name as keyed in `x-contract.events`, sent as the envelope's `type`.
    static var eventType: String { get }
    /// The topic (channel) the event is published to.
    static var topic: String { get }
    /// The contract version the payload conforms to, sent as the envelope's `dataVersion`.
    static var dataVersion: String { get }
    /// The delivery guarantee, when the contract states one.
    static var delivery: EventDelivery? { get }
    /// The largest delay from the business fact to availability to subscribers, in milliseconds.
    static var maxLagMilliseconds: Int? { get }
    /// How consumers retry before dead-lettering.
    static var retry: EventRetryPolicy? { get }
    /// Where events that exhausted their retries go.
    static var deadLetterTopic: String? { get }
    /// The systems allowed to publish the event (empty when the contract names none: lint's
    /// `event-access-declared` reports that).
    static var publishers: [String] { get }
    /// The systems allowed to subscribe to the event (empty when the contract names none: lint's
    /// `event-access-declared` reports that).
    static var subscribers: [String] { get }
    /// The JSON pointers into the payload whose values make the partition key, in order.
    static var orderingKey: [String] { get }

    /// The partition key of a payload: the values at ``orderingKey`` rendered as strings (strings verbatim,
    /// integers in decimal), made into one key by ``EventPartitionKey/joining(_:)`` (a single value as it is).
    static func partitionKey(of payload: Payload) -> String

    /// Appends every violation of the contract's constraints in a payload to `issues`, `path` being the payload's
    /// JSON pointer (``EventEnvelope`` passes `/data`). The default checks a payload that is `Validatable` (a
    /// generated model, or a list or map of them) and nothing else; a generated definition whose payload is an
    /// alias with constraints of its own (`typealias SkuList = [Sku]` with `maxItems`), which cannot conform,
    /// implements it with the namespace's `collectIssues(of<Alias>:at:into:)`; one whose payload is a list, map or
    /// scalar written in the event with constraints (`{"type": "string", "maxLength": 8}`), with checks of them.
    static func collectPayloadIssues(_ payload: Payload, at path: String, into issues: inout [ValidationIssue])

    /// The payload's wire form, which ``EventEnvelope`` encodes as `data`.
    static func wire(_ payload: Payload) -> PayloadWire
    /// The payload a decoded wire form holds.
    static func payload(fromWire wire: PayloadWire) -> Payload
}

/// The delivery guarantee of an event.
public enum EventDelivery: String, Sendable, Hashable, CaseIterable {
    /// Delivered one or more times: consumers deduplicate on the envelope `id`.
    case atLeastOnce = "at-least-once"
    /// Delivered at most once: an event may be lost, never repeated.
    case atMostOnce = "at-most-once"
    /// Delivered exactly once by the broker.
    case exactlyOnce = "exactly-once"
}

/// Sends events to a broker. Implement it once for the broker in use: the envelope's definition gives the
/// topic (`Definition.topic`), and the envelope the partition key and the bytes (`JSONEncoder`).
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public protocol EventPublisher: Sendable {
    /// Publishes one event occurrence.
    func publish<Definition: EventDefinition>(_ envelope: EventEnvelope<Definition>) async throws
}

/// Receives the occurrences of one event. With at-least-once delivery the same `id` can arrive more
/// than once, and a subscriber must treat a repeat as already handled.
@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
public protocol EventSubscriber<Definition>: Sendable {
    /// The event this subscriber handles.
    associatedtype Definition: EventDefinition
    /// Handles one occurrence; a thrown error asks the broker for a redelivery (see ``EventRetryPolicy``).
    func receive(_ envelope: EventEnvelope<Definition>) async throws
}

@available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *)
extension EventSubscriber {
    /// Decodes a message's bytes as an envelope of ``Definition`` and hands it to ``receive(_:)``.
    ///
    /// - Throws: ``EventDataVersionError`` when the envelope's `dataVersion` is of another major version than
    ///   `Definition.dataVersion` (another minor or patch is received); `DecodingError` when the bytes are not an
    ///   envelope of ``Definition`` (another event's `type` included) or hold an object with two member names Swift
    ///   cannot tell apart (``JSONMemberNames``); or what ``receive(_:)`` throws. Nothing is handed on when decoding fails.
    public func receive(message: Data, decoder: JSONDecoder = JSONDecoder()) async throws {
        try await receive(decoder.decodeCheckingMemberNames(EventEnvelope<Definition>.self, from: message))
    }
}

extension EventDefinition {
    /// ``EventDelivery``, named from inside a definition (where a contract type could shadow the name).
    public typealias Delivery = EventDelivery
    /// ``EventRetryPolicy``, named from inside a definition.
    public typealias RetryPolicy = EventRetryPolicy

    /// The partition key read from the payload's JSON (``EventPartitionKey``): what a definition's
    /// ``partitionKey(of:)`` uses when the ordering key cannot be read through stored properties.
    public static func encodedPartitionKey(at pointers: [String], in payload: Payload) -> String {
        EventPartitionKey.key(at: pointers, in: wire(payload))
    }

    /// The partition key of several values read through stored properties, in ordering-key order: what a generated
    /// ``partitionKey(of:)`` returns (``EventPartitionKey/joining(_:)``).
    public static func partitionKey(joining values: [String]) -> String {
        EventPartitionKey.joining(values)
    }

    /// Decodes a payload from its wire form: the bytes of a message's `data`, or a payload on its own.
    ///
    /// - Throws: `DecodingError` when the JSON is not a payload, or holds an object with two member names Swift
    ///   cannot tell apart (``JSONMemberNames``).
    public static func decodePayload(from data: Data, decoder: JSONDecoder = JSONDecoder()) throws -> Payload {
        payload(fromWire: try decoder.decodeCheckingMemberNames(PayloadWire.self, from: data))
    }

    /// Checks a payload that is `Validatable`; any other payload has nothing checked.
    public static func collectPayloadIssues(_ payload: Payload, at path: String, into issues: inout [ValidationIssue]) {
        if let payload = payload as? any Validatable {
            payload.collectIssues(at: path, into: &issues)
        }
    }
}

extension EventDefinition where PayloadWire == Payload {
    /// A payload whose `Codable` form is its wire form travels as itself.
    public static func wire(_ payload: Payload) -> Payload { payload }
    /// A payload whose `Codable` form is its wire form travels as itself.
    public static func payload(fromWire wire: Payload) -> Payload { wire }
}
