import CharterCore

/// The GitHub format: workflow commands that GitHub Actions turns into annotations on the pull request.
///
/// One command per finding, in report order:
/// `::error file=a.json,line=3,col=5,title=money-not-float::message [pointer]` (`::warning` for a warning,
/// `::notice` for a note; no `line`/`col` when the position is unknown), the hint on a second line of the
/// annotation. Values are escaped as the runner expects — `%` `\r` `\n` as `%25` `%0D` `%0A`, and in
/// properties also `:` `,` as `%3A` `%2C` — and other control and bidi characters are shown as `\u{…}`, except in
/// `file=`, which names the file as it is.
///
/// GitHub shows at most ``annotationsPerLevel`` annotations of each level per step and drops the rest
/// silently, so at most that many commands are written per level. When some findings are left out, one
/// `::notice::` says how many and where the full list is; the notes then get one slot fewer so that this
/// notice is itself shown. A plain summary line ends the output.
public enum LintGitHubOutput {
    /// How many annotations of one level GitHub shows for a step.
    public static let annotationsPerLevel = 10

    /// The report as workflow commands, ending with a newline.
    public static func render(_ report: LintReport) -> String {
        let totals = Dictionary(grouping: report.findings, by: \.severity).mapValues(\.count)
        // When anything is left out, the notice saying so takes one of the notice slots.
        let overflows = totals.values.contains { $0 > annotationsPerLevel }
        var shown: [Severity: Int] = [:]
        var omitted: [Severity: Int] = [:]
        var lines: [String] = []
        for finding in report.findings {
            let limit = finding.severity == .note && overflows ? annotationsPerLevel - 1 : annotationsPerLevel
            if shown[finding.severity, default: 0] < limit {
                shown[finding.severity, default: 0] += 1
                lines.append(command(for: finding))
            } else {
                omitted[finding.severity, default: 0] += 1
            }
        }
        if !omitted.isEmpty {
            let counts = Severity.allCases.reversed().compactMap { severity in
                omitted[severity].map { LintTally.count($0, severity.rawValue) }
            }
            lines.append("::notice::" + escapeData(
                "\(LintTally.count(omitted.values.reduce(0, +), "more finding")) not annotated (\(counts.joined(separator: ", "))): "
                    + "GitHub shows at most \(annotationsPerLevel) annotations of each level per step; "
                    + "the text and SARIF formats list every finding"))
        }
        lines.append("charter \(report.command): " + LintTally(report).sentence)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The workflow command for one finding.
    static func command(for finding: LintFinding) -> String {
        let name: String
        switch finding.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .note: name = "notice"
        }
        var properties = ["file=" + escapeProperty(finding.location.file, sanitizing: false)]
        if let position = finding.location.position {
            properties.append("line=\(position.line)")
            properties.append("col=\(position.column)")
        }
        properties.append("title=" + escapeProperty(finding.ruleID))
        var message = finding.message
        if let pointer = finding.pointerLabel { message += " [\(pointer)]" }
        if let revision = finding.location.revision { message += " (in \(revision):\(finding.location.file))" }  // the line is that version's
        if let hint = finding.hint { message += "\nhint: \(hint)" }
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// The message part of a command: `%`, CR and LF escaped, other unsafe scalars shown as `\u{…}` unless
    /// `sanitizing` is false (a file's path, which must name the file as it is: a tab in it stays a tab).
    static func escapeData(_ text: String, sanitizing: Bool = true) -> String {
        var out = ""
        for character in (sanitizing ? DiagnosticFormatter.sanitizeKeepingLineBreaks(text) : text).unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A property value of a command: as ``escapeData(_:sanitizing:)``, and `:` and `,` escaped too.
    static func escapeProperty(_ text: String, sanitizing: Bool = true) -> String {
        var out = ""
        for character in escapeData(text, sanitizing: sanitizing).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
