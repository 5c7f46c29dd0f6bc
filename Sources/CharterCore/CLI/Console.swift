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

extension Console {
    /// Writes a rendered document to standard output. The line writer ends every line itself, so one trailing
    /// newline is dropped (in constant time: a report can be tens of megabytes). An empty document (`--quiet` text
    /// without findings) writes nothing, not an empty line.
    package func outDocument(_ text: String) {
        guard !text.isEmpty else { return }
        out(text.hasSuffix("\n") ? String(text[..<text.index(before: text.endIndex)]) : text)
    }
}
