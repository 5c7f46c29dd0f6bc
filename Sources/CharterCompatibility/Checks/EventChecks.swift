import CharterCore
import CharterGovernance

/// `event-topic-changed`: an event moved to another topic.
struct EventTopicChangedCheck: ChangeCheck {
    let id = "event-topic-changed"
    let summary = "An event's topic changed."
    let rationale = "Consumers subscribed to the old topic stop receiving the event, and nothing fails: stock simply stops moving. Publish to both topics until every consumer has moved, in a new major version."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1""#)
    let exampleHead = DiffExample.event(#""topic": "demo.items.v1""#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "summary": "An item changed.""#, version: "1.0.1")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        guard base.topic != head.topic else { return }
        context.report("topic of \(head.name) changed from \(base.topic ?? "none") to \(head.topic ?? "none")", impact: .breaks, bump: .major,
                       at: context.location(.head, pointer: head.pointer.appending("topic")), who: base.parties)
    }
}

/// `event-ordering-changed`: the key events are ordered (partitioned) by changed.
struct EventOrderingChangedCheck: ChangeCheck {
    let id = "event-ordering-changed"
    let breakingHint: String? = "publish with the new key on a new topic (the next major version) and keep the old topic until its consumers have moved"
    let summary = "An event's ordering (partition) key changed."
    let rationale = "Consumers rely on events for one key arriving in order (reservations before releases of one SKU). A new key reshuffles partitions: during the switch, and after it for the old key, related events arrive out of order."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1", "orderingKey": ["/sku"]"#)
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1", "orderingKey": ["/shop"]"#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "orderingKey": ["/sku"], "summary": "An item changed.""#, version: "1.0.1")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        guard base.orderingKey != head.orderingKey else { return }
        let text = { (keys: [JSONPointer]) in keys.isEmpty ? "none" : keys.map(\.description).joined(separator: ", ") }
        context.report("ordering key of \(head.name) changed from \(text(base.orderingKey)) to \(text(head.orderingKey))", impact: .breaks, bump: .major,
                       at: context.location(.head, pointer: head.pointer.appending("orderingKey")), who: base.parties)
    }
}

/// `event-delivery-changed`: the delivery guarantee changed.
struct EventDeliveryChangedCheck: ChangeCheck {
    let id = "event-delivery-changed"
    let summary = "An event's delivery guarantee (at-most-once, at-least-once, exactly-once), dead-letter topic or retention changed, its retry attempts were cut, or its maximum lag grew."
    let rationale = "Consumers are written for the guarantee: one that never deduplicates breaks when exactly-once becomes at-least-once (duplicates), and one that never reconciles breaks when at-least-once becomes at-most-once (losses). A shorter dead-letter retention shortens the time to replay, and a larger maximum lag breaks consumers that read staleness as an outage."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "exactly-once""#)
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "at-least-once""#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "exactly-once", "summary": "An item changed.""#, version: "1.0.1")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        if let old = base.deadLetter?.topic, old != head.deadLetter?.topic {
            context.report("dead-letter topic of \(head.name) changed from \(old) to \(head.deadLetter?.topic ?? "none")", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("deadLetter")),
                           hint: "messages already dead-lettered stay on \(old); replay tooling must read both")
        }
        if let old = base.deadLetter?.retention, let new = head.deadLetter?.retention, ISODuration.shortened(from: old, to: new) {
            context.report("dead-letter retention of \(head.name) shortened from \(old) to \(new)", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("deadLetter").appending("retention")),
                           who: "consumers replaying dead-lettered events later than \(new)")
        }
        if let old = base.retry?.maxAttempts, let new = head.retry?.maxAttempts, new < old {
            context.report("retry attempts of \(head.name) cut from \(old) to \(new)", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("retry").appending("maxAttempts")),
                           who: "consumers that rely on redelivery to ride out an outage: their messages are dead-lettered sooner")
        }
        if let old = base.maxLagMs, let new = head.maxLagMs, new > old {
            context.report("maximum lag of \(head.name) grew from \(old) to \(new) ms", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("sla").appending("maxLagMs")),
                           who: "consumers that alert on, or wait for, the old lag")
        }
        guard base.delivery != head.delivery else { return }
        let old = base.delivery ?? "unspecified"
        let new = head.delivery ?? "unspecified"
        let weaker = old == "exactly-once" || (old == "at-least-once" && new == "at-most-once")
        context.report("delivery of \(head.name) changed from \(old) to \(new)", impact: weaker ? .breaks : .risky, bump: weaker ? .major : .minor,
                       at: context.location(.head, pointer: head.pointer.appending("delivery")), who: base.parties)
    }
}

extension ContractEvent {
    /// Who a change to the event breaks, by name where its access lists name systems: `existing producers (oms) and
    /// consumers (erp, fraud-service)`; nil (the default wording) when neither list names any.
    var parties: String? {
        let producers = publish?.allowed ?? [], consumers = subscribe?.allowed ?? []
        guard !producers.isEmpty || !consumers.isEmpty else { return nil }
        let named = { (role: String, systems: [String]) in systems.isEmpty ? role : "\(role) (\(systems.joined(separator: ", ")))" }
        return "existing \(named("producers", producers)) and \(named("consumers", consumers))"
    }
}

/// `event-access-changed`: who may publish or subscribe, and with what credentials, changed.
struct EventAccessChangedCheck: ChangeCheck {
    let id = "event-access-changed"
    let summary = "An event's publish or subscribe access changed: another auth scheme, more or fewer scopes, or other allowed systems."
    let rationale = "Existing producers and consumers hold credentials and grants for the old rules: a new scope or scheme locks them out of the broker, and a system dropped from `allowed` (or shut out by a list where there was none) stops receiving or sending without a code change on its side. Access widened — a scope dropped, a system allowed — breaks nobody and is reported for the record."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos", "wms"]}"#)
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "summary": "Items changed.", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos", "wms"]}"#, version: "1.0.1")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        for (side, old, new) in [("publish", base.publish, head.publish), ("subscribe", base.subscribe, head.subscribe)] {
            let at = context.location(.head, pointer: head.pointer.appending(side))
            let party = side == "publish" ? "producers" : "consumers"
            let changes = AuthChanges(old?.auth, in: context.pair.base?.contract, new?.auth, in: context.pair.head?.contract)
            if let kind = changes.kind {
                context.report("\(side) auth of \(head.name) changed from \(kind.from) to \(kind.to)", impact: .breaks, bump: .major, at: at, who: "existing \(party)")
            }
            if let scheme = changes.scheme {
                context.report("\(side) auth of \(head.name) changed from \(scheme.from) to \(scheme.to)", impact: changes.toNone ? .none : .breaks,
                               bump: changes.toNone ? .minor : .major, at: at, who: "existing \(party)")
            }
            if !changes.scopesAdded.isEmpty {
                context.report("\(side) of \(head.name) now requires scope \(changes.scopesAdded.joined(separator: ", ")): existing \(party) lack it", impact: .breaks, bump: .major, at: at, who: "existing \(party)")
            }
            if !changes.scopesRemoved.isEmpty {
                context.report("\(side) of \(head.name) no longer requires scope \(changes.scopesRemoved.joined(separator: ", "))", impact: .none, bump: .minor, at: at)
            }
            // No list means any system may; an empty list, none.
            switch (old?.allowed, new?.allowed) {
            case let (oldList?, newList?):
                let dropped = oldList.filter { !newList.contains($0) }
                if !dropped.isEmpty {
                    context.report("\(side) of \(head.name) no longer allows \(dropped.joined(separator: ", "))", impact: .breaks, bump: .major, at: at, who: "the \(party) dropped")
                }
                let added = newList.filter { !oldList.contains($0) }
                if !added.isEmpty {
                    context.report("\(side) of \(head.name) now also allows \(added.joined(separator: ", "))", impact: .none, bump: .minor, at: at)
                }
            case let (nil, newList?):
                let only = newList.isEmpty ? "no system" : "only " + newList.joined(separator: ", ")
                context.report("\(side) of \(head.name) now allows \(only) (any system could before)", impact: .breaks, bump: .major, at: at, who: "every other system")
            case let (oldList?, nil):
                context.report("\(side) of \(head.name) is no longer limited to \(oldList.isEmpty ? "no system" : oldList.joined(separator: ", "))", impact: .none, bump: .minor, at: at)
            case (nil, nil):
                break
            }
        }
    }
}
