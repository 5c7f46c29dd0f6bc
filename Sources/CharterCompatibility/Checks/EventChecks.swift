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
                       at: context.location(.head, pointer: head.pointer.appending("topic")))
    }
}

/// `event-ordering-changed`: the key events are ordered (partitioned) by changed.
struct EventOrderingChangedCheck: ChangeCheck {
    let id = "event-ordering-changed"
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
                       at: context.location(.head, pointer: head.pointer.appending("orderingKey")))
    }
}

/// `event-delivery-changed`: the delivery guarantee changed.
struct EventDeliveryChangedCheck: ChangeCheck {
    let id = "event-delivery-changed"
    let summary = "An event's delivery guarantee (at-most-once, at-least-once, exactly-once) or dead-letter topic changed."
    let rationale = "Consumers are written for the guarantee: one that never deduplicates breaks when exactly-once becomes at-least-once (duplicates), and one that never reconciles breaks when at-least-once becomes at-most-once (losses)."
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
        guard base.delivery != head.delivery else { return }
        let old = base.delivery ?? "unspecified"
        let new = head.delivery ?? "unspecified"
        let weaker = old == "exactly-once" || (old == "at-least-once" && new == "at-most-once")
        context.report("delivery of \(head.name) changed from \(old) to \(new)", impact: weaker ? .breaks : .risky, bump: weaker ? .major : .minor,
                       at: context.location(.head, pointer: head.pointer.appending("delivery")))
    }
}

/// `event-access-changed`: who may publish or subscribe, and with what credentials, changed.
struct EventAccessChangedCheck: ChangeCheck {
    let id = "event-access-changed"
    let summary = "An event's publish or subscribe access changed: another auth scheme, more scopes, or fewer allowed systems."
    let rationale = "Existing producers and consumers hold credentials and grants for the old rules: a new scope or scheme locks them out of the broker, and a system dropped from `allowed` stops receiving or sending without a code change on its side."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos", "wms"]}"#)
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos", "wms", "erp"]}"#, version: "1.1.0")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        for (side, old, new) in [("publish", base.publish, head.publish), ("subscribe", base.subscribe, head.subscribe)] {
            let at = context.location(.head, pointer: head.pointer.appending(side))
            let party = side == "publish" ? "producers" : "consumers"
            let oldScheme = old?.auth?.scheme ?? "none"
            let newScheme = new?.auth?.scheme ?? "none"
            if oldScheme != newScheme {
                context.report("\(side) auth of \(head.name) changed from \(oldScheme) to \(newScheme)", impact: newScheme == "none" ? .none : .breaks,
                               bump: newScheme == "none" ? .minor : .major, at: at, who: "existing \(party)")
            } else if case let added = (new?.auth?.scopes ?? []).filter({ !(old?.auth?.scopes ?? []).contains($0) }), !added.isEmpty {
                context.report("\(side) of \(head.name) now requires scope \(added.joined(separator: ", ")): existing \(party) lack it", impact: .breaks, bump: .major, at: at, who: "existing \(party)")
            }
            let dropped = (old?.allowed ?? []).filter { !(new?.allowed ?? []).contains($0) }
            if !dropped.isEmpty, !(new?.allowed ?? []).isEmpty {
                context.report("\(side) of \(head.name) no longer allows \(dropped.joined(separator: ", "))", impact: .breaks, bump: .major, at: at, who: "the \(party) dropped")
            } else if (old?.allowed ?? []).isEmpty, let allowed = new?.allowed, !allowed.isEmpty {
                // No list allowed every system; a list now shuts out every system not on it.
                context.report("\(side) of \(head.name) now allows only \(allowed.joined(separator: ", ")) (any system could before)", impact: .breaks, bump: .major, at: at, who: "every other system")
            }
        }
    }
}
