import Foundation

/// Builds the view model of a namespace's client (`Templates/Client.mustache`): a struct with one
/// `async throws(ClientError)` method per contract operation, the response enums (one per operation, a case
/// per documented status, shared with the provider), and the operations as CharterRuntime's `ClientOperation`
/// values (auth, idempotency, timeout) that `ClientConfiguration.send` works from.
struct SwiftClientBuilder {
    let context: SwiftGenerationContext

    /// The view model, or null when the namespace has no operations.
    /// Without `declaresClient` (a provider only), the view model has the response enums and no struct.
    func build(namespace index: Int, models: [SwiftOperationModel], declaresClient: Bool = true) -> MustacheValue {
        let namespace = context.module.namespaces[index]
        guard !models.isEmpty else { return .null }
        let version = namespace.contract.map { $0.version.description } ?? ""
        return .object([
            "declaresClient": .bool(declaresClient),
            "name": .string(context.names.clients[index]),
            "documentation": .list(SwiftDocumentation.plainLines(
                "A client of \(namespace.contractName) \(version): one method per operation, sent through the configuration's transport.")
                .map(MustacheValue.string)),
            "operations": .list(models.map { build($0, namespace: index) }),
            "responses": .list(models.enumerated().map { offset, model in
                .object([
                    "name": .string(model.response), "method": .string(model.method),
                    "cases": .list(model.caseLines.map(MustacheValue.string)), "last": .bool(offset == models.count - 1),
                ])
            }),
        ])
    }

    /// One operation: the method and the `ClientOperation` value.
    func build(_ model: SwiftOperationModel, namespace: Int) -> MustacheValue {
        let operation = model.operation
        let contract = operation.contract
        // A write that is not idempotent by its method is retried only with a key: say so where the key is optional.
        let keyText = "Sent in `\(contract.idempotency?.keyHeader ?? "Idempotency-Key")`"
            + (contract.idempotency?.required == true
                ? "; a new key is made when nil, and every retry repeats it."
                : !["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].contains(contract.method)
                    ? " when given, and every retry repeats it; without one the call is not retried." : " when given.")
        var body: [String] = []
        for (parameter, name) in zip(operation.parameters, model.parameterNames) where parameter.location != .path {
            body += parameterLines(parameter, name: name)
        }
        if let bodyName = model.bodyName, let request = contract.request {
            let wire = SwiftOperationModel.wire(
                operation.requestBody ?? .any, constraints: operation.requestBodyConstraints, context: context, namespace: namespace)
            // A `Nullable<T>?` body is sent as the `T?` it holds: `.null` is the body `null`.
            let value = model.nullableOptionalBody == nil ? bodyName : bodyName + ".value"
            // A body whose type cannot check itself gets its checks as a closure (`ClientValidation.requests`).
            let issues = SwiftBodyChecks(context: context).issuesArgument(operation.requestBody ?? .any, operation.requestBodyConstraints, wire: wire)
            let encode = "request.body = try configuration.encodeBody(\(wire.to(value)), for: operation\(issues))"
                .split(separator: "\n").map(String.init)
            let contentType = "request.setHeader(\"Content-Type\", \(SwiftLiteral.string(request.contentType)))"
            if model.bodyRequired {
                body += encode + [contentType]
            } else {
                body += ["if let \(bodyName) {"] + (encode + [contentType]).map { "    " + $0 } + ["}"]
            }
        }
        let accepted = Array(Set(model.cases.compactMap { $0.body == nil ? nil : $0.contentType })).sorted()
        if !accepted.isEmpty { body.append("request.setHeader(\"Accept\", \(SwiftLiteral.string(accepted.joined(separator: ", "))))") }
        // The request is `var` only when a statement above changes it (parameters, body, Accept).
        let create = (body.isEmpty ? "let" : "var")
            + " request = ClientRequest(method: \(SwiftLiteral.string(contract.method)), path: \(pathExpression(operation, names: model.parameterNames)))"
        // The parameters' constraints, checked before anything is sent when the configuration asks for it.
        let checks = SwiftBodyChecks(context: context).parameterChecks(operation, names: model.parameterNames)
        let checking = checks.isEmpty ? [] : ["if configuration.validatesRequests {", "    var issues: [ValidationIssue] = []"]
            + checks.map { "    " + $0 } + ["    try configuration.rejectParameters(issues, for: operation)", "}"]
        body = ["let operation = Operations.\(model.method)"] + checking + [create] + body
        body.append("let response = try await configuration.send(request, for: operation" + (model.keyName.map { ", idempotencyKey: \($0)" } ?? "") + ")")
        body += decodingSwitch(model, namespace: namespace)

        return .object([
            "documentation": .list(model.documentation(parameters: model.parameterDocumentation(keyText: keyText)).map(MustacheValue.string)),
            "attributes": .list((contract.deprecated ? ["@available(*, deprecated, message: \"Deprecated in the contract.\")"] : [])
                .map(MustacheValue.string)),
            "name": .string(model.method),
            "parameters": .string(model.signature(context, defaults: true)),
            "response": .string(model.response),
            "body": .list(body.map(MustacheValue.string)),
            "operation": .string(operationLiteral(operation)),
        ])
    }

    /// The `switch` on the response status that decodes the body into the operation's response case.
    func decodingSwitch(_ model: SwiftOperationModel, namespace: Int) -> [String] {
        var lines = ["switch response.status {"]
        for item in model.cases {
            let decoded = item.bodyType.map { type -> String in
                let wire = SwiftOperationModel.wire(type, context: context, namespace: namespace)
                let issues = SwiftBodyChecks(context: context).issuesArgument(type, item.bodyConstraints, wire: wire)
                return wire.from("try configuration.decodeBody(\(wire.type ?? item.body ?? "").self, from: response, for: operation\(issues))")
            }
            // The associated values: the status (ranges, `default`), the body, then each header by its label.
            var values = item.carriesStatus ? ["status: response.status"] : []
            if let decoded { values.append(decoded) }
            values += item.headers.map { "\(SwiftIdentifier.argumentLabel($0.label)): \(headerExpression($0))" }
            let made = ".\(item.name)" + (values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")")
            // A body checked by a closure spans several lines: the case's statement then goes under its label.
            let returned = "return \(made)".split(separator: "\n").map(String.init)
            func take(_ label: String) {
                lines += returned.count == 1 ? ["\(label) \(returned[0])"] : [label] + returned.map { "    " + $0 }
            }
            switch item.status {
            case .exact(let code):
                take("case \(code):")
            case .range(let digit):
                take("case \(digit * 100)...\(digit * 100 + 99):")
            case .fallback:
                take("default:")
            case .undocumented:
                lines.append("default: return .undocumented(status: response.status, body: response.body)")
            }
        }
        return lines + ["}"]
    }

    /// How a response header is read: its text, parsed to its type; a required one that is missing, or one that
    /// does not parse, fails the call with `ClientError` `.decoding` (the response is not what the contract says).
    func headerExpression(_ header: SwiftOperationModel.Header) -> String {
        let name = SwiftLiteral.string(header.wireName)
        let read = header.isRequired ? "header" : "headerIfPresent"
        // An array: comma-separated items, each parsed as a parameter's text (as a provider reads an array header).
        if case .array(let element) = IRTypeRef.resolvingAliases(header.type, in: context.module.types) {
            let item = SwiftOperationModel.parse(element, "item", header.what, context: context)
            let type = context.qualifiedType(element)
            let items = item == "item"
                ? "{ ProviderRouting.headerValues($0) }"
                : item.contains("try ")
                ? "{ text throws(ProviderRequestError) in try ProviderRouting.headerValues(text).map { (item: String) throws(ProviderRequestError) -> \(type) in \(item) } }"
                : "{ ProviderRouting.headerValues($0).map { (item: String) -> \(type) in \(item) } }"
            return "try configuration.\(read)(\(name), in: response, for: operation) \(items)"
        }
        let each = SwiftOperationModel.parse(header.type, "$0", header.what, context: context)
        if each == "$0" {
            return header.isRequired ? "try configuration.header(\(name), in: response, for: operation)" : "response.header(\(name))"
        }
        // A closure that throws says what it throws: Swift infers `any Error` for it otherwise.
        let parse = each.contains("try ")
            ? "{ text throws(ProviderRequestError) in \(SwiftOperationModel.parse(header.type, "text", header.what, context: context)) }"
            : "{ \(each) }"
        return "try configuration.\(read)(\(name), in: response, for: operation) \(parse)"
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
                if !literal.isEmpty { parts.append(SwiftLiteral.string(Self.encodedPath(literal))) }
                literal = ""
                let parameter = operation.parameters[index]
                let text = SwiftOperationModel.text(
                    of: parameter.type, names[index], operation: "operation", context: context, constraints: parameter.constraints)
                parts.append("ClientParameter.pathSegment(\(text))")
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty || parts.isEmpty { parts.append(SwiftLiteral.string(Self.encodedPath(literal))) }
        return parts.count == 1 ? parts[0] : "[" + parts.joined(separator: ", ") + "].joined()"
    }

    /// A literal part of a contract's path, percent-encoded as the provider decodes it: every byte but the
    /// unreserved characters and `/` (a contract's `%` is a percent sign, not an escape).
    static func encodedPath(_ literal: String) -> String {
        literal.split(separator: "/", omittingEmptySubsequences: false).map { String($0).addingPercentEncoding(withAllowedCharacters: unreserved) ?? String($0) }
            .joined(separator: "/")
    }

    /// RFC 3986's unreserved characters.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The statements that add a query or header parameter (skipped when an optional one is nil; every item
    /// of an array as its own query item).
    func parameterLines(_ parameter: IRParameter, name: String) -> [String] {
        let type = IRTypeRef.resolvingAliases(parameter.type, in: context.module.types)
        let wire = SwiftLiteral.string(parameter.name)
        let add: (String) -> String = { value in
            parameter.location == .query ? "request.addQuery(\(wire), \(value))" : "request.setHeader(\(wire), \(value))"
        }
        // A decimal string is written in a text its patterns accept; an array's items under their position's patterns
        // (a `prefixItems` tuple's first items under their own, the items after them under `items`').
        let value = parameter.isRequired ? name : "value"
        var lines: [String]
        if case .array(let element) = type {
            let write = { (constraints: IRConstraints, item: String) in
                SwiftOperationModel.text(of: element, item, operation: "operation", context: context, constraints: constraints)
            }
            // A closure that throws says what it throws: Swift infers `any Error` for it otherwise.
            let items = SwiftElementMap.map(value, constraints: parameter.constraints, throwing: "ClientError", write: write)
            if parameter.location == .header {
                // An empty array sends no header (an empty one would read back as one empty value).
                lines = ["if !\(value).isEmpty {", "    " + add("try ClientParameter.headerList(\(items), \(wire), for: operation)"), "}"]
            } else if SwiftElementMap.isPositional(constraints: parameter.constraints, write: write) {
                lines = ["for item in \(items.contains("try ") ? "try " : "")(\(items)) {", "    " + add("item"), "}"]
            } else {
                lines = ["for item in \(value) {", "    " + add(write(parameter.constraints.elements?.value ?? IRConstraints(), "item")), "}"]
            }
        } else {
            let text = SwiftOperationModel.text(
                of: parameter.type, value, operation: "operation", context: context, constraints: parameter.constraints)
            lines = [add(text)]
        }
        if parameter.isRequired { return lines }
        return ["if let value = \(name) {"] + lines.map { "    " + $0 } + ["}"]
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
            if let http = operation.securityScheme?.httpScheme { requirement.append("httpScheme: \(SwiftLiteral.string(http))") }
            arguments.append("auth: ClientAuthRequirement(" + requirement.joined(separator: ", ") + ")")
        }
        if let idempotency = contract.idempotency {
            arguments.append("idempotencyKeyHeader: \(SwiftLiteral.string(idempotency.keyHeader ?? "Idempotency-Key"))")
            if idempotency.required { arguments.append("requiresIdempotencyKey: true") }
        }
        if let timeout = contract.sla?.timeoutMs { arguments.append("timeoutMilliseconds: \(timeout)") }
        return "ClientOperation(" + arguments.joined(separator: ", ") + ")"
    }
}
