import CharterCore

extension LintReport {
    /// The rule id load errors carry when they are reported as findings.
    public static let loadErrorRuleID = "contract-load"

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
        return LintReport(findings: findings, suppressedCount: 0, baselinedCount: 0, files: files, rules: [], command: command,
                          loadWarnings: diagnostics.filter { $0.severity != .error })
    }
}
