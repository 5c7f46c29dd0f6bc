import Foundation

/// Thrown when an envelope's `dataVersion` is not of the major version its definition reads: another major (a
/// breaking change, whose fields may mean other things), or no `MAJOR.MINOR.PATCH` version at all. Another minor or
/// patch of the same major is read (a tolerant reader), so this error never names one.
///
/// Decoding an ``EventEnvelope`` throws it, before the payload is read; ``EventEnvelope/collectIssues(at:into:)``
/// reports the same problem under `/dataVersion` for an envelope made with any version.
public struct EventDataVersionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The event (`Definition.eventType`).
    public let eventType: String
    /// The envelope's `dataVersion`.
    public let received: String
    /// The version the definition reads (`Definition.dataVersion`): any version of its major is accepted.
    public let expected: String

    /// Creates the error.
    public init(eventType: String, received: String, expected: String) {
        self.eventType = eventType
        self.received = received
        self.expected = expected
    }

    /// The error for `received` read as `Definition`'s event, or nil when `received` is of the same major version as
    /// `Definition.dataVersion`.
    public static func check<Definition: EventDefinition>(_ received: String, for definition: Definition.Type) -> Self? {
        let major = Self.major(of: received)
        guard major == nil || major != Self.major(of: Definition.dataVersion) else { return nil }
        return Self(eventType: Definition.eventType, received: received, expected: Definition.dataVersion)
    }

    /// What is wrong, naming both versions: `data version "3.0.0" is not a 2.x.y version (the contract's is 2.1.0)`.
    public var problem: String {
        let accepted = Self.major(of: expected).map { "a \($0).x.y version" } ?? "the contract's version"
        return "data version \"\(received)\" is not \(accepted) (the contract's is \(expected))"
    }

    /// ``problem``, for the event: `StockMovementRecorded: data version "3.0.0" is not a 2.x.y version (…)`.
    public var description: String { "\(eventType): \(problem)" }

    /// The major version of `MAJOR.MINOR.PATCH` (a pre-release or build suffix allowed), or nil.
    static func major(of version: String) -> Int? {
        let core = version.prefix(while: { $0 != "-" && $0 != "+" })
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return Int(parts[0])
    }
}
