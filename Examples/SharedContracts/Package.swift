// swift-tools-version:6.1
import PackageDescription

// One contract shared by several targets: `common` is generated once, in RetailCommon; RetailOrders and
// RetailInventory list it under "externalContracts" in their charter.json, so they import RetailCommon instead of
// declaring CommonV1 themselves, and a CommonV1.Money from one passes to the other.
let charter: [Target.PluginUsage] = [.plugin(name: "CharterGenerator", package: "Charter")]
let runtime: Target.Dependency = .product(name: "CharterRuntime", package: "Charter")

let package = Package(
    name: "SharedContracts",
    dependencies: [
        .package(name: "Charter", path: "../.."),
    ],
    targets: [
        .target(name: "RetailCommon", dependencies: [runtime], plugins: charter),
        .target(name: "RetailOrders", dependencies: [runtime, "RetailCommon"], plugins: charter),
        .target(name: "RetailInventory", dependencies: [runtime, "RetailCommon"], plugins: charter),
        .testTarget(name: "SharedContractsTests", dependencies: ["RetailCommon", "RetailOrders", "RetailInventory"]),
    ],
    swiftLanguageModes: [.v6]
)
