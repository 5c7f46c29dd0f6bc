import Foundation

/// Names `required` lists that no `properties` entry declares. Left to the content model, such a name would be
/// lost: dropped on decode under an open model, or kept in the map of undeclared properties with its presence
/// never checked. Each becomes a required property instead, typed by the schemas that govern the name.
extension TranslationSession {
    /// The required properties for names `required` lists that no `properties` entry declares, in name order.
    /// A name's type and constraints are those of every `patternProperties` schema whose pattern matches it,
    /// else of `additionalProperties` (absent or `true`: any JSON value). Under `additionalProperties: false` a
    /// name no pattern matches can never be present in a valid value: that is reported
    /// (`schema.unsatisfiable-required`) and no property is made. `mapValue` is the type of the map of undeclared
    /// properties, used when a pattern cannot be evaluated here.
    func requiredWithoutDeclaration(_ merged: MergedSchema, mapValue: IRTypeRef?, parent: IRTypeID, namespace: Int) -> [IRProperty] {
        let declaredNames = Set(merged.properties.map(\.name))
        let names = merged.required.sorted().filter { !declaredNames.contains($0) }
        guard !names.isEmpty else { return [] }
        let origin = graph[merged.origin]
        let rootRelativePath = graph[origin.document].rootRelativePath
        return names.compactMap { name in
            let location = requiredEntryLocation(name, merged)
            let property = { (type: IRTypeRef, isNullable: Bool, constraints: IRConstraints, description: String) in
                IRProperty(
                    wireName: name, type: type, isRequired: true, isNullable: isNullable, defaultValue: nil, constValue: nil,
                    documentation: IRDocumentation(
                        title: nil, description: "Required by the contract, which does not declare it in `properties`: \(description).",
                        origin: location, rootRelativePath: rootRelativePath),
                    isDeprecated: false, isReadOnly: false, isWriteOnly: false, constraints: constraints)
            }
            guard let patterns = matchingPatterns(of: name, merged) else {
                // A pattern this process cannot evaluate: the name holds what the map would have held.
                return property(mapValue ?? .any, false, IRConstraints(), "a value of any schema that may apply to it")
            }
            var schemas = patterns.map(\.schema)
            var source = "typed by `patternProperties` " + patterns.map { "`\($0.name)`" }.joined(separator: ", ")
            if schemas.isEmpty, let additional = merged.additionalProperties {
                switch graph[additional].booleanValue {
                case false?:
                    if graph[additional].location.pointer.tokens.last == "additionalProperties" {
                        reportUnsatisfiableRequired(name, at: location, hasPatterns: !merged.patternProperties.isEmpty)
                        return nil
                    }
                    // `unevaluatedProperties: false`: keywords Charter does not translate (`if`/`then`, …) may
                    // evaluate the name, so it is kept as any JSON value.
                case true?: break
                case nil:
                    schemas = [additional]
                    source = "typed by `additionalProperties`"
                }
            }
            guard !schemas.isEmpty else { return property(.any, false, IRConstraints(), "the contract gives it no schema: any JSON value") }
            let uses = schemas.map { use($0, hint: name, parent: parent, namespace: namespace) }
            guard uses.allSatisfy({ $0.type == uses[0].type }) else {
                // Patterns that give the name different types: free-form JSON keeps whatever it holds.
                return property(.any, false, IRConstraints(), source + ", which give it different types: any JSON value")
            }
            let view = schemas.count == 1 ? self.merged(schemas[0]) : MergedSchema(all: schemas, in: graph)
            return property(uses[0].type, uses.allSatisfy(\.isNullable), constraints(view, for: uses[0].type), source)
        }
    }

    /// The `patternProperties` entries whose pattern matches `name`, as generated validation matches it: ECMA-262
    /// rewritten for ICU (`ECMAScriptPattern`, the runtime's own file), a search anchored only by `^`/`$` — so `\w`
    /// is ASCII here as there; nil when a pattern does not compile (`pattern-compiles` reports it). Each pattern is
    /// compiled once (``PatternSyntax``).
    func matchingPatterns(of name: String, _ merged: MergedSchema) -> [NamedSchema]? {
        var matching: [NamedSchema] = []
        for entry in merged.patternProperties {
            guard let matches = PatternSyntax.matches(name, pattern: entry.name) else { return nil }
            if matches { matching.append(entry) }
        }
        return matching
    }

    /// Where `name` is written in a `required` list of the merged schema's parts (the schema itself, then its
    /// `$ref` target and `allOf` members, depth first): the array entry; else the schema's `required` keyword.
    func requiredEntryLocation(_ name: String, _ merged: MergedSchema) -> SourceLocation {
        var stack = [merged.origin]
        var visited: Set<SchemaID> = []
        while let next = stack.popLast() {
            guard visited.insert(next).inserted else { continue }
            let schema = graph[next]
            if schema.required.contains(name) {
                let list = schema.node.object?["required"]
                let index = list?.array?.firstIndex { $0.string == name }
                return SourceLocation(
                    file: schema.location.file, position: index.flatMap { list?.array?[$0].position } ?? list?.position,
                    pointer: index.map { schema.location.pointer.appending("required").appending(index: $0) }
                        ?? schema.location.pointer.appending("required"))
            }
            stack.append(contentsOf: schema.allOf.reversed())
            if let target = schema.ref { stack.append(target) }
        }
        let origin = graph[merged.origin]
        return SourceLocation(
            file: origin.location.file, position: origin.node.object?["required"]?.position ?? origin.location.position,
            pointer: origin.location.pointer.appending("required"))
    }

    /// Reports a name `required` lists that the closed content model forbids: no value can be valid.
    func reportUnsatisfiableRequired(_ name: String, at location: SourceLocation, hasPatterns: Bool) {
        let reason = hasPatterns
            ? "no properties entry declares it, no patternProperties pattern matches it, and additionalProperties is false"
            : "no properties entry declares it and additionalProperties is false"
        bag.add(.error(
            "\"\(name)\" is required, but \(reason): no value is valid",
            at: location, code: "schema.unsatisfiable-required",
            hint: "declare \"\(name)\" in properties, or remove it from required"))
    }
}
