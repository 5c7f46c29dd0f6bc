import CharterTestSupport
import Foundation

/// Paths inside the repository and its sibling `shared/` folder, found from this file's location.
enum Repository {
    /// The repository root.
    static let root: URL = SourceTree.root

    /// `../shared` next to the repository.
    static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A path below the root.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The folder holding the built products (`charter`) next to the test bundle.
    static let productsDirectory: URL = {
        let bundle = Bundle(for: Marker.self).bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }()

    /// The `charter` executable built with the tests.
    static var charterExecutable: URL { productsDirectory.appendingPathComponent("charter") }

    private final class Marker {}
}
