extension Validation {
    /// The checks of one alternative of an `anyOf` or `oneOf`: they append what they find to the list given.
    public typealias Alternative = (inout [ValidationIssue]) -> Void

    /// `anyOf` of alternatives that only add constraints: at least one alternative's checks find no issue.
    public static func anyOf(_ alternatives: [Alternative], at path: String, into issues: inout [ValidationIssue]) {
        let met = metCount(alternatives, stoppingAt: 1)
        guard met == 0 else { return }
        issues.append(ValidationIssue(path: path, keyword: "anyOf", message: unmet(alternatives.count, "at least one of", met: met)))
    }

    /// `oneOf` of alternatives that only add constraints: exactly one alternative's checks find no issue.
    public static func oneOf(_ alternatives: [Alternative], at path: String, into issues: inout [ValidationIssue]) {
        let met = metCount(alternatives, stoppingAt: 2)
        guard met != 1 else { return }
        issues.append(ValidationIssue(path: path, keyword: "oneOf", message: unmet(alternatives.count, "exactly one of", met: met)))
    }

    /// The message of an unmet `anyOf` (`quantifier` "at least one of") or `oneOf` ("exactly one of") of `count`
    /// alternatives, `met` of which hold. A group can be left with no alternative (the generator leaves out one that no
    /// value of the type meets, with a warning): then no value is valid, which the message says instead of counting.
    static func unmet(_ count: Int, _ quantifier: String, met: Int) -> String {
        switch count {
        case 0: return "no value is valid: no value of this type can meet any of the alternatives"
        case 1: return "must meet its only alternative"
        default: return "must meet \(quantifier) \(count) alternatives (meets \(met == 0 ? "none" : "more than one"))"
        }
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
