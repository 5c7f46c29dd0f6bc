// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Charter",
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterCore", targets: ["CharterCore"]),
        .library(name: "CharterRuntime", targets: ["CharterRuntime"]),
    ],
    targets: [
        .target(name: "CharterCore"),
        .target(name: "CharterRuntime"),
        .executableTarget(name: "charter", dependencies: ["CharterCore"]),
        .testTarget(name: "CharterCoreTests", dependencies: ["CharterCore"]),
        .testTarget(name: "CharterRuntimeTests", dependencies: ["CharterRuntime"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CharterCore"]),
    ],
    swiftLanguageModes: [.v6]
)
