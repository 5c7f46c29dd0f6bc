/// Reads the `x-contract` extension into a ``Contract``, walking the schemas it holds (parameters,
/// bodies, payloads) so their `$ref`s resolve like any other. Shape errors are positioned diagnostics;
/// policy checks (missing SLA, …) belong to lint, not here.
package struct ContractParser {
    let session: LoadSession
    let document: DocumentID
    let base: URIReference

    init(session: LoadSession, document: DocumentID, base: URIReference) {
        self.session = session
        self.document = document
        self.base = base
    }

    package static let extensionPointer = JSONPointer.root.appending("x-contract")

    func parse(_ node: JSONNode) -> Contract? {
        let root = Fields(parser: self, node: node, pointer: Self.extensionPointer)
        guard root.isObject else { return nil }
        root.rejectUnknownKeys(.root)
        let name = root.string("name", required: true) ?? ""
        if root.has("name"), !Self.isKebabCase(name) {
            root.error("name", "contract name \"\(name)\" must be kebab-case (lowercase letters, digits and -)")
        }
        let versionText = root.string("version", required: true)
        var version = SemanticVersion(major: 0, minor: 0, patch: 0)
        if let versionText {
            if let parsed = SemanticVersion(versionText) {
                version = parsed
            } else {
                root.error("version", "version \"\(versionText)\" is not a semantic version MAJOR.MINOR.PATCH")
            }
        }
        var contract = Contract(
            name: name, domain: root.string("domain"), version: version, owner: nil, lifecycle: nil, compatibility: nil,
            securitySchemes: [], operations: [], events: [], feeds: [], location: root.location)
        if let owner = root.object("owner") {
            owner.rejectUnknownKeys(.owner)
            var contact: [String: String] = [:]
            if let contactFields = owner.object("contact") {
                contactFields.rejectUnknownKeys(.contact)
                for member in contactFields.members where ExtensionObject.contact.keys.contains(member.key) {
                    if let text = member.value.string { contact[member.key] = text } else { contactFields.error(member.key, "must be a string") }
                }
            }
            contract.owner = Contract.Owner(team: owner.string("team"), businessDomain: owner.string("businessDomain"), contact: contact)
        }
        if let lifecycle = root.object("lifecycle") {
            lifecycle.rejectUnknownKeys(.lifecycle)
            let statusText = lifecycle.string("status", required: true) ?? "active"
            let status = Contract.LifecycleStatus(rawValue: statusText) ?? {
                lifecycle.error("status", "lifecycle status \"\(statusText)\" must be one of draft, active, deprecated, retired")
                return .active
            }()
            contract.lifecycle = Contract.Lifecycle(
                status: status, since: lifecycle.string("since"), sunset: lifecycle.string("sunset"),
                successor: lifecycle.string("successor"))
        }
        if let text = root.string("compatibility") {
            contract.compatibility = CompatibilityMode(rawValue: text)
            if contract.compatibility == nil {
                root.error("compatibility", "compatibility \"\(text)\" must be one of " + CompatibilityMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        if let security = root.object("security") {
            for member in security.members {
                guard let scheme = security.object(member.key) else { continue }
                scheme.rejectUnknownKeys(.securityScheme)
                contract.securitySchemes.append(SecurityScheme(
                    name: member.key, type: scheme.string("type", required: true) ?? "", description: scheme.string("description"),
                    keyLocation: scheme.string("in"), keyName: scheme.string("name"), httpScheme: scheme.string("scheme"),
                    tokenURL: scheme.string("tokenUrl"), scopes: scheme.object("scopes")?.members.map(\.key) ?? [],
                    location: scheme.location))
            }
        }
        if let operations = root.object("operations") {
            for member in operations.members {
                if let fields = operations.object(member.key) { contract.operations.append(parseOperation(member.key, fields)) }
            }
        }
        if let events = root.object("events") {
            for member in events.members {
                if let fields = events.object(member.key) { contract.events.append(parseEvent(member.key, fields)) }
            }
        }
        if let feeds = root.object("feeds") {
            for member in feeds.members {
                if let fields = feeds.object(member.key) { contract.feeds.append(parseFeed(member.key, fields)) }
            }
        }
        return contract
    }

    func parseOperation(_ id: String, _ fields: Fields) -> ContractOperation {
        fields.rejectUnknownKeys(.operation)
        let written = fields.string("method", required: true) ?? "GET"
        let method = written.uppercased()
        if !ContractOperation.methods.contains(method) {
            fields.error("method", "unknown HTTP method \"\(written)\"", hint: "one of " + ContractOperation.methods.joined(separator: ", "))
        } else if method != written {
            // The extension schema's enum is uppercase: a contract that loads here also validates there.
            fields.methodRule("method", "HTTP method \"\(written)\" must be written in uppercase", hint: "write \"\(method)\"")
        }
        let requestForbidden = ContractOperation.methodsWithoutRequestBody.contains(method) && fields.has("request")
        if requestForbidden {
            fields.methodRule("request", "a \(method) operation has no request body",
                              hint: #"remove "request": send what it needs as path, query or header parameters (a query with a body is a POST with "idempotency": {"required": false})"#)
        }
        let path = fields.string("path", required: true) ?? "/"
        if !path.hasPrefix("/") { fields.error("path", "path \"\(path)\" must start with /") }
        var operation = ContractOperation(
            id: id, summary: fields.string("summary"), description: fields.string("description"), tags: fields.strings("tags"),
            deprecated: fields.bool("deprecated") ?? false, method: method, path: path, parameters: [], request: nil,
            responses: [], auth: fields.object("auth").map(parseAuth), idempotency: nil, sla: nil, rateLimit: nil,
            location: fields.location)
        for parameter in fields.objects("parameters") {
            parameter.rejectUnknownKeys(.parameter)
            let locationText = parameter.string("in", required: true) ?? "query"
            let location = ParameterLocation(rawValue: locationText) ?? {
                parameter.error("in", "parameter location \"\(locationText)\" must be path, query or header")
                return .query
            }()
            operation.parameters.append(Parameter(
                name: parameter.string("name", required: true) ?? "", location: location,
                required: parameter.bool("required") ?? (location == .path), description: parameter.string("description"),
                schema: parameter.schema("schema"), sourceLocation: parameter.location))
        }
        if !requestForbidden, let request = fields.object("request") {
            request.rejectUnknownKeys(.requestBody)
            operation.request = parseBody(request, defaultRequired: true)
        }
        if let responses = fields.object("responses") {
            for member in responses.members {
                guard let response = responses.object(member.key) else { continue }
                response.rejectUnknownKeys(.response)
                // RFC 9110 §9.3.2: a HEAD response has a GET's status and headers, never content to decode.
                if method == "HEAD", response.has("schema") {
                    response.error("schema", "a HEAD response has no content: declare its status and headers, not a schema")
                }
                let body = response.has("schema") ? parseBody(response, defaultRequired: true) : nil
                var headers: [ResponseHeader] = []
                if let headerFields = response.object("headers") {
                    for member in headerFields.members {
                        // Generated code names the header on the wire and in doc comments, and reads it by name in any case.
                        if !Self.isHeaderName(member.key) {
                            headerFields.error(member.key, "response header name \"\(member.key)\" is not an HTTP field name (letters, digits and !#$%&'*+-.^_`|~)")
                        } else if member.key.lowercased() == "content-type" {
                            headerFields.error(member.key, "the response's media type is its \"contentType\", not a Content-Type header")
                        } else if headers.contains(where: { $0.name.lowercased() == member.key.lowercased() }) {
                            headerFields.error(member.key, "response header \"\(member.key)\" is declared twice (header names are case-insensitive)")
                        }
                        let header = headerFields.object(member.key)
                        header?.rejectUnknownKeys(.header)
                        headers.append(ResponseHeader(
                            name: member.key, schema: header?.schema("schema"), required: header?.bool("required") ?? false,
                            description: header?.string("description"), location: header?.location ?? headerFields.location))
                    }
                }
                operation.responses.append(Response(
                    status: member.key, description: response.string("description"), body: body, headers: headers,
                    location: response.location))
            }
        }
        if let idempotency = fields.object("idempotency") {
            idempotency.rejectUnknownKeys(.idempotency)
            operation.idempotency = Idempotency(
                required: idempotency.bool("required") ?? false, keyHeader: idempotency.string("keyHeader"),
                retention: idempotency.string("retention"))
        }
        if let sla = fields.object("sla") {
            sla.rejectUnknownKeys(.operationSLA)
            operation.sla = OperationSLA(
                latencyP99Ms: sla.int("latencyP99Ms", atLeast: 1), availability: sla.availability("availability"), timeoutMs: sla.int("timeoutMs", atLeast: 1))
        }
        if let limit = fields.object("rateLimit") {
            limit.rejectUnknownKeys(.rateLimit)
            let quota = limit.int("quota", required: true, atLeast: 1)
            let window = limit.string("window", required: true) ?? "", scope = limit.string("scope")
            // Without a quota that can mean something (one out of range, in a base `charter diff` tolerates) there is no
            // limit to compare with.
            if let quota { operation.rateLimit = RateLimit(quota: quota, window: window, scope: scope) }
        }
        return operation
    }

    func parseBody(_ fields: Fields, defaultRequired: Bool) -> Body {
        Body(
            contentType: fields.string("contentType") ?? "application/json", required: fields.bool("required") ?? defaultRequired,
            schema: fields.schema("schema"), location: fields.location)
    }

    func parseAuth(_ fields: Fields) -> AuthRequirement {
        fields.rejectUnknownKeys(.authRequirement)
        return AuthRequirement(scheme: fields.string("scheme", required: true) ?? "", scopes: fields.strings("scopes"), location: fields.location)
    }

    func parseEvent(_ name: String, _ fields: Fields) -> ContractEvent {
        fields.rejectUnknownKeys(.event)
        let sla = fields.object("sla")
        sla?.rejectUnknownKeys(.eventSLA)
        var event = ContractEvent(
            name: name, summary: fields.string("summary"), description: fields.string("description"),
            deprecated: fields.bool("deprecated") ?? false, topic: fields.string("topic"), payload: fields.schema("payload", required: true),
            orderingKey: [], delivery: fields.string("delivery"), maxLagMs: sla?.int("maxLagMs", atLeast: 1), retry: nil,
            deadLetter: nil, publish: fields.object("publish").map(parseAccess), subscribe: fields.object("subscribe").map(parseAccess),
            location: fields.location)
        for (index, text) in fields.strings("orderingKey").enumerated() {
            if let pointer = try? JSONPointer(parsing: text) {
                event.orderingKey.append(pointer)
            } else {
                fields.error("orderingKey", "ordering key \"\(text)\" is not a JSON pointer", index: index)
            }
        }
        if let delivery = event.delivery, !["at-least-once", "at-most-once", "exactly-once"].contains(delivery) {
            fields.error("delivery", "delivery \"\(delivery)\" must be at-least-once, at-most-once or exactly-once")
        }
        if let retry = fields.object("retry") {
            retry.rejectUnknownKeys(.retryPolicy)
            event.retry = RetryPolicy(
                maxAttempts: retry.int("maxAttempts"), backoff: retry.string("backoff"), initialDelayMs: retry.int("initialDelayMs", atLeast: 0),
                maxDelayMs: retry.int("maxDelayMs", atLeast: 0))
        }
        if let deadLetter = fields.object("deadLetter") {
            deadLetter.rejectUnknownKeys(.deadLetter)
            event.deadLetter = DeadLetterPolicy(topic: deadLetter.string("topic"), retention: deadLetter.string("retention"))
        }
        return event
    }

    func parseAccess(_ fields: Fields) -> AccessPolicy {
        fields.rejectUnknownKeys(.accessPolicy)
        return AccessPolicy(auth: fields.object("auth").map(parseAuth), allowed: fields.has("allowed") ? fields.strings("allowed") : nil)
    }

    func parseFeed(_ name: String, _ fields: Fields) -> ContractFeed {
        fields.rejectUnknownKeys(.feed)
        let schedule = fields.object("schedule"), sla = fields.object("sla")
        schedule?.rejectUnknownKeys(.feedSchedule)
        sla?.rejectUnknownKeys(.feedSLA)
        return ContractFeed(
            name: name, summary: fields.string("summary"), description: fields.string("description"),
            payload: fields.schema("payload", required: true), format: fields.string("format"), transport: fields.string("transport"),
            cron: schedule?.string("cron"), timezone: schedule?.string("timezone"),
            deliveredWithin: sla?.string("deliveredWithin"), producer: fields.string("producer"),
            consumers: fields.strings("consumers"), location: fields.location)
    }

    static func isKebabCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (0x61...0x7A).contains(first.value) else { return false }
        return text.unicodeScalars.allSatisfy { (0x61...0x7A).contains($0.value) || (0x30...0x39).contains($0.value) || $0 == "-" }
    }

    /// Typed access to one JSON object of the extension, reporting shape errors with positions.
    struct Fields {
        let parser: ContractParser
        let node: JSONNode
        let pointer: JSONPointer

        var isObject: Bool {
            if node.object != nil { return true }
            parser.session.bag.add(.error("expected an object", at: location, code: "contract.invalid"))
            return false
        }

        var location: SourceLocation { parser.session.location(parser.document, pointer, node.position) }
        var members: [JSONMember] { node.object?.members ?? [] }

        func has(_ key: String) -> Bool { node.object?[key] != nil }

        /// Reports each key of this object that `object` does not allow (``ExtensionObject/allows(_:)``), at the
        /// severity the loader's options give (``LoaderOptions/unknownKeySeverity``), where the key is written, naming
        /// the nearest allowed key when one is close: an unknown key is almost always a misspelt one, whose value would
        /// otherwise go unread.
        func rejectUnknownKeys(_ object: ExtensionObject) {
            for member in members where !object.allows(member.key) {
                let hint = EditDistance.closest(to: member.key, among: object.keys).map { "did you mean \"\($0)\"?" }
                    ?? "allowed here: " + object.keys.joined(separator: ", ") + " (and keys of your own beginning with x-)"
                parser.session.bag.add(Diagnostic(
                    parser.session.options.unknownKeySeverity, "unknown key \"\(member.key)\" in \(pointer)",
                    at: parser.session.location(parser.document, pointer.appending(member.key), member.keyPosition),
                    code: LoaderOptions.unknownKeyCode, hint: hint))
            }
        }

        func error(_ key: String, _ message: String, index: Int? = nil, hint: String? = nil) {
            report(.error, key, message, code: "contract.invalid", index: index, hint: hint)
        }

        /// Reports the number under `key` as outside the range it can mean, at the severity the loader's options give
        /// (``LoaderOptions/outOfRangeSeverity``).
        func outOfRange(_ key: String, _ message: String) {
            report(parser.session.options.outOfRangeSeverity, key, message, code: LoaderOptions.outOfRangeCode)
        }

        /// Reports the value under `key` as breaking the extension schema's rules for methods, at the severity the
        /// loader's options give (``LoaderOptions/methodRuleSeverity``).
        func methodRule(_ key: String, _ message: String, hint: String) {
            report(parser.session.options.methodRuleSeverity, key, message, code: LoaderOptions.methodRuleCode, hint: hint)
        }

        /// Reports a problem with the value under `key` (its element at `index`), where that value is written, with
        /// `hint` saying how to fix it when one is given.
        private func report(_ severity: Severity, _ key: String, _ message: String, code: String, index: Int? = nil, hint: String? = nil) {
            let value = node.object?[key]
            var at = pointer.appending(key)
            var position = value?.position ?? node.position
            if let index, let element = value?.array?[index] {
                at = at.appending(String(index))
                position = element.position
            }
            parser.session.bag.add(Diagnostic(severity, message, at: parser.session.location(parser.document, at, position), code: code, hint: hint))
        }

        private func value(_ key: String, required: Bool) -> JSONNode? {
            guard let value = node.object?[key] else {
                if required {
                    parser.session.bag.add(.error("missing required field \"\(key)\"", at: location, code: "contract.invalid"))
                }
                return nil
            }
            return value
        }

        func string(_ key: String, required: Bool = false) -> String? {
            guard let value = value(key, required: required) else { return nil }
            guard let text = value.string else {
                error(key, "\"\(key)\" must be a string")
                return nil
            }
            return text
        }

        func bool(_ key: String) -> Bool? {
            guard let value = value(key, required: false) else { return nil }
            guard let flag = value.bool else {
                error(key, "\"\(key)\" must be a boolean")
                return nil
            }
            return flag
        }

        func int(_ key: String, required: Bool = false) -> Int? {
            guard let value = value(key, required: required) else { return nil }
            guard case .number(let number) = value.value, number.isInteger, let int = number.intValue else {
                error(key, "\"\(key)\" must be an integer")
                return nil
            }
            return int
        }

        /// The integer under `key`, which must be at least `minimum`: a time in milliseconds or a count that no
        /// value below it can mean (a negative delay, a zero timeout or quota). Reported where it is written
        /// (``outOfRange(_:_:)``); nil when it is below `minimum`, as when it is not given.
        func int(_ key: String, required: Bool = false, atLeast minimum: Int) -> Int? {
            guard let number = int(key, required: required) else { return nil }
            guard number >= minimum else {
                outOfRange(key, "\"\(key)\" must be at least \(minimum), not \(number)")
                return nil
            }
            return number
        }

        /// The availability objective under `key`: a fraction, more than 0 and at most 1 (`0.999`, not `99.9`). Nil
        /// when it is outside that range (reported by ``outOfRange(_:_:)``), as when it is not given.
        func availability(_ key: String) -> Double? {
            guard let fraction = double(key) else { return nil }
            guard fraction > 0 && fraction <= 1 else {
                outOfRange(key, "\"\(key)\" must be a fraction more than 0 and at most 1 (0.999 for 99.9%), not \(node.object?[key]?.number?.description ?? "\(fraction)")")
                return nil
            }
            return fraction
        }

        func double(_ key: String) -> Double? {
            guard let value = value(key, required: false) else { return nil }
            guard case .number(let number) = value.value else {
                error(key, "\"\(key)\" must be a number")
                return nil
            }
            return number.doubleValue
        }

        func strings(_ key: String) -> [String] {
            guard let value = value(key, required: false) else { return [] }
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                error(key, "\"\(key)\" must be an array of strings")
                return []
            }
            return array.compactMap(\.string)
        }

        func object(_ key: String) -> Fields? {
            guard let value = value(key, required: false) else { return nil }
            guard value.object != nil else {
                error(key, "\"\(key)\" must be an object")
                return nil
            }
            return Fields(parser: parser, node: value, pointer: pointer.appending(key))
        }

        func objects(_ key: String) -> [Fields] {
            guard let value = value(key, required: false) else { return [] }
            guard let array = value.array else {
                error(key, "\"\(key)\" must be an array of objects")
                return []
            }
            return array.enumerated().compactMap { index, element in
                guard element.object != nil else {
                    error(key, "\"\(key)\" must hold objects", index: index)
                    return nil
                }
                return Fields(parser: parser, node: element, pointer: pointer.appending(key).appending(String(index)))
            }
        }

        /// Walks the JSON Schema stored under `key`.
        func schema(_ key: String, required: Bool = false) -> SchemaID? {
            guard let value = value(key, required: required) else { return nil }
            return parser.session.walk(
                value, document: parser.document, pointer: pointer.appending(key), base: parser.base, depth: 1,
                legacyID: false)
        }
    }
}

extension ContractParser {
    /// Whether `name` is an HTTP field name (RFC 9110 §5.1: a token of letters, digits and ``!#$%&'*+-.^_`|~``).
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
            default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
