import CharterCore

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

    /// The report as pretty-printed JSON, ending with a newline: the document `JSONWriter.write(_:pretty:)` would
    /// write, streamed finding by finding (a report can hold tens of thousands).
    public static func render(_ report: LintReport) -> String {
        let tally = LintTally(report)
        let head = JSONValue.members([
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
        ])
        var out = Array(JSONWriter.write(head, pretty: true).utf8.dropLast(2))  // without the closing "\n}"
        out.reserveCapacity(out.count + report.findings.count * 400)
        out.append(contentsOf: ",\n  \"findings\": ".utf8)
        if report.findings.isEmpty {
            out.append(contentsOf: "[]".utf8)
        } else {
            out.append(UInt8(ascii: "["))
            for index in report.findings.indices {
                out.append(contentsOf: (index == 0 ? "\n    {" : ",\n    {").utf8)
                append(report.findings[index], to: &out)
                out.append(contentsOf: "\n    }".utf8)
            }
            out.append(contentsOf: "\n  ]".utf8)
        }
        out.append(contentsOf: "\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The members of one finding's object, at the depth of the findings array's elements.
    private static func append(_ finding: borrowing LintFinding, to out: inout [UInt8]) {
        var first = true
        func key(_ name: String) {
            out.append(contentsOf: (first ? "\n      \"" : ",\n      \"").utf8)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: "\": ".utf8)
            first = false
        }
        func string(_ name: String, _ value: String) {
            key(name)
            JSONWriter.appendString(value, to: &out)
        }
        let position = finding.location.position
        string("rule", finding.ruleID)
        string("severity", finding.severity.rawValue)
        string("message", finding.message)
        if let hint = finding.hint { string("hint", hint) }
        string("file", finding.location.file)
        key("line")
        out.append(contentsOf: (position.map { String($0.line) } ?? "null").utf8)
        key("column")
        out.append(contentsOf: (position.map { String($0.column) } ?? "null").utf8)
        if finding.location.hasPointer { string("pointer", finding.location.pointer.description) } else {
            key("pointer")
            out.append(contentsOf: "null".utf8)
        }
        string("fingerprint", finding.fingerprint)
    }
}
