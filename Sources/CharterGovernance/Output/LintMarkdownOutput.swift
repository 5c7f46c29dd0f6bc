import CharterCore

/// The Markdown format: a comment for a pull request (GitHub Flavored Markdown).
///
/// A heading, the summary line (`No findings in 2 files.` when there are none), then a table
/// `| Severity | Rule | Location | Message |` with errors first, then warnings, then notes (report order within
/// each). The location
/// is `file:line:column` and the JSON pointer, each in a code span; the message cell holds the message and
/// the hint. Cell text is escaped so that nothing from a contract can break out of its cell or add markup:
/// `|` and the other Markdown punctuation are backslash-escaped, line breaks become `<br>`, control and bidi
/// characters are shown as `\u{…}`.
public enum LintMarkdownOutput {
    /// The heading line, naming the command.
    public static func heading(_ report: LintReport) -> String { "## Charter \(report.command)" }

    /// The report as Markdown, ending with a newline.
    public static func render(_ report: LintReport) -> String {
        let summary = LintTally(report).sentence
        var lines = [heading(report), "", summary.prefix(1).uppercased() + summary.dropFirst() + "."]
        if !report.findings.isEmpty { lines += ["", "| Severity | Rule | Location | Message |", "| --- | --- | --- | --- |"] }
        let ordered = report.findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }
        for (_, finding) in ordered {
            var location = codeSpan(finding.location.description)
            if let pointer = finding.pointerLabel { location += " " + codeSpan(pointer) }
            var message = escapeText(finding.message)
            if let hint = finding.hint { message += "<br>hint: " + escapeText(hint) }
            lines.append("| \(finding.severity.rawValue) | \(codeSpan(finding.ruleID)) | \(location) | \(message) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a table cell: Markdown punctuation backslash-escaped (`|` included, which GFM needs even in a
    /// code span), line breaks as `<br>`, unsafe scalars as `\u{…}`.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in DiagnosticFormatter.sanitizeKeepingLineBreaks(text).unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r": out += "<br>"
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a code span: fenced with one backtick more than its longest run of backticks, `|` escaped
    /// (GFM splits table cells before it reads code spans), unsafe scalars and line breaks as `\u{…}`.
    static func codeSpan(_ text: String) -> String {
        let text = DiagnosticFormatter.sanitize(text)
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + padding + fence
    }
}
