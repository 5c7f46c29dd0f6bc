import CharterCore
import CharterGovernance

/// What a change check looks at.
public enum ChangeCategory: String, Sendable, Hashable, CaseIterable {
    /// Data schemas: properties, types, enums, constraints, unions, named types.
    case schema
    /// Synchronous operations: paths, parameters, bodies, statuses, auth, idempotency, SLAs.
    case operation
    /// Events: topics, ordering, delivery.
    case event
    /// Contracts as a whole: presence, policy, version.
    case contract
}

/// One kind of change `charter diff` detects and classifies: a stable id, a one-line summary, its
/// documentation, a base and head contract that show it, and a head that does not. Checks are registered
/// in ``ChangeCatalog``; each overrides the comparison for its scope (the others do nothing).
public protocol ChangeCheck: RuleDescribing {
    /// What it looks at.
    var category: ChangeCategory { get }
    /// A base contract (JSON) …
    var exampleBase: String { get }
    /// … and a head the check reports against it.
    var exampleHead: String { get }
    /// A head the check does not report against ``exampleBase`` (an unrelated or compatible change).
    var unaffectedHead: String { get }
    /// What to do instead, for a change of this kind that breaks or may break someone (reports show it as the hint
    /// when the check gives none of its own); nil for none.
    var breakingHint: String? { get }

    /// Compares two object-or-value schemas found at the same place (after `$ref`s are followed).
    func compare(_ pair: SchemaPair, _ context: DiffContext)
    /// Compares only what wraps two schemas that are otherwise the same named type (compared once, as a named
    /// type): one side reached through a nullable wrapper and the other not.
    func compareWrappers(_ pair: SchemaPair, _ context: DiffContext)
    /// Compares only what the way a schema pair is reached decides — whether a nullable wrapper around it, or the
    /// schema itself where it is reached directly, admits `null` — when the pair itself was compared already, reached
    /// another way (each schema pair is compared once, however many ways reach it).
    func compareWay(_ pair: SchemaPair, _ context: DiffContext)
    /// Compares two versions of one operation.
    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext)
    /// Compares two versions of one event.
    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext)
    /// Compares two versions of one contract as a whole (what was added or removed in it).
    func compare(contract pair: ContractPair, _ context: DiffContext)
}

extension ChangeCheck {
    /// The category's name.
    public var tag: String { category.rawValue }
    /// Most checks can report breaking changes.
    public var defaultSeverity: Severity { .error }
    /// No advice unless the check has some.
    public var breakingHint: String? { nil }
    public func compare(_ pair: SchemaPair, _ context: DiffContext) {}
    public func compareWrappers(_ pair: SchemaPair, _ context: DiffContext) {}
    public func compareWay(_ pair: SchemaPair, _ context: DiffContext) {}
    public func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {}
    public func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {}
    public func compare(contract pair: ContractPair, _ context: DiffContext) {}
}

/// Two schemas at the same place in the base and the head, `$ref`s followed.
public struct SchemaPair: Sendable {
    /// The base schema.
    public var base: SchemaID
    /// The head schema.
    public var head: SchemaID
    /// Where it is, for people: `Item`, `Item.sku`, `Order.lines[]`.
    public var label: String
    /// Where its data flows.
    public var roles: SchemaRoles
    /// Whether the base schema was reached through a nullable wrapper (`anyOf: [X, {"type": "null"}]`), which
    /// the walk sees through: ``base`` is `X`, and `null` is allowed besides.
    public var baseNullWrapped = false
    /// The same for the head.
    public var headNullWrapped = false
    /// The head schema as written where the pair was found, before `$ref`s and a wrapper were seen through (where its
    /// nullability is written, or was).
    public var headAsWritten: SchemaID? = nil
    /// Where the data flows on the way the pair was reached, when that is through a nullable wrapper: what the wrapper
    /// says (whether `null` is allowed) is judged by it, where everything else about the pair is judged by ``roles``,
    /// every direction its data flows. Nil when no wrapper was seen through.
    public var wayRoles: SchemaRoles? = nil
}

/// One contract (or plain schema file) in the base and the head; either side is nil when it was added or removed.
public struct ContractPair: Sendable {
    /// How it is named in reports: `inventory v2`, or the file for a plain schema.
    public var name: String
    /// The base document.
    public var base: SchemaDocument?
    /// The head document.
    public var head: SchemaDocument?
}

/// One change `charter diff` found, judged.
public struct Change: Sendable, Hashable {
    /// The check that found it.
    public var checkID: String
    /// The contract it is in (`inventory v2`).
    public var contract: String
    /// What changed, and who it breaks.
    public var message: String
    /// How to proceed, when Charter can tell.
    public var hint: String?
    /// Breaking, risky, or harmless for everyone affected.
    public var impact: Impact
    /// The version bump the change needs on its own.
    public var bump: VersionBump
    /// Where: in the head, or in the base for something removed.
    public var location: SourceLocation
    /// The document's path relative to the root (fingerprints).
    public var stablePath: String
    /// Which version ``location`` is in.
    public var side: DiffSide
    /// What changed, without the contract, who it breaks or the base line of something removed: ``message`` up to those.
    public var what: String = ""
    /// The parties it breaks or may break (none when it breaks nobody), in ``Party`` order.
    public var affects: [Party] = []
    /// The interfaces whose data or definition it reaches, where known (in contract order, each once): the operation,
    /// event or feed it was found in, added or removed; for a data change, every one whose data reaches the changed
    /// schema where the change breaks (a swapped reference: those that reach the reference). Named by their pair.
    public var interfaces: [ChangeInterface] = []

    /// The severity a change is reported at: breaking → error, risky → warning, harmless → note.
    public var severity: Severity {
        switch impact {
        case .breaks: .error
        case .risky: .warning
        case .none: .note
        }
    }
}

/// A party to a contract a change can break: the structured form of the "breaks existing clients' requests" a message says.
public enum Party: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Calls an operation: sends requests, reads responses.
    case client
    /// Serves an operation.
    case provider
    /// Publishes an event, or delivers a feed.
    case producer
    /// Reads an event or a feed.
    case consumer

    /// Orders as declared: client, provider, producer, consumer.
    public static func < (lhs: Party, rhs: Party) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The parties a description of who a change breaks names (`existing clients`, `its recipients`, `the producers
    /// dropped`), in order: how an interface change's `who` is read (each check writes its own). A feed's recipients
    /// are its consumers.
    static func named(in who: String) -> [Party] {
        let words: [(word: String, party: Party)] = [("client", .client), ("provider", .provider), ("producer", .producer),
                                                     ("consumer", .consumer), ("recipient", .consumer)]
        return Array(Set(words.filter { who.contains($0.word) }.map(\.party))).sorted()
    }
}

/// An interface a change reaches: its contract, named as the pair it belongs to is in reports (`orders v2`; `orders v1 →
/// orders v2` for a major bumped in place, whose changes are the pair's), and its name as messages say it
/// (`captureOrder`, `event OrderCaptured`, `feed StockFile`).
public struct ChangeInterface: Sendable, Hashable {
    /// The contract it belongs to.
    public var contract: String
    /// The operation id, `event Name` or `feed Name`.
    public var name: String

    /// Creates an interface.
    public init(contract: String, name: String) {
        self.contract = contract
        self.name = name
    }
}
