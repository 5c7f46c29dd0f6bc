// swift-tools-version:6.1
import PackageDescription

// Benchmarks only: the comparison tool for Benchmarks/run. It is a package of its own (own .build folder),
// never part of Charter's build or of `swift test`.
//   swift build -c release --product swift-openapi-generator   -> the generator CLI (1.14.3)
//   swift build -c release --target RuntimeModules              -> OpenAPIRuntime + HTTPTypes as modules, so the
//                                                                  generated Types.swift/Client.swift can be compiled
let package = Package(
    name: "OpenAPIComparison",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [
        .target(
            name: "RuntimeModules",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
