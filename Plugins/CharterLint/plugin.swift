import Foundation
import PackagePlugin

/// The lint command plugin:
///
///     swift package charter-lint [--target NAME]... [charter lint options]
///
/// For each selected target with contracts, runs `charter lint` on its contracts with the target's
/// `charter.json` (its `"lint"` object configures the rules). Other options (`--format`, `--fail-on`, …)
/// are passed to `charter lint` unchanged, and its exit code decides success. It writes nothing unless
/// asked to (`--report`, `--write-baseline`), so it needs no permission.
@main
struct CharterLint: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try CommandPluginRunner.run(context: context, arguments: arguments, command: "lint", invocation: "swift package charter-lint") { plan, _ in plan.lintArguments }
    }
}
