import Foundation
import PackagePlugin

/// The diff command plugin:
///
///     swift package charter-diff --base-ref origin/main [--target NAME]... [charter diff options]
///
/// For each selected target with contracts, runs `charter diff` with the target's contracts as the head and
/// the options given (a base is required: `--base-ref REV` or `--base PATH`). It writes nothing unless asked
/// to (`--report`), so it needs no permission; `charter diff`'s exit code decides success.
@main
struct CharterDiff: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        try CommandPluginRunner.run(context: context, arguments: arguments, command: "diff", invocation: "swift package charter-diff") { plan, _ in plan.loaderArguments }
    }
}
