import CharterCore

/// The rule catalog as documentation: `charter lint --list-rules` prints it, and `docs/lint-rules.md` is its
/// Markdown form (a test keeps the two identical, so the reference cannot drift from the code).
public enum LintRuleReference {
    /// The catalog in `format`: Markdown, JSON, or (for every other format) a text table.
    public static func render(_ catalog: LintCatalog, as format: LintOutputFormat) -> String {
        switch format {
        case .markdown: markdown(catalog)
        case .json: json(catalog)
        default: text(catalog)
        }
    }

    /// One line per rule: id, default severity, preset, summary.
    public static func text(_ catalog: LintCatalog) -> String {
        let width = catalog.rules.map(\.id.count).max() ?? 0
        return catalog.rules.map { rule in
            rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                + (rule.isRecommended ? "recommended  " : "strict       ") + rule.summary
        }.joined(separator: "\n")
    }

    /// The catalog as JSON: an array of rules with their metadata and examples.
    public static func json(_ catalog: LintCatalog) -> String {
        func string(_ text: String) -> JSONNode { JSONNode(.string(text)) }
        let rules = catalog.rules.map { rule in
            JSONNode(.object(JSONObject(members: [
                JSONMember(key: "id", value: string(rule.id)),
                JSONMember(key: "category", value: string(rule.category.rawValue)),
                JSONMember(key: "severity", value: string(rule.defaultSeverity.rawValue)),
                JSONMember(key: "preset", value: string(rule.isRecommended ? "recommended" : "strict")),
                JSONMember(key: "summary", value: string(rule.summary)),
                JSONMember(key: "rationale", value: string(rule.rationale)),
                JSONMember(key: "options", value: JSONNode(.object(JSONObject(members: rule.parameters.map {
                    JSONMember(key: $0.name, value: string($0.summary + " Default: " + $0.defaultValue))
                })))),
            ])))
        }
        return JSONWriter.write(JSONNode(.array(rules)), pretty: true)
    }

    /// The Markdown reference: an index table, then one section per rule with its rationale, options and the
    /// failing and passing examples.
    public static func markdown(_ catalog: LintCatalog) -> String {
        var lines = [
            "# Lint rules",
            "",
            "<!-- Generated from the rule catalog by `charter lint --list-rules --format markdown`; a test keeps it current. -->",
            "",
            "`charter lint` checks contracts against these rules. Each has a stable id (used in `charter.json`,",
            "`--rule`, `x-lint-ignore` suppressions, baselines and every output format), a default severity, and",
            "the preset that enables it: `recommended` (the default) or only `strict`. Configuration, suppressions",
            "and baselines are described in [lint.md](lint.md). Each rule's examples are a contract file named",
            "`\(ExampleContract.fileName)`.",
            "",
            "| Rule | Category | Severity | Preset | Requires |",
            "|---|---|---|---|---|",
        ]
        for rule in catalog.rules {
            lines.append("| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.defaultSeverity.rawValue) | \(rule.isRecommended ? "recommended" : "strict") | \(rule.summary) |")
        }
        for rule in catalog.rules {
            lines += ["", "## \(rule.id)", "", "**\(rule.summary)**", "",
                      "Category: \(rule.category.rawValue) · default severity: \(rule.defaultSeverity.rawValue) · preset: \(rule.isRecommended ? "recommended" : "strict")",
                      "", rule.rationale]
            if !rule.parameters.isEmpty {
                lines += ["", "Options (`\"lint\": {\"rules\": {\"\(rule.id)\": {\"options\": {…}}}}`):", ""]
                for parameter in rule.parameters { lines.append("- `\(parameter.name)` (default `\(parameter.defaultValue)`): \(parameter.summary)") }
            }
            lines += ["", "Fails:", "", "```json", rule.failingExample, "```", "", "Passes:", "", "```json", rule.passingExample, "```"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
