import Foundation
import CharterCore
import CharterGovernance

/// `charter diff`: compares contracts against a base (a folder or a git revision), classifies every change by
/// who it breaks, gates each contract's semantic version, and reports in any lint format or as an HTML
/// compatibility report.
public struct DiffCommand {
    /// The subcommand, for ``CommandLineTool``.
    public static let subcommand = Subcommand(spec: spec) { arguments, environment in
        try DiffCommand(console: environment.console, workingDirectory: environment.workingDirectory, freesResults: environment.freesResults)
            .run(arguments)
    }

    static let spec = CommandSpec(
        name: "diff",
        summary: "Compare contracts with a base version: breaking changes, who they break, and the version they need.",
        positional: "PATH...",
        positionalHelp: "The head: contract files, folders (searched for *.json) or quoted glob patterns. Default: Schemas",
        options: [
            OptionSpec("base", value: "PATH", repeatable: true, help: "The base: a contract file or folder laid out like the head."),
            OptionSpec("base-ref", value: "REV", repeatable: true, help: "The base: the same paths at git revision REV (the working tree is never touched)."),
            OptionSpec("format", short: "f", value: "FORMAT", help: "Output: text, json, sarif, github, junit, markdown or html. Default: text"),
            OptionSpec("report", value: "FORMAT=FILE", repeatable: true, help: "Also write the report to FILE in FORMAT (e.g. html=compatibility.html)."),
            OptionSpec("fail-on", value: "LEVEL", help: "Exit 1 when a change is at or above LEVEL: error (breaking), warning (risky), note or never. Default: error"),
            OptionSpec("list-checks", help: "Print the change-check catalog (text, json or markdown) and exit."),
            OptionSpec("today", value: "YYYY-MM-DD", help: "The date the HTML report's governance coverage is linted as of. Default: today (UTC)"),
            .quiet("text without its summary and version lines"),
        ] + LoaderArguments.options,
        discussion: """
            A base is required: --base PATH or --base-ref REV, repeated for several (all --base or all --base-ref,
            not both). With several, newest first, the version gate uses the newest, and contracts whose policy is
            transitive (backward-transitive, forward-transitive, full-transitive) are checked against each.
            Change checks and classification: docs/diff.md.
            Exit codes: 0 nothing at or above --fail-on, 1 changes at or above it (breaking changes and versions
            that did not move far enough are errors) or contracts that do not load, 2 usage or tool errors.
            """)

    let console: Console
    let workingDirectory: String
    /// See ``CommandLineTool/freesResults``.
    var freesResults = true

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
        if arguments.flags.contains("list-checks") {
            switch format {
            case .findings(.text): console.outDocument(ChangeCheckReference.text(.standard))
            case .findings(.markdown): console.outDocument(ChangeCheckReference.markdown(.standard))
            case .findings(.json): console.outDocument(ChangeCheckReference.json(.standard))
            default: throw UsageError("--list-checks prints text, json or markdown, not '\(arguments.value("format") ?? "")'")
            }
            return .success
        }
        let failOn = try ReportArguments.failOn(arguments)
        let reports = try ReportArguments.reports(arguments) { text throws(UsageError) in try Format(text, option: "--report") }
        let today = try ReportArguments.date(arguments.value("today"))
        // The HTML report's governance coverage lints the head as `charter lint` would here: with `charter.json`'s rules.
        let configurationPath = SchemaLoader.absolutePath(InputCollector.configurationFileName, relativeTo: workingDirectory)
        let wantsHTML = format == .html || reports.contains { $0.format == .html }
        let lintConfiguration = wantsHTML && FileManager.default.fileExists(atPath: configurationPath)
            ? try LintConfiguration.load(path: configurationPath, displayPath: InputCollector.configurationFileName) : LintConfiguration()
        let bases = arguments.values["base"] ?? []
        let revisions = arguments.values["base-ref"] ?? []
        guard bases.isEmpty != revisions.isEmpty else {
            throw UsageError(bases.isEmpty ? "charter diff needs a base: --base PATH or --base-ref REV" : "give bases as --base or as --base-ref, not both")
        }
        let loader = try LoaderArguments.loaderOptions(arguments, workingDirectory: workingDirectory)
        let headPaths = arguments.positionals.isEmpty ? ["Schemas"] : arguments.positionals
        // Every path given, read once: checked against the files the run writes, then loaded without Charter's own.
        let inputs = InputCollector.expansions(headPaths + bases, workingDirectory: workingDirectory)
        let destinations = ReportArguments.destinations(reports, arguments)
        try ReportArguments.checkDestinations(destinations, inputs: inputs, workingDirectory: workingDirectory)
        // Report files written beside the contracts (an earlier run's) are not contracts.
        let written = reports.map(\.file)
        // A head path that matches nothing is a load error like invalid JSON: reported with the others below, so the
        // reports are still written. (A base that matches nothing is a mistake in the command, exit 2.)
        var headProblems: [Diagnostic] = []
        let headFiles: [String]
        do throws(DiagnosticsError) {
            headFiles = try InputCollector.files(of: Array(inputs.prefix(headPaths.count)), workingDirectory: workingDirectory, skipping: written)
        } catch {
            headProblems = error.diagnostics
            headFiles = []
        }
        let disk = DiskFileSource()
        /// A path as given, absolute and with symlinks resolved.
        func canonical(_ path: String) -> String { disk.canonicalPath(SchemaLoader.absolutePath(path, relativeTo: workingDirectory)) }
        // The head's root, fixed here so a git base can mirror it: paths relative to the root pair plain files.
        let headRoot = loader.root ?? SchemaLoader.commonDirectory(of: headFiles.map(canonical), preferring: disk.canonicalPath(workingDirectory))
        var headOptions = loader
        headOptions.root = headRoot
        // A base is an older version, which the head may be fixing: a number out of range there (`"availability": 99.9`)
        // is a warning, read as not given, and so is an unknown (misspelt) key of x-contract, and a method breaking the
        // schema's rules (`"get"`, a GET's request), where the head's are errors.
        var baseLoader = loader
        baseLoader.outOfRangeSeverity = .warning
        baseLoader.unknownKeySeverity = .warning
        baseLoader.methodRuleSeverity = .warning
        // The head and every base are loaded on all cores at once: each is a whole contract set.
        var jobs = [LoadJob(files: headFiles, options: headOptions, workingDirectory: workingDirectory, revision: nil, name: "", shown: "", commit: nil)]
        // Plain schema files of a base folder pair with the head's by their path inside the folder given; a base file
        // given against one head file pairs with it, whatever the two are called.
        var pairingFolders: [String] = []
        var pairedFiles: [(base: String, head: String)] = []
        func isFile(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        for (path, input) in zip(bases, inputs.dropFirst(headPaths.count)) {
            var options = baseLoader
            // The base's own common folder — or, when the base is laid out like the head (`--base /old/Schemas/orders`
            // against `Schemas/orders`), the folder that mirrors the head's root, so the base reaches what the head
            // reaches (`../common`).
            options.root = headPaths.count == 1 ? Self.mirroredRoot(base: canonical(path), head: canonical(headPaths[0]), headRoot: headRoot) : nil
            // A base that is not there is a mistake in the command, like an unknown revision (exit 2), not a change.
            let files: [String]
            do {
                files = try InputCollector.files(of: [input], workingDirectory: workingDirectory, skipping: written)
            } catch {
                throw UsageError("--base \(path): " + error.diagnostics.map(\.message).joined(separator: "; "))
            }
            jobs.append(LoadJob(files: files, options: options, workingDirectory: workingDirectory, revision: nil, name: path, shown: path, commit: nil))
            if headPaths.count == 1 {
                let sides = [path, headPaths[0]].map(canonical)
                if sides.allSatisfy(isFile) {
                    pairedFiles.append((base: sides[0], head: sides[1]))
                } else {
                    pairingFolders += sides
                }
            }
        }
        var extracted: [GitBase] = []
        defer { for base in extracted { base.remove() } }
        for revision in revisions {
            // Everything the head could have had: the head paths as given (a folder whose files were all deleted
            // since still counts) and the root.
            let scope = SchemaLoader.commonDirectory(
                of: headPaths.map { canonical($0) + "/." } + [headRoot + "/."],
                preferring: headRoot)
            let base = try GitBase.extract(revision: revision, scope: scope, workingDirectory: workingDirectory)
            extracted.append(base)
            var options = baseLoader
            options.root = loader.root.map(base.mirror) ?? base.mirror(scope)  // the head's root, widened to hold deleted files
            options.absolutePaths = false  // the temporary folder is no place to name; findings say REV:path
            options.refMappings = loader.refMappings.map { RefMapping(prefix: $0.prefix, directory: base.mirror($0.directory)) }
            // The head's paths as they were: a folder's files then (a file deleted since is compared too), and no
            // file for a path the revision does not have (a contract added since).
            var files: [String] = []
            for path in headPaths.map({ base.mirror(SchemaLoader.absolutePath($0, relativeTo: workingDirectory)) }) {
                if FileManager.default.fileExists(atPath: path) {
                    files += try InputCollector.collect([path], workingDirectory: base.directory).filter { !files.contains($0) }
                } else if path.contains(where: { $0 == "*" || $0 == "?" }) {
                    files += InputCollector.expand(path, workingDirectory: base.directory).filter { !files.contains($0) }  // no match: nothing then
                }
            }
            let repositoryFolder = base.mirror(base.repositoryRoot)
            jobs.append(LoadJob(files: files, options: options, workingDirectory: repositoryFolder, revision: revision, name: revision,
                                shown: "\(revision) (commit \(base.commit.prefix(12)))", commit: base.commit))
        }
        let graphs: [SchemaGraph]
        do throws(DiagnosticsError) {
            // Every side's errors, not only the first failing one's: a broken head and a broken base are both named.
            let loaded = OrderedParallelMap.map(jobs) { job throws(Never) -> Result<SchemaGraph, DiagnosticsError> in
                guard !job.files.isEmpty else { return .success(SchemaGraph(documents: [], schemas: [], warnings: [])) }
                do throws(DiagnosticsError) {
                    return .success(try SchemaLoader(options: job.options).load(files: job.files, workingDirectory: job.workingDirectory))
                } catch {
                    // A git base's files are named `REV:path`, as its findings are, not like the working tree's.
                    return .failure(DiagnosticsError(error.diagnostics.map(job.labelled)))
                }
            }
            // An error two loads meet in the same file (a `--ref-map` folder, read from the working tree for the head and
            // every base folder; one folder given as head and base) is one error: said once. The same problem in two
            // files (the head's and a base's copy) is two.
            var seen: Set<Diagnostic> = []
            let failures = (headProblems + loaded.flatMap { result -> [Diagnostic] in
                if case .failure(let error) = result { return error.diagnostics }
                return []
            }).filter { seen.insert($0).inserted }
            guard failures.isEmpty else { throw DiagnosticsError(failures) }
            graphs = loaded.compactMap { try? $0.get() }
        } catch {
            // Contracts that do not load: the errors go to standard error as always, and the requested reports
            // (other than text on standard output) still get written, naming them. The HTML report needs both sides.
            guard format != .findings(.text) || !reports.isEmpty else { throw error }
            let findingReports = reports.compactMap { report -> ReportArguments.Report<LintOutputFormat>? in
                if case .findings(let kind) = report.format { return ReportArguments.Report(format: kind, file: report.file, option: report.option) }
                return nil
            }
            let kind: LintOutputFormat = if case .findings(let kind) = format { kind } else { .text }
            try ReportArguments.writeLoadFailure(error, command: "diff", format: kind, reports: findingReports, catalog: LintCatalog([]),
                                                 console: console, workingDirectory: workingDirectory)
            // The HTML report says nothing was compared, rather than leaving an earlier run's page in place.
            for report in reports where report.format == .html {
                try ReportArguments.write(CompatibilityHTMLReport.renderLoadFailure(error.diagnostics, bases: jobs.dropFirst().map(\.shown), today: today),
                                          to: SchemaLoader.absolutePath(report.file, relativeTo: workingDirectory), shown: report.file)
            }
            if format == .html {
                console.outDocument(CompatibilityHTMLReport.renderLoadFailure(error.diagnostics, bases: jobs.dropFirst().map(\.shown), today: today))
            }
            return .inputProblems
        }
        try ReportArguments.checkDestinations(destinations, loaded: graphs.flatMap { $0.documents.map(\.path) }, workingDirectory: workingDirectory)
        // Pairing keys of plain files: their path inside the folder each side was given as.
        let folders = Set(pairingFolders).sorted { $0.count > $1.count }  // the deepest folder holding a file names it
        var keys: [String: String] = [:]
        for graph in graphs {
            // Plain schema files pair by this key; a contract whose major moved in place is found by it too.
            for document in graph.documents {
                if let folder = folders.first(where: { document.path.hasPrefix($0 + "/") }) {
                    keys[document.path] = String(document.path.dropFirst(folder.count + 1))
                }
            }
        }
        // A base file given against the head file takes the head file's own key (its path inside the head's root), which
        // no other head document has.
        for pair in pairedFiles {
            if let head = graphs.first?.documents.first(where: { $0.path == pair.head }) { keys[pair.base] = head.rootRelativePath }
        }
        let head = graphs[0]
        // The head's load warnings, and the numbers out of range, unknown keys and method rules a base was read with (why
        // a value there is not compared); a base's other warnings are the older version's, not the head's to answer for.
        let loadWarnings = head.warnings + zip(graphs, jobs).dropFirst().flatMap { graph, job in
            graph.warnings.filter { $0.code.map(LoaderOptions.adjustableCodes.contains) == true }.map(job.labelled)
        }
        for warning in loadWarnings { console.err(DiagnosticFormatter.format(warning)) }
        let baseGraphs = zip(graphs, jobs).dropFirst().map { (graph: $0, revision: $1.revision, name: $1.name) }

        let differ = ContractDiffer()
        let newest = baseGraphs[0]
        if let warning = Self.baseOrderWarning(baseGraphs.map { ($0.name, $0.graph) }) { console.err(warning) }
        let transitive: Set<CompatibilityMode> = [.backwardTransitive, .forwardTransitive, .fullTransitive]
        // Older bases count only for contracts whose policy is transitive, and only for their data: a schema change
        // must be compatible with every kept version, as Schema Registry's transitive modes ask; an interface change
        // (an SLA, auth) is between neighbouring versions. The policy in force is the newest base's.
        let modes = Dictionary(newest.graph.documents.compactMap { document in
            document.contract.map { ("\($0.name) v\($0.version.major)", $0.compatibility) }
        }, uniquingKeysWith: { first, _ in first })
        // A change is named by its check, contract and place — not its message, whose values depend on the base
        // (`maxLength 8 → 5` against the newest, `10 → 5` against an older one: one edit) or on the head (what a
        // folded change lists). A place in a base is taken inside the folder given for it, so the same removal in two
        // bases is the same change.
        func place(of change: Change, base: String) -> [String] {
            var file = change.location.file
            if change.side == .base, file.hasPrefix(base + "/") { file.removeFirst(base.count + 1) }
            if change.side == .head { file = "" }  // the head's place: the same in every comparison with it
            return [change.checkID, change.contract, change.location.pointer.description, file]
        }
        let newestChanges = baseGraphs.count > 1 ? differ.diff(base: newest.graph, head: head, keys: keys).changes : []
        var reported = Set(newestChanges.map { place(of: $0, base: newest.name) })
        var carried: [Change] = []
        for older in baseGraphs.dropFirst() {
            // What the newest base already had against this one predates the head: not the head's to answer for.
            let predating = Set(differ.diff(base: older.graph, head: newest.graph, keys: keys).changes.map { place(of: $0, base: older.name) })
            for change in differ.diff(base: older.graph, head: head, keys: keys).changes
            where change.checkID != VersionGateCheck.id && differ.catalog.check(change.checkID)?.category == .schema
                && modes[change.contract].flatMap({ $0 }).map(transitive.contains) == true
                && !predating.contains(place(of: change, base: older.name)) && !reported.contains(place(of: change, base: older.name))
            {
                reported.insert(place(of: change, base: older.name))
                var change = change
                change.message += " (against \(older.name))"
                if change.side == .base { change.location.revision = older.revision }
                carried.append(change)
            }
        }
        // The changes against older bases count in each contract's version verdict, as those against the newest do.
        var result = differ.diff(base: newest.graph, head: head, keys: keys, carried: carried)

        // A place in a git base is that revision's file (a contract deleted since is in no other).
        for index in result.changes.indices where result.changes[index].side == .base && result.changes[index].location.revision == nil {
            result.changes[index].location.revision = newest.revision
        }
        result.changes = ContractDiffer.ordered(result.changes, versions: result.versions)
        let report = DiffReport.findings(result, files: head.documents.map(\.displayPath),
                                         bases: jobs.dropFirst().map { ($0.name, $0.commit) }, today: today, loadWarnings: loadWarnings)
        /// The report in `format`; `quiet` (standard output under `--quiet`) leaves the text's summary and version lines out
        /// (a version that did not move far enough is a `version-gate` change above them).
        func render(_ format: Format, quiet: Bool = false) -> String {
            switch format {
            case .html:
                return CompatibilityHTMLReport.render(result, head: head, bases: jobs.dropFirst().map(\.shown), today: today,
                                                      linter: Linter(configuration: lintConfiguration, today: today), warnings: loadWarnings)
            case .findings(.markdown):
                // The pull-request comment opens with the verdict, what was compared and what each contract's version
                // needs, so a comment cut to GitHub's size keeps them.
                return LintMarkdownOutput.render(report, preamble: DiffReport.markdownPreamble(result, bases: jobs.dropFirst().map(\.shown), today: today,
                                                                                                 warnings: loadWarnings))
            case .findings(.text):
                if quiet { return LintTextOutput.render(report, summary: false) }
                let lines = DiffReport.versionLines(result)
                return LintTextOutput.render(report) + (lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
            case .findings(let kind):
                return LintOutputFormat.render(report, as: kind, catalog: LintCatalog([]))
            }
        }
        for entry in reports {
            try ReportArguments.write(render(entry.format), to: SchemaLoader.absolutePath(entry.file, relativeTo: workingDirectory), shown: entry.file)
        }
        console.outDocument(render(format, quiet: arguments.flags.contains("quiet")))
        if !freesResults { ProcessLifetime.keep((graphs, result, report)) }
        return report.fails(at: failOn) ? .inputProblems : .success
    }
}

/// One contract set for `charter diff` to load: the head or a base.
private struct LoadJob: Sendable {
    var files: [String]
    var options: LoaderOptions
    var workingDirectory: String
    /// The git revision of a `--base-ref` base, which its files' locations carry; nil for the head and folders.
    var revision: String?
    /// How the base is named in changes found against it (`(against HEAD~1)`).
    var name: String
    /// How the HTML report names it: a git base with its commit, `origin/main (commit 1a2b3c4d5e6f)`.
    var shown: String
    /// A git base's commit (full hash).
    var commit: String?

    /// `diagnostic` with its places in ``revision``'s files.
    func labelled(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let revision else { return diagnostic }
        var diagnostic = diagnostic
        diagnostic.location?.revision = revision
        diagnostic.related = diagnostic.related.map { var place = $0; place.revision = revision; return place }
        return diagnostic
    }
}

extension DiffCommand {
    /// The folder that plays the head root's part for a base laid out like the head: `/old` for the base `/old/Schemas/orders`
    /// against the head `Schemas/orders` under the root `/repo`. Nil when the base does not end with the head's path
    /// inside its root, or the head is the root itself.
    static func mirroredRoot(base: String, head: String, headRoot: String) -> String? {
        guard head.hasPrefix(headRoot + "/") else { return nil }
        let inside = String(head.dropFirst(headRoot.count))  // `/Schemas/orders`
        guard base.hasSuffix(inside), base.count > inside.count else { return nil }
        return String(base.dropLast(inside.count))
    }

    /// A warning when the bases look given oldest first (they are meant newest first): a later base holds a newer
    /// version of a contract than the first one does, so the gate would judge the head against the older. Nil otherwise.
    static func baseOrderWarning(_ bases: [(name: String, graph: SchemaGraph)]) -> String? {
        guard let first = bases.first else { return nil }
        func versions(_ graph: SchemaGraph) -> [String: SemanticVersion] {
            Dictionary(graph.documents.compactMap { document in document.contract.map { ("\($0.name) v\($0.version.major)", $0.version) } },
                       uniquingKeysWith: { first, _ in first })
        }
        let newest = versions(first.graph)
        for base in bases.dropFirst() {
            for (contract, version) in versions(base.graph).sorted(by: { $0.key < $1.key }) {
                guard let known = newest[contract], known < version else { continue }
                return "warning: --base \(base.name) has \(contract) \(version), newer than --base \(first.name)'s \(known): bases are listed newest first, "
                    + "and the head's version is judged against the first"
            }
        }
        return nil
    }
}
