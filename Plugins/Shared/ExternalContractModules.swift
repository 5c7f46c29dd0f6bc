import Foundation

/// Whether a target can import the modules its `"externalContracts"` name, and which dependency to add when it cannot.
/// The plugins gather the names from SwiftPM (the target's own module, those of every target it depends on, directly,
/// transitively or through a product, and which of the package's targets builds which module); the decision is made
/// here, over names only, so that it is tested without SwiftPM.
extension CharterTargetPlan {
    /// Why a target whose own module is `targetModule`, and which can import `importableModules`, cannot import
    /// `module`; nil when it can. `targetsByModule` maps the module of each of the package's targets to the target's
    /// name (`Retail_Common` → `Retail-Common`), so that the advice names the target to depend on; a module it lacks is
    /// built by another package's product. SwiftPM may still build such a target while `module` happens to be built
    /// first, but a clean build fails in the generated code (`no such module`), so the plan stops before.
    static func externalModuleProblem(
        module: String, targetModule: String, importableModules: [String], targetsByModule: [String: String]
    ) -> ExternalModuleProblem? {
        if module == targetModule { return .ownModule }
        return importableModules.contains(module) ? nil : .notADependency(target: targetsByModule[module])
    }

    /// Stops the plan when an `"externalContracts"` entry names a module the target cannot import
    /// (``externalModuleProblem(module:targetModule:importableModules:targetsByModule:)``): one line per such module,
    /// naming `charter.json`, the keys and the module, and what to add to `Package.swift` — `.target(name:)` with the
    /// name of the package's target that builds the module, else the `.product(name:package:)` that holds it.
    func checkExternalModules(targetModule: String, importableModules: [String], targetsByModule: [String: String]) throws {
        var keys: [String: [String]] = [:]
        for entry in configuration.externalContractEntries { keys[entry.module, default: []].append(entry.key) }
        let file = (configurationFile ?? directory.appendingPathComponent(CharterConfiguration.fileName)).path
        let lines = keys.keys.sorted().compactMap { module -> String? in
            guard let problem = Self.externalModuleProblem(
                module: module, targetModule: targetModule, importableModules: importableModules, targetsByModule: targetsByModule)
            else { return nil }
            let names = keys[module, default: []]
            let named = "externalContracts: " + names.map { "\"\($0)\"" }.joined(separator: ", ") + (names.count == 1 ? " is" : " are") + " generated in module \(module)"
            let missing = "\(file): target '\(targetName)': \(named), which the target does not depend on (directly, through another target or through a product): "
            let cleanBuild = "; without it a clean build fails with \"no such module '\(module)'\""
            switch problem {
            case .ownModule:
                return "\(file): target '\(targetName)': \(named), which is this target's own module: a target cannot import itself; remove the entry to generate the contract here"
            case .notADependency(let target?):
                return missing + "add .target(name: \"\(target)\") to the dependencies of target '\(targetName)' in Package.swift" + cleanBuild
            case .notADependency(nil):
                return missing + "no target of this package builds \(module), so add the .product(name:package:) that holds it "
                    + "to the dependencies of target '\(targetName)' in Package.swift" + cleanBuild
            }
        }
        if !lines.isEmpty { throw CharterPluginError(description: lines.joined(separator: "\n")) }
    }
}

/// Why a target cannot import the module of an `"externalContracts"` entry.
enum ExternalModuleProblem: Equatable {
    /// The module is the target's own: the contract's code would be generated nowhere.
    case ownModule
    /// The target depends on no target or product that gives the module. `target` is the package's target that builds
    /// it (its name, which may differ from the module's), nil when none does (another package's product holds it).
    case notADependency(target: String?)
}
