/// Builds the view model of a namespace's event definitions (`Templates/Events.mustache`): one caseless
/// enum per contract event conforming to CharterRuntime's `EventDefinition`, with the event's fixed
/// attributes and a partition-key function that reads the ordering key through stored properties.
struct SwiftEventBuilder {
    let context: SwiftGenerationContext

    /// The view model, or null when the namespace has no events.
    func build(namespace index: Int) -> MustacheValue {
        let module = context.module
        let namespace = module.namespaces[index]
        guard !namespace.events.isEmpty else { return .null }
        let names = context.names.events[index]
        let container = context.names.eventContainers[index]
        let version = namespace.contract.map { $0.version.description } ?? ""
        let events: [MustacheValue] = zip(namespace.events, names).map { event, name in
            let contract = event.contract
            return .object([
                "documentation": .list(documentation(event).map(MustacheValue.string)),
                "name": .string(name),
                "payload": .string(context.qualifiedType(event.payload)),
                "eventType": .string(SwiftLiteral.string(event.name)),
                "topic": .string(SwiftLiteral.string(contract.topic ?? "")),
                "dataVersion": .string(SwiftLiteral.string(version)),
                "delivery": .string(delivery(contract.delivery)),
                "maxLag": .string(contract.maxLagMs.map(String.init) ?? "nil"),
                "retry": .string(retry(contract.retry)),
                "deadLetterTopic": .string(contract.deadLetter?.topic.map(SwiftLiteral.string) ?? "nil"),
                "publishers": .string(list(contract.publish?.allowed ?? [])),
                "subscribers": .string(list(contract.subscribe?.allowed ?? [])),
                "orderingKey": .string(list(event.orderingKey.map(\.pointer.description))),
                "partitionKey": .list(partitionKey(event).map(MustacheValue.string)),
                "payloadIssues": payloadIssues(event).map { .object(["lines": .list($0.map(MustacheValue.string))]) } ?? .null,
                "payloadWire": payloadWire(event, namespace: index),
            ])
        }
        let all = names.map { "\($0).self" }.joined(separator: ", ")
        return .object([
            "name": .string(container),
            "documentation": .list(SwiftDocumentation.plainLines(
                "The events of \(namespace.contractName) \(version): one definition per event, for `EventEnvelope<Definition>`.")
                .map(MustacheValue.string)),
            "events": .list(events),
            "all": .string(all),
        ])
    }

    /// The body of `collectPayloadIssues(_:at:into:)` for a payload that is an alias with constraints of its own (its
    /// namespace's `collectIssues(of<Alias>:at:into:)`), or a list, map or scalar written in the event with constraints
    /// (its checks, written out); nil for any other payload, which the protocol's default checks when it is `Validatable`.
    func payloadIssues(_ event: IREvent) -> [String]? {
        guard let alias = context.aliasValidation(of: event.payload) else {
            return SwiftValidationBuilder(context: context).wholeValueChecks(event.payload, event.payloadConstraints, value: "payload", path: "path")
        }
        let call = "\(alias.namespace).collectIssues(\(alias.label): payload, at: path, into: &issues)"
        return alias.isOptional ? ["if let payload {", "    " + call, "}"] : [call]
    }

    /// The wire form of a payload whose `Codable` form is not what travels (a date, a UUID, a decimal string,
    /// lists and maps of them, aliases of those): its wrapper type and the two conversions `EventEnvelope`
    /// applies; null for any other payload, which travels as itself.
    func payloadWire(_ event: IREvent, namespace index: Int) -> MustacheValue {
        let mapper = context.mapper
        guard let wire = mapper.wireType(event.payload, in: .namespace(index)) else { return .null }
        return .object([
            "type": .string(wire),
            "toWire": .string(mapper.toWire(event.payload, "payload")),
            "fromWire": .string(mapper.fromWire(event.payload, "wire")),
        ])
    }

    /// The doc comment of a definition: summary, description, then topic, ordering and delivery. A deprecated
    /// event is marked here and not with `@available(*, deprecated)`: `all` names every definition, and the
    /// attribute would make the generated code itself warn.
    func documentation(_ event: IREvent) -> [String] {
        let contract = event.contract
        var facts: [String] = []
        if let topic = contract.topic { facts.append("- Topic: `\(topic.replacingBackticks)`") }
        if !event.orderingKey.isEmpty {
            facts.append("- Ordered by: " + event.orderingKey.map { "`\($0.pointer.description.replacingBackticks)`" }.joined(separator: ", "))
        }
        if let delivery = contract.delivery { facts.append("- Delivery: \(delivery)") }
        if contract.deprecated { facts.append("- Warning: Deprecated in the contract.") }
        return SwiftDocumentation.lines(event.documentation, extra: facts, origin: "Contract")
    }

    /// `.atLeastOnce`, or `nil` when the contract states no (or no known) guarantee.
    func delivery(_ text: String?) -> String {
        switch text {
        case "at-least-once": ".atLeastOnce"
        case "at-most-once": ".atMostOnce"
        case "exactly-once": ".exactlyOnce"
        default: "nil"
        }
    }

    /// The retry policy literal, or `nil` unless the contract gives a number of attempts and a known backoff.
    func retry(_ policy: RetryPolicy?) -> String {
        guard let policy, let attempts = policy.maxAttempts else { return "nil" }
        let backoff: String
        switch policy.backoff ?? "exponential" {
        case "exponential": backoff = ".exponential"
        case "fixed": backoff = ".fixed"
        default: return "nil"
        }
        let initial = policy.initialDelayMs ?? 0
        return "RetryPolicy(maxAttempts: \(attempts), backoff: \(backoff), initialDelayMilliseconds: \(initial), "
            + "maxDelayMilliseconds: \(policy.maxDelayMs ?? initial))"
    }

    /// A Swift array literal of strings.
    func list(_ items: [String]) -> String { "[" + items.map(SwiftLiteral.string).joined(separator: ", ") + "]" }

    /// The lines of `partitionKey(of:)`'s body: the value read through stored properties, or several joined by the
    /// runtime's `partitionKey(joining:)` (`EventPartitionKey.joining`, which escapes them);
    /// for a union payload whose every variant has the key in stored properties, a `switch` over the
    /// variants; otherwise the key read from the encoded payload.
    func partitionKey(_ event: IREvent) -> [String] {
        let encoded = "encodedPartitionKey(at: orderingKey, in: payload)"
        if let expression = keyExpression(event.orderingKey, of: "payload") { return [expression] }
        guard let variantKeys = event.variantOrderingKeys, case .named(let id) = IRTypeRef.resolvingAliases(event.payload, in: context.module.types),
            case .union(let union) = context.module[id].kind
        else { return [encoded] }
        let cases = context.members.caseNames(of: id)
        var lines = ["switch payload {"]
        if let null = context.members.nullCaseName(of: id) { lines.append("case .\(null): return \(encoded)") }
        let unions = SwiftUnionBuilder(context: context)
        for (index, (name, keys)) in zip(cases, variantKeys).enumerated() {
            // The discriminator of a variant that does not declare it is written by the union: its key is that tag.
            let tag = union.discriminator.flatMap { discriminator in
                unions.encodedTag(union.variants[index], of: union).map { (property: discriminator.propertyName, expression: $0) }
            }
            guard let expression = keyExpression(keys, of: "value", tag: tag) else { return [encoded] }
            lines.append("case .\(name)(let value): return \(expression)")
        }
        if union.discriminator != nil { lines.append("case .unrecognized: return \(encoded)") }
        lines.append("}")
        return lines
    }

    /// The key read through stored properties of `base`, or nil when a pointer cannot be read that way; a pointer to
    /// the top-level property `tag` names reads `tag`'s expression instead (a union variant's discriminator, which the
    /// union writes over the value's own).
    func keyExpression(_ parts: [IROrderingKeyPart], of base: String, tag: (property: String, expression: String)? = nil) -> String? {
        var values: [String] = []
        for part in parts {
            guard let path = part.path, let leaf = part.leaf else { return nil }
            if let tag, path.count == 1, case .object(let object) = context.module[path[0].type].kind,
                object.properties[path[0].property].wireName == tag.property
            {
                values.append(tag.expression)
                continue
            }
            let access = base + "." + path.map { context.members.propertyNames(of: $0.type)[$0.property] }.joined(separator: ".")
            switch leaf {
            case .string: values.append(access)
            case .integer: values.append("String(\(access))")
            case .stringEnumeration: values.append(access + ".rawValue")
            }
        }
        switch values.count {
        case 0: return "\"\""
        case 1: return values[0]
        default: return "partitionKey(joining: [" + values.joined(separator: ", ") + "])"
        }
    }
}
