/// What a diagnostic's problem is with: the contracts a run reads, or the run itself.
public enum ProblemArea: String, Sendable, Hashable {
    /// The input: contracts, references, limits, what lint and diff find (exit 1).
    case input
    /// The run's setup rather than its contracts: the output, the templates, the configuration, a lint baseline (exit 2).
    case setup
}

/// The families of diagnostic codes (``Diagnostic/code``) and what each family's problems are with: the one place that
/// decides whether a diagnostic is about the run's setup (``ExitCode/init(stoppedBy:)``). A test reads the sources and
/// checks that every code they make belongs to a family here, so a new family of codes is placed when it is made.
public enum DiagnosticCodes {
    /// Each family: a code prefix (a family ending in `.`, or one whole code) and its area. The longest prefix that
    /// begins a code decides (`plugin.configuration` is the setup; the rest of `plugin.` is input).
    public static let families: [(prefix: String, area: ProblemArea)] = [
        ("adapters.", .input),
        ("baseline.", .setup),
        ("config.", .setup),
        ("contract.", .input),
        ("external.", .input),
        ("external.ambiguous", .setup),
        ("external.unmatched", .setup),
        ("input.", .input),
        ("json.", .input),
        ("limit.", .input),
        ("load.", .input),
        ("output.", .setup),
        ("plugin.", .input),
        ("plugin.configuration", .setup),
        ("ref.", .input),
        ("schema.", .input),
        ("templates.", .setup),
        ("translate.", .input),
    ]

    /// The family `code` belongs to: the entry of ``families`` with the longest prefix that begins it; nil for no code,
    /// or one of no family.
    public static func family(of code: String?) -> (prefix: String, area: ProblemArea)? {
        guard let code else { return nil }
        return families.filter { code.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
    }
}

extension Diagnostic {
    /// What the problem is with, by its code's family (``DiagnosticCodes/families``); ``ProblemArea/input`` for a
    /// diagnostic without a code or with one of no family.
    public var area: ProblemArea { DiagnosticCodes.family(of: code)?.area ?? .input }
}
