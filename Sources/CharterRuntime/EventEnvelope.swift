import Foundation

/// One occurrence of an event, in the envelope every contract event travels in (docs/contract-format.md,
/// "The event envelope"): CloudEvents-like attributes around the payload.
///
/// Decoding checks that `type` names `Definition`'s event, so a message from another event's topic
/// fails to decode instead of turning into the wrong type, and that `dataVersion` is of `Definition`'s major
/// version, so a payload of another major (whose fields may mean other things) is never read as this one's.
/// ``collectIssues(at:into:)`` checks what decoding does not: the partition key against the payload, the data
/// version of an envelope made here, and the payload's own constraints.
public struct EventEnvelope<Definition: EventDefinition>: Codable, Hashable, Sendable, Validatable {
    /// Unique per occurrence; the deduplication and replay id (a redelivery carries the same id).
    public let id: UUID
    /// The producing system, `urn:retail:system:<system-name>`.
    public let source: String
    /// When the business fact occurred (not when it was published).
    public let time: Date
    /// The business entity the event is about (SKU, order id, return id).
    public let subject: String?
    /// Derived from the payload by `Definition.partitionKey(of:)` when the envelope is created here.
    public let partitionKey: String
    /// The contract version the payload conforms to.
    public let dataVersion: String
    /// The payload.
    public let data: Definition.Payload

    /// The event name: always `Definition.eventType`.
    public var type: String { Definition.eventType }

    /// A new occurrence: a fresh id unless one is given, the partition key derived from the payload and the
    /// data version of the contract.
    public init(id: UUID = UUID(), source: String, time: Date, subject: String? = nil, data: Definition.Payload) {
        self.init(
            id: id, source: source, time: time, subject: subject, partitionKey: Definition.partitionKey(of: data),
            dataVersion: Definition.dataVersion, data: data)
    }

    /// An envelope with every attribute as given (a replay, or a test).
    public init(
        id: UUID, source: String, time: Date, subject: String?, partitionKey: String, dataVersion: String, data: Definition.Payload
    ) {
        self.id = id
        self.source = source
        self.time = time
        self.subject = subject
        self.partitionKey = partitionKey
        self.dataVersion = dataVersion
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case id, type, source, time, subject, partitionKey, dataVersion, data
    }

    /// Decodes an envelope of `Definition`'s event, of `Definition`'s major version (any minor or patch).
    ///
    /// - Throws: ``EventDataVersionError`` when `dataVersion` is of another major version than
    ///   `Definition.dataVersion` or not `MAJOR.MINOR.PATCH` (checked before the payload is read, so a payload of
    ///   another major fails with this error, not with whatever its other shape breaks); `DecodingError` when an
    ///   attribute is missing or malformed, or `type` names another event.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        // Code point by code point, as JSON compares: a name that only looks like this event's is another event's.
        guard ExactText(type) == ExactText(Definition.eventType) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "Expected an event of type \"\(Definition.eventType)\", got \"\(type)\".")
        }
        dataVersion = try container.decode(String.self, forKey: .dataVersion)
        if let error = EventDataVersionError.check(dataVersion, for: Definition.self) { throw error }
        id = try container.decode(LowercaseUUID.self, forKey: .id).value
        source = try container.decode(String.self, forKey: .source)
        time = try container.decode(RFC3339DateTime.self, forKey: .time).value
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        partitionKey = try container.decode(String.self, forKey: .partitionKey)
        data = Definition.payload(fromWire: try container.decode(Definition.PayloadWire.self, forKey: .data))
    }

    /// Encodes the envelope: the id in lowercase, the time in RFC 3339 with its fraction of a second.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(LowercaseUUID(id), forKey: .id)
        try container.encode(Definition.eventType, forKey: .type)
        try container.encode(source, forKey: .source)
        try container.encode(RFC3339DateTime(time), forKey: .time)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encode(partitionKey, forKey: .partitionKey)
        try container.encode(dataVersion, forKey: .dataVersion)
        try container.encode(Definition.wire(data), forKey: .data)
    }

    /// Reports a partition key that is not the one the payload gives (compared code point by code point, as a
    /// broker hashes it: ``ExactText``), a data version of another major version than the contract's or not
    /// `MAJOR.MINOR.PATCH` (``EventDataVersionError/problem``: decoding refuses such an envelope, so only one made with
    /// ``init(id:source:time:subject:partitionKey:dataVersion:data:)`` can have it), an empty source, and the payload's
    /// own issues under `/data` (``EventDefinition/collectPayloadIssues(_:at:into:)``).
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        let expectedKey = Definition.partitionKey(of: data)
        // Code point by code point: a broker hashes the key's bytes, so a canonically equivalent key is another partition.
        if ExactText(partitionKey) != ExactText(expectedKey) {
            issues.append(ValidationIssue(
                path: Validation.path(path, "partitionKey"), keyword: "partitionKey",
                message: "partition key \"\(partitionKey)\" is not the payload's \"\(expectedKey)\""))
        }
        if let error = EventDataVersionError.check(dataVersion, for: Definition.self) {
            issues.append(ValidationIssue(path: Validation.path(path, "dataVersion"), keyword: "dataVersion", message: error.problem))
        }
        if source.isEmpty {
            issues.append(ValidationIssue(path: Validation.path(path, "source"), keyword: "minLength", message: "source is empty"))
        }
        Definition.collectPayloadIssues(data, at: Validation.path(path, "data"), into: &issues)
    }
}
