import Foundation
import PackagePlugin

/// The command plugin, for teams who check generated code in:
///
///     swift package --allow-writing-to-package-directory charter generate [--target NAME]... [charter options]
///
/// For each selected target with contracts, runs `charter <command>` on its contracts with the
/// target's `charter.json` settings; `generate` writes into the target's folder (`Generated/` unless
/// charter.json says `output`). Other options are passed to `charter` unchanged, and `charter`'s
/// exit code decides success. Adding a command (lint, diff) is one entry in `commands`.
@main
struct CharterCommand: CommandPlugin {
    /// Subcommands and whether they write generated files into the target.
    static let commands: [String: Bool] = ["generate": true]

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard let command = arguments.first, let writes = Self.commands[command] else {
            throw CharterPluginError(description: "usage: swift package charter <\(Self.commands.keys.sorted().joined(separator: "|"))> [--target NAME]... [charter options]")
        }
        var extractor = ArgumentExtractor(Array(arguments.dropFirst()))
        let names = extractor.extractOption(named: "target")
        let passthrough = extractor.remainingArguments
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let charter = try context.tool(named: "charter")
        var ran = 0
        for case let target as SourceModuleTarget in targets {
            let plan: CharterTargetPlan
            do {
                plan = try CharterTargetPlan(targetName: target.name, directory: target.directoryURL, packageDirectory: context.package.directoryURL)
            } catch where names.isEmpty {
                continue  // Without --target, targets without contracts are skipped.
            }
            var charterArguments = [command] + plan.contracts.map(\.path) + plan.commonArguments
            if writes {
                charterArguments += ["--output", target.directoryURL.appendingPathComponent(plan.configuration.output ?? "Generated").path]
            }
            charterArguments += passthrough
            let process = Process()
            process.executableURL = charter.url
            process.arguments = charterArguments
            try process.run()
            process.waitUntilExit()
            ran += 1
            guard process.terminationStatus == 0 else {
                Diagnostics.error("charter \(command) failed for target '\(target.name)' (exit code \(process.terminationStatus))")
                exit(process.terminationStatus)
            }
        }
        if ran == 0 {
            throw CharterPluginError(description: "no target with contracts" + (names.isEmpty ? "" : " among \(names.joined(separator: ", "))"))
        }
    }
}
