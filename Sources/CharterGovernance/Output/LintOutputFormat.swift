import CharterCore

/// The formats `charter lint` writes its report in.
///
/// Every format is a pure function of the report: the same report gives the same bytes (no timestamps, no
/// paths beyond those the findings hold, no dictionary order), and nothing is printed.
/// ``LintReport/loadWarnings`` are not findings: the command shows them on standard error like `charter generate`
/// does (in every format), JSON carries them as its `warnings` array and SARIF as tool execution notifications (not
/// results); the other formats, which show findings, leave them out.
public enum LintOutputFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with hints, then a summary line (``LintTextOutput``).
    case text
    /// A versioned JSON document for scripts (``LintJSONOutput``).
    case json
    /// SARIF 2.1.0, for code-scanning dashboards (``LintSARIFOutput``).
    case sarif
    /// GitHub Actions workflow commands that annotate the pull request (``LintGitHubOutput``).
    case github
    /// JUnit XML, for CI test dashboards (``LintJUnitOutput``).
    case junit
    /// A Markdown table for pull-request comments (``LintMarkdownOutput``).
    case markdown

    /// `report` in `format`, ending with a newline.
    ///
    /// - Parameter catalog: where SARIF looks up a rule that a finding names but `report.rules` lacks (a report
    ///   built by hand); the other formats need only the report.
    public static func render(_ report: LintReport, as format: LintOutputFormat, catalog: LintCatalog = .standard) -> String {
        switch format {
        case .text: LintTextOutput.render(report)
        case .json: LintJSONOutput.render(report)
        case .sarif: LintSARIFOutput.render(report, catalog: catalog)
        case .github: LintGitHubOutput.render(report)
        case .junit: LintJUnitOutput.render(report)
        case .markdown: LintMarkdownOutput.render(report)
        }
    }

    /// ``render(_:as:catalog:)`` as UTF-8 bytes, for the command to write as they are. JSON and SARIF are made as
    /// bytes and stay bytes (a report of 64,000 findings is 29 MB, which a `String` would check as UTF-8 again);
    /// the other formats are made as text, and this is its bytes.
    public static func renderBytes(_ report: LintReport, as format: LintOutputFormat, catalog: LintCatalog = .standard) -> [UInt8] {
        switch format {
        case .json: LintJSONOutput.renderBytes(report)
        case .sarif: LintSARIFOutput.renderBytes(report, catalog: catalog)
        case .text, .github, .junit, .markdown: Array(render(report, as: format, catalog: catalog).utf8)
        }
    }
}
