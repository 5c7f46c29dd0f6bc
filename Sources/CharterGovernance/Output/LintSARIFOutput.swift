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
///   (``LintFinding/fingerprint``), which code scanning uses to follow a finding across commits; and `properties`
///   holding the finding's ``LintFinding/details`` when it has any (`charter diff`: contract, change, impact, affects,
///   interfaces), left out otherwise.
/// - A relative file URI names its base (`uriBaseId`, SARIF §3.4.4), which `originalUriBaseIds` describes (§3.14.14)
///   without an absolute URI, so the log stays the same on every machine: ``sourceRootID`` (`%SRCROOT%`, as CodeQL
///   names it) for the folder charter ran in, and ``repositoryRootID`` for a file as it is at a git revision (a
///   `charter diff --base-ref` base), whose path is the repository's. A `file://` URI (an absolute path) has no base.
///   `originalUriBaseIds` lists only the bases the log uses.
/// - `invocations` holds one invocation: `executionSuccessful` is false when contracts did not load
///   (``LintReport/contractsLoaded``: nothing was linted or compared, the results say why), true otherwise, findings
///   or not; `toolExecutionNotifications` holds ``LintReport/loadWarnings`` (unknown keywords and the like), each with
///   its level, message (and hint), location, and its code as `descriptor.id`. A usage or tool error (exit 2) writes
///   no log.
/// - `columnKind` is `unicodeCodePoints`: ``SourcePosition/column`` counts Unicode scalars.
/// - `automationDetails.id` is `charter-lint/` or `charter-diff/`, so code scanning keeps the two commands' alerts
///   apart when a workflow uploads both.
public enum LintSARIFOutput {
    /// The `$schema` the log names.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where people read about the tool (`tool.driver.informationUri`).
    public static let informationURI = "https://github.com/charter-contracts/charter"
    /// The base of the relative URIs of files in the working tree: the folder charter ran in.
    public static let sourceRootID = "%SRCROOT%"
    /// The base of the relative URIs of files read at a git revision: the repository's root.
    public static let repositoryRootID = "%REPOROOT%"

    /// The report as a pretty-printed SARIF log, ending with a newline: ``renderBytes(_:catalog:)`` as a `String`.
    public static func render(_ report: LintReport, catalog: LintCatalog = .standard) -> String {
        String(decoding: renderBytes(report, catalog: catalog), as: UTF8.self)
    }

    /// The report as a pretty-printed SARIF log in UTF-8, ending with a newline, left as bytes for the command to
    /// write as they are (a log of tens of thousands of results is tens of megabytes).
    public static func renderBytes(_ report: LintReport, catalog: LintCatalog = .standard) -> [UInt8] {
        var rules = report.rules
        for finding in report.findings where !rules.contains(where: { $0.id == finding.ruleID }) {
            if let rule = catalog.rule(finding.ruleID) {
                rules.append(rule)
            } else if finding.ruleID == LintReport.loadErrorRuleID {
                rules.append(LintReport.loadErrorRule)  // contracts that did not load, in lint's and diff's logs alike
            }
        }
        let indexByID = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let notifications = report.loadWarnings.map(notification(for:))
        let locations = report.findings.map(\.location) + report.loadWarnings.compactMap(\.location)
        let bases: [(key: String, value: JSONValue?)] = [sourceRootID, repositoryRootID]
            .filter { id in locations.contains { baseID(of: $0) == id } }
            .map { id in (key: id, value: baseDescription(id)) }
        let run = JSONValue.members([
            "tool": .members(["driver": .members([
                "name": .string("charter"),
                "version": .string(Charter.version),
                "semanticVersion": .string(Charter.version),
                "informationUri": .string(informationURI),
                "rules": .elements(rules.map(descriptor(for:))),
            ])]),
            "invocations": .elements([.members([
                "executionSuccessful": .bool(report.contractsLoaded),
                "toolExecutionNotifications": notifications.isEmpty ? nil : .elements(notifications),
            ])]),
            "originalUriBaseIds": bases.isEmpty ? nil : .members(ordered: bases),
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
        var out: [UInt8] = []
        JSONWriter.append(log, pretty: true, indent: 0, to: &out)
        out.append(UInt8(ascii: "\n"))
        return out
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
        .members([
            "ruleId": .string(finding.ruleID),
            "ruleIndex": ruleIndex.map(JSONValue.integer),
            "level": .string(level(finding.severity)),
            "message": message(finding.message, hint: finding.hint),
            "locations": .elements([location(finding.location)]),
            "partialFingerprints": .members(["charter/v1": .string(finding.fingerprint)]),
            "properties": finding.details.isEmpty ? nil : .object(JSONObject(members: finding.details)),
        ])
    }

    /// A load warning as a tool execution notification.
    private static func notification(for warning: Diagnostic) -> JSONValue {
        .members([
            "level": .string(level(warning.severity)),
            "message": message(warning.message, hint: warning.hint),
            "locations": warning.location.map { .elements([location($0)]) },
            "descriptor": warning.code.map { .members(["id": .string($0)]) },
        ])
    }

    /// The message, then `. Hint: …` when there is a hint, so that the message is the first sentence.
    private static func message(_ text: String, hint: String?) -> JSONValue {
        .members(["text": .string(text + (hint.map { ". Hint: \($0)" } ?? ""))])
    }

    /// A location: the file (with its base when relative), the line and column when known, and the JSON pointer as
    /// a logical location of kind `member`.
    private static func location(_ location: SourceLocation) -> JSONValue {
        let region = location.position.map { JSONValue.members(["startLine": .integer($0.line), "startColumn": .integer($0.column)]) }
        let logical = location.hasPointer
            ? JSONValue.elements([.members(["fullyQualifiedName": .string(location.pointer.description), "kind": .string("member")])])
            : nil
        let physical = JSONValue.members([
            "artifactLocation": .members(["uri": .string(uriReference(location.file)), "uriBaseId": baseID(of: location).map(JSONValue.string)]),
            "region": region,
            // A file as it is at a git revision (a base of `charter diff --base-ref`): the path stays the repository's.
            "properties": location.revision.map { JSONValue.members(["revision": .string($0)]) },
        ])
        return .members(["physicalLocation": physical, "logicalLocations": logical])
    }

    /// The base a location's URI is relative to: the repository's root for a file at a git revision, else the folder
    /// charter ran in; nil for an absolute path (a `file://` URI) and for no file at all.
    static func baseID(of location: SourceLocation) -> String? {
        guard !location.file.isEmpty, !location.file.hasPrefix("/") else { return nil }
        return location.revision == nil ? sourceRootID : repositoryRootID
    }

    /// What a base id stands for, in `originalUriBaseIds`: a description, and no URI (it differs from machine to machine).
    private static func baseDescription(_ id: String) -> JSONValue {
        let text = id == repositoryRootID
            ? "The root of the git repository: the paths of files read at a git revision (properties.revision) are relative to it."
            : "The folder charter ran in: the relative paths of the files it read are relative to it."
        return .members(["description": .members(["text": .string(text)])])
    }
}
