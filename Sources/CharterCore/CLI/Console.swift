/// Where the CLI writes: standard output for results, standard error for diagnostics. Injected so the
/// library itself never prints (tests capture both streams).
public struct Console: Sendable {
    /// Writes a line of results.
    public var out: @Sendable (String) -> Void
    /// Writes a line of diagnostics.
    public var err: @Sendable (String) -> Void

    /// Creates a console from two line writers.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }
}
