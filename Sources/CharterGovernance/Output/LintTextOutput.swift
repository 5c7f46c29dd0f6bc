import CharterCore

/// The text format: what compilers print, so editors and terminals link each line to its place.
///
/// One line per finding, `file:line:column: severity: message [pointer] (rule-id)`, then `    hint: …` when
/// the finding has a hint, then a summary line such as
/// `3 errors, 1 warning, 0 notes in 2 files (5 suppressed, 2 in baseline)` or `no findings in 2 files`.
/// Control and bidi characters from the contracts are shown as `\u{…}` (``DiagnosticFormatter/sanitize(_:)``).
public enum LintTextOutput {
    /// The report as text, ending with a newline. Without the `summary` line (`--quiet`), only the findings: empty
    /// when there are none.
    public static func render(_ report: LintReport, summary: Bool = true) -> String {
        var lines = report.findings.flatMap(lines(for:))
        if summary { lines.append(LintTally(report).sentence) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The finding's line and, when it has a hint, the hint's line (shared with the JUnit format).
    static func lines(for finding: LintFinding) -> [String] {
        var lines = [DiagnosticFormatter.sanitize(finding.description)]
        if let hint = finding.hint { lines.append("    hint: " + DiagnosticFormatter.sanitize(hint)) }
        return lines
    }
}
