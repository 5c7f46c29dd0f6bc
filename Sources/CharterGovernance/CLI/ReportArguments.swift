import Foundation
import CharterCore

/// What `charter lint` and `charter diff` share about reporting: `--fail-on`, `--report FORMAT=FILE`,
/// `--today`, and writing a report file.
package enum ReportArguments {
    /// `--fail-on`: the severity at or above which the command exits 1; nil for `never`. Default: error.
    package static func failOn(_ arguments: ParsedArguments) throws(UsageError) -> Severity? {
        let text = arguments.value("fail-on") ?? "error"
        if text == "never" { return nil }
        guard let severity = Severity(rawValue: text) else { throw UsageError("--fail-on must be error, warning, note or never, not '\(text)'") }
        return severity
    }

    /// The `--report FORMAT=FILE` entries, in order, each format read by `format`.
    package static func reports<Format>(_ arguments: ParsedArguments, format: (String) throws(UsageError) -> Format) throws(UsageError) -> [(format: Format, file: String)] {
        var reports: [(format: Format, file: String)] = []
        for entry in arguments.values["report"] ?? [] {
            guard let equals = entry.firstIndex(of: "="), !entry[entry.index(after: equals)...].isEmpty else {
                throw UsageError("--report takes FORMAT=FILE, not '\(entry)'")
            }
            reports.append((try format(String(entry[..<equals])), String(entry[entry.index(after: equals)...])))
        }
        return reports
    }

    /// Contracts that did not load: prints their errors to standard error (as every command does) and still writes
    /// the requested reports — each `reports` file, and `format` on standard output unless it is text — as a
    /// ``LintReport/loadFailure(_:command:)`` report, so a CI step that uploads a report after a failure finds one.
    package static func writeLoadFailure(
        _ error: DiagnosticsError, command: String, format: LintOutputFormat, reports: [(format: LintOutputFormat, file: String)],
        catalog: LintCatalog, console: Console, workingDirectory: String
    ) throws(DiagnosticsError) {
        for diagnostic in error.diagnostics { console.err(DiagnosticFormatter.format(diagnostic)) }
        let report = LintReport.loadFailure(error.diagnostics, command: command)
        for (reportFormat, file) in reports {
            try write(LintOutputFormat.render(report, as: reportFormat, catalog: catalog),
                      to: SchemaLoader.absolutePath(file, relativeTo: workingDirectory), shown: file)
        }
        if format != .text { console.outDocument(LintOutputFormat.render(report, as: format, catalog: catalog)) }
    }

    /// `--today`'s date, checked, or today in UTC.
    package static func date(_ text: String?) throws(UsageError) -> String {
        guard let text else { return currentDate() }
        guard SuppressionCollector.isFullDate(text) else { throw UsageError("--today must be a date YYYY-MM-DD, not '\(text)'") }
        return text
    }

    /// Today in UTC as `YYYY-MM-DD`.
    static func currentDate() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Writes a report or baseline file atomically; a failure is a tool error naming the file.
    package static func write(_ text: String, to path: String, shown: String) throws(DiagnosticsError) {
        do {
            try AtomicWrite.write(Array(text.utf8), to: path)
        } catch {
            throw DiagnosticsError([.error("cannot write \(shown): \(error.message)", at: SourceLocation(file: shown), code: "output.unwritable")])
        }
    }
}
