import Foundation
import PackagePlugin

/// What the command plugins do: for each selected target with contracts, run `charter` with arguments
/// made from the target's plan, let its output through, and stop with its exit code when it fails.
enum CommandPluginRunner {
    /// Runs `tool` (`charter`, or `charter-generate` for `generate`: the same command line without lint and
    /// diff, quicker to build) once per target. `--target NAME` (repeatable) selects targets; without it every
    /// target with contracts is used and those without are skipped (a target whose `charter.json` is wrong is not:
    /// that is an error). Every target runs even when one fails, and the command fails with the first failure's
    /// exit code, naming every failed target. The remaining `arguments` are passed on unchanged. `--help` prints the
    /// plugin's help as run by `invocation`, then `charter command --help`, and runs nothing else. `check` runs on every
    /// selected target's plan before `charter` runs for any: when it throws for some, the command stops with all their
    /// errors, one after another, and runs nothing.
    static func run(
        context: PluginContext, tool: String = "charter", arguments: [String], command: String, invocation: String,
        check: (CharterTargetPlan, SourceModuleTarget) throws -> Void = { _, _ in },
        charterArguments: (CharterTargetPlan, SourceModuleTarget) -> [String]
    ) throws {
        if CommandPluginArguments.wantHelp(arguments) {
            // The plugin's own help, then the options it passes on: `charter --help` alone would describe a command line
            // with other defaults and without --target.
            print(CommandPluginArguments.help(invocation: invocation, command: command))
            let process = Process()
            process.executableURL = try context.tool(named: tool).url
            process.arguments = [command, "--help"]
            try process.run()
            process.waitUntilExit()
            return
        }
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let passthrough = extractor.remainingArguments
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let charter = try context.tool(named: tool)
        var planned: [(target: SourceModuleTarget, plan: CharterTargetPlan)] = []
        for case let target as SourceModuleTarget in targets {
            do {
                planned.append((target, try CharterTargetPlan(targetName: target.name, directory: target.directoryURL, packageDirectory: context.package.directoryURL)))
            } catch let error as CharterPluginError where names.isEmpty && error.isNoContracts {
                continue  // Without --target, targets without contracts are skipped.
            } catch let error as CharterPluginError where error.invalidConfiguration != nil {
                // As the build plugin does: `charter generate` reports charter.json's problems with line:column and pointer.
                let process = Process()
                process.executableURL = charter.url
                process.arguments = CharterTargetPlan.configurationCheckArguments(error.invalidConfiguration!, output: context.pluginWorkDirectoryURL)
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus != 0 else { throw error }
                exit(process.terminationStatus)
            }
        }
        // One run per target: a report file or a one-document format would not hold every target's findings.
        if let problem = CommandPluginArguments.perTargetProblem(passthrough, targets: planned.map(\.target.name)) {
            throw CharterPluginError(description: problem)
        }
        let problems = planned.compactMap { target, plan -> String? in
            do { try check(plan, target); return nil } catch { return String(describing: error) }
        }
        if !problems.isEmpty { throw CharterPluginError(description: problems.joined(separator: "\n")) }
        var ran = 0
        var failed: [(target: String, status: Int32)] = []
        for (target, plan) in planned {
            if let heading = CommandPluginArguments.heading(command: command, target: target.name, targets: planned.count, arguments: passthrough) {
                FileHandle.standardOutput.write(Data((heading + "\n").utf8))
            }
            let process = Process()
            process.executableURL = charter.url
            process.arguments = [command] + plan.contracts.map(\.path) + charterArguments(plan, target) + passthrough
            try process.run()
            process.waitUntilExit()
            ran += 1
            if process.terminationStatus != 0 {
                Diagnostics.error("charter \(command) failed for target '\(target.name)' (exit code \(process.terminationStatus))")
                failed.append((target.name, process.terminationStatus))
            }
        }
        if ran == 0 {
            throw CharterPluginError(description: "no target with contracts" + (names.isEmpty ? "" : " among \(names.joined(separator: ", "))"))
        }
        if let first = failed.first {
            if failed.count > 1 { Diagnostics.error("charter \(command) failed for \(failed.count) targets: \(failed.map(\.target).joined(separator: ", "))") }
            exit(first.status)
        }
    }
}
