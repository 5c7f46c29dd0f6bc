import Foundation
import PackagePlugin

/// The names ``CharterTargetPlan/checkExternalModules(targetModule:importableModules:targetsByModule:)`` decides over,
/// as SwiftPM gives them: one gathering for the build plugin and the command plugin.
extension CharterTargetPlan {
    /// Stops the plan when `target` cannot import a module its `"externalContracts"` name: its own module, the modules
    /// of every target it depends on (directly, transitively or through a product), and the targets of `package` by
    /// module, so that the advice names the target to depend on.
    func checkExternalModules(of target: SourceModuleTarget, in package: Package) throws {
        try checkExternalModules(
            targetModule: target.moduleName,
            importableModules: target.recursiveTargetDependencies.map(Self.moduleName(of:)),
            targetsByModule: Dictionary(package.targets.map { (Self.moduleName(of: $0), $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The module a target builds: a source target's `moduleName` (`Retail-Common` builds `Retail_Common`), else its name.
    private static func moduleName(of target: Target) -> String {
        (target as? SourceModuleTarget)?.moduleName ?? target.name
    }
}
