/// Builds the view model of a namespace's provider (`Templates/Provider.mustache`): the protocol a server
/// implements, one method per contract operation with the client's parameters and response enums, and
/// `handle(_:)` / `handle(_:idempotency:)`, which match an HTTP request to an operation, read and check its
/// parameters and body, call the method (through an idempotency store for idempotent writes, when given one) and
/// write the response.
struct SwiftProviderBuilder {
    let context: SwiftGenerationContext

    /// The view model, or null when the namespace has no operations.
    func build(namespace index: Int, models: [SwiftOperationModel]) -> MustacheValue {
        let namespace = context.module.namespaces[index]
        guard !models.isEmpty else { return .null }
        let version = namespace.contract.map { $0.version.description } ?? ""
        return .object([
            "name": .string(context.names.providers[index]),
            "documentation": .list(SwiftDocumentation.plainLines(
                "The server side of \(namespace.contractName) \(version): implement one method per operation, and serve HTTP "
                    + "requests with `handle(_:)`.")
                .map(MustacheValue.string)),
            "operations": .list(models.map { model in
                .object([
                    "documentation": .list(model.documentation(parameters: model.parameterDocumentation(
                        keyText: "The `\(model.operation.contract.idempotency?.keyHeader ?? "Idempotency-Key")` header, when sent."))
                        .map(MustacheValue.string)),
                    "name": .string(model.method),
                    "parameters": .string(model.signature(context, defaults: false)),
                    "response": .string(model.response),
                    "handler": .string(model.handler),
                    "body": .list(handlerBody(model, namespace: index).map(MustacheValue.string)),
                ])
            }),
            "routing": .list(routing(models).map(MustacheValue.string)),
        ])
    }

    /// The body of `handle(_:)`: each path template in turn (literal segments before placeholders, so
    /// `/items/search` is tried before `/items/{sku}`), then each method of it; 404 when no path matches,
    /// 405 with `Allow` when the path matches but not the method. A `GET` also answers `HEAD` (RFC 9110
    /// §9.3.2: the same status and headers, no content) unless the contract declares a `HEAD` on that path.
    func routing(_ models: [SwiftOperationModel]) -> [String] {
        var templates: [(segments: [String?], models: [SwiftOperationModel])] = []
        for model in models {
            let segments = Self.segments(model.operation.contract.path)
            if let index = templates.firstIndex(where: { $0.segments == segments }) {
                templates[index].models.append(model)
            } else {
                templates.append((segments, [model]))
            }
        }
        // Stable: among paths of one shape, a literal segment wins over a placeholder at the first difference.
        let ordered = templates.enumerated().sorted { a, b in
            let keyA = a.element.segments.map { $0 == nil ? 1 : 0 }
            let keyB = b.element.segments.map { $0 == nil ? 1 : 0 }
            return keyA == keyB ? a.offset < b.offset : keyA.lexicographicallyPrecedes(keyB)
        }.map(\.element)
        var lines = ["var allowed: [String] = []"]
        for template in ordered {
            let literal = "[" + template.segments.map { $0.map(SwiftLiteral.string) ?? "nil" }.joined(separator: ", ") + "]"
            lines.append("if let captures = ProviderRouting.match(request.path, \(literal)) {")
            let declaresHead = template.models.contains { $0.operation.contract.method == "HEAD" }
            for model in template.models {
                let method = SwiftLiteral.string(model.operation.contract.method)
                lines.append("    if request.method == \(method) { return await \(model.handler)(request, captures, idempotencyStore) }")
                lines.append("    allowed.append(\(method))")
                if model.operation.contract.method == "GET", !declaresHead {
                    lines.append("    if request.method == \"HEAD\" { return ProviderResponse.head(await \(model.handler)(request, captures, idempotencyStore)) }")
                    lines.append("    allowed.append(\"HEAD\")")
                }
            }
            lines.append("}")
        }
        lines += [
            "if allowed.isEmpty { return ProviderResponse.problem(404, \"Not Found\", detail: \"no operation has the path \\(request.path)\") }",
            "return ProviderResponse.problem(405, \"Method Not Allowed\", detail: \"\\(request.method) is not allowed here\", "
                + "headers: [ClientHeader(name: \"Allow\", value: allowed.joined(separator: \", \"))])",
        ]
        return lines
    }

    /// A path template's segments: literal text, or nil for a `{placeholder}` segment.
    static func segments(_ path: String) -> [String?] {
        parts(path).map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : $0 }
    }

    /// A path's segments as `ProviderRouting.match` splits a request's: no leading empty segment, and a
    /// trailing slash ignored.
    static func parts(_ path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" { parts.removeFirst() }
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts
    }

    /// One operation's handler: read the parameters, the idempotency key and the body (400 when one is missing
    /// or malformed, or the body breaks the contract's constraints), call the method, write its response (500
    /// when the method throws). For an idempotent write the call and the answer go through
    /// `ProviderIdempotency.serve` once the reading has succeeded, told the media type the body was read under (nil
    /// when none was read), so that the body's fingerprint counts the value the handler read.
    func handlerBody(_ model: SwiftOperationModel, namespace: Int) -> [String] {
        let operation = model.operation
        var lines = ["do {"]
        let placeholders = Self.segments(operation.contract.path).enumerated().compactMap { offset, segment in
            segment == nil ? Self.placeholderName(operation.contract.path, at: offset) : nil
        }
        var arguments: [String] = []
        for (offset, parameter) in operation.parameters.enumerated() {
            let name = model.parameterNames[offset]
            let label = model.parameterLabels[offset]
            let what = "\(parameter.location.rawValue) parameter \(parameter.name)"
            let type = IRTypeRef.resolvingAliases(parameter.type, in: context.module.types)
            let text: String
            switch parameter.location {
            case .path:
                // A path parameter the template does not place (a contract `charter lint` reports) is never sent.
                text = placeholders.firstIndex(of: parameter.name).map { "captures[\($0)]" }
                    ?? "try ProviderRouting.required(nil, \(SwiftLiteral.string(what)))"
            case .query, .header:
                // An array: every query item of the name, or a header's comma-separated values (as the client sends them).
                if case .array(let element) = type {
                    let each = SwiftOperationModel.parse(element, "$0", what, context: context)
                    let read = parameter.location == .query ? "ProviderRouting.query" : "ProviderRouting.headerValues"
                    let values = "\(read)(request, \(SwiftLiteral.string(parameter.name)))"
                    let all = each == "$0" ? values : (each.contains("try ") ? "try " : "") + "\(values).map { \(each) }"
                    // An empty array sends nothing: a required array that is absent is empty, an optional one nil.
                    lines.append("    let \(name) = " + (parameter.isRequired ? all : "\(values).isEmpty ? nil : \(all)"))
                    arguments.append("\(SwiftIdentifier.unescaped(label)): \(name)")
                    continue
                }
                text = parameter.location == .query
                    ? "ProviderRouting.query(request, \(SwiftLiteral.string(parameter.name))).first"
                    : "request.header(\(SwiftLiteral.string(parameter.name)))"
            }
            if parameter.location == .path {
                lines.append("    let \(name) = \(SwiftOperationModel.parse(parameter.type, text, what, context: context))")
            } else if parameter.isRequired {
                lines.append("    let \(name) = \(SwiftOperationModel.parse(parameter.type, "try ProviderRouting.required(\(text), \(SwiftLiteral.string(what)))", what, context: context))")
            } else {
                let each = SwiftOperationModel.parse(parameter.type, "$0", what, context: context)
                lines.append("    let \(name) = " + (each == "$0" ? text : (each.contains("try ") ? "try " : "") + "\(text).map { \(each) }"))
            }
            arguments.append("\(SwiftIdentifier.unescaped(label)): \(name)")
        }
        // The parameters' constraints (a path segment's pattern, a query bound), checked as a body's are: 400, naming each.
        let checks = SwiftBodyChecks(context: context).parameterChecks(operation, names: model.parameterNames)
        if !checks.isEmpty {
            lines.append("    var issues: [ValidationIssue] = []")
            lines += checks.map { "    " + $0 }
            lines.append("    try ProviderRouting.rejectParameters(issues)")
        }
        // The media type the body is read under (nil: the handler reads none), which its idempotency fingerprint follows.
        var readContentType: String?
        if let bodyName = model.bodyName, let body = operation.requestBody {
            let wire = SwiftOperationModel.wire(body, context: context, namespace: namespace)
            let declared = operation.contract.request.map(\.contentType) ?? "application/json"
            readContentType = declared
            let accepting = declared == "application/json" ? "" : ", declaredContentType: \(SwiftLiteral.string(declared))"
            let checks = SwiftBodyChecks(context: context).issuesArgument(body, operation.requestBodyConstraints, wire: wire)
            let decode = "try ProviderRouting.body(\(wire.type ?? context.qualifiedType(body)).self, from: request, required: \(model.bodyRequired)\(accepting)\(checks))"
            var value = model.bodyRequired
                ? wire.from(decode + "!")
                : (wire.type == nil ? decode : decode + ".map { \(wire.from("$0")) }")
            // A `Nullable<T>?` body: the decoded `T?` of a body that is there is `.null` or `.value(x)`.
            if model.nullableOptionalBody != nil { value += ".map { Nullable($0) }" }
            // An inline body's checks are a closure of several lines.
            lines += ("let \(bodyName) = " + value).split(separator: "\n").map { "    " + $0 }
            arguments.append(bodyName)
        }
        if let keyName = model.keyName, let keyLabel = model.keyLabel, let idempotency = operation.contract.idempotency {
            let header = idempotency.keyHeader ?? "Idempotency-Key"
            lines.append("    let \(keyName) = request.header(\(SwiftLiteral.string(header)))")
            if idempotency.required {
                // An empty key is no key: a store would not keep the write under it.
                lines.append("    if \(keyName)?.isEmpty ?? true { throw ProviderRequestError(\(SwiftLiteral.string("the \(header) header is missing or empty"))) }")
            }
            arguments.append("\(SwiftIdentifier.unescaped(keyLabel)): \(keyName)")
        }
        lines.append("    let output = try await self.\(model.method)(\(arguments.joined(separator: ", ")))")
        lines.append("    switch output {")
        for item in model.cases {
            let contentType = SwiftLiteral.string(item.contentType)
            let value = item.bodyType.map {
                SwiftOperationModel.wire($0, constraints: item.bodyConstraints, context: context, namespace: namespace).to("value")
            } ?? "value"
            // The pattern binds the status (ranges, `default`), the body, then each header.
            var bound = item.carriesStatus ? ["status"] : []
            if item.body != nil { bound.append("value") }
            bound += item.headers.map(\.binding)
            let pattern = ".\(item.name)" + (bound.isEmpty ? "" : "(" + bound.map { "let \($0)" }.joined(separator: ", ") + ")")
            var status = "status"
            if case .exact(let code) = item.status { status = String(code) }
            let headers = item.headers.isEmpty ? "" : ", headers: " + headerList(item.headers)
            switch item.status {
            case .exact, .range, .fallback:
                lines.append(item.body == nil
                    ? "    case \(pattern): return ProviderResponse.empty(\(status)\(headers))"
                    : "    case \(pattern): return ProviderResponse.json(\(status), \(value), contentType: \(contentType)\(headers))")
            case .undocumented:
                lines.append("    case .undocumented(let status, let body): return ClientResponse(status: status, body: body)")
            }
        }
        lines.append("    }")
        let caught = [
            "} catch let error as ProviderRequestError {",
            "    return ProviderResponse.problem(error.status, error.title, detail: error.message)",
            "} catch {",
            "    await self.failed(error, in: \(SwiftLiteral.string(operation.contract.id)))",
            "    return ProviderResponse.problem(500, \"Internal Server Error\")",
            "}",
        ]
        // A write the contract declares idempotent (not a query) runs through the store when `handle` is given one,
        // once its request has been read and checked: a request refused with 400 or 415 claims no key.
        guard let idempotency = operation.contract.idempotency, operation.contract.isWrite, !operation.contract.declaresQuery else {
            return lines + caught
        }
        let call = lines.firstIndex { $0.hasPrefix("    let output = try await self.") } ?? lines.count
        let reading = Array(lines[1..<call])
        let keyHeader = idempotency.keyHeader ?? "Idempotency-Key"
        let headers = operation.parameters.filter { $0.location == .header && $0.name.lowercased() != keyHeader.lowercased() }
            .map { SwiftLiteral.string($0.name) }
        // The body counts as it was read: as JSON under the declared media type (`application/json`, the default, is not
        // written), or by its bytes when the operation declares none (nil).
        let counting = readContentType == "application/json" ? "" : ", declaredContentType: " + (readContentType.map(SwiftLiteral.string) ?? "nil")
        let serve = [
            "    return await ProviderIdempotency.serve(request, store: idempotencyStore, operation: \(SwiftLiteral.string(operation.contract.id)), "
                + "keyHeader: \(SwiftLiteral.string(keyHeader))" + (headers.isEmpty ? "" : ", headers: [" + headers.joined(separator: ", ") + "]")
                + counting + ", retention: \(Self.retentionSeconds(idempotency.retention))) {",
        ] + (["do {"] + lines[call...] + caught).map { "        " + $0 } + ["    }"]
        // Reading that can fail is answered in its own `do` (its errors are the request's: 400, 415); reading that
        // cannot needs none.
        guard reading.contains(where: Self.canThrow) else { return (reading + serve).map { String($0.dropFirst(4)) } }
        return ["do {"] + reading + serve + ["} catch {", "    return ProviderResponse.refused(error)", "}"]
    }

    /// Whether a generated statement can throw: `try` or `throw` outside its string literals (a parameter named
    /// `try me` is text, not a call).
    static func canThrow(_ line: String) -> Bool {
        let code = line.replacingOccurrences(of: #""(?:[^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
        return code.contains("try ") || code.contains("throw ")
    }

    /// How long, in whole seconds, a store keeps an answer to a key: the contract's `retention` at its longest
    /// (`P1M` is 31 days), at least a second and at most ten years; a day when the contract gives none it can read.
    static func retentionSeconds(_ retention: String?) -> Int {
        guard let seconds = retention.flatMap({ ISODuration.range($0)?.upperBound }), seconds.isFinite else { return Int(defaultRetention) }
        return Int(min(max(seconds.rounded(.up), 1), 315_576_000))
    }

    /// How long, in seconds, a store keeps an answer when the contract gives no `retention` it can read: a day.
    static let defaultRetention = 86_400.0

    /// The `ClientHeader.list([…])` of a response case's headers: each bound value as text, an optional one left
    /// out when nil.
    func headerList(_ headers: [SwiftOperationModel.Header]) -> String {
        let pairs = headers.map { header -> String in
            // An array goes as comma-separated items, each written as a parameter's text (as a client sends an array header).
            // A decimal string is written in a text its patterns accept; an array's items under their position's
            // patterns (a `prefixItems` tuple's first items under their own, the items after them under `items`').
            let resolved = IRTypeRef.resolvingAliases(header.type, in: context.module.types)
            let write = { (value: String) -> String in
                guard case .array(let element) = resolved else {
                    return SwiftOperationModel.text(of: header.type, value, operation: nil, context: context, constraints: header.constraints)
                }
                let items = SwiftElementMap.map(value, constraints: header.constraints) {
                    SwiftOperationModel.text(of: element, $1, operation: nil, context: context, constraints: $0)
                }
                // An item with a comma would read back as two: refused (the method's fault, so 500 and `failed`).
                return "try ProviderResponse.headerList(\(items), \(SwiftLiteral.string(header.wireName)))"
            }
            let each = write("$0")
            let text = header.isRequired
                ? write(header.binding)
                : each == "$0" ? header.binding : (each.hasPrefix("try ") ? "try " : "") + "\(header.binding).map { \(each) }"
            return "\(SwiftLiteral.string(header.wireName)): \(text)"
        }
        return "ClientHeader.list([" + pairs.joined(separator: ", ") + "])"
    }

    /// The name inside the `{…}` segment at `offset` of a path template.
    static func placeholderName(_ path: String, at offset: Int) -> String {
        String(parts(path)[offset].dropFirst().dropLast())
    }
}
