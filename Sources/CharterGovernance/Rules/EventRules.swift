import CharterCore

/// `event-topic-versioned`: topics carry the contract's major version.
struct EventTopicVersionedRule: LintRule {
    let id = "event-topic-versioned"
    let summary = "Every event names its topic, ending in .v<MAJOR> of its contract."
    let rationale = "Major versions of a contract live side by side while consumers migrate. Versioned topics let v1 and v2 payloads flow at once without a consumer decoding the wrong shape."
    let category = LintCategory.events
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed", "payload": {"$ref": "#/$defs/Item"}}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}}}"##, defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            let suffix = ".v\(contract.version.major)"
            for event in contract.events {
                guard let topic = event.topic else {
                    context.report("event \(event.name) names no topic", in: document, at: event.pointer, hint: #"add "topic": "…\#(suffix)""#)
                    continue
                }
                if !topic.hasSuffix(suffix) {
                    context.report("topic \(topic) of \(event.name) does not end in \(suffix)", in: document, at: event.pointer.appending("topic"),
                                   hint: "name it \(topic)\(suffix) so each major version has its own topic")
                }
            }
        }
    }
}

/// `event-access-declared`: every event says who may publish and subscribe, and how they authenticate.
struct EventAccessDeclaredRule: LintRule {
    let id = "event-access-declared"
    let summary = "Every event declares publish and subscribe access: auth, and the systems allowed (at least one)."
    let rationale = "Who may write to a topic and who may read it is the event's access policy: without it the broker's grants are set by hand, unreviewed, and `charter diff` cannot tell when a change shuts a producer or consumer out. An empty `allowed` list lets no system in; leaving it out says nothing about who may."
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": []}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "publish": {"auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "allowed": ["demo-service"]}, "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": ["pos"]}}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events {
                for (side, access, who) in [("publish", event.publish, "produce"), ("subscribe", event.subscribe, "consume")] {
                    let pointer = event.pointer.appending(side)
                    guard let access else {
                        context.report("event \(event.name) declares no \(side) access", in: document, at: event.pointer,
                                       hint: #"add "\#(side)": {"auth": {"scheme": "…"}, "allowed": ["…"]}: the systems that \#(who) it"#)
                        continue
                    }
                    if access.auth == nil {
                        context.report("\(side) access of \(event.name) declares no auth", in: document, at: pointer,
                                       hint: #"add "auth": {"scheme": "…"}"#)
                    }
                    switch access.allowed {
                    case nil:
                        context.report("\(side) access of \(event.name) names no allowed systems", in: document, at: pointer,
                                       hint: #"add "allowed": ["…"]: the systems that \#(who) it"#)
                    case let list? where list.isEmpty:
                        context.report("\(side) access of \(event.name) allows no system", in: document, at: pointer.appending("allowed"),
                                       hint: "list the systems that \(who) it, or deprecate the event")
                    default:
                        break
                    }
                }
            }
        }
    }
}

/// `event-dead-letter`: events delivered at least once have somewhere for poison messages to go.
struct EventDeadLetterRule: LintRule {
    let id = "event-dead-letter"
    let summary = "At-least-once and exactly-once events declare a dead-letter topic distinct from their own."
    let rationale = "With retries, a message no consumer can process blocks its partition forever or is dropped. A dead-letter topic keeps it for inspection and replay; writing it back to the same topic loops it."
    let category = LintCategory.events
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "delivery": "at-least-once", "payload": {"$ref": "#/$defs/Item"}}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "delivery": "at-least-once", "payload": {"$ref": "#/$defs/Item"}, "deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P14D"}}}"##, defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events where event.delivery == "at-least-once" || event.delivery == "exactly-once" {
                guard let deadLetter = event.deadLetter?.topic else {
                    context.report("\(event.delivery ?? "") event \(event.name) has no dead-letter topic", in: document, at: event.pointer,
                                   hint: #"add "deadLetter": {"topic": "\#(event.topic ?? "…").dlq", "retention": "P14D"}"#)
                    continue
                }
                if deadLetter == event.topic {
                    context.report("dead-letter topic of \(event.name) is the event's own topic", in: document,
                                   at: event.pointer.appending("deadLetter").appending("topic"))
                }
            }
        }
    }
}

/// `retry-backoff`: retry settings that can be followed.
struct RetryBackoffRule: LintRule {
    let id = "retry-backoff"
    let summary = "Retry policies allow at least one attempt and a maxDelayMs no smaller than initialDelayMs."
    let rationale = "Consumers implement the retry policy as written. A largest delay below the first, or zero attempts, is a typo that turns into a tight retry loop or no retry at all."
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "retry": {"maxAttempts": 5, "backoff": "exponential", "initialDelayMs": 1000, "maxDelayMs": 100}}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "retry": {"maxAttempts": 5, "backoff": "exponential", "initialDelayMs": 100, "maxDelayMs": 10000}}}"##, defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events {
                guard let retry = event.retry else { continue }
                let pointer = event.pointer.appending("retry")
                if let initial = retry.initialDelayMs, let largest = retry.maxDelayMs, largest < initial {
                    context.report("retry of \(event.name): maxDelayMs \(largest) is below initialDelayMs \(initial)", in: document, at: pointer.appending("maxDelayMs"))
                }
                if let attempts = retry.maxAttempts, attempts < 1 {
                    context.report("retry of \(event.name) allows \(attempts) attempts", in: document, at: pointer.appending("maxAttempts"),
                                   hint: "allow at least 1, or remove the retry policy")
                }
            }
        }
    }
}

/// `event-ordering-key`: the ordering key is always there to partition by.
struct EventOrderingKeyRule: LintRule {
    let id = "event-ordering-key"
    let summary = "An event's ordering key points at a required scalar property of every payload variant."
    let rationale = "Brokers partition by the ordering key, so events about one SKU or order arrive in order. A key that is optional, an object, or missing in one `oneOf` variant sends related events to different partitions, and consumers apply them out of order."
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/location"]}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/sku"]}}"##, defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events {
                guard let payload = event.payload else { continue }
                for (index, key) in event.orderingKey.enumerated() {
                    if let problem = problem(context, payload, key.tokens[...], depth: 0) {
                        context.report("ordering key \(key) of \(event.name): \(problem)", in: document,
                                       at: event.pointer.appending("orderingKey").appending(index: index))
                    }
                }
            }
        }
    }

    /// Why `tokens` does not name a required scalar in `id`, or nil when it does.
    private func problem(_ context: LintContext, _ id: SchemaID, _ tokens: ArraySlice<String>, depth: Int) -> String? {
        guard depth < 64 else { return nil }
        let schema = context.resolved(id)
        let variants = schema.oneOf + schema.anyOf
        if !variants.isEmpty, schema.properties.isEmpty {
            for variant in variants {
                if let problem = problem(context, variant, tokens, depth: depth + 1) { return problem }
            }
            return nil
        }
        guard let token = tokens.first else {
            // Brokers partition by a string or a number; null (or a boolean's two values) cannot spread keys. The
            // type may come through allOf parts (`{"allOf": [{"$ref": "#/$defs/Sku"}]}`).
            let parts = context.allOfParts(id)
            let typed = parts.compactMap(\.types).filter { !$0.isEmpty }
            if typed.contains(where: { $0.contains(.object) || $0.contains(.array) }) { return "points at an object or array, not a scalar" }
            let scalar = { (value: JSONNode) in value.string != nil || value.number?.isInteger == true }
            // Every part that states types must allow only strings or integers (allOf intersects them).
            if !typed.isEmpty, typed.allSatisfy({ $0.allSatisfy { $0 == .string || $0 == .integer } }) { return nil }
            if typed.isEmpty, let values = parts.lazy.compactMap({ $0.enumValues ?? $0.constValue.map { [$0] } }).first, !values.isEmpty, values.allSatisfy(scalar) {
                return nil
            }
            return "must be a string or an integer, never null"
        }
        let parts = context.allOfParts(id)
        guard let property = parts.lazy.compactMap({ $0.properties.first { $0.name == token } }).first else {
            return "the payload has no property \"\(token)\""
        }
        guard parts.contains(where: { $0.required.contains(token) }) else { return "\"\(token)\" is optional" }
        return problem(context, property.schema, tokens.dropFirst(), depth: depth + 1)
    }
}
