import Foundation

/// `charter generate`: contracts in, one Swift file per contract major version out (or `--files-per-contract`
/// files each).
public struct GenerateCommand {
    /// The subcommand, for ``CommandLineTool``.
    public static let subcommand = Subcommand(spec: spec) { arguments, environment in
        try GenerateCommand(console: environment.console, workingDirectory: environment.workingDirectory, freesResults: environment.freesResults)
            .run(arguments)
    }

    static let spec = CommandSpec(
        name: "generate",
        summary: "Generate Swift models for JSON Schema contracts.",
        positional: "PATH...",
        positionalHelp: "Contract files, folders (searched for *.json) or quoted glob patterns ('Schemas/**/*-v2.json'). Default: Schemas",
        options: [
            OptionSpec("output", short: "o", value: "DIR", help: "Folder for the generated files. Default: Generated"),
            OptionSpec("templates", value: "DIR", help: "Folder of *.mustache files overriding templates by name."),
            OptionSpec("access", value: "LEVEL", help: "Access level: public, package or internal. Default: public"),
            OptionSpec("mutable-properties", help: "Struct properties are var (settable), not let."),
            OptionSpec("files-per-contract", value: "N", help: "Split each contract's code into N files that compile in parallel (1-64), or 'auto': one per 20 top-level types, at most 4, and at most an equal share of 8 files. Default: 1"),
            OptionSpec("emit", value: "LIST", help: "What to generate, comma-separated: models, events, client, provider, adapters. Default: all (models always)"),
            OptionSpec("external-contract", value: "NAME[@MAJOR]=MODULE", repeatable: true, help: "The contract NAME (its x-contract name, else its title or file stem; @MAJOR: only that major) is generated in MODULE: import it instead of generating it (MODULE generated with --access public)."),
            OptionSpec("file-name", value: "NAME", hidden: true, help: "Write the single input's code to DIR/NAME only, its parts to STEM+Part2.swift and on."),
            OptionSpec("adapters-file", value: "NAME", hidden: true, help: "Write only the version adapters of the inputs (majors of one contract) to DIR/NAME."),
            OptionSpec("planned-input", value: "PATH", repeatable: true, hidden: true, help: "A file the build plan expects the inputs to reach; reaching another is an error asking for a new plan."),
            OptionSpec("planned-config", value: "PATH=DIGEST", hidden: true, help: "The charter.json the build was planned from and its digest; a changed file is an error asking for a new plan."),
            .quiet(),
        ] + LoaderArguments.options,
        discussion: """
            Files are written atomically and only when their content changes; files in the output folder
            that Charter did not write are never touched (see .charter-manifest.json there). Files an earlier
            run wrote there and this one does not are removed as stale, so give each set of inputs its own folder.
            --external-contract common=RetailCommon: contract common's types are declared by module RetailCommon
            (generated from common's file alone, with --access public); the contracts that $ref them use them from
            there, and every generated file imports RetailCommon. A file without an x-contract identity is named by its
            title, else its file name without .schema.json or .json. A name that matches no contract of the run, or
            both an x-contract contract and a file without one, is an error.
            Exit codes: 0 success, 1 problems in the contracts, 2 usage or tool errors.
            """)

    let console: Console
    let workingDirectory: String
    /// See ``CommandLineTool/freesResults``.
    var freesResults = true

    func run(_ arguments: ParsedArguments) throws -> ExitCode {
        // First: the build plugin's options come from this charter.json, whose problems are reported in its terms.
        if let planned = arguments.value("planned-config") {
            let errors = PluginPlanCheck.configErrors(planned, workingDirectory: workingDirectory)
            if !errors.isEmpty { throw DiagnosticsError(errors) }
        }
        var options = GenerationOptions()
        if let access = arguments.value("access") {
            guard let level = SwiftAccessLevel(rawValue: access) else {
                throw UsageError("--access must be public, package or internal, not '\(access)'")
            }
            options.swift.accessLevel = level
        }
        options.swift.mutableProperties = arguments.flags.contains("mutable-properties")
        if let text = arguments.value("files-per-contract") {
            if text == "auto" {
                options.swift.automaticFilesPerContract = true
            } else {
                guard let count = Int(text), (1...SwiftOptions.maximumFilesPerContract).contains(count) else {
                    throw UsageError("--files-per-contract must be a whole number from 1 to \(SwiftOptions.maximumFilesPerContract) or auto, not '\(text)'")
                }
                options.swift.filesPerContract = count
            }
        }
        if let text = arguments.value("emit") {
            var emit: Set<SwiftOutput> = []
            for item in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if item == "models" { continue }
                guard let output = SwiftOutput(rawValue: item) else {
                    throw UsageError("--emit takes models, events, client, provider and adapters, comma-separated, not '\(item)'")
                }
                emit.insert(output)
            }
            options.swift.emit = emit
        }
        for text in arguments.values["external-contract"] ?? [] {
            let external = try ExternalContract.parse(text)
            if let other = options.swift.externalContracts.first(where: external.overlaps) {
                throw UsageError("--external-contract \(external.argument) and \(other.argument) both name contract \(external.name)\(external.major.map { " v\($0)" } ?? "")")
            }
            options.swift.externalContracts.append(external)
        }
        options.loader = try LoaderArguments.loaderOptions(arguments, workingDirectory: workingDirectory)
        options.templateDirectory = arguments.value("templates").map { SchemaLoader.absolutePath($0, relativeTo: workingDirectory) }
        let inputs = arguments.positionals.isEmpty ? ["Schemas"] : arguments.positionals
        let output = SchemaLoader.absolutePath(arguments.value("output") ?? "Generated", relativeTo: workingDirectory)

        let files = try InputCollector.collect(inputs, workingDirectory: workingDirectory)
        let canonicalOutput = DiskFileSource().canonicalPath(output)
        for file in files {
            let path = DiskFileSource().canonicalPath(SchemaLoader.absolutePath(file, relativeTo: workingDirectory))
            if SchemaLoader.isInside(path, directory: canonicalOutput) {
                throw UsageError("output folder \(arguments.value("output") ?? "Generated") contains the input \(file); choose another --output")
            }
        }
        let fileName = arguments.value("file-name")
        if let fileName {
            guard files.count == 1 else { throw UsageError("--file-name needs exactly one input file, got \(files.count)") }
            guard !options.swift.automaticFilesPerContract else {
                throw UsageError("--file-name needs --files-per-contract as a number, not auto: its caller names every file beforehand")
            }
            guard OutputWriter.isPlainFileName(fileName), fileName.hasSuffix(".swift") else {
                throw UsageError("--file-name must be a plain *.swift file name, not '\(fileName)'")
            }
            options.swift.emitReferencedFiles = false
        }
        let adaptersFile = arguments.value("adapters-file")
        if let adaptersFile {
            guard fileName == nil else { throw UsageError("--adapters-file and --file-name cannot be combined") }
            guard OutputWriter.isPlainFileName(adaptersFile), adaptersFile.hasSuffix(".swift") else {
                throw UsageError("--adapters-file must be a plain *.swift file name, not '\(adaptersFile)'")
            }
            options.swift.namespaceFiles = false
            options.swift.emit.insert(.adapters)
        }
        let result = try GenerationPipeline(options: options).run(files: files, workingDirectory: workingDirectory)
        if let planned = arguments.values["planned-input"] {
            // An external contract's file is read, not generated: no command of the plan needs to generate it.
            let generated = result.module.namespaces.filter { options.swift.externalContracts.module(of: $0) == nil }
            let unplanned = PluginPlanCheck.unplanned(reached: generated.map(\.file), planned: planned + files, workingDirectory: workingDirectory)
            if !unplanned.isEmpty {
                throw DiagnosticsError([.error(
                    "\(files.joined(separator: ", ")) now reach\(files.count == 1 ? "es" : "") \(unplanned.joined(separator: ", ")) through $ref, which no command of this build's plan generates: \(PluginPlanCheck.replan); \(PluginPlanCheck.listIt)",
                    code: "plugin.stale-plan")])
            }
        }
        for warning in result.warnings { console.err(DiagnosticFormatter.format(warning)) }
        let report: WriteReport
        if let fileName {
            // The one input's parts, under the names the build plugin declared (NAME, STEM+Part2.swift, ...).
            guard result.files.count == options.swift.filesPerContract else {
                throw DiagnosticsError([.error(
                    "generated \(result.files.count) files for \(files[0]), expected \(options.swift.filesPerContract) (--file-name)",
                    code: "output.unexpected-files")])
            }
            report = try OutputWriter(directory: output).writeUnlisted(result.files.enumerated().map { index, file in
                GeneratedFile(name: SwiftFileParts.fileName(fileName, part: index + 1), utf8: file.utf8)
            })
        } else if let adaptersFile {
            // The inputs' adapters under the one name the build plugin declared.
            guard result.files.count == 1 else {
                throw DiagnosticsError([.error(
                    "--adapters-file needs two or more major versions of one contract, got \(files.count) file\(files.count == 1 ? "" : "s") giving \(result.files.count) adapter files",
                    code: "output.unexpected-files")])
            }
            report = try OutputWriter(directory: output).writeUnlisted([GeneratedFile(name: adaptersFile, utf8: result.files[0].utf8)])
        } else {
            report = try OutputWriter(directory: output).write(result.files)
        }
        if !arguments.flags.contains("quiet") {
            var summary = "Generated \(result.files.count) file\(result.files.count == 1 ? "" : "s") in \(arguments.value("output") ?? "Generated")"
            summary += " (\(report.written.count) written, \(report.unchanged.count) unchanged"
            summary += report.removed.isEmpty ? ")" : ", \(report.removed.count) stale removed)"
            console.out(summary)
        }
        for kept in report.keptForeign {
            console.err("warning: \(kept) is listed in \(OutputWriter.manifestName) but no longer starts with Charter's header: left in place (remove it by hand if it is stale)")
        }
        if !freesResults { ProcessLifetime.keep(result) }
        return .success
    }
}
