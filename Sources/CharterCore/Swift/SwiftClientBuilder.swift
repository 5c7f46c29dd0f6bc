/// Builds the view model of a namespace's client (`Templates/Client.mustache`): a struct with one
/// `async throws(ClientError)` method per contract operation, a response enum per operation with a case per
/// documented status, and the operations as CharterRuntime's `ClientOperation` values (auth, idempotency,
/// timeout) that `ClientConfiguration.send` works from.
struct SwiftClientBuilder {
    let context: SwiftGenerationContext

    /// The view model, or null when the namespace has no operations.
    func build(namespace index: Int) -> MustacheValue {
        let namespace = context.module.namespaces[index]
        guard !namespace.operations.isEmpty else { return .null }
        var methodScope = NameScope(reserved: ["configuration", "init"])
        var typeScope = NameScope(reserved: SwiftNames.reservedTypeNames)
        typeScope.reserve("Operations")
        let operations: [MustacheValue] = namespace.operations.map { operation in
            let method = SwiftMembers.memberName(operation.contract.id, in: &methodScope)
            let response = typeScope.claim(SwiftIdentifier.typeName(operation.contract.id) + "Response")
            return build(operation, method: method, response: response)
        }
        let version = namespace.contract.map { $0.version.description } ?? ""
        return .object([
            "name": .string(context.names.clients[index]),
            "documentation": .list(SwiftDocumentation.plainLines(
                "A client of \(namespace.contractName) \(version): one method per operation, sent through the configuration's transport.")
                .map(MustacheValue.string)),
            "operations": .list(operations),
        ])
    }

    /// One operation: method, response enum and `ClientOperation` value.
    func build(_ operation: IROperation, method: String, response: String) -> MustacheValue {
        let contract = operation.contract
        var scope = NameScope(reserved: ["operation", "request", "response"])
        let parameterNames = operation.parameters.map { SwiftMembers.memberName($0.name, in: &scope) }
        let bodyName = operation.requestBody.map { _ in SwiftMembers.memberName("body", in: &scope) }
        let idempotency = contract.idempotency
        let keyName = idempotency.map { _ in SwiftMembers.memberName("idempotencyKey", in: &scope) }

        // The method's parameters: path, then query and header parameters, the body, the idempotency key.
        var signature: [String] = []
        var docs: [String] = []
        for (parameter, name) in zip(operation.parameters, parameterNames) {
            let type = context.qualifiedType(parameter.type)
            signature.append(parameter.isRequired ? "\(name): \(type)" : "\(name): \(type)? = nil")
            docs.append("  - \(SwiftIdentifier.unescaped(name)): \(parameter.description ?? "The \(parameter.location.rawValue) parameter `\(parameter.name)`.")")
        }
        if let body = operation.requestBody, let bodyName {
            let required = contract.request?.required ?? true
            signature.append(required ? "_ \(bodyName): \(context.qualifiedType(body))" : "_ \(bodyName): \(context.qualifiedType(body))? = nil")
            docs.append("  - \(SwiftIdentifier.unescaped(bodyName)): The request body (`\(contract.request?.contentType ?? "application/json")`).")
        }
        if let keyName, let idempotency {
            signature.append("\(keyName): String? = nil")
            let header = idempotency.keyHeader ?? "Idempotency-Key"
            docs.append("  - \(SwiftIdentifier.unescaped(keyName)): Sent in `\(header)`"
                + (idempotency.required ? "; a new key is made when nil, and every retry repeats it." : " when given."))
        }

        var body = ["let operation = Operations.\(method)"]
        body.append("var request = ClientRequest(method: \(SwiftLiteral.string(contract.method)), path: \(pathExpression(operation, names: parameterNames)))")
        for (parameter, name) in zip(operation.parameters, parameterNames) where parameter.location != .path {
            body += parameterLines(parameter, name: name)
        }
        if let bodyName, let request = contract.request {
            let encode = "request.body = try configuration.encodeBody(\(bodyName), for: operation)"
            let contentType = "request.setHeader(\"Content-Type\", \(SwiftLiteral.string(request.contentType)))"
            if request.required {
                body += [encode, contentType]
            } else {
                body += ["if let \(bodyName) {", "    " + encode, "    " + contentType, "}"]
            }
        }
        let accepted = Array(Set(operation.responses.compactMap { $0.body == nil ? nil : ($0.contentType ?? "application/json") })).sorted()
        if !accepted.isEmpty { body.append("request.setHeader(\"Accept\", \(SwiftLiteral.string(accepted.joined(separator: ", "))))") }
        body.append("let response = try await configuration.send(request, for: operation" + (keyName.map { ", idempotencyKey: \($0)" } ?? "") + ")")
        let (cases, switchLines) = responseCases(operation)
        body += switchLines

        return .object([
            "documentation": .list(documentation(operation, parameters: docs).map(MustacheValue.string)),
            "attributes": .list((contract.deprecated ? ["@available(*, deprecated, message: \"Deprecated in the contract.\")"] : [])
                .map(MustacheValue.string)),
            "name": .string(method),
            "parameters": .string(signature.joined(separator: ", ")),
            "response": .string(response),
            "body": .list(body.map(MustacheValue.string)),
            "cases": .list(cases.map(MustacheValue.string)),
            "operation": .string(operationLiteral(operation)),
        ])
    }

    /// The path with each `{placeholder}` replaced by its parameter's text, percent-encoded.
    func pathExpression(_ operation: IROperation, names: [String]) -> String {
        var parts: [String] = []
        var literal = ""
        var rest = Substring(operation.contract.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let placeholder = String(rest[rest.index(after: open)..<close])
            literal += rest[..<open]
            if let index = operation.parameters.firstIndex(where: { $0.location == .path && $0.name == placeholder }) {
                if !literal.isEmpty { parts.append(SwiftLiteral.string(literal)) }
                literal = ""
                parts.append("ClientParameter.pathSegment(\(text(of: operation.parameters[index].type, names[index])))")
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty || parts.isEmpty { parts.append(SwiftLiteral.string(literal)) }
        return parts.count == 1 ? parts[0] : "[" + parts.joined(separator: ", ") + "].joined()"
    }

    /// The statements that add a query or header parameter (skipped when an optional one is nil; every item
    /// of an array as its own query item).
    func parameterLines(_ parameter: IRParameter, name: String) -> [String] {
        let type = IRTypeRef.resolvingAliases(parameter.type, in: context.module.types)
        let wire = SwiftLiteral.string(parameter.name)
        let add: (String) -> String = { value in
            parameter.location == .query ? "request.addQuery(\(wire), \(value))" : "request.setHeader(\(wire), \(value))"
        }
        var lines: [String]
        if case .array(let element) = type, parameter.location == .query {
            lines = ["for item in \(parameter.isRequired ? name : "value") {", "    " + add(text(of: element, "item")), "}"]
        } else if case .array(let element) = type {
            lines = [add("\(parameter.isRequired ? name : "value").map { \(text(of: element, "$0")) }.joined(separator: \",\")")]
        } else {
            lines = [add(text(of: parameter.type, parameter.isRequired ? name : "value"))]
        }
        if parameter.isRequired { return lines }
        return ["if let value = \(name) {"] + lines.map { "    " + $0 } + ["}"]
    }

    /// How a value of `type` is written as text: strings as they are, enumerations by raw value, scalars
    /// through `ClientParameter.text`, anything else as JSON.
    func text(of type: IRTypeRef, _ expression: String) -> String {
        switch IRTypeRef.resolvingAliases(type, in: context.module.types) {
        case .primitive(.string): return expression
        case .primitive: return "ClientParameter.text(\(expression))"
        case .named(let id):
            if case .enumeration(let enumeration) = context.module[id].kind {
                return enumeration.isString ? "\(expression).rawValue" : "String(\(expression).rawValue)"
            }
            return "ClientParameter.json(\(expression))"
        default: return "ClientParameter.json(\(expression))"
        }
    }

    /// The response enum's cases and the `switch` that picks one: documented statuses first, then ranges
    /// (`4XX`), then `default`; a status nothing documents is `undocumented`.
    func responseCases(_ operation: IROperation) -> (cases: [String], lines: [String]) {
        var scope = NameScope(reserved: ["undocumented"])
        var cases: [String] = []
        var exact: [String] = []
        var ranges: [String] = []
        var fallback: [String] = []
        for response in operation.responses {
            let status = response.status.uppercased()
            let decoded = response.body.map { "try configuration.decodeBody(\(context.qualifiedType($0)).self, from: response, for: operation)" }
            let documentation = "/// " + (response.description.map { SwiftLiteral.commentLines($0).joined(separator: " ") } ?? "Status \(status).")
            if let code = Int(status) {
                let name = scope.claim(Self.caseName(code))
                cases += [documentation, "case \(name)" + (response.body.map { "(\(context.qualifiedType($0)))" } ?? "")]
                exact.append("case \(code): return .\(name)" + (decoded.map { "(\($0))" } ?? ""))
            } else if status.count == 3, status.hasSuffix("XX"), let digit = status.first?.wholeNumberValue, (1...5).contains(digit) {
                let name = scope.claim(["", "informational", "success", "redirection", "clientError", "serverError"][digit])
                cases += [documentation, "case \(name)(status: Int" + (response.body.map { ", \(context.qualifiedType($0))" } ?? "") + ")"]
                ranges.append("case \(digit * 100)...\(digit * 100 + 99): return .\(name)(status: response.status" + (decoded.map { ", \($0)" } ?? "") + ")")
            } else {
                let name = scope.claim("other")
                cases += [documentation, "case \(name)(status: Int" + (response.body.map { ", \(context.qualifiedType($0))" } ?? "") + ")"]
                fallback.append("default: return .\(name)(status: response.status" + (decoded.map { ", \($0)" } ?? "") + ")")
            }
        }
        if fallback.isEmpty {
            cases += ["/// A status the contract does not document, with the body as received.", "case undocumented(status: Int, body: Data)"]
            fallback.append("default: return .undocumented(status: response.status, body: response.body)")
        }
        return (cases, ["switch response.status {"] + exact + ranges + [fallback[0], "}"])
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

    /// The `ClientOperation(…)` literal: id, method, path template, auth, idempotency and timeout.
    func operationLiteral(_ operation: IROperation) -> String {
        let contract = operation.contract
        var arguments = [
            "id: \(SwiftLiteral.string(contract.id))", "method: \(SwiftLiteral.string(contract.method))",
            "pathTemplate: \(SwiftLiteral.string(contract.path))",
        ]
        if let auth = contract.auth, auth.scheme != "none" {
            var requirement = [
                "scheme: \(SwiftLiteral.string(auth.scheme))", "type: \(SwiftLiteral.string(operation.securityScheme?.type ?? ""))",
                "scopes: [" + auth.scopes.map(SwiftLiteral.string).joined(separator: ", ") + "]",
            ]
            if let location = operation.securityScheme?.keyLocation { requirement.append("keyLocation: \(SwiftLiteral.string(location))") }
            if let name = operation.securityScheme?.keyName { requirement.append("keyName: \(SwiftLiteral.string(name))") }
            arguments.append("auth: ClientAuthRequirement(" + requirement.joined(separator: ", ") + ")")
        }
        if let idempotency = contract.idempotency {
            arguments.append("idempotencyKeyHeader: \(SwiftLiteral.string(idempotency.keyHeader ?? "Idempotency-Key"))")
            if idempotency.required { arguments.append("requiresIdempotencyKey: true") }
        }
        if let timeout = contract.sla?.timeoutMs { arguments.append("timeoutMilliseconds: \(timeout)") }
        return "ClientOperation(" + arguments.joined(separator: ", ") + ")"
    }

    /// The doc comment of a method: summary, description, then the operation's facts and parameters.
    func documentation(_ operation: IROperation, parameters: [String]) -> [String] {
        let contract = operation.contract
        var facts = ["- Operation: `\(contract.method) \(contract.path.replacingBackticks)`"]
        if let auth = contract.auth {
            facts.append("- Auth: \(auth.scheme)" + (auth.scopes.isEmpty ? "" : " (" + auth.scopes.joined(separator: ", ") + ")"))
        }
        if let idempotency = contract.idempotency {
            facts.append("- Idempotency: " + (idempotency.required ? "required" : "optional") + ", key in `\((idempotency.keyHeader ?? "Idempotency-Key").replacingBackticks)`"
                + (idempotency.retention.map { ", kept \($0)" } ?? ""))
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
}
