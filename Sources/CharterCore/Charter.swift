/// Facts about this build of Charter.
public enum Charter {
    /// The version `charter --version` prints.
    public static let version = "0.1.0"
}
