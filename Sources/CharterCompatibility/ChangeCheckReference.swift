import CharterCore
import CharterGovernance

/// The change-check catalog as documentation: `charter diff --list-checks` prints it, and `docs/diff-checks.md`
/// is its Markdown form (a test keeps the two identical).
public enum ChangeCheckReference {
    /// One line per check: id, category, summary.
    public static func text(_ catalog: ChangeCatalog) -> String {
        let width = catalog.checks.map(\.id.count).max() ?? 0
        return catalog.checks.map { check in
            check.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + check.category.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + check.summary
        }.joined(separator: "\n")
    }

    /// The catalog as JSON, for tools: one object per check (id, scope, summary, rationale, and the hint given when a
    /// change breaks someone), as `charter lint --list-rules --format json` lists rules.
    public static func json(_ catalog: ChangeCatalog) -> String {
        func string(_ text: String) -> JSONNode { JSONNode(.string(text)) }
        let checks = catalog.checks.map { check in
            JSONNode(.object(JSONObject(members: [
                JSONMember(key: "id", value: string(check.id)),
                JSONMember(key: "scope", value: string(check.category.rawValue)),
                JSONMember(key: "summary", value: string(check.summary)),
                JSONMember(key: "rationale", value: string(check.rationale)),
                JSONMember(key: "breakingHint", value: check.breakingHint.map(string) ?? JSONNode(.null)),
            ])))
        }
        return JSONWriter.write(JSONNode(.array(checks)), pretty: true)
    }

    /// The Markdown reference: an index, then each check with its rationale and example contracts.
    public static func markdown(_ catalog: ChangeCatalog) -> String {
        var lines = [
            "# Change checks",
            "",
            "<!-- Generated from the check catalog by `charter diff --list-checks --format markdown`; a test keeps it current. -->",
            "",
            "`charter diff` runs these checks on every pair of contracts, operations, events and schemas it matches between",
            "the base and the head. Each change is then judged by who it breaks (see [diff.md](diff.md#who-a-change-breaks)):",
            "breaking changes are errors, risky ones warnings, compatible ones notes. A change Charter can neither prove safe",
            "nor unsafe — a `pattern` neither proven wider nor narrower (`constraint-changed`), a validation keyword changed in",
            "place (`validation-keyword-changed`) — may break readers either way: a warning, never an error, that asks for a",
            "minor version. The version gate fails it as a patch, and `--fail-on warning` fails the run on it; what Charter",
            "proves tighter or looser is judged by its direction, as a moved bound is.",
            "",
            "| Check | Scope | Detects |",
            "|---|---|---|",
        ]
        for check in catalog.checks { lines.append("| [`\(check.id)`](#\(check.id)) | \(check.category.rawValue) | \(check.summary) |") }
        for check in catalog.checks {
            lines += ["", "## \(check.id)", "", "**\(check.summary)**", "", "Scope: \(check.category.rawValue)", "", check.rationale]
            if let hint = check.breakingHint { lines += ["", "When it breaks someone, the hint: \(hint)."] }
            lines += ["", "Base:", "", "```json", check.exampleBase, "```", "", "Head (reported):", "", "```json", check.exampleHead, "```",
                      "", "Head (not reported):", "", "```json", check.unaffectedHead, "```"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
