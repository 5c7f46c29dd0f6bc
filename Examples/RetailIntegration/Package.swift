// swift-tools-version:6.1
import PackageDescription

// A consumer of Charter, the way a channel or service team would use it: the contracts live in the
// target, the build-tool plugin generates the models at build time, the code uses them.
let package = Package(
    name: "RetailIntegration",
    dependencies: [
        .package(name: "Charter", path: "../.."),
    ],
    targets: [
        .target(
            name: "RetailModels",
            dependencies: [.product(name: "CharterRuntime", package: "Charter")],
            plugins: [.plugin(name: "CharterGenerator", package: "Charter")]
        ),
        .testTarget(name: "RetailModelsTests", dependencies: ["RetailModels"]),
    ],
    swiftLanguageModes: [.v6]
)
