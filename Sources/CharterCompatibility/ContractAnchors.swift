/// The element ids of the HTML report's rows: one per contract in the version matrix (`c-orders-v2`), and one per
/// section of changes a contract has rows in (`c-orders-v2-breaking`). Names are made readable — letters and digits
/// kept, anything else a hyphen — and unique: two contracts whose names read the same (`a b.json`, `a-b.json`), or
/// one whose id would be another's section id, are told apart by a number (`c-a-b-json-2`), given in name order.
struct ContractAnchors {
    /// The sections of changes a contract's rows may have an id in.
    static let sections = ["breaking", "versions", "risky", "compatible"]

    private var ids: [String: String] = [:]

    init(contracts: [String]) {
        var taken: Set<String> = []
        for contract in Set(contracts).sorted() {
            let slug = "c-" + String(contract.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
            var candidate = slug
            var number = 1
            while ([candidate] + Self.sections.map { candidate + "-" + $0 }).contains(where: taken.contains) {
                number += 1
                candidate = slug + "-\(number)"
            }
            taken.insert(candidate)
            taken.formUnion(Self.sections.map { candidate + "-" + $0 })
            ids[contract] = candidate
        }
    }

    /// The id of `contract`'s row in the version matrix (`section` nil) or of its first row in a section of changes.
    func anchor(_ contract: String, _ section: String?) -> String {
        let id = ids[contract] ?? "c-"
        return section.map { id + "-" + $0 } ?? id
    }
}
