/// A check of a ``ChangeCatalog`` with what every report it makes carries — its id, category and breaking hint — read
/// once when the catalog is made, not through the protocol each time the check runs (the differ runs every check on
/// every schema pair it meets).
final class ChangeCheckRun: Sendable {
    /// The check.
    let check: any ChangeCheck
    /// Its ``RuleDescribing/id``.
    let id: String
    /// Its ``ChangeCheck/category``.
    let category: ChangeCategory
    /// Its ``ChangeCheck/breakingHint``.
    let hint: String?

    /// Reads `check`'s id, category and hint.
    init(_ check: any ChangeCheck) {
        self.check = check
        id = check.id
        category = check.category
        hint = check.breakingHint
    }

    /// The version gate, whose finding the differ reports itself after the checks have run.
    static let versionGate = ChangeCheckRun(VersionGateCheck())
}
