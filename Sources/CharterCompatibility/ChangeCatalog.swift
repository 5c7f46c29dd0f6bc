import CharterCore
import CharterGovernance

/// The registry of change checks: every kind of change `charter diff` detects, in documentation order.
public struct ChangeCatalog: Sendable {
    /// The checks.
    public let checks: [any ChangeCheck]
    /// The checks with what their reports carry, read once: the differ runs every check on every schema pair.
    let runs: [ChangeCheckRun]

    /// Creates a catalog; ids must be unique.
    public init(_ checks: [any ChangeCheck]) {
        precondition(Set(checks.map(\.id)).count == checks.count, "duplicate change check ids")
        self.checks = checks
        runs = checks.map(ChangeCheckRun.init)
    }

    /// The check with this id.
    public func check(_ id: String) -> (any ChangeCheck)? { checks.first { $0.id == id } }

    /// Every check Charter ships.
    public static let standard = ChangeCatalog([
        // schema
        PropertyRemovedCheck(),
        PropertyAddedCheck(),
        PropertyRenamedCheck(),
        PropertyRequirednessCheck(),
        PropertyAccessChangedCheck(),
        TypeChangedCheck(),
        EnumValueAddedCheck(),
        EnumValueRemovedCheck(),
        TransitionsChangedCheck(),
        ConstChangedCheck(),
        FormatChangedCheck(),
        ConstraintChangedCheck(),
        ContentModelChangedCheck(),
        ValidationKeywordChangedCheck(),
        UnionVariantChangedCheck(),
        DefaultChangedCheck(),
        SchemaDeprecatedCheck(),
        // operation
        OperationPathChangedCheck(),
        PathParameterRenamedCheck(),
        ParameterAddedCheck(),
        ParameterRemovedCheck(),
        ParameterRequirednessCheck(),
        RequestBodyChangedCheck(),
        ResponseRemovedCheck(),
        ResponseAddedCheck(),
        ResponseBodyChangedCheck(),
        AuthChangedCheck(),
        IdempotencyChangedCheck(),
        SLAWeakenedCheck(),
        // event
        EventTopicChangedCheck(),
        EventOrderingChangedCheck(),
        EventDeliveryChangedCheck(),
        EventAccessChangedCheck(),
        // contract
        ContractRemovedCheck(),
        ContractAddedCheck(),
        TypeRemovedCheck(),
        TypeAddedCheck(),
        TypeRenamedCheck(),
        OperationRemovedCheck(),
        OperationAddedCheck(),
        EventRemovedCheck(),
        EventAddedCheck(),
        FeedChangedCheck(),
        CompatibilityChangedCheck(),
        LifecycleChangedCheck(),
        VersionGateCheck(),
    ])
}
