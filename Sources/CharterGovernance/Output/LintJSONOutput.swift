import CharterCore

/// The JSON format: a versioned document for scripts and dashboards.
///
/// ```
/// {"version": 1,
///  "tool": {"name": "charter", "version": "0.1.0"},
///  "summary": {"files": 2, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0, "baselined": 0},
///  "warnings": [{"severity": "warning", "code": "schema.unknown-keyword", "message": "…",
///                "file": "b.json", "line": 4, "column": 39, "pointer": "/$defs/Item/maxLenght"}],
///  "findings": [{"rule": "money-not-float", "severity": "error", "message": "…", "hint": "…",
///                "file": "a.json", "line": 3, "column": 5, "pointer": "/$defs/Line", "fingerprint": "…"}]}
/// ```
///
/// Pretty-printed with members in this order, ending with a newline; a finding's ``LintFinding/details`` follow
/// `fingerprint` (`charter diff`: `contract`, `change`, `impact`, `affects`, `interfaces`). `hint` is left out when the finding has
/// none; `revision` (after `file`) only when the file is as it was at a git revision (a base of
/// `charter diff --base-ref`, e.g. a contract deleted since), `file` being its path in the repository; `line` and `column` are null when the position is unknown, and `pointer` is null for a location that
/// is not a value in a JSON document (the root is `""`, as in RFC 6901). Strings are the findings' own text,
/// JSON-escaped: no `\u{…}` sanitising, so scripts see exactly what the rules reported. `version` changes
/// only when a member changes meaning or goes away. A report's ``LintReport/jsonMembers`` follow `summary`
/// (`charter diff`: `versions`), then `warnings`: the ``LintReport/loadWarnings`` (not findings: no count in `summary`
/// includes them), each as ``warningJSON(_:)`` writes it.
public enum LintJSONOutput {
    /// The version of the document's shape.
    public static let formatVersion = 1

    /// The report as pretty-printed JSON, ending with a newline: ``renderBytes(_:)`` as a `String`.
    public static func render(_ report: LintReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The report as pretty-printed JSON in UTF-8, ending with a newline: the document
    /// `JSONWriter.write(_:pretty:)` would write, streamed finding by finding (a report can hold tens of thousands),
    /// and left as bytes for the command to write as they are (made a `String`, 29 MB of them were checked as
    /// UTF-8 once more: 0.28 G instructions of a lint of 1,000 contracts).
    public static func renderBytes(_ report: LintReport) -> [UInt8] {
        let tally = LintTally(report)
        let summary = JSONValue.members([
            "files": .integer(tally.files),
            "errors": .integer(tally.errors),
            "warnings": .integer(tally.warnings),
            "notes": .integer(tally.notes),
            "suppressed": .integer(tally.suppressed),
            "baselined": .integer(tally.baselined),
        ])
        let head = JSONValue.members(ordered: [
            ("version", .integer(formatVersion)),
            ("tool", .members(["name": .string("charter"), "version": .string(Charter.version)])),
            ("summary", summary),
        ] + report.jsonMembers + [("warnings", .elements(report.loadWarnings.map(warningJSON)))])
        var out: [UInt8] = []
        JSONWriter.append(head, pretty: true, indent: 0, to: &out)
        out.removeLast(2)  // the closing "\n}"
        out.append(contentsOf: ",\n  \"findings\": ".utf8)
        if report.findings.isEmpty {
            out.append(contentsOf: "[]".utf8)
        } else {
            out.append(UInt8(ascii: "["))
            // Large reports are written in slices on all cores and joined in order: the same bytes as one loop.
            let findings = report.findings
            let slices = stride(from: 0, to: findings.count, by: sliceSize).map { $0..<min($0 + sliceSize, findings.count) }
            let parts = OrderedParallelMap.map(slices) { (slice: Range<Int>) throws(Never) -> [UInt8] in
                var part: [UInt8] = []
                part.reserveCapacity(slice.count * 400)
                for index in slice {
                    part.append(contentsOf: (index == 0 ? "\n    {" : ",\n    {").utf8)
                    append(findings[index], to: &part)
                    part.append(contentsOf: "\n    }".utf8)
                }
                return part
            }
            out.reserveCapacity(out.count + parts.reduce(16) { $0 + $1.count })
            for part in parts { out.append(contentsOf: part) }
            out.append(contentsOf: "\n  ]".utf8)
        }
        out.append(contentsOf: "\n}\n".utf8)
        return out
    }

    /// One load warning: `severity` (`warning`, or `note`), `code` (e.g. `schema.unknown-keyword`; null when it has none),
    /// `message`, `hint` (left out when there is none), then its place as a finding's: `file`, `revision` (only for a
    /// file at a git revision, a `charter diff --base-ref` base), `line`, `column` and `pointer` — each null when the
    /// warning has no place, or no such part of one.
    static func warningJSON(_ warning: Diagnostic) -> JSONValue {
        let location = warning.location
        let position = location?.position
        return .members([
            "severity": .string(warning.severity.rawValue),
            "code": warning.code.map(JSONValue.string) ?? .null,
            "message": .string(warning.message),
            "hint": warning.hint.map(JSONValue.string),
            "file": location.map { .string($0.file) } ?? .null,
            "revision": location?.revision.map(JSONValue.string),
            "line": position.map { .integer($0.line) } ?? .null,
            "column": position.map { .integer($0.column) } ?? .null,
            "pointer": location.flatMap { $0.hasPointer ? JSONValue.string($0.pointer.description) : nil } ?? .null,
        ])
    }

    /// Findings written per task when a report is written on several cores.
    static let sliceSize = 4_096

    /// The members of one finding's object, at the depth of the findings array's elements. The member names,
    /// with the separators and indentation before them, are bytes made once (a report can hold tens of
    /// thousands of findings, and this loop is most of the time of writing one).
    private static func append(_ finding: borrowing LintFinding, to out: inout [UInt8]) {
        let position = finding.location.position
        out.append(contentsOf: Member.rule)
        JSONWriter.appendString(finding.ruleID, to: &out)
        out.append(contentsOf: Member.severity)
        JSONWriter.appendString(finding.severity.rawValue, to: &out)
        out.append(contentsOf: Member.message)
        JSONWriter.appendString(finding.message, to: &out)
        if let hint = finding.hint {
            out.append(contentsOf: Member.hint)
            JSONWriter.appendString(hint, to: &out)
        }
        out.append(contentsOf: Member.file)
        JSONWriter.appendString(finding.location.file, to: &out)
        if let revision = finding.location.revision {
            out.append(contentsOf: Member.revision)
            JSONWriter.appendString(revision, to: &out)
        }
        out.append(contentsOf: Member.line)
        appendInteger(position?.line, to: &out)
        out.append(contentsOf: Member.column)
        appendInteger(position?.column, to: &out)
        let pointer = finding.location.pointer.description
        out.append(contentsOf: Member.pointer)
        if finding.location.hasPointer { JSONWriter.appendString(pointer, to: &out) } else {
            out.append(contentsOf: Member.null)
        }
        out.append(contentsOf: Member.fingerprint)
        JSONWriter.appendString(finding.fingerprint(pointer: pointer), to: &out)
        for member in finding.details {
            out.append(contentsOf: ",\n      ".utf8)
            JSONWriter.appendString(member.key, to: &out)
            out.append(contentsOf: ": ".utf8)
            JSONWriter.append(member.value.value, pretty: true, indent: 3, to: &out)
        }
    }

    /// An integer, or `null`.
    private static func appendInteger(_ value: Int?, to out: inout [UInt8]) {
        guard let value else { return out.append(contentsOf: Member.null) }
        out.append(contentsOf: String(value).utf8)
    }

    /// Each member's name with what goes before it (the first member opens the object's first line).
    private enum Member {
        static let rule = Array("\n      \"rule\": ".utf8)
        static let severity = Array(",\n      \"severity\": ".utf8)
        static let message = Array(",\n      \"message\": ".utf8)
        static let hint = Array(",\n      \"hint\": ".utf8)
        static let file = Array(",\n      \"file\": ".utf8)
        static let revision = Array(",\n      \"revision\": ".utf8)
        static let line = Array(",\n      \"line\": ".utf8)
        static let column = Array(",\n      \"column\": ".utf8)
        static let pointer = Array(",\n      \"pointer\": ".utf8)
        static let fingerprint = Array(",\n      \"fingerprint\": ".utf8)
        static let null = Array("null".utf8)
    }
}
