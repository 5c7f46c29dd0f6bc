import CharterCore

/// The numbers every format summarises a report with, and the one sentence that says them.
struct LintTally: Equatable {
    var errors: Int
    var warnings: Int
    var notes: Int
    var suppressed: Int
    var baselined: Int
    var files: Int

    init(_ report: LintReport) {
        errors = report.count(.error)
        warnings = report.count(.warning)
        notes = report.count(.note)
        suppressed = report.suppressedCount
        baselined = report.baselinedCount
        files = report.files.count
    }

    /// All findings still in force.
    var findings: Int { errors + warnings + notes }

    /// `3 errors, 1 warning, 0 notes in 2 files (5 suppressed, 2 in baseline)`, or `no findings in 1 file`;
    /// the parenthesis names only the silenced counts that are not zero, and is left out when both are.
    var sentence: String {
        var text = findings == 0
            ? "no findings"
            : "\(Self.count(errors, "error")), \(Self.count(warnings, "warning")), \(Self.count(notes, "note"))"
        text += " in \(Self.count(files, "file"))"
        var silenced: [String] = []
        if suppressed > 0 { silenced.append("\(suppressed) suppressed") }
        if baselined > 0 { silenced.append("\(baselined) in baseline") }
        if !silenced.isEmpty { text += " (\(silenced.joined(separator: ", ")))" }
        return text
    }

    /// `1 error`, `0 errors`, `2 errors`: `noun` takes an `s` unless `count` is one.
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
