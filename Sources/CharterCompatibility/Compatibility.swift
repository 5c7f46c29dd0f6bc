import CharterCore
import CharterGovernance

/// Where a schema's data flows, which decides who a change breaks.
public struct SchemaRoles: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// Creates a role set.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Sent by clients, read by the provider (request bodies, parameters).
    public static let request = SchemaRoles(rawValue: 1)
    /// Sent by the provider, read by clients (response bodies and headers).
    public static let response = SchemaRoles(rawValue: 2)
    /// Published by producers, read by consumers (event payloads).
    public static let event = SchemaRoles(rawValue: 4)
    /// Delivered by a feed's producer, read by its consumers (feed records).
    public static let feed = SchemaRoles(rawValue: 16)
    /// A named type no operation, event or feed reaches: exchanged some other way, judged by the contract's policy.
    public static let model = SchemaRoles(rawValue: 8)
}

/// How much a change hurts one kind of reader.
public enum Impact: Int, Sendable, Hashable, Comparable {
    /// Nobody notices.
    case none
    /// Some readers may fail: those that validate constraints, or switch exhaustively.
    case risky
    /// Readers fail to read valid data.
    case breaks

    /// Orders by harm.
    public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a change to a data schema does to readers, in the two directions Schema Registry names:
/// **backward** — a reader on the new version reads data written with the old one; **forward** — a reader on
/// the old version reads data written with the new one. Each side carries why it breaks.
public struct CompatibilityEffect: Sendable, Hashable {
    /// New reader, old data.
    public var backward: Impact
    /// Why the backward side breaks (e.g. "data written before lacks it").
    public var backwardReason: String
    /// Old reader, new data.
    public var forward: Impact
    /// Why the forward side breaks.
    public var forwardReason: String

    /// Creates an effect.
    public init(backward: Impact = .none, _ backwardReason: String = "", forward: Impact = .none, _ forwardReason: String = "") {
        self.backward = backward
        self.backwardReason = backwardReason
        self.forward = forward
        self.forwardReason = forwardReason
    }
}

extension CompatibilityEffect {
    /// The one rule for a change to validation Charter can neither prove safe nor unsafe (a `pattern` neither proven wider
    /// nor narrower, a validation keyword it does not interpret changed in place): it may reject data written before, and
    /// old readers may reject what it now allows — risky both ways, never breaking, so it is a warning that asks for a
    /// minor version (the gate fails a patch; `--fail-on warning` fails the run). Proven changes are judged by their
    /// direction instead: tighter breaks backward, looser is risky forward. The reasons say why each side may break.
    static func unproven(backward backwardReason: String, forward forwardReason: String) -> CompatibilityEffect {
        CompatibilityEffect(backward: .risky, backwardReason, forward: .risky, forwardReason)
    }

    /// What the message of an unproven change adds after what changed: `; Charter could not prove that either pattern
    /// accepts every value the other does` (`what`: `pattern`, `version`).
    static func unprovenNote(_ what: String) -> String { "; Charter could not prove that either \(what) accepts every value the other does" }
}

/// How much a change moves the contract's semantic version.
public enum VersionBump: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Documentation and annotations only.
    case patch
    /// Compatible additions.
    case minor
    /// Breaking changes: a new major version, published beside the old one.
    case major

    /// Orders patch < minor < major.
    public static func < (lhs: VersionBump, rhs: VersionBump) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `patch`, `minor` or `major`.
    public var description: String { ["patch", "minor", "major"][rawValue] }
}

/// Who a breaking data change hurts, given where the data flows and the contract's compatibility policy.
enum CompatibilityJudge {
    /// The parties an effect breaks (risky ones separately), with the reason, for data with `roles` under `mode`
    /// (nil: the contract declares none, judged as `backward`, Schema Registry's default); and the same parties as
    /// ``Party`` values (`affected`: clients for requests and responses, consumers for events and feeds; none for a type
    /// no interface reaches, whose readers Charter cannot name).
    ///
    /// Requests are read by the provider, which upgrades first: existing clients break when the new provider
    /// cannot read what they send (backward). Responses are read by existing clients: they break when they cannot
    /// read what the new provider sends (forward). Events and unused types follow the policy: backward (consumers
    /// upgrade first), forward (producers upgrade first), full (either order). `full` also holds requests and
    /// responses to both directions, so clients and providers may upgrade in any order; `none` breaks nobody.
    static func judge(_ effect: CompatibilityEffect, roles: SchemaRoles, mode: CompatibilityMode?) -> (impact: Impact, parties: [String], affected: [Party]) {
        let mode = mode ?? .backward
        guard mode != .none else { return (.none, [], []) }
        let full = mode == .full || mode == .fullTransitive
        let backwardPolicy = full || mode == .backward || mode == .backwardTransitive
        let forwardPolicy = full || mode == .forward || mode == .forwardTransitive
        var impact = Impact.none
        var parties: [String] = []
        var affected: Set<Party> = []
        func add(_ side: Impact, _ party: String, _ reason: String, _ who: Party? = nil) {
            guard side > .none else { return }
            impact = max(impact, side)
            let text = "\(party)\(reason.isEmpty ? "" : " (\(reason))")"
            if !parties.contains(text) { parties.append(text) }
            if let who { affected.insert(who) }
        }
        if roles.contains(.request) {
            add(effect.backward, "existing clients' requests", effect.backwardReason, .client)
            if full { add(effect.forward, "upgraded clients calling a provider not yet upgraded", effect.forwardReason, .client) }
        }
        if roles.contains(.response) {
            add(effect.forward, "existing clients reading responses", effect.forwardReason, .client)
            if full { add(effect.backward, "upgraded clients reading an older provider's responses", effect.backwardReason, .client) }
        }
        if roles.contains(.event) {
            if backwardPolicy { add(effect.backward, "upgraded consumers reading events published before", effect.backwardReason, .consumer) }
            if forwardPolicy { add(effect.forward, "existing consumers reading new events", effect.forwardReason, .consumer) }
        }
        if roles.contains(.feed) {
            if backwardPolicy { add(effect.backward, "upgraded consumers reading records delivered before", effect.backwardReason, .consumer) }
            if forwardPolicy { add(effect.forward, "existing consumers reading new records", effect.forwardReason, .consumer) }
        }
        if roles.contains(.model) || roles.isEmpty {
            if backwardPolicy { add(effect.backward, "readers on the new version reading data written before", effect.backwardReason) }
            if forwardPolicy { add(effect.forward, "readers on the old version reading new data", effect.forwardReason) }
        }
        return (impact, parties, affected.sorted())
    }
}
