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

    /// One `--report FORMAT=FILE` entry: the format, the file, and the option as given, which messages name.
    package struct Report<Format> {
        /// The format, as the command reads it.
        package var format: Format
        /// The file, as given (relative to the working directory, or absolute).
        package var file: String
        /// The option as given, e.g. `--report sarif=lint.sarif`.
        package var option: String

        /// Creates an entry.
        package init(format: Format, file: String, option: String) {
            self.format = format
            self.file = file
            self.option = option
        }
    }

    /// The `--report FORMAT=FILE` entries, in order, each format read by `format`.
    package static func reports<Format>(_ arguments: ParsedArguments, format: (String) throws(UsageError) -> Format) throws(UsageError) -> [Report<Format>] {
        var reports: [Report<Format>] = []
        for entry in arguments.values["report"] ?? [] {
            guard let equals = entry.firstIndex(of: "="), !entry[entry.index(after: equals)...].isEmpty else {
                throw UsageError("--report takes FORMAT=FILE, not '\(entry)'")
            }
            reports.append(Report(format: try format(String(entry[..<equals])), file: String(entry[entry.index(after: equals)...]), option: "--report \(entry)"))
        }
        return reports
    }

    /// Contracts that did not load: prints their errors to standard error (as every command does:
    /// ``DiagnosticFormatter/report(_:)``, in print order with a count) and still writes
    /// the requested reports — each `reports` file, and `format` on standard output unless it is text — as a
    /// ``LintReport/loadFailure(_:command:)`` report, so a CI step that uploads a report after a failure finds one.
    package static func writeLoadFailure(
        _ error: DiagnosticsError, command: String, format: LintOutputFormat, reports: [Report<LintOutputFormat>],
        catalog: LintCatalog, console: Console, workingDirectory: String
    ) throws(DiagnosticsError) {
        for line in DiagnosticFormatter.report(error.diagnostics) { console.err(line) }
        let report = LintReport.loadFailure(error.diagnostics, command: command)
        for entry in reports {
            try write(LintOutputFormat.renderBytes(report, as: entry.format, catalog: catalog),
                      to: SchemaLoader.absolutePath(entry.file, relativeTo: workingDirectory), shown: entry.file)
        }
        if format != .text { console.outDocument(bytes: LintOutputFormat.renderBytes(report, as: format, catalog: catalog)) }
    }

    /// `--today`'s date, checked, or today in UTC.
    package static func date(_ text: String?) throws(UsageError) -> String {
        guard let text else { return currentDate() }
        guard InstanceFormat.isFullDate(text) else { throw UsageError("--today must be a date YYYY-MM-DD, not '\(text)'") }
        return text
    }

    /// Today in UTC as `YYYY-MM-DD`.
    static func currentDate() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Checks the files a run writes (`--report` files, a baseline), given as option text and path, before it reads
    /// anything: two options writing one file, or a file that is one of the run's contracts — named, or yielded by
    /// one of `inputs`' folders or patterns — are usage errors. A report never replaces a contract; a file an
    /// earlier run wrote there (Charter's JSON or SARIF report, or a baseline) is rewritten, as the folder skips it.
    /// Inputs that match nothing are not checked here: the run reports them when it loads the others.
    package static func checkDestinations(
        _ destinations: [(option: String, file: String)], inputs: [InputCollector.Expansion], workingDirectory: String
    ) throws(UsageError) {
        guard !destinations.isEmpty else { return }
        var writers: [String: String] = [:]
        for destination in destinations {
            let path = canonical(destination.file, workingDirectory: workingDirectory)
            if let earlier = writers[path] {
                throw UsageError("\(earlier) and \(destination.option) both write \(destination.file): give each its own file")
            }
            writers[path] = destination.option
        }
        for file in inputs.flatMap(\.files) {
            let path = canonical(file, workingDirectory: workingDirectory)
            guard let option = writers[path], !isChartersOutput(path) else { continue }
            throw UsageError("\(option) would write over \(file), a contract this run reads: choose another file")
        }
    }

    /// Checks that no file a run writes is a document it loaded (one a `$ref` reached as well as an input).
    package static func checkDestinations(_ destinations: [(option: String, file: String)], loaded documents: [String], workingDirectory: String) throws(UsageError) {
        guard !destinations.isEmpty else { return }
        let canonical = { (file: String) in Self.canonical(file, workingDirectory: workingDirectory) }
        let loaded = Set(documents.map(canonical))
        for destination in destinations where loaded.contains(canonical(destination.file)) {
            throw UsageError("\(destination.option) would write over \(destination.file), a contract this run reads: choose another file")
        }
    }

    /// A file's absolute path with its symbolic links followed, so two spellings of one file compare equal.
    static func canonical(_ file: String, workingDirectory: String) -> String {
        URL(fileURLWithPath: ReportFile.target(of: SchemaLoader.absolutePath(file, relativeTo: workingDirectory))).standardizedFileURL.path
    }

    /// The files a run writes as the options that name them: each of `reports`, and `--write-baseline`.
    package static func destinations<Format>(_ reports: [Report<Format>], _ arguments: ParsedArguments) -> [(option: String, file: String)] {
        var destinations = reports.map { (option: $0.option, file: $0.file) }
        if let baseline = arguments.value("write-baseline") { destinations.append(("--write-baseline \(baseline)", baseline)) }
        return destinations
    }

    /// Whether the file at `path` is one Charter wrote: a JSON or SARIF report whose tool is Charter, or a baseline.
    static func isChartersOutput(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let root = try? JSONReader.parse(data), let object = root.object else { return false }
        if object["tool"]?["name"]?.string == "charter" { return true }
        if object["runs"]?.array?.first?["tool"]?["driver"]?["name"]?.string == "charter" { return true }
        return object.members.map(\.key) == ["version", "findings"]
    }

    /// Writes a report or baseline file (``ReportFile``: atomically, through a symbolic link, or into a device or
    /// pipe); a failure is a tool error naming the file.
    package static func write(_ text: String, to path: String, shown: String) throws(DiagnosticsError) {
        try write(Array(text.utf8), to: path, shown: shown)
    }

    /// Writes a report or baseline file made as UTF-8 bytes, as they are (``ReportFile``, as for text); a failure is
    /// a tool error naming the file.
    package static func write(_ bytes: [UInt8], to path: String, shown: String) throws(DiagnosticsError) {
        do {
            try ReportFile.write(bytes, to: path)
        } catch {
            throw DiagnosticsError([.error("cannot write \(shown): \(error.message)", at: SourceLocation(file: shown), code: "output.unwritable")])
        }
    }
}
