import CharterCore

/// The registry of lint rules: every rule Charter knows, in the order the reference documents them.
public struct LintCatalog: Sendable {
    /// The rules, in documentation order.
    public let rules: [any LintRule]
    private let index: [String: Int]

    /// Creates a catalog; ids must be unique.
    public init(_ rules: [any LintRule]) {
        self.rules = rules
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() {
            precondition(index.updateValue(position, forKey: rule.id) == nil, "duplicate lint rule id \(rule.id)")
        }
        self.index = index
    }

    /// The rule with this id.
    public func rule(_ id: String) -> (any LintRule)? { index[id].map { rules[$0] } }

    /// The id of the rule `id` likely misspells (at most 3 edits away), for a "did you mean"; nil when none is close.
    package func closestRuleID(to id: String) -> String? { EditDistance.closest(to: id, among: rules.map(\.id)) }

    /// Every rule Charter ships.
    public static let standard = LintCatalog([
        // governance
        ContractGovernedRule(),
        OwnerDeclaredRule(),
        OwnerContactRule(),
        LifecycleDeclaredRule(),
        DeprecationPlannedRule(),
        SunsetPassedRule(),
        CompatibilityDeclaredRule(),
        VersionMatchesFileNameRule(),
        // security
        OperationAuthRule(),
        AuthSchemeDeclaredRule(),
        WriteScopeRule(),
        // operations
        WriteIdempotencyRule(),
        DurationFormatRule(),
        OperationSLARule(),
        TimeoutCoversLatencyRule(),
        ErrorResponseProblemRule(),
        PathParametersRule(),
        PathPlaceholderSegmentsRule(),
        // events
        EventTopicVersionedRule(),
        EventAccessDeclaredRule(),
        EventDeadLetterRule(),
        RetryBackoffRule(),
        EventOrderingKeyRule(),
        // data
        MoneyNotFloatRule(),
        QuantityNonNegativeRule(),
        TimestampWithZoneRule(),
        ConstraintAppliesRule(),
        PatternCompilesRule(),
        ExampleMatchesSchemaRule(),
        // style
        TypeDocumentedRule(),
        TypeExamplesRule(),
        TypeNameCaseRule(),
        PropertyNameCaseRule(),
        // suppressions
        SuppressionInvalidRule(),
        SuppressionExpiredRule(),
        SuppressionUnusedRule(),
    ])
}
