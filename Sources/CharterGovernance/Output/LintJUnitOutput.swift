import CharterCore

/// The JUnit format: JUnit XML, which CI test dashboards (GitLab, Jenkins, Azure Pipelines, GitHub test
/// reporters) show as one test per file and rule.
///
/// One `<testsuite name="charter lint">` (or `charter diff`) in `<testsuites>`. For each linted file, in load order (then any other
/// file a finding names, in report order): one `<testcase classname="FILE" name="RULE">` per rule with
/// findings there, in the order of their first finding; a file without findings gets one passing
/// `<testcase classname="FILE" name="lint"/>` (`name="diff"` for `charter diff`), so dashboards list clean files too.
///
/// Failure policy: only errors fail. A testcase with error findings holds one
/// `<failure message="first error (and N more)" type="error">` whose text is the errors' compiler-style lines
/// (as in the text format, hints included); warnings and notes never fail a test and are listed in the
/// testcase's `<system-out>`, so a dashboard shows them without turning red. A team that wants a warning to
/// fail raises that rule's level to error in the configuration, which also fails `charter lint` itself.
///
/// Text is XML-escaped (`& < > " '`), characters XML 1.0 forbids (control characters other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF) are removed, and line breaks and tabs in attributes are written
/// as character references so attribute normalisation keeps them. No timestamps or durations.
public enum LintJUnitOutput {
    /// The name of the suite and of the `<testsuites>` element.
    public static func suiteName(_ report: LintReport) -> String { "charter \(report.command)" }

    /// The report as a JUnit XML document, ending with a newline.
    public static func render(_ report: LintReport) -> String {
        let cases = testCases(report)
        let failures = cases.filter { !$0.errors.isEmpty }.count
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"\(suiteName(report))\" \(counts)>",
            "  <testsuite name=\"\(suiteName(report))\" \(counts) skipped=\"0\">",
        ]
        for testCase in cases { lines += testCase.xml }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One testcase: a file and a rule (or a clean file), with its findings split by policy.
    private struct TestCase {
        var file: String
        var name: String
        var errors: [LintFinding] = []
        var others: [LintFinding] = []

        var xml: [String] {
            let open = "    <testcase classname=\"\(escape(file, attribute: true))\" name=\"\(escape(name, attribute: true))\""
            guard !errors.isEmpty || !others.isEmpty else { return [open + "/>"] }
            var lines = [open + ">"]
            if let first = errors.first {
                let message = first.message + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "")
                lines.append("      <failure message=\"\(escape(message, attribute: true))\" type=\"error\">"
                    + escape(body(errors), attribute: false) + "</failure>")
            }
            if !others.isEmpty {
                lines.append("      <system-out>" + escape(body(others), attribute: false) + "</system-out>")
            }
            lines.append("    </testcase>")
            return lines
        }

        private func body(_ findings: [LintFinding]) -> String {
            findings.flatMap(LintTextOutput.lines(for:)).joined(separator: "\n")
        }
    }

    private static func testCases(_ report: LintReport) -> [TestCase] {
        var files = report.files
        for finding in report.findings where !files.contains(finding.location.shownFile) { files.append(finding.location.shownFile) }
        let byFile = Dictionary(grouping: report.findings, by: \.location.shownFile)
        return files.flatMap { file -> [TestCase] in
            guard let findings = byFile[file] else { return [TestCase(file: file, name: report.command)] }
            var cases: [TestCase] = []
            for finding in findings {
                let index: Int
                if let existing = cases.firstIndex(where: { $0.name == finding.ruleID }) {
                    index = existing
                } else {
                    cases.append(TestCase(file: file, name: finding.ruleID))
                    index = cases.count - 1
                }
                if finding.severity >= .error { cases[index].errors.append(finding) } else { cases[index].others.append(finding) }
            }
            return cases
        }
    }

    /// `text` XML-escaped, without the characters XML 1.0 forbids; in an attribute, tab, line feed and
    /// carriage return as character references.
    package static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r":
                out += attribute ? "&#\(scalar.value);" : String(scalar)
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
