/// The access level of generated declarations.
public enum SwiftAccessLevel: String, Sendable, CaseIterable {
    /// `public`: for a library target that vends the models.
    case `public`
    /// `package`: visible to the package's other targets.
    case package
    /// `internal` (no modifier written).
    case `internal`

    /// The modifier as written before a declaration, with a trailing space; empty for `internal`.
    public var modifier: String {
        switch self {
        case .public: "public "
        case .package: "package "
        case .internal: ""
        }
    }
}

/// Settings of Swift generation.
public struct SwiftOptions: Sendable {
    /// Access level of everything generated.
    public var accessLevel: SwiftAccessLevel
    /// The module generated code imports for its support types.
    public var runtimeModule: String

    /// Creates options.
    public init(accessLevel: SwiftAccessLevel = .public, runtimeModule: String = "CharterRuntime") {
        self.accessLevel = accessLevel
        self.runtimeModule = runtimeModule
    }
}
