// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Charter",
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterCore", targets: ["CharterCore"]),
        .library(name: "CharterGovernance", targets: ["CharterGovernance"]),
        .library(name: "CharterCompatibility", targets: ["CharterCompatibility"]),
        .library(name: "CharterCLI", targets: ["CharterCLI"]),
        .library(name: "CharterRuntime", targets: ["CharterRuntime"]),
        .library(name: "CharterURLSession", targets: ["CharterURLSession"]),
        .plugin(name: "CharterGenerator", targets: ["CharterGenerator"]),
        .plugin(name: "CharterCommand", targets: ["CharterCommand"]),
        .plugin(name: "CharterLint", targets: ["CharterLint"]),
        .plugin(name: "CharterDiff", targets: ["CharterDiff"]),
    ],
    targets: [
        // The generation pipeline (read, load, translate, render, write) and the command-line basics.
        .target(name: "CharterCore"),
        // Governance lint (`charter lint`) and change detection (`charter diff`), each its own module on top
        // of the pipeline's loader.
        .target(name: "CharterGovernance", dependencies: ["CharterCore"]),
        .target(name: "CharterCompatibility", dependencies: ["CharterCore", "CharterGovernance"]),
        // The full command line: generate, lint and diff.
        .target(name: "CharterCLI", dependencies: ["CharterCore", "CharterGovernance", "CharterCompatibility"]),
        .target(name: "CharterRuntime"),
        // The default transport of generated clients (Foundation's URLSession; FoundationNetworking on Linux),
        // apart so that models and events do not link the networking stack.
        .target(name: "CharterURLSession", dependencies: ["CharterRuntime"]),
        .executableTarget(name: "charter", dependencies: ["CharterCLI", "CharterCore"]),
        // The generating plugins' tool: `charter` with only `generate`, so building it for a consumer package
        // does not compile lint and diff.
        .executableTarget(name: "charter-generate", dependencies: ["CharterCore"]),
        .plugin(name: "CharterGenerator", capability: .buildTool(), dependencies: ["charter-generate"]),
        .plugin(
            name: "CharterCommand",
            capability: .command(
                intent: .custom(verb: "charter", description: "Run charter (generate) on the package's contracts"),
                permissions: [.writeToPackageDirectory(reason: "charter generate writes generated Swift into the target's folder")]),
            dependencies: ["charter-generate"]),
        .plugin(
            name: "CharterLint",
            capability: .command(intent: .custom(verb: "charter-lint", description: "Run charter lint on the package's contracts")),
            dependencies: ["charter"]),
        .plugin(
            name: "CharterDiff",
            capability: .command(intent: .custom(verb: "charter-diff", description: "Run charter diff on the package's contracts against a base (--base-ref REV)")),
            dependencies: ["charter"]),
        // What the test targets share: running programs, and compiling generated code against a runtime built once.
        .target(name: "CharterTestSupport", path: "Tests/CharterTestSupport"),
        .testTarget(
            name: "CharterCoreTests", dependencies: ["CharterCore", "CharterGovernance", "CharterCompatibility", "CharterCLI", "CharterTestSupport"]),
        .testTarget(name: "CharterRuntimeTests", dependencies: ["CharterRuntime", "CharterURLSession"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CharterCore", "CharterGovernance", "CharterCompatibility", "CharterCLI", "CharterRuntime", "CharterURLSession", "CharterTestSupport"]),
        // The plugins' planning code (Plugins/Shared, symlinked in), tested without SwiftPM.
        .testTarget(name: "PluginSupportTests", dependencies: ["CharterCore", "CharterGovernance"]),
    ],
    swiftLanguageModes: [.v6]
)
