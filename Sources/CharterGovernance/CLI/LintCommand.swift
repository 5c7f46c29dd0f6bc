import Foundation
import CharterCore

/// `charter lint`: governance rules over contracts; findings to standard output in one format and, with
/// `--report`, to files in others; the exit code says whether any finding reached `--fail-on`.
public struct LintCommand {
    /// The subcommand, for ``CommandLineTool``.
    public static let subcommand = Subcommand(spec: spec) { arguments, environment in
        try LintCommand(console: environment.console, workingDirectory: environment.workingDirectory, freesResults: environment.freesResults)
            .run(arguments)
    }

    static let spec = CommandSpec(
        name: "lint",
        summary: "Check contracts against governance rules (ownership, auth, SLAs, idempotency, money, time).",
        positional: "PATH...",
        positionalHelp: "Contract files, folders (searched for *.json) or quoted glob patterns. Default: Schemas",
        options: [
            OptionSpec("format", short: "f", value: "FORMAT", help: "Output: text, json, sarif, github, junit or markdown. Default: text"),
            OptionSpec("report", value: "FORMAT=FILE", repeatable: true, help: "Also write the findings to FILE in FORMAT (e.g. sarif=lint.sarif)."),
            OptionSpec("fail-on", value: "LEVEL", help: "Exit 1 when a finding is at or above LEVEL: error, warning, note or never. Default: error"),
            OptionSpec("config", value: "FILE", help: "Configuration (the \"lint\" object of charter.json). Default: ./charter.json if present"),
            OptionSpec("preset", value: "NAME", help: "Rule set: recommended or strict (every rule). Default: the config's, else recommended"),
            OptionSpec("rule", value: "ID=LEVEL", repeatable: true, help: "Set a rule's level (off, note, warning, error), after the config."),
            OptionSpec("baseline", value: "FILE", help: "Hide the findings recorded in FILE (adopting lint on an existing estate)."),
            OptionSpec("write-baseline", value: "FILE", help: "Record the current findings in FILE and exit 0."),
            OptionSpec("list-rules", help: "Print the rule catalog (text, json or markdown) and exit."),
            OptionSpec("today", value: "YYYY-MM-DD", help: "The date expiry and sunset checks compare with. Default: today (UTC)"),
            .quiet("text without its summary line, no --write-baseline note"),
        ] + LoaderArguments.options,
        discussion: """
            Suppress a finding in the contract with "x-lint-ignore": {"RULE": {"reason": "…", "until": "YYYY-MM-DD"}}
            on the object it concerns (a reason is required). Rules and their examples: docs/lint-rules.md.
            Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it or invalid contracts,
            2 usage or tool errors (a missing or invalid --config or --baseline file among them).
            """)

    let console: Console
    let workingDirectory: String
    /// See ``CommandLineTool/freesResults``.
    var freesResults = true

    func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let catalog = LintCatalog.standard
        let format = try Self.format(arguments.value("format") ?? "text", option: "--format")
        if arguments.flags.contains("list-rules") {
            guard [.text, .json, .markdown].contains(format) else {
                throw UsageError("--list-rules prints text, json or markdown, not '\(arguments.value("format") ?? "")'")
            }
            console.outDocument(LintRuleReference.render(catalog, as: format))
            return .success
        }
        let failOn = try ReportArguments.failOn(arguments)
        let quiet = arguments.flags.contains("quiet")
        let reports = try ReportArguments.reports(arguments) { text throws(UsageError) in try Self.format(text, option: "--report") }
        let today = try ReportArguments.date(arguments.value("today"))

        var configuration = try loadConfiguration(arguments.value("config"), catalog: catalog)
        if let name = arguments.value("preset") {
            guard let preset = LintConfiguration.Preset(rawValue: name) else { throw UsageError("--preset must be recommended or strict, not '\(name)'") }
            configuration.preset = preset
        }
        for entry in arguments.values["rule"] ?? [] {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let level = LintConfiguration.Level(parts[1]) else {
                throw UsageError("--rule takes ID=LEVEL with LEVEL off, note, warning or error, not '\(entry)'")
            }
            guard catalog.rule(parts[0]) != nil else {
                let guess = catalog.closestRuleID(to: parts[0]).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("unknown lint rule '\(parts[0])' (\(guess)charter lint --list-rules lists them)")
            }
            configuration.commandLineLevels[parts[0]] = level
        }
        // A baseline that is missing or not one is the run's setup, like a missing --config: its `baseline.` errors
        // are tool errors (exit 2), not findings or contracts that do not load (exit 1).
        let baseline = try arguments.value("baseline").map { path throws(DiagnosticsError) -> LintBaseline in
            let absolute = SchemaLoader.absolutePath(path, relativeTo: workingDirectory)
            guard let data = FileManager.default.contents(atPath: absolute) else {
                throw DiagnosticsError([.error("cannot read the baseline file", at: SourceLocation(file: path), code: "baseline.unreadable")])
            }
            return try LintBaseline.parse(data, file: path)
        }

        let inputs = InputCollector.expansions(arguments.positionals.isEmpty ? ["Schemas"] : arguments.positionals, workingDirectory: workingDirectory)
        let destinations = ReportArguments.destinations(reports, arguments)
        try ReportArguments.checkDestinations(destinations, inputs: inputs, workingDirectory: workingDirectory)
        let loader = try LoaderArguments.loaderOptions(arguments, workingDirectory: workingDirectory)
        // Charter's own files beside the contracts — the baseline, a report written there — are not contracts.
        let own = [arguments.value("baseline"), arguments.value("write-baseline"), arguments.value("config")].compactMap { $0 } + reports.map(\.file)
        let graph: SchemaGraph
        do throws(DiagnosticsError) {
            // A path that matches nothing is a load error like invalid JSON, and is reported the same way.
            let files = try InputCollector.files(of: inputs, workingDirectory: workingDirectory, skipping: own)
            graph = try SchemaLoader(options: loader).load(files: files, workingDirectory: workingDirectory)
        } catch {
            // Contracts that do not load: the errors go to standard error as always, and the requested reports
            // (other than text on standard output) still get written, naming them.
            guard format != .text || !reports.isEmpty else { throw error }
            try ReportArguments.writeLoadFailure(error, command: "lint", format: format, reports: reports, catalog: catalog,
                                                 console: console, workingDirectory: workingDirectory)
            return .inputProblems
        }
        for warning in graph.warnings { console.err(DiagnosticFormatter.format(warning)) }
        try ReportArguments.checkDestinations(destinations, loaded: graph.documents.map(\.path), workingDirectory: workingDirectory)

        // Writing a baseline records every current finding, those the old baseline accepted too: rewriting a
        // baseline in place (`--baseline B --write-baseline B`) keeps what it accepted and drops what was fixed.
        let writesBaseline = arguments.value("write-baseline") != nil
        let linter = Linter(catalog: catalog, configuration: configuration, today: today, baseline: writesBaseline ? nil : baseline)
        let report = linter.lint(graph)
        // Entries that hid nothing are said on standard error, with the likely cause (another root, fixed findings).
        if !writesBaseline, let baseline, let shown = arguments.value("baseline"),
            let warning = baseline.unmatchedWarning(matched: report.baselinedCount, runFiles: graph.documents.map(\.rootRelativePath),
                                                    root: shownRoot(of: graph), shown: shown)
        {
            console.err(DiagnosticFormatter.format(warning))
        }
        if let path = arguments.value("write-baseline") {
            try ReportArguments.write(LintBaseline.document(for: report.findings), to: SchemaLoader.absolutePath(path, relativeTo: workingDirectory), shown: path)
            // A note for the reader (none under --quiet): on standard output only beside text, so a machine format there
            // stays one document.
            let note = "Recorded \(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") in \(path)"
            if !quiet, format == .text { console.out(note) }
            if !quiet, format != .text { console.err(note) }
            return .success
        }
        for entry in reports {
            try ReportArguments.write(LintOutputFormat.renderBytes(report, as: entry.format, catalog: catalog),
                                      to: SchemaLoader.absolutePath(entry.file, relativeTo: workingDirectory), shown: entry.file)
        }
        // --quiet leaves the text's summary line out; a machine format is one document, whole either way, written as
        // the bytes it was made as.
        if quiet && format == .text {
            console.outDocument(LintTextOutput.render(report, summary: false))
        } else {
            console.outDocument(bytes: LintOutputFormat.renderBytes(report, as: format, catalog: catalog))
        }
        if !freesResults { ProcessLifetime.keep((graph, report)) }
        return report.fails(at: failOn) ? .inputProblems : .success
    }

    static func format(_ text: String, option: String) throws(UsageError) -> LintOutputFormat {
        guard let format = LintOutputFormat(rawValue: text) else {
            throw UsageError("\(option) must be one of \(LintOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return format
    }

    /// The root the graph's files are named relative to (what baseline entries name them by), as a path relative to
    /// the working directory when inside it (`.` for the working directory itself).
    func shownRoot(of graph: SchemaGraph) -> String {
        guard let document = graph.documents.first(where: { $0.path.hasSuffix("/" + $0.rootRelativePath) }) else { return "." }
        let root = String(document.path.dropLast(document.rootRelativePath.count + 1))
        let here = DiskFileSource().canonicalPath(workingDirectory)
        if root == here { return "." }
        if root.hasPrefix(here.hasSuffix("/") ? here : here + "/") { return String(root.dropFirst(here.hasSuffix("/") ? here.count : here.count + 1)) }
        return root.isEmpty ? "/" : root
    }

    /// The explicit `--config`, else `charter.json` in the working directory when there is one, else defaults.
    func loadConfiguration(_ explicit: String?, catalog: LintCatalog) throws(DiagnosticsError) -> LintConfiguration {
        let shown = explicit ?? "charter.json"
        let path = SchemaLoader.absolutePath(shown, relativeTo: workingDirectory)
        guard explicit != nil || FileManager.default.fileExists(atPath: path) else { return LintConfiguration() }
        return try LintConfiguration.load(path: path, displayPath: shown, catalog: catalog)
    }
}
