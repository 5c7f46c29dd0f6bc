/// What the client and the provider of a namespace share about one operation: the method and parameter
/// names, the Swift types, and the response cases. Both sides are built from the same model, so a client
/// and a provider generated from one contract agree on every name and status.
struct SwiftOperationModel {
    /// One case of an operation's response enum.
    struct ResponseCase {
        /// How the case is chosen by status.
        enum Status {
            /// One status code, e.g. 404.
            case exact(Int)
            /// A range, `4XX`: the hundreds digit.
            case range(Int)
            /// `default`: any status no other case takes.
            case fallback
            /// No documented response takes the status: the body is kept as received.
            case undocumented
        }

        /// The case name.
        var name: String
        /// Which statuses it takes.
        var status: Status
        /// The body's Swift type, when the response has a body with a schema.
        var body: String?
        /// The body's type.
        var bodyType: IRTypeRef?
        /// What the body's schema requires that its type does not check itself (``IRResponse/bodyConstraints``).
        var bodyConstraints = IRConstraints()
        /// The body's media type.
        var contentType: String
        /// Its doc comment line.
        var documentation: String
        /// The headers it carries, after the body among the case's associated values.
        var headers: [Header] = []

        /// Whether the case carries the status (ranges, `default`, undocumented).
        var carriesStatus: Bool {
            if case .exact = status { return false }
            return true
        }
    }

    /// A response header as an associated value of its case: `location: String` when always sent,
    /// `eTag: String? = nil` when not.
    struct Header {
        /// The name on the wire.
        var wireName: String
        /// The associated value's label (escaped when it is a keyword).
        var label: String
        /// The name a provider's `case` pattern binds it to.
        var binding: String
        /// Its type.
        var type: IRTypeRef
        /// Its Swift type, without the optional.
        var swiftType: String
        /// Whether every such response carries it.
        var isRequired: Bool
        /// Prose.
        var description: String?
        /// What its schema requires of a value (a decimal string's `pattern`s decide the text a provider writes).
        var constraints = IRConstraints()

        /// How messages about it name it: `response header Location`.
        var what: String { "response header \(wireName)" }
    }

    /// The operation.
    let operation: IROperation
    /// The method name (the same on the client and the provider).
    let method: String
    /// The response enum's name.
    let response: String
    /// One argument label per parameter, in order (what callers and providers write).
    let parameterLabels: [String]
    /// One name per parameter inside generated bodies: the label, unless it would be one of the body's
    /// own locals (`request`, `response`, …).
    let parameterNames: [String]
    /// The body's parameter name, when there is a request body.
    let bodyName: String?
    /// The idempotency key's argument label, when the contract declares idempotency.
    let keyLabel: String?
    /// The idempotency key's name inside generated bodies.
    let keyName: String?
    /// The response cases: documented statuses, ranges, `default`, and `undocumented` unless `default` is documented.
    let cases: [ResponseCase]

    /// The name of the provider's private method that handles the operation's requests (`handleGetOrder`).
    let handler: String

    /// The models of a namespace's operations, in order.
    static func models(namespace index: Int, context: SwiftGenerationContext) -> [SwiftOperationModel] {
        let namespace = context.module.namespaces[index]
        var methodScope = NameScope(reserved: ["configuration", "init", "handle", "failed"])
        let methods = namespace.operations.map { SwiftMembers.memberName($0.contract.id, in: &methodScope) }
        // The provider's private handlers take the names the methods left, so a method's name never depends on them.
        var handlerScope = NameScope(reserved: Set(methods.map(SwiftIdentifier.unescaped)))
        return namespace.operations.indices.map { offset in
            let operation = namespace.operations[offset]
            let handler = handlerScope.claim("handle" + SwiftIdentifier.typeName(operation.contract.id))
            return SwiftOperationModel(
                operation, method: methods[offset], response: context.names.responses[index][offset], handler: handler, context: context)
        }
    }

    init(_ operation: IROperation, method: String, response: String, handler: String, context: SwiftGenerationContext) {
        self.operation = operation
        self.method = method
        self.response = response
        self.handler = handler
        var labels = NameScope()
        let parameterLabels = SwiftArgumentLabels.claim(operation.parameters.map(\.name), in: &labels)
        let keyLabel = operation.contract.idempotency.map { _ in SwiftMembers.memberName("idempotencyKey", in: &labels) }
        self.parameterLabels = parameterLabels
        self.keyLabel = keyLabel
        // Inside bodies each parameter keeps its label as its name unless a local of the body has it.
        var scope = NameScope(reserved: ["operation", "request", "response", "output", "captures", "allowed", "configuration", "value", "item", "issues", "index", "element", "idempotencyStore"])
        parameterNames = parameterLabels.map { SwiftIdentifier.escaped(scope.claim(SwiftIdentifier.unescaped($0))) }
        bodyName = operation.requestBody.map { _ in SwiftMembers.memberName("body", in: &scope) }
        keyName = keyLabel.map { SwiftIdentifier.escaped(scope.claim(SwiftIdentifier.unescaped($0))) }
        cases = Self.responseCases(operation, context: context)
    }

    /// Whether a request must have a body.
    var bodyRequired: Bool { operation.contract.request?.required ?? true }

    /// The type of an optional body whose schema allows `null` its type cannot hold (`T?` in the IR), when the
    /// operation has one: no body, a `null` body and a value are three requests on the wire (an empty body is no
    /// body), so the body is `Nullable<T>?`, as an optional nullable property is — `nil` no body, `.null` the body
    /// `null`, `.value(x)` a value. A required one is `T?` (`nil` is the body `null`); one whose type holds `null`
    /// itself (free-form JSON, a union with a `null` case) is `T?` with its own `null`.
    var nullableOptionalBody: IRTypeRef? {
        guard !bodyRequired, case .optional(let wrapped)? = operation.requestBody else { return nil }
        return wrapped
    }

    /// The Swift type of the method's body parameter: `Nullable<T>?` (see ``nullableOptionalBody``), else the
    /// body's type, optional when the body is.
    func bodyParameterType(_ context: SwiftGenerationContext) -> String? {
        if let wrapped = nullableOptionalBody { return "Nullable<\(context.qualifiedType(wrapped))>?" }
        return operation.requestBody.map { bodyRequired ? context.qualifiedType($0) : context.qualifiedType($0) + "?" }
    }

    /// The method's parameters: path, then query and header parameters, the body, the idempotency key;
    /// optional ones defaulting to nil when `defaults` (a protocol requirement cannot have defaults).
    func signature(_ context: SwiftGenerationContext, defaults: Bool) -> String {
        var parts: [String] = []
        let none = defaults ? " = nil" : ""
        for (index, parameter) in operation.parameters.enumerated() {
            let type = context.qualifiedType(parameter.type)
            let declared = Self.declaration(label: parameterLabels[index], name: parameterNames[index])
            parts.append(parameter.isRequired ? "\(declared): \(type)" : "\(declared): \(type)?\(none)")
        }
        if let type = bodyParameterType(context), let bodyName {
            parts.append("_ \(bodyName): \(type)" + (bodyRequired ? "" : none))
        }
        if let keyLabel, let keyName { parts.append("\(Self.declaration(label: keyLabel, name: keyName)): String?\(none)") }
        return parts.joined(separator: ", ")
    }

    /// `label name`, or just `name` when they are the same.
    static func declaration(label: String, name: String) -> String { label == name ? name : "\(label) \(name)" }

    /// The `- Parameters:` items of the method's doc comment.
    func parameterDocumentation(keyText: String) -> [String] {
        var docs: [String] = []
        for (parameter, name) in zip(operation.parameters, parameterLabels) {
            docs.append("  - \(SwiftIdentifier.unescaped(name)): \(parameter.description ?? "The \(parameter.location.rawValue) parameter `\(parameter.name)`.")")
        }
        if let bodyName {
            docs.append("  - \(SwiftIdentifier.unescaped(bodyName)): The request body (`\(operation.contract.request?.contentType ?? "application/json")`).")
        }
        if let keyLabel { docs.append("  - \(SwiftIdentifier.unescaped(keyLabel)): \(keyText)") }
        return docs
    }

    /// The response enum's lines: each case with its doc comment (its headers as parameters).
    var caseLines: [String] {
        cases.flatMap { item -> [String] in
            var associated: [String] = []
            if item.carriesStatus { associated.append("status: Int") }
            if case .undocumented = item.status { associated.append("body: Data") } else if let body = item.body { associated.append(body) }
            var documentation = [item.documentation]
            if !item.headers.isEmpty { documentation += ["///", "/// - Parameters:"] }
            for header in item.headers {
                associated.append(header.isRequired ? "\(header.label): \(header.swiftType)" : "\(header.label): \(header.swiftType)? = nil")
                let sent = header.isRequired ? "always sent" : "nil when not sent"
                let prose = header.description.map { ": " + SwiftLiteral.commentLines($0).joined(separator: " ") } ?? "."
                let name = SwiftLiteral.commentLines(header.wireName).joined(separator: " ").replacingBackticks
                documentation.append("///   - \(SwiftIdentifier.unescaped(header.label)): The `\(name)` header (\(sent))\(prose)")
            }
            return documentation + ["case \(item.name)" + (associated.isEmpty ? "" : "(" + associated.joined(separator: ", ") + ")")]
        }
    }

    /// The doc comment of a method: summary, description, then the operation's facts and parameters.
    func documentation(parameters: [String]) -> [String] {
        let contract = operation.contract
        var facts = ["- Operation: `\(contract.method) \(contract.path.replacingBackticks)`"]
        if let auth = contract.auth {
            facts.append("- Auth: \(auth.scheme)" + (auth.scopes.isEmpty ? "" : " (" + auth.scopes.joined(separator: ", ") + ")"))
        }
        if let idempotency = contract.idempotency {
            facts.append("- Idempotency: " + (idempotency.required ? "required" : "optional")
                + ", key in `\((idempotency.keyHeader ?? "Idempotency-Key").replacingBackticks)`" + (idempotency.retention.map { ", kept \($0)" } ?? ""))
        }
        if let sla = contract.sla {
            let parts = [sla.latencyP99Ms.map { "p99 \($0) ms" }, sla.availability.map { "availability \($0)" }, sla.timeoutMs.map { "timeout \($0) ms" }]
                .compactMap { $0 }
            if !parts.isEmpty { facts.append("- SLA: " + parts.joined(separator: ", ")) }
        }
        if let limit = contract.rateLimit {
            facts.append("- Rate limit: \(limit.quota) per \(limit.window)" + (limit.scope.map { " (\($0))" } ?? ""))
        }
        if contract.deprecated { facts.append("- Warning: Deprecated in the contract.") }
        if !parameters.isEmpty { facts += ["- Parameters:"] + parameters }
        return SwiftDocumentation.lines(operation.documentation, extra: facts, origin: "Contract")
    }

    /// The response cases, in switch order: documented statuses, then ranges (`4XX`), then `default`, or
    /// `undocumented` when the contract documents no `default`.
    static func responseCases(_ operation: IROperation, context: SwiftGenerationContext) -> [ResponseCase] {
        var scope = NameScope(reserved: ["undocumented"])
        var exact: [ResponseCase] = []
        var ranges: [ResponseCase] = []
        var fallback: [ResponseCase] = []
        for response in operation.responses {
            let status = response.status.uppercased()
            let documentation = "/// " + (response.description.map { SwiftLiteral.commentLines($0).joined(separator: " ") } ?? "Status \(status).")
            let body = response.body.map(context.qualifiedType)
            let contentType = response.contentType ?? "application/json"
            let headers = Self.headers(response.headers, context: context)
            if let code = Int(status) {
                exact.append(ResponseCase(
                    name: scope.claim(caseName(code)), status: .exact(code), body: body, bodyType: response.body, bodyConstraints: response.bodyConstraints, contentType: contentType,
                    documentation: documentation, headers: headers))
            } else if status.count == 3, status.hasSuffix("XX"), let digit = status.first?.wholeNumberValue, (1...5).contains(digit) {
                let name = scope.claim(["", "informational", "success", "redirection", "clientError", "serverError"][digit])
                ranges.append(ResponseCase(
                    name: name, status: .range(digit), body: body, bodyType: response.body, bodyConstraints: response.bodyConstraints, contentType: contentType, documentation: documentation,
                    headers: headers))
            } else if fallback.isEmpty {
                fallback.append(ResponseCase(
                    name: scope.claim("other"), status: .fallback, body: body, bodyType: response.body, bodyConstraints: response.bodyConstraints, contentType: contentType,
                    documentation: documentation, headers: headers))
            }
        }
        if fallback.isEmpty {
            fallback.append(ResponseCase(
                name: "undocumented", status: .undocumented, body: nil, bodyType: nil, contentType: "",
                documentation: "/// A status the contract does not document, with the body as received."))
        }
        return exact + ranges + fallback
    }

    /// A response's headers as associated values: labels from the wire names (never `status` or `body`, which
    /// the case may already use; `Location` → `location`), and the names a provider's pattern binds them to
    /// (never `status`, `value` or `body`, which the pattern binds).
    static func headers(_ headers: [IRResponseHeader], context: SwiftGenerationContext) -> [Header] {
        var labels = NameScope(reserved: ["status", "body"])
        var bindings = NameScope(reserved: ["status", "value", "body"])
        return headers.map { header in
            let label = SwiftMembers.memberName(header.name, in: &labels)
            return Header(
                wireName: header.name, label: label, binding: SwiftIdentifier.escaped(bindings.claim(SwiftIdentifier.unescaped(label))),
                type: header.type, swiftType: context.qualifiedType(header.type), isRequired: header.isRequired,
                description: header.description, constraints: header.constraints)
        }
    }

    /// The case name of a status: its reason phrase (`ok`, `notFound`), or `status418`.
    static func caseName(_ status: Int) -> String {
        let names: [Int: String] = [
            200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent",
            206: "partialContent", 300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther",
            304: "notModified", 307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized",
            402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable",
            408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed",
            413: "contentTooLarge", 415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed",
            421: "misdirectedRequest", 422: "unprocessableContent", 423: "locked", 424: "failedDependency", 425: "tooEarly",
            426: "upgradeRequired", 428: "preconditionRequired", 429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge",
            451: "unavailableForLegalReasons", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
            503: "serviceUnavailable", 504: "gatewayTimeout",
        ]
        return names[status] ?? "status\(status)"
    }

    /// How a value of `type` is written as text: strings as they are, enumerations by raw value, scalars
    /// through `ClientParameter.text`, anything else as JSON. A date-time (outside years 0001–9999), a number (NaN, an
    /// infinity) and a JSON value can fail to be written: their expression starts with `try`, and throws in a client the
    /// `ClientError` of `operation` (the `ClientOperation` in scope), in a provider (`operation` nil) the encoding error.
    /// A decimal string is written in the first text of it that its `constraints`' patterns accept (`10.00`, not `10`).
    /// JSON holds each value in its wire form, as a body does (`SwiftTypeMapper.toWire`: a decimal string as a string,
    /// under the patterns of `constraints` for its position, a date-time as RFC 3339 text).
    static func text(
        of type: IRTypeRef, _ expression: String, operation: String?, context: SwiftGenerationContext,
        constraints: IRConstraints = IRConstraints()
    ) -> String {
        let checked = { (function: String, value: String, arguments: String) in
            "try ClientParameter.\(function)(\(value)\(arguments)" + (operation.map { ", for: \($0)" } ?? "") + ")"
        }
        switch IRTypeRef.resolvingAliases(type, in: context.module.types) {
        case .primitive(.string): return expression
        case .primitive(.decimal(asString: true)) where !constraints.patterns.isEmpty:
            return checked("text", expression, ", matching: " + constraints.patterns.map(SwiftLiteral.string).joined(separator: ", "))
        case .primitive(.dateTime), .primitive(.double), .primitive(.decimal): return checked("text", expression, "")
        case .primitive(.null): return checked("json", expression, "")
        case .primitive: return "ClientParameter.text(\(expression))"
        case .named(let id):
            if case .enumeration(let enumeration) = context.module[id].kind {
                return enumeration.isString ? "\(expression).rawValue" : "String(\(expression).rawValue)"
            }
            return checked("json", expression, "")
        default: return checked("json", context.mapper.toWire(type, expression, constraints: constraints), "")
        }
    }

    /// The expression that turns a parameter's or a header's text into its value (throwing `ProviderRequestError`):
    /// scalars parsed, enumerations by raw value, anything else read as JSON — an array's or a map's values in their
    /// wire form, as ``text(of:_:operation:context:constraints:)`` writes them (a decimal string from a string).
    static func parse(_ type: IRTypeRef, _ text: String, _ what: String, context: SwiftGenerationContext) -> String {
        let label = SwiftLiteral.string(what)
        switch IRTypeRef.resolvingAliases(type, in: context.module.types) {
        case .primitive(.string): return text
        case .primitive(.null): return "try ProviderRouting.json(\(text), as: JSONNull.self, \(label))"
        case .primitive(let primitive):
            return "try ProviderRouting.parse(\(text), as: \(SwiftTypeMapper.swiftType(primitive)).self, \(label))"
        case .named(let id):
            if case .enumeration(let enumeration) = context.module[id].kind {
                let name = context.names.qualifiedName(of: id, in: context.module)
                return enumeration.isString
                    ? "\(name)(rawValue: \(text))"
                    : "\(name)(rawValue: try ProviderRouting.parse(\(text), as: Int.self, \(label)))"
            }
            return "try ProviderRouting.json(\(text), as: \(context.qualifiedType(type)).self, \(label))"
        case let resolved:
            // A wire type names runtime wrappers only (`[DecimalString]`), the same in every namespace.
            guard let wire = context.mapper.wireType(resolved, in: .namespace(0)) else {
                return "try ProviderRouting.json(\(text), as: \(context.qualifiedType(type)).self, \(label))"
            }
            return context.mapper.fromWire(resolved, "try ProviderRouting.json(\(text), as: \(wire).self, \(label))")
        }
    }

    /// How a body of `type` travels: the wire type when its values need a wrapper on the wire (a date-time, a
    /// decimal carried as a string, a UUID, or a container of them; nil otherwise), and the expressions that
    /// convert to and from it. A decimal string is written in a text its `pattern`s accept: `constraints`' (an inline
    /// body's, ``IROperation/requestBodyConstraints``) or, for an alias, the alias's own.
    static func wire(_ type: IRTypeRef, constraints: IRConstraints = IRConstraints(), context: SwiftGenerationContext, namespace: Int)
        -> (type: String?, to: (String) -> String, from: (String) -> String)
    {
        let resolved = IRTypeRef.resolvingAliases(type, in: context.module.types)
        let mapper = context.mapper
        guard let wireType = mapper.wireType(resolved, in: .namespace(namespace)) else { return (nil, { $0 }, { $0 }) }
        return (wireType, { mapper.toWire(type, $0, constraints: constraints) }, { mapper.fromWire(resolved, $0) })
    }
}
