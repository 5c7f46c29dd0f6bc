// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Charter",
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterCore", targets: ["CharterCore"]),
        .library(name: "CharterRuntime", targets: ["CharterRuntime"]),
        .plugin(name: "CharterGenerator", targets: ["CharterGenerator"]),
        .plugin(name: "CharterCommand", targets: ["CharterCommand"]),
        .plugin(name: "CharterLint", targets: ["CharterLint"]),
        .plugin(name: "CharterDiff", targets: ["CharterDiff"]),
    ],
    targets: [
        .target(name: "CharterCore"),
        .target(name: "CharterRuntime"),
        .executableTarget(name: "charter", dependencies: ["CharterCore"]),
        .plugin(name: "CharterGenerator", capability: .buildTool(), dependencies: ["charter"]),
        .plugin(
            name: "CharterCommand",
            capability: .command(
                intent: .custom(verb: "charter", description: "Run charter (generate) on the package's contracts"),
                permissions: [.writeToPackageDirectory(reason: "charter generate writes generated Swift into the target's folder")]),
            dependencies: ["charter"]),
        .plugin(
            name: "CharterLint",
            capability: .command(intent: .custom(verb: "charter-lint", description: "Run charter lint on the package's contracts")),
            dependencies: ["charter"]),
        .plugin(
            name: "CharterDiff",
            capability: .command(intent: .custom(verb: "charter-diff", description: "Run charter diff on the package's contracts against a base (--base-ref REV)")),
            dependencies: ["charter"]),
        .testTarget(name: "CharterCoreTests", dependencies: ["CharterCore"]),
        .testTarget(name: "CharterRuntimeTests", dependencies: ["CharterRuntime"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CharterCore"]),
        // The plugins' planning code (Plugins/Shared, symlinked in), tested without SwiftPM.
        .testTarget(name: "PluginSupportTests"),
    ],
    swiftLanguageModes: [.v6]
)
