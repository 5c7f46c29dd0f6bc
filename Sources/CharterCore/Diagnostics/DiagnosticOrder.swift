extension Diagnostic {
    /// The order diagnostics are printed in, the way compilers print them: errors, then warnings, then notes; within
    /// each, by file, then line and column, then JSON pointer, then message and code. A diagnostic about the run as a
    /// whole (no location) comes before those in files. The order they were found in plays no part, so the output is
    /// the same whichever file the loader read first and however the work was spread over cores.
    public static func printOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (let l?, let r?) where l < r || r < l: return l < r
        default: break
        }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.code ?? "") < (rhs.code ?? "")
    }
}

extension Sequence<Diagnostic> {
    /// The diagnostics in ``Diagnostic/printOrder(_:_:)``; ties (same severity, place, message and code) keep the
    /// order they came in.
    public func inPrintOrder() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if Diagnostic.printOrder(a.element, b.element) { return true }
            if Diagnostic.printOrder(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
