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
///
/// A pull-request comment holds at most 65,536 characters: rows that would take the document past
/// ``commentBudget`` are left out, and a last line says how many, of which severities, and where to find them.
public enum LintMarkdownOutput {
    /// The most UTF-8 bytes a rendered document takes (GitHub refuses comments over 65,536 characters).
    public static let commentBudget = 60_000

    /// The heading line, naming the command.
    public static func heading(_ report: LintReport) -> String { "## Charter \(report.command)" }

    /// The report as Markdown, ending with a newline. `preamble` (Markdown lines, escaped by the caller) follows the
    /// summary line, before the table — `charter diff` puts its verdict and versions there, where a long comment
    /// is never cut; the caller keeps it short. With it, at most `budget` UTF-8 bytes.
    public static func render(_ report: LintReport, preamble: [String] = [], budget: Int = commentBudget) -> String {
        let summary = LintTally(report).sentence
        var lines = [heading(report), "", summary.prefix(1).uppercased() + summary.dropFirst() + "."]
        if !preamble.isEmpty { lines += [""] + preamble }
        if !report.findings.isEmpty { lines += ["", "| Severity | Rule | Location | Message |", "| --- | --- | --- | --- |"] }
        let ordered = report.findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }
        var size = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        // Room kept for the line that says what was left out.
        let room = budget - 400
        var left: [Severity: Int] = [:]
        for (_, finding) in ordered {
            guard left.isEmpty else {
                left[finding.severity, default: 0] += 1
                continue
            }
            var location = codeSpan(finding.location.description)
            if let pointer = finding.pointerLabel { location += " " + codeSpan(pointer) }
            var message = escapeText(finding.message)
            if let hint = finding.hint { message += "<br>hint: " + escapeText(hint) }
            let row = "| \(finding.severity.rawValue) | \(codeSpan(finding.ruleID)) | \(location) | \(message) |"
            guard size + row.utf8.count + 1 <= room else {
                left[finding.severity, default: 0] += 1
                continue
            }
            size += row.utf8.count + 1
            lines.append(row)
        }
        if !left.isEmpty {
            let counts = [Severity.error, .warning, .note].compactMap { severity in
                left[severity].map { "\($0) \(severity.rawValue)\($0 == 1 ? "" : "s")" }
            }
            let total = left.values.reduce(0, +)
            lines += ["", "\(total) more finding\(total == 1 ? "" : "s") (\(counts.joined(separator: ", "))) not shown: a pull-request comment holds "
                + "at most 65,536 characters. The JSON, SARIF or JUnit report holds every finding."]
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
    public static func codeSpan(_ text: String) -> String {
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
