// TEMPORARY STUB (not committed): replaced by the helper's formatters.
public enum LintOutputFormat: String, CaseIterable, Sendable { case text, json, sarif, github, junit, markdown
    public static func render(_ report: LintReport, as format: LintOutputFormat, catalog: LintCatalog = .standard) -> String {
        report.findings.map { $0.description + ($0.hint.map { "\n    hint: " + $0 } ?? "") }.joined(separator: "\n") + "\n\(report.findings.count) findings\n"
    }
}
