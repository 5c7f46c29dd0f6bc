import Foundation
import PackagePlugin

/// The build-tool plugin: generates Swift for a target's contracts at build time, one command per
/// contract file (and per file its `$ref`s reach), each with exact inputs and outputs (one file, or
/// several for a large contract: `filesPerContract`), so a no-op build runs nothing and editing one contract regenerates only
/// what depends on it.
@main
struct CharterGenerator: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        // `charter` without lint and diff: the tool a consumer's cold build compiles first.
        let charter = try context.tool(named: "charter-generate")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources")
        let plan: CharterTargetPlan
        do {
            plan = try CharterTargetPlan(
                targetName: target.name, directory: target.directoryURL, packageDirectory: context.package.directoryURL)
        } catch let error as CharterPluginError {
            // A problem in charter.json: `charter generate` reports it with line:column and JSON pointer, once (a
            // planning error would have neither, and SwiftPM prints those twice).
            guard let file = error.invalidConfiguration else { throw error }
            return [.buildCommand(
                displayName: "Charter: checking \(file.lastPathComponent) of \(target.name)",
                executable: charter.url,
                arguments: CharterTargetPlan.configurationCheckArguments(file, output: output),
                // The target's JSON files too, as in a plan that generates: SwiftPM would otherwise warn that the
                // contracts are unhandled files, on top of the error.
                inputFiles: [file] + target.sourceFiles(withSuffix: "json").map(\.url).filter { $0 != file },
                outputFiles: [output.appendingPathComponent(CharterTargetPlan.configurationCheckOutput)])]
        }
        // A module named in "externalContracts" must be one the target depends on, or a clean build fails in generated code.
        try plan.checkExternalModules(of: target, in: context.package)
        let inputs = (plan.configurationFile.map { [$0] } ?? []) + plan.templateFiles
        // One command per contract given in several majors, for its version adapters (types of all of them).
        let adapters: [Command] = plan.adapterUnits.map { unit in
            .buildCommand(
                displayName: "Charter: generating \(unit.outputName) for \(plan.targetName)",
                executable: charter.url,
                arguments: ["generate"] + unit.sources.map(\.path) + ["--output", output.path, "--adapters-file", unit.outputName, "--quiet"]
                    + plan.commonArguments + plan.externalArguments(of: unit.sources) + plan.planArguments,
                inputFiles: unit.sources + unit.dependencies + inputs,
                outputFiles: [output.appendingPathComponent(unit.outputName)])
        }
        return adapters + plan.units.map { unit in
            .buildCommand(
                displayName: "Charter: generating \(unit.outputName) from \(unit.source.lastPathComponent) for \(plan.targetName)",
                executable: charter.url,
                arguments: ["generate", unit.source.path, "--output", output.path, "--file-name", unit.outputName, "--quiet"]
                    + plan.commonArguments + plan.externalArguments(of: [unit.source]) + plan.partArguments(of: unit) + plan.planArguments,
                inputFiles: [unit.source] + unit.dependencies + inputs,
                outputFiles: plan.outputNames(of: unit).map { output.appendingPathComponent($0) })
        }
    }
}
