import CharterCore

/// `write-idempotency`: writes say whether they are idempotent, and how.
struct WriteIdempotencyRule: LintRule {
    let id = "write-idempotency"
    let summary = "Every write declares idempotency; PUT, PATCH and DELETE require a key, carried in a named header and kept for a stated retention."
    let rationale = "Networks retry. A reservation or refund sent twice without an idempotency key oversells stock or pays twice. `POST` may opt out with `\"required\": false` only when it is a query; `PUT`, `PATCH` and `DELETE` are idempotent by definition and must accept a key."
    let category = LintCategory.operations
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"createItem": {"method": "POST", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"createItem": {"method": "POST", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "P1D"}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations where operation.isWrite {
                guard let idempotency = operation.idempotency else {
                    context.report("write operation \(operation.id) declares no idempotency", in: document, at: operation.pointer,
                                   hint: #"add "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "P1D"}"#)
                    continue
                }
                let pointer = operation.pointer.appending("idempotency")
                if !idempotency.required, operation.method != "POST" {
                    context.report("\(operation.method) operation \(operation.id) must require an idempotency key", in: document,
                                   at: pointer.appending("required"), hint: "PUT, PATCH and DELETE are idempotent: set \"required\": true")
                } else if idempotency.required, idempotency.keyHeader.nonBlank == nil {
                    context.report("operation \(operation.id) requires an idempotency key but names no header for it", in: document, at: pointer,
                                   hint: #"add "keyHeader": "Idempotency-Key""#)
                }
                if idempotency.required, idempotency.retention.nonBlank == nil {
                    context.report("operation \(operation.id) requires an idempotency key but says not how long keys are kept", in: document,
                                   at: pointer, hint: #"add "retention": "P1D" (generated providers keep answers that long)"#)
                }
            }
        }
    }
}

/// `duration-format`: every duration a contract gives is one Charter (and anyone else) can read.
struct DurationFormatRule: LintRule {
    let id = "duration-format"
    let summary = "Durations (idempotency retention, rate-limit window, dead-letter retention, feed delivery) are ISO 8601 durations."
    let rationale = "Generated providers keep idempotency keys for the retention, and `charter diff` compares windows and retentions by length: a duration that does not read (`24h`, `p1d`, `PT`) is silently a default there and a text comparison here. Years and months read as their longest (`P1M` is 31 days); prefer days. A blank idempotency retention is a missing one, `write-idempotency`'s to report."
    let category = LintCategory.operations
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"createItem": {"method": "POST", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "24h"}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"createItem": {"method": "POST", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"201": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "PT24H"}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    /// Whether `text` is an ISO 8601 duration of the contract grammar (what ``ISODuration`` reads).
    static func reads(_ text: String) -> Bool { ISODuration.range(text) != nil }

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            var durations: [(what: String, text: String, pointer: JSONPointer)] = []
            for operation in contract.operations {
                // A blank one is none (write-idempotency reports it when a key is required).
                if let retention = operation.idempotency?.retention.nonBlank {
                    durations.append(("idempotency retention of \(operation.id)", retention, operation.pointer.appending("idempotency").appending("retention")))
                }
                if let window = operation.rateLimit?.window {
                    durations.append(("rate-limit window of \(operation.id)", window, operation.pointer.appending("rateLimit").appending("window")))
                }
            }
            for event in contract.events {
                if let retention = event.deadLetter?.retention {
                    durations.append(("dead-letter retention of \(event.name)", retention, event.pointer.appending("deadLetter").appending("retention")))
                }
            }
            for feed in contract.feeds {
                if let within = feed.deliveredWithin {
                    let pointer = ContractParser.extensionPointer.appending("feeds").appending(feed.name).appending("sla").appending("deliveredWithin")
                    durations.append(("delivery deadline of \(feed.name)", within, pointer))
                }
            }
            for duration in durations where !Self.reads(duration.text) {
                context.report("\(duration.what) \"\(duration.text)\" is not an ISO 8601 duration", in: document, at: duration.pointer,
                               hint: "write it as P…D or PT…H…M…S, e.g. P1D, PT24H, PT1M")
            }
        }
    }
}

/// `operation-sla`: operations state their service levels, within the estate's latency budget.
struct OperationSLARule: LintRule {
    let id = "operation-sla"
    let summary = "Every operation declares an SLA with a p99 latency and availability, the latency within budget."
    let rationale = "Generated clients take their timeouts from the SLA, and capacity planning needs the p99 and the availability a caller may rely on. `maxLatencyP99Ms` caps the latency any operation may promise to wait."
    let category = LintCategory.operations
    let defaultSeverity = Severity.warning
    static let maxLatency = LintParameter("maxLatencyP99Ms", default: "2000", minimum: 1, "The largest p99 latency (ms) an operation may declare (at least 1).")
    let parameters = [Self.maxLatency]
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"listItems": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"listItems": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "sla": {"latencyP99Ms": 200, "availability": 0.999, "timeoutMs": 1000}}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        let budget = context.int(Self.maxLatency)
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                let pointer = operation.pointer.appending("sla")
                guard let sla = operation.sla else {
                    context.report("operation \(operation.id) declares no SLA", in: document, at: operation.pointer,
                                   hint: #"add "sla": {"latencyP99Ms": …, "availability": 0.999, "timeoutMs": …}"#)
                    continue
                }
                var missing: [String] = []
                if sla.latencyP99Ms == nil { missing.append("latencyP99Ms") }
                if sla.availability == nil { missing.append("availability") }
                if !missing.isEmpty {
                    context.report("SLA of \(operation.id) has no \(missing.joined(separator: " or "))", in: document, at: pointer)
                }
                if let latency = sla.latencyP99Ms, latency > budget {
                    context.report("operation \(operation.id) promises a p99 of \(latency) ms, over the \(budget) ms budget", in: document,
                                   at: pointer.appending("latencyP99Ms"), hint: "make it faster, or make it asynchronous (an event or a job)")
                }
            }
        }
    }
}

/// `timeout-covers-latency`: a timeout below the p99 latency fails calls that meet the SLA.
struct TimeoutCoversLatencyRule: LintRule {
    let id = "timeout-covers-latency"
    let summary = "An operation's timeoutMs is at least its latencyP99Ms."
    let rationale = "Clients give up after `timeoutMs`. Below the p99, at least one call in a hundred that the provider serves within its SLA is abandoned — and retried, doubling the load when the provider is slowest."
    let category = LintCategory.operations
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"listItems": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "sla": {"latencyP99Ms": 800, "availability": 0.999, "timeoutMs": 500}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"listItems": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "sla": {"latencyP99Ms": 800, "availability": 0.999, "timeoutMs": 2000}}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                guard let latency = operation.sla?.latencyP99Ms, let timeout = operation.sla?.timeoutMs, timeout < latency else { continue }
                context.report("timeout \(timeout) ms of \(operation.id) is below its p99 latency \(latency) ms", in: document,
                               at: operation.pointer.appending("sla").appending("timeoutMs"), hint: "set timeoutMs to at least \(latency)")
            }
        }
    }
}

/// `error-response-problem`: errors are RFC 9457 problem details.
struct ErrorResponseProblemRule: LintRule {
    let id = "error-response-problem"
    let summary = "Every 4XX and 5XX response carries an application/problem+json body."
    let rationale = "One error shape across the estate (RFC 9457 problem details) lets every generated client surface typed errors, and lets support correlate failures across systems. Ad-hoc error bodies, or none, are decoded as opaque failures."
    let category = LintCategory.operations
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}, "404": {"description": "Not found"}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}, "404": {"description": "Not found", "contentType": "application/problem+json", "schema": {"$ref": "#/$defs/Problem"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item + #", "Problem": {"title": "Problem", "description": "RFC 9457 problem details.", "type": "object", "properties": {"title": {"type": "string"}, "status": {"type": "integer"}}, "examples": [{"title": "Not found", "status": 404}]}"#)

    /// Whether a media type is `application/problem+json`: compared without case and without parameters
    /// (`Application/Problem+JSON; charset=utf-8` is one, RFC 9110 §8.3.1).
    static func isProblemJSON(_ contentType: String) -> Bool {
        let essence = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return essence.trimmingCharacters(in: .whitespaces).lowercased() == "application/problem+json"
    }

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                for response in operation.responses where response.status.hasPrefix("4") || response.status.hasPrefix("5") {
                    guard let body = response.body else {
                        context.report("\(response.status) response of \(operation.id) has no body", in: document,
                                       at: operation.pointer.appending("responses").appending(response.status),
                                       hint: #"add "contentType": "application/problem+json" and a Problem schema"#)
                        continue
                    }
                    if !Self.isProblemJSON(body.contentType) {
                        // At the contentType written, else (the default, application/json) at the response.
                        let responsePointer = operation.pointer.appending("responses").appending(response.status)
                        let written = context.exists(responsePointer.appending("contentType"), in: document)
                        context.report("\(response.status) response of \(operation.id) is \(body.contentType), not application/problem+json",
                                       in: document, at: written ? responsePointer.appending("contentType") : responsePointer)
                    }
                }
            }
        }
    }
}

/// `path-parameters`: the path template and the declared path parameters agree.
struct PathParametersRule: LintRule {
    let id = "path-parameters"
    let summary = "Every {placeholder} in an operation's path is a declared path parameter, and every path parameter is in the path."
    let rationale = "Generated clients build the URL from the template and the parameters. A placeholder without a parameter is sent literally as `{sku}`; a parameter missing from the template is silently dropped."
    let category = LintCategory.operations
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                let inPath = operation.pathPlaceholders
                let declared = operation.parameters.filter { $0.location == .path }.map(\.name)
                for name in inPath where !declared.contains(name) {
                    context.report("path placeholder {\(name)} of \(operation.id) is not a declared path parameter", in: document,
                                   at: operation.pointer.appending("path"), hint: #"add {"name": "\#(name)", "in": "path", "schema": {…}} to parameters"#)
                }
                for (index, parameter) in operation.parameters.enumerated() where parameter.location == .path && !inPath.contains(parameter.name) {
                    context.report("path parameter \(parameter.name) of \(operation.id) is not in the path \(operation.path)", in: document,
                                   at: operation.pointer.appending("parameters").appending(index: index))
                }
            }
        }
    }
}

/// `path-placeholder-segments`: each `{placeholder}` of a path is a whole segment.
struct PathPlaceholderSegmentsRule: LintRule {
    let id = "path-placeholder-segments"
    let summary = "Each {placeholder} in an operation's path is a whole path segment (`/files/{name}`, not `/files/{name}.json`)."
    let rationale = "A server routes by segment: generated providers (and most routers) match `/files/{name}`, not a value with text around it in one segment, so an operation with such a path cannot be served from the contract. A value that holds the text around it (`/files/{file}`) says the same thing and can."
    let category = LintCategory.operations
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}.json", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                // Stray braces with no placeholder between them are literal text, `path-parameters`' business.
                for segment in operation.path.split(separator: "/") where segment.contains("{") && segment.contains("}") {
                    let whole = segment.hasPrefix("{") && segment.hasSuffix("}") && segment.dropFirst().dropLast().allSatisfy { $0 != "{" && $0 != "}" }
                    guard !whole else { continue }
                    context.report("path segment \(segment) of \(operation.id) has a placeholder with other text in it", in: document,
                                   at: operation.pointer.appending("path"), hint: "make the placeholder the whole segment, its value holding the text around it")
                }
            }
        }
    }
}
