import CharterCore
import CharterGovernance

/// `operation-path-changed`: an operation moved to another method or path.
struct OperationPathChangedCheck: ChangeCheck {
    let id = "operation-path-changed"
    let summary = "An operation's method or path template changed."
    let rationale = "Existing clients call the old method and path and get 404 or 405. A new path is a new operation; keep the old one until the next major version."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/catalog/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items/{sku}", "summary": "One item.", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        let normalise = { (operation: ContractOperation) in
            operation.pathPlaceholders.reduce(operation.path) { $0.replacingOccurrences(of: "{\($1)}", with: "{}") }
        }
        guard base.method != head.method || normalise(base) != normalise(head) else { return }
        context.report("operation \(head.id) moved from \(base.method) \(base.path) to \(head.method) \(head.path)", impact: .breaks, bump: .major,
                       at: context.location(.head, pointer: head.pointer.appending(base.method != head.method ? "method" : "path")),
                       hint: "add the new route as a new operation and keep the old one until the next major version")
    }
}

extension ContractOperation {
    /// What identifies a parameter across versions: a path parameter by its place in the path template (renaming
    /// `{sku}` to `{id}` changes nothing on the wire), the others by location and name.
    func key(of parameter: Parameter) -> String {
        guard parameter.location == .path, let index = pathPlaceholders.firstIndex(of: parameter.name) else {
            // HTTP header names are case-insensitive: `X-Tenant-Id` and `x-tenant-id` are one parameter.
            let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
            return "\(parameter.location.rawValue):\(name)"
        }
        return "path#\(index)"
    }

    /// The parameter with `key`.
    func parameter(keyed key: String) -> Parameter? { parameters.first { self.key(of: $0) == key } }
}

/// `path-parameter-renamed`: a path parameter was renamed with its placeholder (`/orders/{id}` → `/orders/{orderId}`).
struct PathParameterRenamedCheck: ChangeCheck {
    let id = "path-parameter-renamed"
    let summary = "A path parameter was renamed with its placeholder: the same request on the wire, a renamed argument in generated Swift."
    let rationale = "A path parameter is sent as a path segment, never by name, so renaming it with its placeholder changes no request and breaks no client on the wire. The generated Swift client method names its argument after the parameter (and so does the provider protocol's), so Swift code that calls or implements it must change when it is regenerated: a source change, reported so the version moves and Swift callers are told. A rename that leaves the label as it was (`order_id` → `orderId`, both `orderId`) changes nothing and is not reported."
    let category = ChangeCategory.operation
    let defaultSeverity = Severity.note
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items/{id}", "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items/{itemId}", "parameters": [{"name": "itemId", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.1.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items/{id}", "parameters": [{"name": "id", "in": "path", "description": "The item's id.", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        // A path parameter is known by its place in the path template (``ContractOperation/key(of:)``): the same place
        // under another name is a rename — when the template is otherwise the same: `/orders/{id}` →
        // `/shops/{shopId}/orders/{id}` moves `id` and adds `shopId` (`operation-path-changed` reports it), and two
        // placeholders swapped are two renames (each argument now fills the other segment).
        // A rename the generated Swift does not see (`order_id` → `orderId`, both the label `orderId`) changes nothing for
        // anyone, and is not reported.
        guard Self.shape(of: base.path) == Self.shape(of: head.path) else { return }
        var baseScope = NameScope(), headScope = NameScope()
        let baseLabels = SwiftArgumentLabels.claim(base.parameters.map(\.name), in: &baseScope)
        let headLabels = SwiftArgumentLabels.claim(head.parameters.map(\.name), in: &headScope)
        for (index, parameter) in head.parameters.enumerated() where parameter.location == .path {
            guard let oldIndex = base.parameters.firstIndex(where: { base.key(of: $0) == head.key(of: parameter) }) else { continue }
            let old = base.parameters[oldIndex]
            guard old.location == .path, old.name != parameter.name, baseLabels[oldIndex] != headLabels[index] else { continue }
            context.report("path parameter \(old.name) of \(head.id) renamed to \(parameter.name): the wire is unchanged, but the generated Swift "
                           + "client's argument label changes with it, from \(SwiftArgumentLabels.unescaped(baseLabels[oldIndex])): to "
                           + "\(SwiftArgumentLabels.unescaped(headLabels[index])): (and the provider protocol's), "
                           + "so Swift callers must change", impact: .none, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("parameters").appending(index: index).appending("name")))
        }
    }
}

extension PathParameterRenamedCheck {
    /// A path template with its placeholders' names left out: `/orders/{id}` → `/orders/{}`.
    static func shape(of path: String) -> String {
        var shape = ""
        var inPlaceholder = false
        for character in path {
            if character == "{" { inPlaceholder = true; shape.append("{") } else if character == "}" { inPlaceholder = false; shape.append("}") } else if !inPlaceholder { shape.append(character) }
        }
        return shape
    }
}

/// `parameter-added`: an operation takes a new parameter.
struct ParameterAddedCheck: ChangeCheck {
    let id = "parameter-added"
    let summary = "An operation gained a parameter (breaking when required)."
    let rationale = "Existing clients do not send a new required parameter, so every call they make is rejected. A new optional parameter is a compatible addition."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items", "summary": "Items.", "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for (index, parameter) in head.parameters.enumerated() where base.parameter(keyed: head.key(of: parameter)) == nil {
            context.report("\(parameter.required ? "required" : "optional") \(parameter.location.rawValue) parameter \(parameter.name) added to \(head.id)",
                           impact: parameter.required ? .breaks : .none, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("parameters").appending(index: index)),
                           hint: parameter.required ? "make it optional, with a default the provider applies" : nil)
        }
    }
}

/// `parameter-removed`: an operation no longer takes a parameter.
struct ParameterRemovedCheck: ChangeCheck {
    let id = "parameter-removed"
    let summary = "An operation lost a parameter."
    let rationale = "Existing clients keep sending it and the provider now ignores it (or rejects it): a filter that silently stops filtering. Generated clients lose the argument."
    let category = ChangeCategory.operation
    let defaultSeverity = Severity.warning
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}"#, version: "1.1.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "description": "Shop id.", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for (index, parameter) in base.parameters.enumerated() where parameter.location != .path && head.parameter(keyed: base.key(of: parameter)) == nil {
            context.report("\(parameter.location.rawValue) parameter \(parameter.name) removed from \(head.id): clients that send it are ignored",
                           impact: .risky, bump: .minor,
                           at: context.location(.base, pointer: base.pointer.appending("parameters").appending(index: index)))
        }
    }
}

/// `parameter-requiredness-changed`: a parameter became required, or optional.
struct ParameterRequirednessCheck: ChangeCheck {
    let id = "parameter-requiredness-changed"
    let summary = "A parameter became required (breaking) or optional."
    let rationale = "Existing clients that omit a newly required parameter are rejected. Making a parameter optional is compatible."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items", "parameters": [{"name": "shop", "in": "query", "description": "Shop id.", "schema": {"type": "string"}}], "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for (index, parameter) in head.parameters.enumerated() {
            guard let old = base.parameter(keyed: head.key(of: parameter)), old.required != parameter.required else { continue }
            context.report("\(parameter.location.rawValue) parameter \(parameter.name) of \(head.id) became \(parameter.required ? "required" : "optional")",
                           impact: parameter.required ? .breaks : .none, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("parameters").appending(index: index)))
        }
    }
}

/// `request-body-changed`: the request body appeared, disappeared, became required or changed media type.
struct RequestBodyChangedCheck: ChangeCheck {
    let id = "request-body-changed"
    let summary = "An operation's request body was added, removed, made required or optional, or changed media type."
    let rationale = "Existing clients send what the old contract described: no body where one is now required, or a body in a media type the provider no longer parses."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "POST", "path": "/items/search", "responses": {"200": {}}"#)
    let exampleHead = DiffExample.operation(##""method": "POST", "path": "/items/search", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"200": {}}"##, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "POST", "path": "/items/search", "summary": "Search.", "responses": {"200": {}}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        let at = context.location(.head, pointer: head.pointer.appending("request"))
        switch (base.request, head.request) {
        case (nil, let new?):
            context.report("\(head.id) now takes a\(new.required ? " required" : "n optional") request body", impact: new.required ? .breaks : .none, bump: .minor, at: at)
        case (.some, nil):
            context.report("\(head.id) no longer takes a request body: clients that send one are ignored", impact: .risky, bump: .minor,
                           at: context.location(.base, pointer: base.pointer.appending("request")))
        case let (old?, new?):
            if !old.required && new.required {
                context.report("request body of \(head.id) became required", impact: .breaks, bump: .minor, at: at)
            } else if old.required && !new.required {
                // Clients may now leave it out; the generated client's body argument becomes optional.
                context.report("request body of \(head.id) became optional", impact: .none, bump: .minor, at: at)
            }
            if old.contentType != new.contentType {
                context.report("request body of \(head.id) changed media type from \(old.contentType) to \(new.contentType)", impact: .breaks, bump: .major, at: at)
            }
        case (nil, nil):
            break
        }
    }
}

/// `response-removed`: a response status is no longer documented.
struct ResponseRemovedCheck: ChangeCheck {
    let id = "response-removed"
    let summary = "A response status was removed (breaking for a success status)."
    let rationale = "Clients written against a success status (a `201 Created`, a `200` with a body) break when the provider answers differently. A removed error status is harmless to clients."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}"##)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"204": {}}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"description": "The item.", "schema": {"$ref": "#/$defs/Item"}}}"##, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for response in base.responses where !head.responses.contains(where: { $0.status == response.status }) {
            let success = response.status.hasPrefix("2")
            context.report("\(response.status) response of \(head.id) removed", impact: success ? .breaks : .none, bump: success ? .major : .minor,
                           at: context.location(.base, pointer: base.pointer.appending("responses").appending(response.status)))
        }
    }
}

/// `response-added`: a new response status.
struct ResponseAddedCheck: ChangeCheck {
    let id = "response-added"
    let summary = "A response status was added."
    let rationale = "Existing clients do not expect the new status: generated clients surface it as an undocumented response, and hand-written ones often treat it as a failure. Usually a compatible change, but one to announce."
    let category = ChangeCategory.operation
    let defaultSeverity = Severity.warning
    let exampleBase = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}"##)
    let exampleHead = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}, "429": {"description": "Too many requests."}}"##, version: "1.1.0")
    let unaffectedHead = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"description": "The item.", "schema": {"$ref": "#/$defs/Item"}}}"##, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for response in head.responses where !base.responses.contains(where: { $0.status == response.status }) {
            context.report("\(response.status) response of \(head.id) added: existing clients do not expect it", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: head.pointer.appending("responses").appending(response.status)))
        }
    }
}

/// `auth-changed`: what callers must present changed.
struct AuthChangedCheck: ChangeCheck {
    let id = "auth-changed"
    let summary = "An operation's auth changed: a different scheme, auth where there was none, or more scopes; or an OAuth scheme's token endpoint moved."
    let rationale = "Existing clients hold credentials for the old requirement: tokens without the new scope are refused with 403, and a different scheme fails every call. Clients configured with the old token endpoint must be reconfigured before it goes away. Dropping a scope is compatible."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read", "demo:write"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items", "summary": "Items.", "responses": {"200": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        let at = context.location(.head, pointer: head.pointer.appending("auth"))
        let changes = AuthChanges(base.auth, in: context.pair.base?.contract, head.auth, in: context.pair.head?.contract)
        if let kind = changes.kind {
            context.report("auth of \(head.id) changed from \(kind.from) to \(kind.to)", impact: .breaks, bump: .major, at: at)
        }
        if let scheme = changes.scheme {
            context.report("auth of \(head.id) changed from \(scheme.from) to \(scheme.to)", impact: changes.toNone ? .none : .breaks,
                           bump: changes.toNone ? .minor : .major, at: at)
        }
        if !changes.scopesAdded.isEmpty {
            context.report("\(head.id) now requires scope \(changes.scopesAdded.joined(separator: ", ")): existing tokens lack it", impact: .breaks, bump: .major, at: at)
        }
        if !changes.scopesRemoved.isEmpty {
            context.report("\(head.id) no longer requires scope \(changes.scopesRemoved.joined(separator: ", "))", impact: .none, bump: .minor, at: at)
        }
    }

    /// An OAuth scheme's token endpoint, compared once per scheme (paired by name, or with the scheme it was renamed
    /// to, ``AuthChanges/renames(_:_:)``), not once per operation or event that uses it.
    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base?.contract, let head = pair.head?.contract else { return }
        let renames = AuthChanges.renames(base, head)
        for old in base.securitySchemes where old.type == "oauth2" {
            let newName = renames[old.name] ?? old.name
            guard let new = head.securitySchemes.first(where: { $0.name == newName && $0.type == "oauth2" }),
                  let from = old.tokenURL, let to = new.tokenURL, from != to else { continue }
            let usedByOperations = head.operations.contains { $0.auth?.scheme == new.name }
            let usedByEvents = head.events.contains { $0.publish?.auth?.scheme == new.name || $0.subscribe?.auth?.scheme == new.name }
            let who = (usedByOperations ? ["clients"] : []) + (usedByEvents ? ["producers and consumers"] : [])
            guard !who.isEmpty else { continue }
            context.report("token endpoint of scheme \(new.name) moved from \(from) to \(to)", impact: .risky, bump: .minor,
                           at: context.location(.head, pointer: ContractParser.extensionPointer.appending("security").appending(new.name).appending("tokenUrl")),
                           hint: "keep the old endpoint issuing tokens this API accepts until every client is reconfigured",
                           who: who.joined(separator: ", ") + " configured with the old endpoint")
        }
    }
}

/// `idempotency-changed`: what a write expects of retries changed.
struct IdempotencyChangedCheck: ChangeCheck {
    let id = "idempotency-changed"
    let summary = "An operation's idempotency changed: a key became required or is no longer honoured, its header was renamed, or its retention shortened."
    let rationale = "Existing clients do not send a newly required key (every call is rejected), send it in the old header or to a provider that no longer deduplicates keyed retries (retries are no longer recognised: double reservations), or retry later than keys are now kept."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(#""method": "PUT", "path": "/items", "responses": {"204": {}}, "idempotency": {"required": false}"#)
    let exampleHead = DiffExample.operation(#""method": "PUT", "path": "/items", "responses": {"204": {}}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key"}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(#""method": "PUT", "path": "/items", "summary": "Store an item.", "responses": {"204": {}}, "idempotency": {"required": false}"#, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        let at = context.location(.head, pointer: head.pointer.appending("idempotency"))
        let old = base.idempotency
        let new = head.idempotency
        if new?.required == true, old?.required != true {
            context.report("\(head.id) now requires an idempotency key", impact: .breaks, bump: .major, at: at,
                           hint: "accept calls without a key until the next major version")
        } else if old?.required == true, new?.required != true {
            // Dropping the promise: existing clients retry the write with a key and the provider no longer deduplicates
            // it, so a retried reservation is made twice.
            let place = new == nil ? context.location(.head, pointer: head.pointer) : at
            context.report("\(head.id) \(new == nil ? "no longer declares idempotency" : "no longer requires an idempotency key"): "
                           + "existing clients' retries are no longer deduplicated", impact: .breaks, bump: .major, at: place,
                           hint: "keep requiring and honouring the key until the next major version")
        } else if let oldHeader = old?.keyHeader, let newHeader = new?.keyHeader, oldHeader.lowercased() != newHeader.lowercased() {
            context.report("idempotency key header of \(head.id) renamed from \(oldHeader) to \(newHeader)", impact: .breaks, bump: .major, at: at)
        }
        if let oldRetention = old?.retention, let newRetention = new?.retention, ISODuration.shortened(from: oldRetention, to: newRetention) {
            context.report("idempotency keys of \(head.id) kept \(newRetention) instead of \(oldRetention)", impact: .risky, bump: .minor, at: at)
        }
    }
}

/// `sla-weakened`: the service levels an operation promises got worse.
struct SLAWeakenedCheck: ChangeCheck {
    let id = "sla-weakened"
    let summary = "An operation's SLA got weaker: higher p99 latency, lower availability, a shorter timeout, or a smaller rate limit."
    let rationale = "Callers size their timeouts, retries and capacity on the SLA. A weaker one is not a wire change, but it breaks assumptions downstream (checkout pages waiting on a slower availability check), so architects review it."
    let category = ChangeCategory.operation
    let defaultSeverity = Severity.warning
    let exampleBase = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "sla": {"latencyP99Ms": 200, "availability": 0.999, "timeoutMs": 1000}"#)
    let exampleHead = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "sla": {"latencyP99Ms": 800, "availability": 0.999, "timeoutMs": 1000}"#, version: "1.1.0")
    let unaffectedHead = DiffExample.operation(#""method": "GET", "path": "/items", "responses": {"200": {}}, "sla": {"latencyP99Ms": 150, "availability": 0.9995, "timeoutMs": 1000}"#, version: "1.1.0")

    /// Whether a client may now send fewer requests: a quota now shared by all clients (`scope: global`), a lower
    /// rate (quota per second), or, for the same rate, a smaller quota (a shorter burst: 600 per minute allows 600 at
    /// once, 10 per second only 10). Windows are
    /// ISO 8601 durations (`PT1M` = `PT60S`); windows that do not parse are compared as text.
    static func rateLimitWeakened(_ old: RateLimit, _ new: RateLimit) -> Bool {
        // One quota for everyone instead of one per client is less for each client, whatever the numbers.
        if new.scope == "global", old.scope != "global" { return true }
        guard let a = ISODuration.seconds(old.window), let b = ISODuration.seconds(new.window), a > 0, b > 0 else {
            return new.quota < old.quota || new.window != old.window
        }
        // quota / seconds compared without division: new/b < old/a ⇔ new·a < old·b.
        let newRate = Double(new.quota) * Double(a), oldRate = Double(old.quota) * Double(b)
        return newRate < oldRate || (newRate == oldRate && new.quota < old.quota)
    }

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        var worse: [String] = []
        if let a = base.sla?.latencyP99Ms, let b = head.sla?.latencyP99Ms, b > a { worse.append("p99 latency \(a) → \(b) ms") }
        if let a = base.sla?.availability, let b = head.sla?.availability, b < a { worse.append("availability \(a) → \(b)") }
        if let a = base.sla?.timeoutMs, let b = head.sla?.timeoutMs, b < a { worse.append("timeout \(a) → \(b) ms") }
        if base.sla != nil, head.sla == nil { worse.append("SLA removed") }
        // At the SLA when it weakened, else at the rate limit, the only other thing this check compares.
        let place = worse.isEmpty ? "rateLimit" : "sla"
        if let a = base.rateLimit, let b = head.rateLimit, Self.rateLimitWeakened(a, b) {
            let scope = { (limit: RateLimit) in a.scope != b.scope ? " (\(limit.scope ?? "no scope"))" : "" }
            worse.append("rate limit \(a.quota)/\(a.window)\(scope(a)) → \(b.quota)/\(b.window)\(scope(b))")
        }
        guard !worse.isEmpty else { return }
        context.report("service levels of \(head.id) weakened: \(worse.joined(separator: ", "))", impact: .risky, bump: .minor,
                       at: context.location(.head, pointer: head.pointer.appending(place)))
    }
}

/// `response-body-changed`: what a response carries changed: its body appeared or disappeared, its media type
/// changed, or a header it sent is gone or no longer always sent.
struct ResponseBodyChangedCheck: ChangeCheck {
    let id = "response-body-changed"
    let summary = "A response's body was removed or added, changed media type, or lost, gained or changed whether it always sends a header."
    let rationale = "Existing clients parse what the old contract described: a success response that no longer has a body, a body in another media type (JSON becoming CSV), or a missing header they read (`Location`, `ETag`) fails in the client, not at the provider. A header the contract said was always sent (`required`) that becomes optional breaks the same clients when it is left out: generated clients read it as a value, not an optional."
    let category = ChangeCategory.operation
    let exampleBase = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}"##)
    let exampleHead = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"contentType": "text/csv", "schema": {"$ref": "#/$defs/Item"}}}"##, version: "2.0.0")
    let unaffectedHead = DiffExample.operation(##""method": "GET", "path": "/items", "responses": {"200": {"description": "The item.", "schema": {"$ref": "#/$defs/Item"}}}"##, version: "1.0.1")

    func compare(operation base: ContractOperation, _ head: ContractOperation, _ context: DiffContext) {
        for old in base.responses {
            guard let new = head.responses.first(where: { $0.status == old.status }) else { continue }
            let at = context.location(.head, pointer: head.pointer.appending("responses").appending(new.status))
            let success = old.status.hasPrefix("2")
            switch (old.body, new.body) {
            case (.some, nil):
                context.report("\(old.status) response of \(head.id) no longer has a body", impact: success ? .breaks : .risky, bump: success ? .major : .minor, at: at)
            case (nil, .some):
                context.report("\(old.status) response of \(head.id) now has a body", impact: .none, bump: .minor, at: at)
            case let (before?, after?) where before.contentType != after.contentType:
                context.report("\(old.status) response of \(head.id) changed media type from \(before.contentType) to \(after.contentType)",
                               impact: .breaks, bump: .major, at: at)
            default:
                break
            }
            for header in old.headers {
                guard let now = new.header(named: header.name) else {
                    context.report("\(old.status) response of \(head.id) no longer sends header \(header.name)", impact: .breaks, bump: .major, at: at)
                    continue
                }
                let there = context.location(.head, pointer: head.pointer.appending("responses").appending(new.status).appending("headers").appending(now.name))
                if header.required, !now.required {
                    context.report("\(old.status) response of \(head.id) no longer always sends header \(header.name)", impact: .breaks, bump: .major, at: there)
                } else if !header.required, now.required {
                    // Nobody breaks on the wire; generated code reads it as a value now, not an optional.
                    context.report("\(old.status) response of \(head.id) now always sends header \(now.name)", impact: .none, bump: .minor, at: there)
                }
            }
            // A header added: a new feature (generated code's case gains a value for it).
            for header in new.headers where old.header(named: header.name) == nil {
                let there = context.location(.head, pointer: head.pointer.appending("responses").appending(new.status).appending("headers").appending(header.name))
                context.report("\(old.status) response of \(head.id) now sends header \(header.name)", impact: .none, bump: .minor, at: there)
            }
        }
    }
}
