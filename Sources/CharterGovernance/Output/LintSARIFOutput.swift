import CharterCore

/// The SARIF format: a SARIF 2.1.0 log with one run, for code-scanning dashboards (GitHub code scanning,
/// Azure DevOps, IDE viewers). It validates against the OASIS SARIF 2.1.0 JSON Schema.
///
/// - `tool.driver.rules` describes every rule of ``LintReport/rules`` (catalog order), then any rule a finding
///   names that the report lacks, found in the catalog — or ``LintReport/loadErrorRule`` for the findings of
///   contracts that did not load (`contract-load`): `id`, `name` (the id in UpperCamelCase),
///   `shortDescription` (the summary), `fullDescription` (the rationale), `help` (summary and rationale, as
///   text and as Markdown, which the rationale is written in), `defaultConfiguration.level` (the rule's
///   default severity) and `properties.tags` (its category). No `helpUri`: the schema wants an absolute URI,
///   and the rule reference is a file in the repository.
/// - Each result has `ruleId`, `ruleIndex` (omitted for a rule in neither the report nor the catalog),
///   `level`, `message.text` (the message, then `. Hint: …` when there is a hint, so that the message is the
///   first sentence, which viewers show when space is short), one location — the file as a URI reference
///   (relative, percent-encoded; `file://` for an absolute path), the line and column when known, and the
///   JSON pointer as a logical location of kind `member` — and `partialFingerprints["charter/v1"]`
///   (``LintFinding/fingerprint``), which code scanning uses to follow a finding across commits.
/// - `columnKind` is `unicodeCodePoints`: ``SourcePosition/column`` counts Unicode scalars.
/// - `automationDetails.id` is `charter-lint/` or `charter-diff/`, so code scanning keeps the two commands' alerts
///   apart when a workflow uploads both.
public enum LintSARIFOutput {
    /// The `$schema` the log names.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where people read about the tool (`tool.driver.informationUri`).
    public static let informationURI = "https://github.com/charter-contracts/charter"

    /// The report as a pretty-printed SARIF log, ending with a newline.
    public static func render(_ report: LintReport, catalog: LintCatalog = .standard) -> String {
        var rules = report.rules
        for finding in report.findings where !rules.contains(where: { $0.id == finding.ruleID }) {
            if let rule = catalog.rule(finding.ruleID) {
                rules.append(rule)
            } else if finding.ruleID == LintReport.loadErrorRuleID {
                rules.append(LintReport.loadErrorRule)  // contracts that did not load, in lint's and diff's logs alike
            }
        }
        let indexByID = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let run = JSONValue.members([
            "tool": .members(["driver": .members([
                "name": .string("charter"),
                "version": .string(Charter.version),
                "semanticVersion": .string(Charter.version),
                "informationUri": .string(informationURI),
                "rules": .elements(rules.map(descriptor(for:))),
            ])]),
            // `charter-lint/` or `charter-diff/`: code scanning keeps the two commands' alerts apart (its category).
            "automationDetails": .members(["id": .string("charter-\(report.command)/")]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .elements(report.findings.map { result(for: $0, ruleIndex: indexByID[$0.ruleID]) }),
        ])
        let log = JSONValue.members([
            "$schema": .string(schemaURI),
            "version": .string("2.1.0"),
            "runs": .elements([run]),
        ])
        return JSONWriter.write(log, pretty: true) + "\n"
    }

    /// The SARIF level of a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// `money-not-float` → `MoneyNotFloat`.
    static func upperCamelName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// `path` as a URI reference: every byte but the unreserved characters and `/` percent-encoded (so a `:` in
    /// the first segment cannot read as a scheme), a leading `./` dropped, `file://` before an absolute path.
    static func uriReference(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }

    private static func descriptor(for rule: any RuleDescribing) -> JSONValue {
        .members([
            "id": .string(rule.id),
            "name": .string(upperCamelName(rule.id)),
            "shortDescription": .members(["text": .string(rule.summary)]),
            "fullDescription": .members(["text": .string(rule.rationale)]),
            "help": .members(["text": .string(rule.summary + "\n\n" + rule.rationale), "markdown": .string(rule.summary + "\n\n" + rule.rationale)]),
            "defaultConfiguration": .members(["level": .string(level(rule.defaultSeverity))]),
            "properties": .members(["tags": .elements([.string(rule.tag)])]),
        ])
    }

    private static func result(for finding: LintFinding, ruleIndex: Int?) -> JSONValue {
        let region = finding.location.position.map { JSONValue.members(["startLine": .integer($0.line), "startColumn": .integer($0.column)]) }
        let logical = finding.location.hasPointer
            ? JSONValue.elements([.members(["fullyQualifiedName": .string(finding.location.pointer.description), "kind": .string("member")])])
            : nil
        let physical = JSONValue.members([
            "artifactLocation": .members(["uri": .string(uriReference(finding.location.file))]),
            "region": region,
            // A file as it is at a git revision (a base of `charter diff --base-ref`): the path stays the repository's.
            "properties": finding.location.revision.map { JSONValue.members(["revision": .string($0)]) },
        ])
        return .members([
            "ruleId": .string(finding.ruleID),
            "ruleIndex": ruleIndex.map(JSONValue.integer),
            "level": .string(level(finding.severity)),
            "message": .members(["text": .string(finding.message + (finding.hint.map { ". Hint: \($0)" } ?? ""))]),
            "locations": .elements([.members(["physicalLocation": physical, "logicalLocations": logical])]),
            "partialFingerprints": .members(["charter/v1": .string(finding.fingerprint)]),
        ])
    }
}
