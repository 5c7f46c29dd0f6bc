import CharterCore
import CharterGovernance

// Renames the head declares (`x-renamed-from`, contract-format.md): each pairs a named type or a property with the one
// it was, by the rule the version adapters pair them by, and is reported as one change instead of a removal and an addition.

/// A property of an object, or a named type, renamed between the base and the head, as the head declares it:
/// `"x-renamed-from": "binCode"` on the head's property `binLocation`, `"x-renamed-from": "Slot"` on its `$defs` type `Bin`.
struct DeclaredRename {
    /// Its name in the base.
    var from: String
    /// Its name in the head.
    var to: String
    /// Its schema in the base (a property's as written under `properties`).
    var base: SchemaID
    /// Its schema in the head, where the keyword is.
    var head: SchemaID
    /// The keyword, with where the head writes its value.
    var keyword: RenamedFrom
}

extension DiffContext {
    /// The renames an object pair's head declares (`x-renamed-from` on a property's schema as written) that pair two of
    /// its own properties, by the rule the version adapters pair them by (adapters.md): the head's name is not declared in
    /// the base and the base's name is no longer declared in the head; each base property pairs with one head property, the
    /// first declared. A property a composed named type declares is that type's to compare. In the head's order.
    func propertyRenames(_ pair: SchemaPair, _ old: FlatObject, _ new: FlatObject) -> [DeclaredRename] {
        var renames: [DeclaredRename] = []
        for (name, schema) in new.properties {
            guard let keyword = head.schemas[schema.rawValue].renamedFrom else { continue }
            guard old.property(name) == nil, new.property(keyword.name) == nil, let previous = old.property(keyword.name),
                !renames.contains(where: { $0.from == keyword.name }),
                !inherited(pair, name, old, new), !inherited(pair, keyword.name, old, new)
            else { continue }
            renames.append(DeclaredRename(from: keyword.name, to: name, base: previous, head: schema, keyword: keyword))
        }
        return renames
    }
}

/// `property-renamed`: a property the head renamed and says so (`x-renamed-from`): one change instead of a removal and an
/// addition, judged as the worse of the two.
struct PropertyRenamedCheck: ChangeCheck {
    let id = "property-renamed"
    let breakingHint: String? = "keep the old name until the next major version: add the new property beside it and deprecate the old one"
    let summary = "A property was renamed, and the head says so with x-renamed-from."
    let rationale = "On the wire a rename is a removal and an addition: a JSON reader finds a property by its name, so readers of the old version lose the old name (and fail where they require it), and readers of the new version miss the new name in data written before (and fail where they require it). `x-renamed-from` on the head's property, naming a property the base declares and the head no longer does, tells version adapters the two are one value (adapters.md); `charter diff` reports the pair as this one change instead of `property-removed` and `property-added`, judged as the worse of the two for everyone either would break, at the keyword. A change to the property's own schema (its type, its constraints) is reported besides, as for a property that kept its name. A rename that names nothing in the base pairs nothing: the removal and the addition are reported as they are."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "binCode": {"type": "string"}"#, required: ["sku", "binCode"])
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "binLocation": {"type": "string", "x-renamed-from": "binCode"}"#,
                                           required: ["sku", "binLocation"], version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "binCode": {"type": "string"}, "binLocation": {"type": "string", "x-renamed-from": "binCode"}"#,
                                              required: ["sku", "binCode"], version: "1.1.0")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.flat(.base, pair.base)
        let new = context.flat(.head, pair.head)
        for rename in context.propertyRenames(pair, old, new) {
            let wasRequired = old.required.contains(rename.from), isRequired = new.required.contains(rename.to)
            let removal = context.propertyJudgement(PropertyRemovedCheck.effect(required: wasRequired, newClosed: new.closed),
                                                    pair: pair, property: rename.base, side: .base)
            let addition = context.propertyJudgement(PropertyAddedCheck.effect(required: isRequired, oldClosed: old.closed),
                                                     pair: pair, property: rename.head, side: .head)
            let now = wasRequired == isRequired ? "" : isRequired ? ", now required" : ", now optional"
            let keyword = DiffPlace(location: rename.keyword.location, stablePath: context.location(.head, rename.head).stablePath, side: .head)
            context.report("\(wasRequired ? "required" : "optional") property \(pair.label).\(rename.from) renamed to \(rename.to) (x-renamed-from)\(now)",
                           judging: [removal, addition], bump: .minor, at: keyword, related: context.location(.base, rename.base))
        }
    }
}

/// The renames one contract pair's head declares on its `$defs` types (``DiffContext/typeRenames(_:_:)``), worked out once
/// per pair: in the head's order, by the head's type, and the new name by the old.
struct TypeRenameTable {
    /// The renames, in the head's order.
    var renames: [DeclaredRename]
    /// Each rename by the head's type (its schema).
    var byHead: [SchemaID: DeclaredRename]
    /// The head's name of each renamed type, by its base name.
    var newNames: [String: String]

    init(_ renames: [DeclaredRename]) {
        self.renames = renames
        byHead = Dictionary(renames.map { ($0.head, $0) }, uniquingKeysWith: { first, _ in first })
        newNames = Dictionary(renames.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
    }
}

extension DiffContext {
    /// The renames a contract's head declares on its `$defs` types that pair two of its named types, by the rule the
    /// version adapters pair them by (adapters.md): the head's name is not declared in the base and the base's name is no
    /// longer declared in the head; each base type pairs with one head type, the first declared. In the head's order.
    func typeRenames(_ base: SchemaDocument, _ head: SchemaDocument) -> [DeclaredRename] {
        typeRenameTable(base, head).renames
    }

    /// ``typeRenames(_:_:)`` as a table, worked out the first time a pair's documents ask (``typeRenameTables``).
    func typeRenameTable(_ base: SchemaDocument, _ head: SchemaDocument) -> TypeRenameTable {
        if let known = typeRenameTables[head.id] { return known }
        let table = TypeRenameTable(findTypeRenames(base, head))
        typeRenameTables[head.id] = table
        return table
    }

    /// ``typeRenames(_:_:)`` worked out from the documents.
    private func findTypeRenames(_ base: SchemaDocument, _ head: SchemaDocument) -> [DeclaredRename] {
        let newTypes = self.head.schemas[head.rootSchema.rawValue].definitions
        // Most contracts declare no rename: nothing to index.
        guard newTypes.contains(where: { self.head.schemas[$0.schema.rawValue].renamedFrom != nil }) else { return [] }
        let oldTypes = Dictionary(self.base.schemas[base.rootSchema.rawValue].definitions.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(newTypes.map(\.name))
        var renames: [DeclaredRename] = []
        for definition in newTypes {
            guard let keyword = self.head.schemas[definition.schema.rawValue].renamedFrom, oldTypes[definition.name] == nil,
                !newNames.contains(keyword.name), let previous = oldTypes[keyword.name], !renames.contains(where: { $0.from == keyword.name })
            else { continue }
            renames.append(DeclaredRename(from: keyword.name, to: definition.name, base: previous, head: definition.schema, keyword: keyword))
        }
        return renames
    }

    /// Whether a named type of the base and one of the head are a rename the head declares (``typeRenames(_:_:)``), in
    /// documents of one contract pair: a reference swapped from one to the other names the same type anew.
    func isTypeRename(_ base: SchemaID, _ head: SchemaID) -> Bool {
        declaredRename(of: head)?.base == base
    }

    /// The rename a named type of the head declares (``typeRenames(_:_:)``) when it pairs it with a type of the base
    /// document of its own contract pair; nil for any other schema. Asked per reference, union variant and composed
    /// property: the pair's table is worked out once (``typeRenameTable(_:_:)``).
    func declaredRename(of head: SchemaID) -> DeclaredRename? {
        // Most types have no keyword.
        guard self.head.schemas[head.rawValue].renamedFrom != nil else { return nil }
        let headDocument = self.head.schemas[head.rawValue].document
        if let known = typeRenameTables[headDocument] { return known.byHead[head] }
        guard let index = tables.headPairs[headDocument], let baseDocument = tables.basePairs.first(where: { $0.value == index })?.key else { return nil }
        return typeRenameTable(self.base.documents[baseDocument.rawValue], self.head.documents[headDocument.rawValue]).byHead[head]
    }
}

/// `type-renamed`: a named type the head renamed and says so (`x-renamed-from`): one change instead of a removal and an
/// addition, judged as the removal is. The two types' bodies are compared by the walk, as a same-named pair's are.
struct TypeRenamedCheck: ChangeCheck {
    let id = "type-renamed"
    let summary = "A named type ($defs entry) was renamed, and the head says so with x-renamed-from."
    let rationale = "A `$defs` name is not on the wire, but it is the Swift type's name: code generated from the contract loses the old type, so everything that uses it stops compiling, as when the type is removed. `x-renamed-from` on the head's type, naming a type the base declares and the head no longer does, tells version adapters the two are one type (adapters.md); `charter diff` reports the pair as this one change instead of `type-removed` and `type-added`, at the keyword. The two are compared as a type that kept its name is, under the new name: whatever refers to them or not, each difference is one finding at the type (`Bin.code type changed from string to integer`), judged by where the data of either flows (by the contract's policy when nothing refers to it), and a reference that now names the new type is no change of its own. A rename that names nothing in the base pairs nothing: the removal and the addition are reported as they are."
    let category = ChangeCategory.contract
    let exampleBase = DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}"#) + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}"#)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: DiffExample.item(#""sku": {"type": "string"}"#)
                                           + #", "Store": {"title": "Store", "description": "A shop.", "type": "string", "x-renamed-from": "Shop"}"#)
    let unaffectedHead = DiffExample.contract(version: "1.1.0", defs: DiffExample.item(#""sku": {"type": "string"}"#)
                                              + #", "Shop": {"title": "Shop", "description": "A shop.", "type": "string"}, "Store": {"title": "Store", "description": "A shop.", "type": "string", "x-renamed-from": "Shop"}"#)

    func compare(contract pair: ContractPair, _ context: DiffContext) {
        guard let base = pair.base, let head = pair.head else { return }
        for rename in context.typeRenames(base, head) {
            let keyword = DiffPlace(location: rename.keyword.location, stablePath: context.location(.head, rename.head).stablePath, side: .head)
            context.report("type \(rename.from) renamed to \(rename.to) (x-renamed-from)", impact: .breaks, bump: .major, at: keyword,
                           hint: "keep \(rename.from) too (as a $ref to \(rename.to)) until the next major version", who: TypeRemovedCheck.who,
                           related: context.location(.base, rename.base))
        }
    }
}
