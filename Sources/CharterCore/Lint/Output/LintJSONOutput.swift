/// The JSON format: a versioned document for scripts and dashboards.
///
/// ```
/// {"version": 1,
///  "tool": {"name": "charter", "version": "0.1.0"},
///  "summary": {"files": 2, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0, "baselined": 0},
///  "findings": [{"rule": "money-not-float", "severity": "error", "message": "…", "hint": "…",
///                "file": "a.json", "line": 3, "column": 5, "pointer": "/$defs/Line", "fingerprint": "…"}]}
/// ```
///
/// Pretty-printed with members in this order, ending with a newline. `hint` is left out when the finding has
/// none; `line` and `column` are null when the position is unknown, and `pointer` is null for a location that
/// is not a value in a JSON document (the root is `""`, as in RFC 6901). Strings are the findings' own text,
/// JSON-escaped: no `\u{…}` sanitising, so scripts see exactly what the rules reported. `version` changes
/// only when a member changes meaning or goes away.
public enum LintJSONOutput {
    /// The version of the document's shape.
    public static let formatVersion = 1

    /// The report as pretty-printed JSON, ending with a newline.
    public static func render(_ report: LintReport) -> String {
        let tally = LintTally(report)
        let document = JSONValue.members([
            "version": .integer(formatVersion),
            "tool": .members(["name": .string("charter"), "version": .string(Charter.version)]),
            "summary": .members([
                "files": .integer(tally.files),
                "errors": .integer(tally.errors),
                "warnings": .integer(tally.warnings),
                "notes": .integer(tally.notes),
                "suppressed": .integer(tally.suppressed),
                "baselined": .integer(tally.baselined),
            ]),
            "findings": .elements(report.findings.map(object(for:))),
        ])
        return JSONWriter.write(document, pretty: true) + "\n"
    }

    private static func object(for finding: LintFinding) -> JSONValue {
        let position = finding.location.position
        return .members([
            "rule": .string(finding.ruleID),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "hint": finding.hint.map(JSONValue.string),
            "file": .string(finding.location.file),
            "line": position.map { .integer($0.line) } ?? .null,
            "column": position.map { .integer($0.column) } ?? .null,
            "pointer": finding.location.hasPointer ? .string(finding.location.pointer.description) : .null,
            "fingerprint": .string(finding.fingerprint),
        ])
    }
}
