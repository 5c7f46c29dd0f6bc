import CharterCore

/// `event-topic-versioned`: topics carry the contract's major version.
struct EventTopicVersionedRule: LintRule {
    let id = "event-topic-versioned"
    let summary = "Every event names its topic, ending in .v<MAJOR> of its contract."
    let rationale = "Major versions of a contract live side by side while consumers migrate. Versioned topics let v1 and v2 payloads flow at once without a consumer decoding the wrong shape."
    let category = LintCategory.events
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed", "payload": {"$ref": "#/$defs/Item"}}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "## + ExampleContract.access + "}}",
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            let suffix = ".v\(contract.version.major)"
            for event in contract.events {
                guard let topic = event.topic.nonBlank else {
                    context.report("event \(event.name) names no topic", in: document, at: event.pointer, hint: #"add "topic": "…\#(suffix)""#)
                    continue
                }
                if !topic.hasSuffix(suffix) {
                    context.report("topic \(topic) of \(event.name) does not end in \(suffix)", in: document, at: event.pointer.appending("topic"),
                                   hint: "name it \(Self.versioned(topic, suffix: suffix)) so each major version has its own topic")
                }
            }
        }
    }

    /// `topic` ending in `suffix` (`.v2`): its last segment replaced when that is another major's (`billing.issued.v1`
    /// becomes `billing.issued.v2`), else `suffix` appended.
    static func versioned(_ topic: String, suffix: String) -> String {
        guard let dot = topic.lastIndex(of: ".") else { return topic + suffix }
        let segment = topic[topic.index(after: dot)...]
        guard segment.first == "v", segment.count > 1, segment.dropFirst().allSatisfy({ ("0"..."9").contains($0) }) else { return topic + suffix }
        return topic[..<dot] + suffix
    }
}

/// `event-access-declared`: every event says who may publish and subscribe, and how they authenticate.
struct EventAccessDeclaredRule: LintRule {
    let id = "event-access-declared"
    let summary = "Every event declares publish and subscribe access: auth, and the systems allowed (at least one)."
    let rationale = "Who may write to a topic and who may read it is the event's access policy: without it the broker's grants are set by hand, unreviewed, and `charter diff` cannot tell when a change shuts a producer or consumer out. An empty `allowed` list (or one of blank names) lets no system in; leaving it out says nothing about who may."
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "subscribe": {"auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "allowed": []}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "## + ExampleContract.access + "}}",
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
                    case let list? where list.allSatisfy(\.isBlank):  // empty, or blank names that name no system
                        context.report("\(side) access of \(event.name) allows no system", in: document, at: pointer.appending("allowed"),
                                       hint: "list the systems that \(who) it, or deprecate the event")
                    case let list?:
                        for (index, system) in list.enumerated() where system.isBlank {
                            context.report("\(side) access of \(event.name) lists a blank system", in: document,
                                           at: pointer.appending("allowed").appending(index: index), hint: "name the system, or remove the entry")
                        }
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
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "delivery": "at-least-once", "payload": {"$ref": "#/$defs/Item"}, "deadLetter": {"topic": "demo.item-changed.v1.dlq", "retention": "P14D"}, "## + ExampleContract.access + "}}",
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events where event.delivery == "at-least-once" || event.delivery == "exactly-once" {
                guard let deadLetter = event.deadLetter?.topic.nonBlank else {
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
    let summary = "Retry policies allow 1 to 100 attempts and a maxDelayMs no smaller than initialDelayMs."
    let rationale = "Consumers implement the retry policy as written. A largest delay below the first, or zero attempts, is a typo that turns into a tight retry loop or no retry at all; more than 100 attempts keeps a poison message from the dead-letter topic for hours while its partition waits. (A negative delay does not load at all.)"
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "retry": {"maxAttempts": 5, "backoff": "exponential", "initialDelayMs": 1000, "maxDelayMs": 100}}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "retry": {"maxAttempts": 5, "backoff": "exponential", "initialDelayMs": 100, "maxDelayMs": 10000}, "## + ExampleContract.access + "}}",
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events {
                guard let retry = event.retry else { continue }
                let pointer = event.pointer.appending("retry")
                if let initial = retry.initialDelayMs, let largest = retry.maxDelayMs, largest < initial {
                    context.report("retry of \(event.name): maxDelayMs \(largest) is below initialDelayMs \(initial)", in: document, at: pointer.appending("maxDelayMs"))
                }
                if let attempts = retry.maxAttempts, !(1...100).contains(attempts) {
                    context.report("retry of \(event.name) allows \(attempts) attempts", in: document, at: pointer.appending("maxAttempts"),
                                   hint: attempts < 1 ? "allow at least 1, or remove the retry policy" : "allow at most 100, then dead-letter the message")
                }
            }
        }
    }
}

/// `event-ordering-key`: the ordering key is always there to partition by.
struct EventOrderingKeyRule: LintRule {
    let id = "event-ordering-key"
    let summary = "An event's ordering key points at a required scalar property of every payload variant."
    let rationale = "Brokers partition by the ordering key, so events about one SKU or order arrive in order. A key that is optional, an object, or missing in one `oneOf` variant sends related events to different partitions, and consumers apply them out of order. The payload is judged as its instances are: a key required by an `allOf` part, or declared beside a `oneOf`/`anyOf` and required in every variant, is there in each."
    let category = LintCategory.events
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(extension: ##""events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/location"]}}"##, defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "events": {"ItemChanged": {"topic": "demo.item-changed.v1", "payload": {"$ref": "#/$defs/Item"}, "orderingKey": ["/sku"], "## + ExampleContract.access + "}}",
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for event in contract.events {
                guard let payload = event.payload else { continue }
                let view = MergedSchema(payload, in: context.graph)
                for (index, key) in event.orderingKey.enumerated() {
                    if let problem = problem(context.graph, view, key.tokens[...], visited: []) {
                        context.report("ordering key \(key) of \(event.name): \(problem)", in: document,
                                       at: event.pointer.appending("orderingKey").appending(index: index))
                    }
                }
            }
        }
    }

    /// Why `tokens` does not name a required string or integer in every value `view` admits, or nil when it does.
    /// The view is the schema with its `$ref` target and `allOf` parts folded in. The key holds when the view
    /// itself has it, or when, in one of its `oneOf`/`anyOf` groups, every alternative has it once merged with what
    /// the view says beside the alternatives (its properties and `required`): every valid value is one of those.
    /// `visited` holds the alternatives already being judged for these tokens, so a recursive union ends.
    private func problem(_ graph: SchemaGraph, _ view: MergedSchema, _ tokens: ArraySlice<String>, visited: Set<SchemaID>) -> String? {
        guard visited.count < 64, let own = ownProblem(graph, view, tokens) else { return nil }
        var reason: String?
        for group in view.alternativeGroups {
            let failure = group.schemas.lazy.filter { !visited.contains($0) }.compactMap { alternative in
                self.problem(graph, MergedSchema(alternative: alternative, sharing: view, in: graph), tokens, visited: visited.union([alternative]))
            }.first
            guard let failure else { return nil }
            reason = reason ?? failure
        }
        return reason ?? own
    }

    /// Why `tokens` does not name a required string or integer in `view` taken alone (its alternatives left out).
    private func ownProblem(_ graph: SchemaGraph, _ view: MergedSchema, _ tokens: ArraySlice<String>) -> String? {
        guard let token = tokens.first else {
            // Brokers partition by a string or a number; null (or a boolean's two values) cannot spread keys. The
            // view's types are those every part allows (allOf intersects them).
            if let types = view.types {
                if types.contains(.object) || types.contains(.array) { return "points at an object or array, not a scalar" }
                if !types.isEmpty, types.allSatisfy({ $0 == .string || $0 == .integer }) { return nil }
            } else if let values = view.constValue.map({ [$0] }) ?? view.enumValues, !values.isEmpty,
                      values.allSatisfy({ $0.string != nil || $0.number?.isInteger == true }) {
                return nil
            }
            return "must be a string or an integer, never null"
        }
        guard let property = view.properties.first(where: { $0.name == token }) else { return "the payload has no property \"\(token)\"" }
        guard view.required.contains(token) else { return "\"\(token)\" is optional" }
        // Every part that declares the property applies to its value.
        let value = MergedSchema(all: view.propertyParts[token] ?? [property.schema], in: graph)
        return problem(graph, value, tokens.dropFirst(), visited: [])
    }
}
