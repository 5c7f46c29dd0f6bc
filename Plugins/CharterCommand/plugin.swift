import Foundation
import PackagePlugin

/// The command plugin, for teams who check generated code in:
///
///     swift package --allow-writing-to-package-directory charter generate [--target NAME]... [charter options]
///
/// For each selected target with contracts, runs `charter generate` on its contracts with the target's
/// `charter.json` settings, writing into the target's folder (`Generated/` unless charter.json says
/// `output`). A target that does not depend on a module its `"externalContracts"` name stops the command
/// before anything is generated, as it stops the build plugin. Other options are passed to `charter`
/// unchanged, and `charter`'s exit code decides success.
/// Linting, which writes nothing, is the `charter-lint` plugin (no write permission to ask for).
@main
struct CharterCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard arguments.first == "generate" else {
            throw CharterPluginError(description: "usage: swift package charter generate [--target NAME]... [charter options] (for lint: swift package charter-lint)")
        }
        try CommandPluginRunner.run(
            context: context, tool: "charter-generate", arguments: Array(arguments.dropFirst()), command: "generate",
            invocation: "swift package --allow-writing-to-package-directory charter generate",
            // As the build plugin does: a module named in "externalContracts" must be one the target depends on.
            check: { plan, target in try plan.checkExternalModules(of: target, in: context.package) }
        ) { plan, target in
            plan.commonArguments + plan.allExternalArguments + plan.checkedInPartArguments + ["--output", CharterTargetPlan.resolve(plan.configuration.output ?? "Generated", in: target.directoryURL).path]
        }
    }
}
