import CharterCore

/// The order reports list contracts in: by name, then major version as a number (`orders v2` before `orders v10`),
/// then the whole version by semantic-version precedence (`2.0.0-rc.1` before `2.0.0`); plain schema files after every
/// contract, by path. The same contracts in whatever order the inputs were given are listed the same way.
struct ContractOrder: Comparable {
    private let key: (Int, String, Int, SemanticVersion, String)

    /// The place of `document`; `path` names it when it is a plain schema file (and breaks ties between others).
    init(_ document: SchemaDocument?, path: String) {
        if let contract = document?.contract {
            key = (0, contract.name, contract.version.major, contract.version, path)
        } else {
            key = (1, "", 0, SemanticVersion(major: 0, minor: 0, patch: 0), path)
        }
    }

    static func < (lhs: ContractOrder, rhs: ContractOrder) -> Bool { lhs.key < rhs.key }
    static func == (lhs: ContractOrder, rhs: ContractOrder) -> Bool { lhs.key == rhs.key }
}
