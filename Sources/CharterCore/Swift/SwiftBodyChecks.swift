/// The checks of an operation's values that their types cannot make themselves, as generated providers and clients
/// run them: the parameters' constraints, and the `issues:` argument for a body that is an alias with constraints of
/// its own or a list, map or scalar with constraints written in the operation. A body of a record, enumeration or
/// union type checks itself (`Validatable`), so it needs no argument.
struct SwiftBodyChecks {
    /// The module being generated.
    let context: SwiftGenerationContext

    /// How a body travels: its wire type when it differs from its Swift type, and the conversions both ways
    /// (``SwiftOperationModel/wire(_:context:namespace:)``).
    typealias Wire = (type: String?, to: (String) -> String, from: (String) -> String)

    /// `, issues: …` for a call that decodes or encodes a body of type `body` (its wire value), or `""` when the
    /// body checks itself or has nothing to check.
    func issuesArgument(_ body: IRTypeRef, _ constraints: IRConstraints, wire: Wire) -> String {
        (aliasBodyChecks(body, wire: wire) ?? inlineBodyChecks(body, constraints, wire: wire)).map { ", issues: \($0)" } ?? ""
    }

    /// Statements appending each parameter's problems to `issues` (a path segment's pattern, a query bound, an array's
    /// items at `name/index` and a map's values at `name/key`, by the checks the models run), the parameter's value in
    /// the variable `names` gives it; empty when no parameter has a constraint to check.
    func parameterChecks(_ operation: IROperation, names: [String]) -> [String] {
        var checks: [String] = []
        let validation = SwiftValidationBuilder(context: context)
        for (offset, parameter) in operation.parameters.enumerated() {
            let name = names[offset]
            let path = SwiftLiteral.string(parameter.name)
            // An optional parameter is optional in the signature, arrays too: checked when given.
            let required = parameter.isRequired
            let inner = validation.valueChecks(parameter.type, parameter.constraints, value: required ? name : "value", path: path)
            guard !inner.isEmpty else { continue }
            checks += required ? inner : ["if let value = \(name) {"] + inner.map { "    " + $0 } + ["}"]
        }
        return checks
    }

    /// The `issues:` closure for a body that is an alias with constraints of its own: its namespace's
    /// `validationIssues(of<Alias>:)`, given the (wire) value turned into the alias's type; nil for any other body.
    func aliasBodyChecks(_ body: IRTypeRef, wire: Wire) -> String? {
        guard let alias = context.aliasValidation(of: body) else { return nil }
        let function = "\(alias.namespace).validationIssues(\(alias.label):)"
        let value = wire.type == nil ? "$0" : wire.from("$0")
        if alias.isOptional { return "{ \(value).map(\(function)) ?? [] }" }
        return wire.type == nil ? function : "{ \(alias.namespace).validationIssues(\(alias.label): \(value)) }"
    }

    /// The `issues:` closure for a body written in the operation that is a list, map or scalar with constraints
    /// (`{"type": "array", "maxItems": 2, …}`): a closure checking them on the (wire) value turned into the body's
    /// type, as an alias's entry point would; nil when they require nothing the type does not check itself.
    func inlineBodyChecks(_ body: IRTypeRef, _ constraints: IRConstraints, wire: Wire) -> String? {
        guard let checks = SwiftValidationBuilder(context: context).wholeValueChecks(body, constraints, value: "value", path: "\"\"") else {
            return nil
        }
        let head = wire.type == nil ? ["{ value in"] : ["{ wire in", "    let value = \(wire.from("wire"))"]
        let lines = head + ["    var issues: [ValidationIssue] = []"] + checks.map { "    " + $0 } + ["    return issues", "}"]
        return lines.joined(separator: "\n")
    }
}
