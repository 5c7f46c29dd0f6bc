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
    let summary = "An event's delivery guarantee changed (at-most-once, at-least-once, exactly-once)."
    let rationale = "Consumers are written for the guarantee: one that never deduplicates breaks when exactly-once becomes at-least-once (duplicates), and one that never reconciles breaks when at-least-once becomes at-most-once (losses)."
    let category = ChangeCategory.event
    let exampleBase = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "exactly-once""#)
    let exampleHead = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "at-least-once""#, version: "2.0.0")
    let unaffectedHead = DiffExample.event(#""topic": "demo.item-changed.v1", "delivery": "exactly-once", "summary": "An item changed.""#, version: "1.0.1")

    func compare(event base: ContractEvent, _ head: ContractEvent, _ context: DiffContext) {
        guard base.delivery != head.delivery else { return }
        let old = base.delivery ?? "unspecified"
        let new = head.delivery ?? "unspecified"
        let weaker = old == "exactly-once" || (old == "at-least-once" && new == "at-most-once")
        context.report("delivery of \(head.name) changed from \(old) to \(new)", impact: weaker ? .breaks : .risky, bump: weaker ? .major : .minor,
                       at: context.location(.head, pointer: head.pointer.appending("delivery")))
    }
}
