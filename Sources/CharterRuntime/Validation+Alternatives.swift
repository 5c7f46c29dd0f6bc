extension Validation {
    /// The checks of one alternative of an `anyOf` or `oneOf`: they append what they find to the list given.
    public typealias Alternative = (inout [ValidationIssue]) -> Void

    /// `anyOf` of alternatives that only add constraints: at least one alternative's checks find no issue.
    public static func anyOf(_ alternatives: [Alternative], at path: String, into issues: inout [ValidationIssue]) {
        let met = metCount(alternatives, stoppingAt: 1)
        guard met == 0 else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "anyOf", message: "must meet at least one of \(alternatives.count) alternatives (meets none)"))
    }

    /// `oneOf` of alternatives that only add constraints: exactly one alternative's checks find no issue.
    public static func oneOf(_ alternatives: [Alternative], at path: String, into issues: inout [ValidationIssue]) {
        let met = metCount(alternatives, stoppingAt: 2)
        guard met != 1 else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "oneOf",
            message: "must meet exactly one of \(alternatives.count) alternatives (meets \(met == 0 ? "none" : "more than one"))"))
    }

    /// How many alternatives find no issue, counting no further than `limit`.
    private static func metCount(_ alternatives: [Alternative], stoppingAt limit: Int) -> Int {
        var met = 0
        for check in alternatives where met < limit {
            var found: [ValidationIssue] = []
            check(&found)
            if found.isEmpty { met += 1 }
        }
        return met
    }
}
