import Foundation

/// Paths inside the repository, found from this file's location (so they hold wherever the tests run from).
public enum SourceTree {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path below the root.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
