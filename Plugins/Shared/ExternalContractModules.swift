import Foundation

/// Whether a target can import the modules its `"externalContracts"` name. The build plugin gathers the module names
/// from SwiftPM (the target's own, and those of every target it depends on, directly, transitively or through a
/// product); the decision is made here, over names only, so that it is tested without SwiftPM.
extension CharterTargetPlan {
    /// Why a target whose own module is `targetModule`, and which can import `importableModules`, cannot import
    /// `module`; nil when it can. SwiftPM may still build such a target while `module` happens to be built first, but a
    /// clean build fails in the generated code (`no such module`), so the plan stops before.
    static func externalModuleProblem(module: String, targetModule: String, importableModules: [String]) -> ExternalModuleProblem? {
        if module == targetModule { return .ownModule }
        return importableModules.contains(module) ? nil : .notADependency
    }

    /// Stops the plan when an `"externalContracts"` entry names a module the target cannot import
    /// (``externalModuleProblem(module:targetModule:importableModules:)``): one line per such module, naming
    /// `charter.json`, the keys and the module, and what to add to `Package.swift`.
    func checkExternalModules(targetModule: String, importableModules: [String]) throws {
        var keys: [String: [String]] = [:]
        for entry in configuration.externalContractEntries { keys[entry.module, default: []].append(entry.key) }
        let file = (configurationFile ?? directory.appendingPathComponent(CharterConfiguration.fileName)).path
        let lines = keys.keys.sorted().compactMap { module -> String? in
            guard let problem = Self.externalModuleProblem(module: module, targetModule: targetModule, importableModules: importableModules)
            else { return nil }
            let names = keys[module, default: []]
            let named = "externalContracts: " + names.map { "\"\($0)\"" }.joined(separator: ", ") + (names.count == 1 ? " is" : " are") + " generated in module \(module)"
            switch problem {
            case .ownModule:
                return "\(file): target '\(targetName)': \(named), which is this target's own module: a target cannot import itself; remove the entry to generate the contract here"
            case .notADependency:
                return "\(file): target '\(targetName)': \(named), which the target does not depend on (directly, through another target or through a product): "
                    + "add .target(name: \"\(module)\") to the dependencies of target '\(targetName)' in Package.swift "
                    + "(or the .product(name:package:) that holds \(module), when another package declares it); without it a clean build fails with \"no such module '\(module)'\""
            }
        }
        if !lines.isEmpty { throw CharterPluginError(description: lines.joined(separator: "\n")) }
    }
}

/// Why a target cannot import the module of an `"externalContracts"` entry.
enum ExternalModuleProblem: Equatable {
    /// The module is the target's own: the contract's code would be generated nowhere.
    case ownModule
    /// The target depends on no target or product that gives the module.
    case notADependency
}
