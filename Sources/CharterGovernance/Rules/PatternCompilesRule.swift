import CharterCore

/// `pattern-compiles`: every `pattern` and `patternProperties` key is an ECMA-262 regular expression that generated
/// code can check.
struct PatternCompilesRule: LintRule {
    let id = "pattern-compiles"
    let summary = "Every pattern (and patternProperties name) is an ECMA-262 regular expression generated validation can compile."
    let rationale = "JSON Schema patterns are ECMA-262 regular expressions, and every validator of an estate reads them so. A pattern in another dialect — ICU's or PCRE's inline flags (`(?i)`), `\\A` and `\\Z`, possessive quantifiers, a lone `{` — may compile for Swift and is refused by JavaScript, Python and Rust validators, or matches differently there. Generated code checks `pattern` with the platform's regular expressions, after rewriting ECMA-262 for them; a pattern they cannot compile — a typo (`^[A-Z+$`), a lookbehind of unbounded length, a backreference before its group — checks nothing: every value is reported as one that cannot be checked, so every request fails validation."
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
            if let pattern = schema.pattern, let problem = Self.problem(pattern, what: "pattern") {
                context.report(problem, in: document, at: schema.location.pointer.appending("pattern"),
                               position: schema.node.object?["pattern"]?.position ?? schema.location.position ?? .start, hint: Self.hint)
            }
            for named in schema.patternProperties {
                guard let problem = Self.problem(named.name, what: "patternProperties name") else { continue }
                context.report(problem, in: document, at: schema.location.pointer.appending("patternProperties").appending(named.name),
                               position: graph.schemas[named.schema.rawValue].location.position ?? schema.location.position ?? .start, hint: Self.hint)
            }
        }
    }

    static let hint = "write it in ECMA-262 syntax, as JSON Schema specifies (for a case-insensitive match, list both cases: [Aa])"

    /// What is wrong with `pattern` (an ECMA-262 problem first, then one generated code cannot compile), or nil.
    static func problem(_ pattern: String, what: String) -> String? {
        if let problem = ECMAScriptSyntax.problem(in: pattern) {
            return "\(what) \(pattern) is not an ECMA-262 regular expression, so other validators refuse it or match differently: \(problem)"
        }
        if !PatternSyntax.compiles(pattern) {
            return "\(what) \(pattern) is not a regular expression generated validation can compile: every value would fail as unchecked"
        }
        return nil
    }
}
