import CharterCore

extension LintReport {
    /// The rule id load errors carry when they are reported as findings.
    public static let loadErrorRuleID = "contract-load"

    /// What a ``loadErrorRuleID`` finding means, for the formats that describe their rules (SARIF's
    /// `tool.driver.rules`). Not a lint rule: it is not in the catalog, and cannot be configured or suppressed.
    public static let loadErrorRule: any RuleDescribing = ContractLoadRule()

    /// A report of contracts that did not load: each error a finding of ``loadErrorRuleID`` with its file,
    /// line:column and pointer. `charter lint` and `charter diff` write it in the machine-readable formats and to
    /// every `--report` file, so a CI step that uploads SARIF or JUnit after a failed run finds a file that says
    /// why, instead of none.
    public static func loadFailure(_ diagnostics: [Diagnostic], command: String) -> LintReport {
        let findings = diagnostics.filter { $0.severity == .error }.map { diagnostic in
            LintFinding(
                ruleID: loadErrorRuleID, severity: .error, message: diagnostic.message, hint: diagnostic.hint,
                location: diagnostic.location ?? SourceLocation(file: ""), stablePath: diagnostic.location?.shownFile ?? "")
        }.sorted(by: LintFinding.sortedOrder)
        var files: [String] = []
        for finding in findings where !finding.location.file.isEmpty && !files.contains(finding.location.shownFile) { files.append(finding.location.shownFile) }
        var report = LintReport(findings: findings, suppressedCount: 0, baselinedCount: 0, files: files, rules: [], command: command,
                                loadWarnings: diagnostics.filter { $0.severity != .error })
        report.contractsLoaded = false
        return report
    }
}

/// The description of ``LintReport/loadErrorRuleID`` findings: contracts that could not be read at all.
struct ContractLoadRule: RuleDescribing {
    let id = LintReport.loadErrorRuleID
    let summary = "Contracts load: every path given matches a file, every file is JSON and every $ref resolves."
    let rationale = "Nothing was linted or compared: a path or pattern on the command line matched no file, a file is not valid JSON, or a `$ref` does not resolve. The result names the file, line and column (or the path given). Fix the input and run again; until then no other finding of the run can be trusted, and the command exits 1."
    let tag = "load"
    let defaultSeverity = Severity.error
}
