import CharterCore

/// `pattern-compiles`: every `pattern` and `patternProperties` key is a regular expression generated code can check.
struct PatternCompilesRule: LintRule {
    let id = "pattern-compiles"
    let summary = "Every pattern (and patternProperties name) is a regular expression generated validation can compile."
    let rationale = "Generated code checks `pattern` with the platform's regular expressions, after rewriting ECMA-262 for them. A pattern they cannot compile — a typo (`^[A-Z+$`), a lookbehind of unbounded length, a backreference before its group — checks nothing: every value is reported as one that cannot be checked, so every request fails validation. Other validators reject the contract outright."
    let category = LintCategory.data
    let defaultSeverity = Severity.error
    let failingExample = ExampleContract.make(defs: #""Sku": {"title": "Sku", "description": "A stock-keeping unit.", "type": "string", "pattern": "^[A-Z0-9+$", "examples": ["AB12"]}"#)
    let passingExample = ExampleContract.make(defs: #""Sku": {"title": "Sku", "description": "A stock-keeping unit.", "type": "string", "pattern": "^[A-Z0-9]+$", "examples": ["AB12"]}"#)

    func check(_ context: LintContext) {
        let graph = context.graph
        // Contracts repeat their patterns: `PatternSyntax` compiles each once.
        for id in context.schemaObjects {
            let schema = graph.schemas[id.rawValue]
            guard schema.pattern != nil || !schema.patternProperties.isEmpty else { continue }
            let document = graph.documents[schema.document.rawValue]
            if let pattern = schema.pattern, !PatternSyntax.compiles(pattern) {
                context.report("pattern \(pattern) is not a regular expression generated validation can compile: every value would fail as unchecked",
                               in: document, at: schema.location.pointer.appending("pattern"),
                               position: schema.node.object?["pattern"]?.position ?? schema.location.position ?? .start,
                               hint: "fix the expression (ECMA-262 syntax, as JSON Schema specifies)")
            }
            for named in schema.patternProperties where !PatternSyntax.compiles(named.name) {
                context.report("patternProperties name \(named.name) is not a regular expression generated code can compile",
                               in: document, at: schema.location.pointer.appending("patternProperties").appending(named.name),
                               position: graph.schemas[named.schema.rawValue].location.position ?? schema.location.position ?? .start, hint: "fix the expression (ECMA-262 syntax, as JSON Schema specifies)")
            }
        }
    }
}
