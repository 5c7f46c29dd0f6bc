import Foundation

/// `charter diff`: compares contracts against a base (a folder or a git revision), classifies every change by
/// who it breaks, gates each contract's semantic version, and reports in any lint format or as an HTML
/// compatibility report.
struct DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        summary: "Compare contracts with a base version: breaking changes, who they break, and the version they need.",
        positional: "PATH...",
        positionalHelp: "The head: contract files or folders (searched for *.json). Default: Schemas",
        options: [
            OptionSpec("base", value: "PATH", repeatable: true, help: "The base: a contract file or folder laid out like the head."),
            OptionSpec("base-ref", value: "REV", repeatable: true, help: "The base: the same paths at git revision REV (the working tree is never touched)."),
            OptionSpec("format", short: "f", value: "FORMAT", help: "Output: text, json, sarif, github, junit, markdown or html. Default: text"),
            OptionSpec("report", value: "FORMAT=FILE", repeatable: true, help: "Also write the report to FILE in FORMAT (e.g. html=compatibility.html)."),
            OptionSpec("fail-on", value: "LEVEL", help: "Exit 1 when a change is at or above LEVEL: error (breaking), warning (risky), note or never. Default: error"),
            OptionSpec("today", value: "YYYY-MM-DD", help: "The date the HTML report's governance coverage is linted as of. Default: today (UTC)"),
        ] + LoaderArguments.options,
        discussion: """
            Give one base (--base or --base-ref). Several bases, newest first, check the head against each for
            contracts whose policy is transitive (backward-transitive, forward-transitive, full-transitive); the
            version gate uses the newest. Change checks and classification: docs/diff.md.
            Exit codes: 0 nothing at or above --fail-on, 1 changes at or above it (breaking changes and versions
            that did not move far enough are errors) or contracts that do not load, 2 usage or tool errors.
            """)

    let console: Console
    let workingDirectory: String

    /// The formats `charter diff` writes: every lint format, and HTML.
    enum Format: Equatable {
        case findings(LintOutputFormat)
        case html

        init(_ text: String, option: String) throws(UsageError) {
            if text == "html" { self = .html; return }
            guard let format = LintOutputFormat(rawValue: text) else {
                throw UsageError("\(option) must be one of \(LintOutputFormat.allCases.map(\.rawValue).joined(separator: ", ")), html, not '\(text)'")
            }
            self = .findings(format)
        }
    }

    func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let format = try Format(arguments.value("format") ?? "text", option: "--format")
        let failOn: Severity?
        switch arguments.value("fail-on") ?? "error" {
        case "never": failOn = nil
        case let text:
            guard let severity = Severity(rawValue: text) else { throw UsageError("--fail-on must be error, warning, note or never, not '\(text)'") }
            failOn = severity
        }
        var reports: [(format: Format, file: String)] = []
        for entry in arguments.values["report"] ?? [] {
            guard let equals = entry.firstIndex(of: "="), !entry[entry.index(after: equals)...].isEmpty else {
                throw UsageError("--report takes FORMAT=FILE, not '\(entry)'")
            }
            reports.append((try Format(String(entry[..<equals]), option: "--report"), String(entry[entry.index(after: equals)...])))
        }
        let today = try LintCommand.date(arguments.value("today"))
        let bases = arguments.values["base"] ?? []
        let revisions = arguments.values["base-ref"] ?? []
        guard bases.isEmpty != revisions.isEmpty else {
            throw UsageError(bases.isEmpty ? "charter diff needs a base: --base PATH or --base-ref REV" : "give bases as --base or as --base-ref, not both")
        }
        let loader = try LoaderArguments.loaderOptions(arguments, workingDirectory: workingDirectory)
        let headPaths = arguments.positionals.isEmpty ? ["Schemas"] : arguments.positionals
        let headFiles = try InputCollector.collect(headPaths, workingDirectory: workingDirectory)
        let head = try SchemaLoader(options: loader).load(files: headFiles, workingDirectory: workingDirectory)
        for warning in head.warnings { console.err(DiagnosticFormatter.format(warning)) }

        // Each base: its graph and the label its files get in findings.
        var baseGraphs: [(graph: SchemaGraph, label: String, name: String)] = []
        for path in bases {
            let files = try InputCollector.collect([path], workingDirectory: workingDirectory)
            var options = loader
            options.root = nil  // the base's own common folder: its files are paired with the head's by contract, not by path
            baseGraphs.append((try SchemaLoader(options: options).load(files: files, workingDirectory: workingDirectory), "", path))
        }
        for revision in revisions {
            let absolute = headPaths.map { SchemaLoader.absolutePath($0, relativeTo: workingDirectory) }
            let extracted = try GitBase.extract(revision: revision, paths: absolute, workingDirectory: workingDirectory)
            defer { extracted.remove() }
            var options = loader
            options.root = loader.root.map(extracted.mirror) ?? extracted.directory
            options.refMappings = loader.refMappings.map { RefMapping(prefix: $0.prefix, directory: extracted.mirror($0.directory)) }
            let files = try InputCollector.collect(absolute.map(extracted.mirror), workingDirectory: extracted.directory)
            baseGraphs.append((try SchemaLoader(options: options).load(files: files, workingDirectory: extracted.directory), revision + ":", revision))
        }

        let differ = ContractDiffer()
        var result = differ.diff(base: baseGraphs[0].graph, head: head)
        let transitive: Set<CompatibilityMode> = [.backwardTransitive, .forwardTransitive, .fullTransitive]
        for older in baseGraphs.dropFirst() {
            // Older bases count only for contracts whose policy is transitive; the version gate uses the newest.
            let modes = Dictionary(head.documents.compactMap { document in document.contract.map { ("\($0.name) v\($0.version.major)", $0.compatibility) } },
                                   uniquingKeysWith: { first, _ in first })
            for change in differ.diff(base: older.graph, head: head).changes
            where change.checkID != VersionGateCheck.id && modes[change.contract].flatMap({ $0 }).map(transitive.contains) == true
                && !result.changes.contains(where: { $0.checkID == change.checkID && $0.message == change.message && $0.contract == change.contract })
            {
                var change = change
                change.message += " (against \(older.name))"
                if change.side == .base { change.location.file = older.label + change.location.file }
                result.changes.append(change)
            }
        }

        let report = DiffReport.findings(result, files: head.documents.map(\.displayPath), baseLabel: baseGraphs[0].label)
        func render(_ format: Format) -> String {
            switch format {
            case .html:
                return CompatibilityHTMLReport.render(result, head: head, baseName: baseGraphs[0].name, today: today)
            case .findings(let kind):
                var text = LintOutputFormat.render(report, as: kind, catalog: LintCatalog([]))
                if kind == .text {
                    let lines = DiffReport.versionLines(result)
                    if !lines.isEmpty { text += lines.joined(separator: "\n") + "\n" }
                }
                return text
            }
        }
        for (reportFormat, file) in reports {
            try LintCommand.write(render(reportFormat), to: SchemaLoader.absolutePath(file, relativeTo: workingDirectory), shown: file)
        }
        let text = render(format)
        console.out(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        return report.fails(at: failOn) ? .inputProblems : .success
    }
}
