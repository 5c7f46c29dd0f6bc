import CharterCore
import CharterGovernance

/// `contract-removed`: a contract (or a major version of one) is gone.
struct ContractRemovedCheck: ChangeCheck {
    let id = "contract-removed"
    let summary = "A contract major version was removed (harmless only once it is retired)."
    let rationale = "Every party to that major version loses its interface — its operations' clients and providers, its events' producers and consumers, its feeds' recipients (the message names those it has) — and a contract of types alone breaks the code generated from it. Removal is expected after the contract has been marked `retired`; before that it is the largest breaking change there is."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unrelated", "type": "object"}"#
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.0.1")

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base else { return }
        // A major version bumped in place leaves the old major without a file: removed as surely as a deleted one.
        let replaced = pair.head.map { head in head.contract?.version.major != base.contract?.version.major } ?? false
        guard pair.head == nil || replaced else { return }
        let retired = base.contract?.lifecycle?.status == .retired
        let name = base.contract.map { "\($0.name) v\($0.version.major)" } ?? pair.name
        context.report("\(name) removed" + (replaced ? " (its file now holds v\(pair.head?.contract?.version.major ?? 0))" : ""),
                       impact: retired ? .none : .breaks, bump: .major,
                       at: context.location(.base, pointer: base.contract == nil ? .root : ContractParser.extensionPointer),
                       hint: retired ? nil : base.contract?.lifecycle?.status == .deprecated
                           ? "it is deprecated\(base.contract?.lifecycle?.sunset.map { " until \($0)" } ?? ""): mark it retired once its clients have moved, then remove it"
                           : "mark it deprecated with a sunset and a successor, then retired, before removing it",
                       who: Self.parties(of: base.contract))
    }

    /// Who a removed contract's users are, as its removal names them: its operations' clients and providers, its events'
    /// producers and consumers, its feeds' recipients — only the roles it has; a contract of types alone (or a plain
    /// schema file) is used through the code generated from it.
    static func parties(of contract: Contract?) -> String {
        var parties: [String] = []
        if contract?.operations.isEmpty == false { parties += ["clients", "providers"] }
        if contract?.events.isEmpty == false { parties += ["producers", "consumers"] }
        if contract?.feeds.isEmpty == false { parties.append("feed recipients") }
        guard let last = parties.popLast() else { return "code generated from it" }
        return "its " + (parties.isEmpty ? last : parties.joined(separator: ", ") + " and " + last)
    }
}

/// `contract-added`: a new contract or major version.
struct ContractAddedCheck: ChangeCheck {
    let id = "contract-added"
    let summary = "A contract, or a new major version of one, was added."
    let rationale = "New interfaces break nobody; a new major version is how breaking changes ship, beside the old one, while clients migrate."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.note
    let exampleBase = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unrelated", "type": "object"}"#
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}"#)
    let unaffectedHead = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unrelated", "type": "object", "description": "Still unrelated."}"#

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let head = pair.head, pair.base == nil else { return }
        context.report("\(pair.name) added", impact: .none, bump: .minor,
                       at: context.location(.head, pointer: head.contract == nil ? .root : ContractParser.extensionPointer))
    }
}

/// `type-removed`: a named type is gone from `$defs`.
struct TypeRemovedCheck: ChangeCheck {
    let id = "type-removed"
    let summary = "A named type ($defs entry) was removed."
    let rationale = "Code generated from the contract loses the Swift type, so everything that uses it stops compiling, and data of that type — stored, queued, or referenced by other contracts — has no schema left."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}"#)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#))
    let unaffectedHead = DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#) + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}, "Till": {"title": "Till", "description": "A till.", "type": "string"}"#)

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base, let head = pair.head else { return }
        let names = Set(context.head.schemas[head.rootSchema.rawValue].definitions.map(\.name))
        let renamed = Set(context.typeRenames(base, head).map(\.from))
        for definition in context.base.schemas[base.rootSchema.rawValue].definitions where !names.contains(definition.name) && !renamed.contains(definition.name) {
            // A type of that name in another file of the head was probably moved there: still a removal for code
            // generated from this contract (its Swift type changes namespace), but worth saying.
            let elsewhere = context.head.documents.first { document in
                document.id != head.id && context.head.schemas[document.rootSchema.rawValue].definitions.contains { $0.name == definition.name }
            }
            let hint = elsewhere.map { "a type \(definition.name) is now in \($0.displayPath): if it moved, keep it here too (as a $ref to it) until the next major version" }
                ?? "deprecate it first; remove it in the next major version"
            context.report("type \(definition.name) removed", impact: .breaks, bump: .major, at: context.location(.base, definition.schema),
                           hint: hint, who: Self.who)
        }
    }

    /// Who a named type gone under its name breaks: the Swift type generated from it is gone (or named otherwise).
    static let who = "code generated from it"
}

/// `type-added`: a new named type.
struct TypeAddedCheck: ChangeCheck {
    let id = "type-added"
    let summary = "A named type ($defs entry) was added."
    let rationale = "A compatible addition: a minor version."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.note
    let exampleBase = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#))
    let exampleHead = DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#) + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}"#)
    let unaffectedHead = DiffExample.contract(version: "1.0.1", defs: DiffExample.item(#""sku": {"type": "string", "description": "Stock keeping unit."}"#))

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base, let head = pair.head else { return }
        let names = Set(context.base.schemas[base.rootSchema.rawValue].definitions.map(\.name))
        let renamed = Set(context.typeRenames(base, head).map(\.to))
        for definition in context.head.schemas[head.rootSchema.rawValue].definitions where !names.contains(definition.name) && !renamed.contains(definition.name) {
            context.report("type \(definition.name) added", impact: .none, bump: .minor, at: context.location(.head, definition.schema))
        }
    }
}

/// `operation-removed` and `operation-added`, `event-removed` and `event-added`: interface members that
/// appeared or disappeared, found by comparing the contract's lists.
struct OperationRemovedCheck: ChangeCheck {
    let id = "operation-removed"
    let summary = "An operation was removed."
    let rationale = "Every client calling it gets 404s. Deprecate it (with the contract's sunset and successor) and remove it in a new major version."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#))
    let unaffectedHead = DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem)

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        for operation in base.operations where !head.operations.contains(where: { $0.id == operation.id }) {
            context.report("operation \(operation.id) (\(operation.method) \(operation.path)) removed", impact: .breaks, bump: .major,
                           at: context.location(.base, pointer: operation.pointer), hint: "deprecate it, and remove it in a new major version",
                           who: "existing clients calling it", interface: context.interface(operation.id))
        }
    }
}

/// `operation-added`: a new operation.
struct OperationAddedCheck: ChangeCheck {
    let id = "operation-added"
    let summary = "An operation was added."
    let rationale = "A compatible addition: a minor version."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.note
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), operations: DiffExample.getItem + ", " + DiffExample.putItem)
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string", "description": "Stock keeping unit."}"#, version: "1.0.1")

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        for operation in head.operations where !base.operations.contains(where: { $0.id == operation.id }) {
            context.report("operation \(operation.id) (\(operation.method) \(operation.path)) added", impact: .none, bump: .minor,
                           at: context.location(.head, pointer: operation.pointer), interface: context.interface(operation.id))
        }
    }
}

/// `event-removed`: an event is gone.
struct EventRemovedCheck: ChangeCheck {
    let id = "event-removed"
    let summary = "An event was removed."
    let rationale = "Consumers wait for messages that never come — silently: nothing fails, stock just stops moving. Deprecate the event and remove it in a new major version."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1""#)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"]))
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "summary": "An item changed.""#, version: "1.0.1")

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        for event in base.events where !head.events.contains(where: { $0.name == event.name }) {
            context.report("event \(event.name) removed", impact: .breaks, bump: .major, at: context.location(.base, pointer: event.pointer),
                           hint: "deprecate it, and remove it in a new major version", who: "existing producers and consumers",
                           interface: context.interface("event \(event.name)"))
        }
    }
}

/// `event-added`: a new event.
struct EventAddedCheck: ChangeCheck {
    let id = "event-added"
    let summary = "An event was added."
    let rationale = "A compatible addition: a minor version."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.note
    let exampleBase = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"]))
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1""#, version: "1.1.0")
    let unaffectedHead = DiffExample.contract(version: "1.0.1", defs: DiffExample.item(#""sku": {"type": "string", "description": "Stock keeping unit."}, "shop": {"type": "string"}"#, required: ["sku", "shop"]))

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        for event in head.events where !base.events.contains(where: { $0.name == event.name }) {
            context.report("event \(event.name) added", impact: .none, bump: .minor, at: context.location(.head, pointer: event.pointer),
                           interface: context.interface("event \(event.name)"))
        }
    }
}

/// `compatibility-changed`: the contract's compatibility policy changed.
struct CompatibilityChangedCheck: ChangeCheck {
    let id = "compatibility-changed"
    let summary = "The contract's compatibility policy changed (weakening it is risky)."
    let rationale = "The policy is a promise to every party about which upgrade orders are safe. Weakening it (full → backward, anything → none) withdraws that promise; architects should see it in review."
    let category = ChangeCategory.contract
    let defaultSeverity = Severity.warning
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}"#, version: "1.0.1").replacingOccurrences(of: #""compatibility": "backward""#, with: #""compatibility": "none""#)
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string", "description": "Stock keeping unit."}"#, version: "1.0.1")

    /// How much a policy promises: none < backward = forward < full, transitive above its plain form.
    static func strength(_ mode: CompatibilityMode?) -> (Int, Set<String>) {
        switch mode ?? .backward {
        case .none: (0, [])
        case .backward: (1, ["backward"])
        case .forward: (1, ["forward"])
        case .full: (2, ["backward", "forward"])
        case .backwardTransitive: (3, ["backward", "backward-transitive"])
        case .forwardTransitive: (3, ["forward", "forward-transitive"])
        case .fullTransitive: (4, ["backward", "forward", "backward-transitive", "forward-transitive"])
        }
    }

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract, base.compatibility != head.compatibility else { return }
        let old = Self.strength(base.compatibility).1
        let new = Self.strength(head.compatibility).1
        let weakened = !old.isSubset(of: new)
        let names = (base.compatibility?.rawValue ?? "undeclared", head.compatibility?.rawValue ?? "undeclared")
        context.report("compatibility policy changed from \(names.0) to \(names.1)\(weakened ? ", a weaker promise" : "")",
                       impact: weakened ? .risky : .none, bump: .minor,
                       at: context.location(.head, pointer: ContractParser.extensionPointer.appending("compatibility")),
                       hint: weakened ? "changes are still judged against the base's policy, \(names.0)" : nil, whateverThePolicy: true)
    }
}

/// `feed-changed`: a scheduled batch feed was removed, added, or changed format, transport, schedule or deadline.
struct FeedChangedCheck: ChangeCheck {
    let id = "feed-changed"
    let summary = "A batch feed was removed or added, or its format, transport, schedule, delivery deadline, producer or consumers changed."
    let rationale = "Consumers of a feed are jobs that run on a schedule and parse a file: a removed feed or a new file format breaks them on the next run, a later schedule or deadline makes the nightly reconciliation start before the data is there, and a consumer dropped from the list (or another producer) is a system whose deliveries stop, or come from somewhere else."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#), extra: ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "application/x-ndjson", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#), extra: ##""feeds": {"StockFile": {"payload": {"$ref": "#/$defs/Item"}, "format": "text/csv", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##)
    let unaffectedHead = DiffExample.contract(version: "1.0.1", defs: DiffExample.item(#""sku": {"type": "string"}"#), extra: ##""feeds": {"StockFile": {"summary": "Nightly stock.", "payload": {"$ref": "#/$defs/Item"}, "format": "application/x-ndjson", "schedule": {"cron": "0 2 * * *", "timezone": "UTC"}}}"##)

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        let feeds = ContractParser.extensionPointer.appending("feeds")
        for feed in base.feeds {
            let interface = context.interface("feed \(feed.name)")
            guard let new = head.feeds.first(where: { $0.name == feed.name }) else {
                context.report("feed \(feed.name) removed", impact: .breaks, bump: .major, at: context.location(.base, pointer: feeds.appending(feed.name)),
                               who: "its recipients", interface: interface)
                continue
            }
            let at = context.location(.head, pointer: feeds.appending(feed.name))
            if feed.format != new.format || feed.transport != new.transport {
                context.report("feed \(feed.name) changed from \(feed.format ?? "?") over \(feed.transport ?? "?") to \(new.format ?? "?") over \(new.transport ?? "?")",
                               impact: .breaks, bump: .major, at: at, who: "its recipients", interface: interface)
            }
            if feed.cron != new.cron || feed.timezone != new.timezone {
                context.report("schedule of feed \(feed.name) changed (\(feed.cron ?? "?") \(feed.timezone ?? ""), within \(feed.deliveredWithin ?? "?") → \(new.cron ?? "?") \(new.timezone ?? ""), within \(new.deliveredWithin ?? "?"))",
                               impact: .risky, bump: .minor, at: at, who: "its recipients", interface: interface)
            } else if feed.deliveredWithin != new.deliveredWithin {
                // The same schedule: only a later deadline (or none) hurts; an earlier one is a stronger promise.
                let earlier: Bool
                switch (feed.deliveredWithin.flatMap(ISODuration.range), new.deliveredWithin.flatMap(ISODuration.range)) {
                case let (old?, new?): earlier = new.upperBound <= old.lowerBound  // `PT60M` → `PT1H` is no later either
                case (nil, _?): earlier = feed.deliveredWithin == nil  // a deadline where there was none
                default: earlier = false
                }
                context.report("delivery deadline of feed \(feed.name) changed from \(feed.deliveredWithin ?? "none") to \(new.deliveredWithin ?? "none")",
                               impact: earlier ? .none : .risky, bump: .minor, at: at, who: "its recipients", interface: interface)
            }
            let dropped = feed.consumers.filter { !new.consumers.contains($0) }
            if !dropped.isEmpty {
                context.report("feed \(feed.name) no longer delivered to \(dropped.joined(separator: ", "))", impact: .breaks, bump: .major, at: at,
                               who: dropped.joined(separator: ", "), interface: interface)
            }
            let added = new.consumers.filter { !feed.consumers.contains($0) }
            if !added.isEmpty {
                context.report("feed \(feed.name) now also delivered to \(added.joined(separator: ", "))", impact: .none, bump: .minor, at: at, interface: interface)
            }
            if feed.producer != new.producer {
                context.report("producer of feed \(feed.name) changed from \(feed.producer ?? "none") to \(new.producer ?? "none")",
                               impact: .risky, bump: .minor, at: at, who: "its recipients, which may accept files only from the old producer", interface: interface)
            }
        }
        for feed in head.feeds where !base.feeds.contains(where: { $0.name == feed.name }) {
            context.report("feed \(feed.name) added", impact: .none, bump: .minor, at: context.location(.head, pointer: feeds.appending(feed.name)),
                           interface: context.interface("feed \(feed.name)"))
        }
    }
}
