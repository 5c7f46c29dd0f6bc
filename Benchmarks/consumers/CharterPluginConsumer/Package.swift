// swift-tools-version:6.1
import PackageDescription

// Benchmark template (Benchmarks/run copies it to a scratch folder and replaces @CHARTER_ROOT@).
let package = Package(
    name: "CharterPluginConsumer",
    dependencies: [
        .package(name: "Charter", path: "@CHARTER_ROOT@"),
    ],
    targets: [
        .target(
            name: "Models",
            dependencies: [.product(name: "CharterRuntime", package: "Charter")],
            plugins: [.plugin(name: "CharterGenerator", package: "Charter")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
