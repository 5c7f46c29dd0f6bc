import CharterCore

extension ContractOperation {
    /// Where the operation is written in its contract: `/x-contract/operations/<id>`.
    package var pointer: JSONPointer { ContractParser.extensionPointer.appending("operations").appending(id) }
}

extension ContractEvent {
    /// Where the event is written in its contract: `/x-contract/events/<name>`.
    package var pointer: JSONPointer { ContractParser.extensionPointer.appending("events").appending(name) }
}

/// `operation-auth`: every operation says how callers authenticate.
struct OperationAuthRule: LintRule {
    let id = "operation-auth"
    let summary = "Every operation declares auth, and no write (nor a POST declared a query) is open to anonymous callers."
    let rationale = "An operation without `auth` is public by omission. Writes change stock, orders and money; `\"scheme\": \"none\"` on a write lets anyone do it. A `POST` declared a query (`\"idempotency\": {\"required\": false}`) is reported too: the contract format has queries require `:read` scopes, and an idempotency flag must not open an operation to anyone. A public read is a `GET`; a public `POST` query that must stay one carries an `x-lint-ignore` with its reason."
    let category = LintCategory.security
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items/{sku}", "parameters": [{"name": "sku", "in": "path", "schema": {"type": "string"}}], "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                if operation.auth == nil {
                    context.report("operation \(operation.id) declares no auth", in: document, at: operation.pointer,
                                   hint: #"add "auth": {"scheme": "…", "scopes": ["…"]}, or "scheme": "none" for a public read"#)
                } else if operation.auth?.scheme == "none", operation.isWrite {
                    // Whatever its idempotency says: a POST that calls itself a query is taken at its word only
                    // with :read scopes, and an anonymous caller has none.
                    let (what, hint) = operation.declaresQuery
                        ? ("query", "require a scheme with :read scopes, or make a public read a GET")
                        : ("write operation", "require a scheme with a write scope")
                    context.report("\(what) \(operation.id) allows anonymous callers", in: document, at: operation.pointer.appending("auth"), hint: hint)
                }
            }
        }
    }
}

/// `auth-scheme-declared`: auth names a declared scheme and only scopes it defines.
struct AuthSchemeDeclaredRule: LintRule {
    let id = "auth-scheme-declared"
    let summary = "auth names a scheme declared in x-contract.security, with scopes that scheme defines."
    let rationale = "Generated clients attach credentials by scheme name. A misspelt scheme or an undeclared scope fails only at run time, in production, with a 401 or 403."
    let category = LintCategory.security
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:admin"]}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"getItem": {"method": "GET", "path": "/items", "responses": {"200": {"schema": {"$ref": "#/$defs/Item"}}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            var requirements: [(AuthRequirement, JSONPointer, String)] = []
            for operation in contract.operations {
                if let auth = operation.auth { requirements.append((auth, operation.pointer.appending("auth"), "operation \(operation.id)")) }
            }
            for event in contract.events {
                if let auth = event.publish?.auth { requirements.append((auth, event.pointer.appending("publish").appending("auth"), "publishers of \(event.name)")) }
                if let auth = event.subscribe?.auth { requirements.append((auth, event.pointer.appending("subscribe").appending("auth"), "subscribers of \(event.name)")) }
            }
            for (auth, pointer, subject) in requirements where auth.scheme != "none" {
                guard let scheme = contract.securitySchemes.first(where: { $0.name == auth.scheme }) else {
                    let declared = contract.securitySchemes.map(\.name)
                    context.report("\(subject) uses undeclared auth scheme \"\(auth.scheme)\"", in: document, at: pointer.appending("scheme"),
                                   hint: declared.isEmpty ? "declare it under x-contract.security" : "declared: \(declared.joined(separator: ", "))")
                    continue
                }
                guard scheme.type == "oauth2" else { continue }
                for (index, scope) in auth.scopes.enumerated() where !scheme.scopes.contains(scope) {
                    context.report("\(subject) requires scope \"\(scope)\", which scheme \(scheme.name) does not define", in: document,
                                   at: pointer.appending("scopes").appending(index: index), hint: "defined: \(scheme.scopes.joined(separator: ", "))")
                }
            }
        }
    }
}

/// `write-scope`: least privilege — reads need only read scopes, writes need a write scope.
struct WriteScopeRule: LintRule {
    let id = "write-scope"
    let summary = "OAuth2 writes require a :write (or :admin) scope; reads and queries require only :read scopes."
    let rationale = "Scopes are how an estate grants least privilege: a reporting job gets `:read`, a POS gets `:write`. A read that demands `:write` forces over-broad tokens; a write with only `:read` lets read-only clients change data. The `:admin` level (contract-format.md §4) is above `:write` and satisfies a write on its own."
    let category = LintCategory.security
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"putItem": {"method": "PUT", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"204": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:read"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key"}}}"##,
        defs: ExampleContract.item)
    let passingExample = ExampleContract.make(
        extension: ExampleContract.oauth + ##", "operations": {"putItem": {"method": "PUT", "path": "/items", "request": {"schema": {"$ref": "#/$defs/Item"}}, "responses": {"204": {}}, "auth": {"scheme": "oauth", "scopes": ["demo:write"]}, "idempotency": {"required": true, "keyHeader": "Idempotency-Key", "retention": "P1D"}, "## + ExampleContract.sla + ##"}}"##,
        defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (document, contract) in context.contracts {
            for operation in contract.operations {
                guard let auth = operation.auth, contract.securitySchemes.first(where: { $0.name == auth.scheme })?.type == "oauth2" else { continue }
                let pointer = operation.pointer.appending("auth").appending("scopes")
                if operation.isWrite, !operation.declaresQuery {
                    if !auth.scopes.contains(where: { $0.hasSuffix(":write") || $0.hasSuffix(":admin") }) {
                        context.report("write operation \(operation.id) requires no :write scope", in: document, at: pointer,
                                       hint: "require the contract's :write scope (or its :admin scope)")
                    }
                } else if let index = auth.scopes.firstIndex(where: { !$0.hasSuffix(":read") }) {
                    context.report("read operation \(operation.id) requires scope \(auth.scopes[index])", in: document, at: pointer.appending(index: index),
                                   hint: "reads and queries should need only :read scopes")
                }
            }
        }
    }
}
