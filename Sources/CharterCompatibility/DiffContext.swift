import CharterCore
import CharterGovernance

/// Which side of a comparison a schema or document belongs to.
public enum DiffSide: Sendable, Hashable {
    /// The old version.
    case base
    /// The new version.
    case head
}

/// What every comparison of two contract sets shares, computed once and read by every thread: both graphs, where
/// their data flows, the names of their named types and which contract pair each document belongs to.
final class DiffTables: Sendable {
    let base: SchemaGraph
    let head: SchemaGraph
    /// Where each schema's data flows, per side.
    let baseRoles: [SchemaID: SchemaRoles]
    let headRoles: [SchemaID: SchemaRoles]
    /// The `$defs` name of each named type's schema, per side.
    let baseNames: [SchemaID: String]
    let headNames: [SchemaID: String]
    /// The pair each document belongs to, per side: what makes two named types "the same type" across versions.
    let basePairs: [DocumentID: Int]
    let headPairs: [DocumentID: Int]
    /// How the pair each head document belongs to is named in reports (`orders v2`, `orders v1 → orders v2`): what an
    /// interface of it is named under.
    let headPairNames: [DocumentID: String]

    init(base: SchemaGraph, head: SchemaGraph, pairs: [ContractPair]) {
        self.base = base
        self.head = head
        baseRoles = SchemaRoleAnalysis.roles(in: base)
        headRoles = SchemaRoleAnalysis.roles(in: head)
        baseNames = Self.definitionNames(base)
        headNames = Self.definitionNames(head)
        var basePairs: [DocumentID: Int] = [:]
        var headPairs: [DocumentID: Int] = [:]
        var headPairNames: [DocumentID: String] = [:]
        for (index, pair) in pairs.enumerated() {
            if let document = pair.base { basePairs[document.id] = index }
            if let document = pair.head {
                headPairs[document.id] = index
                headPairNames[document.id] = pair.name
            }
        }
        self.basePairs = basePairs
        self.headPairs = headPairs
        self.headPairNames = headPairNames
    }

    static func definitionNames(_ graph: SchemaGraph) -> [SchemaID: String] {
        var names: [SchemaID: String] = [:]
        for document in graph.documents {
            for definition in graph.schemas[document.rootSchema.rawValue].definitions { names[definition.schema] = definition.name }
        }
        return names
    }
}

/// What a change check sees: both graphs, where their data flows, the contract pair being compared and its
/// compatibility policy, and the place to report what it finds. One context serves the pairs one thread compares.
public final class DiffContext {
    let tables: DiffTables
    /// The old version.
    public var base: SchemaGraph { tables.base }
    /// The new version.
    public var head: SchemaGraph { tables.head }
    /// The contract pair being compared.
    public internal(set) var pair = ContractPair(name: "", base: nil, head: nil)
    /// Its compatibility policy: the base's, else the head's (nil: none declared, judged as backward).
    public internal(set) var mode: CompatibilityMode?
    /// The check now running (nil before the first).
    var currentRun: ChangeCheckRun?
    /// Its id.
    var currentCheck: String { currentRun?.id ?? "" }
    /// Its advice for a change that breaks or may break someone, when a report gives none of its own.
    var currentHint: String? { currentRun?.hint }
    /// Its category: who an interface change breaks unless the check says (``report(_:impact:bump:at:hint:whateverThePolicy:who:)``).
    var currentCategory: ChangeCategory { currentRun?.category ?? .contract }
    /// The operation, event or feed being compared (its interface checks, or the schemas it holds inline): what a change
    /// found there reaches. Nil for the contract's own checks and its named types.
    var currentInterface: ChangeInterface?
    /// The head schema the schema checks are comparing (set by the walk): a change to its data reaches every interface
    /// whose data reaches it, whichever types or interfaces refer to it.
    var schemaInView: SchemaID?
    /// Where the walk met a reference that now names another type, as written in the head: what is found inside that
    /// type reaches the interfaces that reach the reference, not every one that uses the type.
    var reachedThrough: SchemaID?
    /// Which interfaces of the head reach a schema, indexed the first time a change asks.
    private var usage: SchemaRoleAnalysis.UsageIndex?
    /// The answers so far (indices into the index's interfaces), by schema.
    private var usersFound: [SchemaID: [Int]] = [:]
    /// What the checks reported.
    public internal(set) var changes: [Change] = []
    /// Flattened objects by schema id, made on first use.
    private let baseFlat: SchemaSlots<FlatObject>
    private let headFlat: SchemaSlots<FlatObject>
    /// Constraints with inline `allOf` parts folded in, by schema id (made on first use, like the flattened objects).
    private let baseConstraints: SchemaSlots<EffectiveConstraints>
    private let headConstraints: SchemaSlots<EffectiveConstraints>
    /// The enum checks' values (``FixedValues/forEnumChecks(_:_:)``) of the schema pair last asked about: both enum checks
    /// ask for the same pair in turn, so it is worked out once.
    var enumValuesOfPair: (base: SchemaID, head: SchemaID, values: (old: [FixedValues.Value]?, new: [FixedValues.Value]?)?)?
    /// Where each property schema's data never flows (``SchemaRoleAnalysis/excluded(_:in:)``), by schema id.
    private let baseExcluded: SchemaSlots<SchemaRoles>
    private let headExcluded: SchemaSlots<SchemaRoles>
    /// The `$defs` renames (`x-renamed-from`) of each contract pair asked about, by its head document: worked out on first
    /// use per pair (``typeRenameTable(_:_:)``).
    var typeRenameTables: [DocumentID: TypeRenameTable] = [:]

    init(tables: DiffTables) {
        self.tables = tables
        let baseCount = tables.base.schemas.count, headCount = tables.head.schemas.count
        baseFlat = SchemaSlots(count: baseCount)
        headFlat = SchemaSlots(count: headCount)
        baseConstraints = SchemaSlots(count: baseCount)
        headConstraints = SchemaSlots(count: headCount)
        baseExcluded = SchemaSlots(count: baseCount)
        headExcluded = SchemaSlots(count: headCount)
    }

    /// The graph of a side.
    public func graph(_ side: DiffSide) -> SchemaGraph { side == .base ? base : head }

    /// The `$defs` name of a named type's schema on a side.
    public func definitionName(_ side: DiffSide, _ id: SchemaID) -> String? { side == .base ? tables.baseNames[id] : tables.headNames[id] }

    /// Whether two schemas are the same named type across versions: the same `$defs` name in documents of
    /// the same contract pair.
    public func sameNamedType(_ base: SchemaID, _ head: SchemaID) -> Bool {
        guard let name = tables.baseNames[base], name == tables.headNames[head],
            let left = tables.basePairs[self.base.schemas[base.rawValue].document], let right = tables.headPairs[self.head.schemas[head.rawValue].document]
        else { return false }
        return left == right
    }

    /// Whether two named types are one type across versions: ``sameNamedType(_:_:)``, or a rename the head declares
    /// (``isTypeRename(_:_:)``, `x-renamed-from`). One type is compared once, as a named type, under its head's name.
    func pairedNamedTypes(_ base: SchemaID, _ head: SchemaID) -> Bool {
        sameNamedType(base, head) || isTypeRename(base, head)
    }

    /// Where a schema's data flows on a side (empty: nowhere an operation or event reaches).
    public func roles(_ side: DiffSide, _ id: SchemaID) -> SchemaRoles { (side == .base ? tables.baseRoles[id] : tables.headRoles[id]) ?? [] }

    /// Where a property's data never flows on a side: requests for a `readOnly` one, responses for a `writeOnly` one.
    func excluded(_ side: DiffSide, _ id: SchemaID) -> SchemaRoles {
        let slots = side == .base ? baseExcluded : headExcluded
        if let known = slots[id] { return known }
        let roles = SchemaRoleAnalysis.excluded(id, in: graph(side))
        slots[id] = roles
        return roles
    }

    /// A schema's properties, required names and content model with `allOf` parts folded in.
    public func flat(_ side: DiffSide, _ id: SchemaID) -> FlatObject {
        let slots = side == .base ? baseFlat : headFlat
        if let cached = slots[id] { return cached }
        let value = FlatObject(graph(side), id)
        slots[id] = value
        return value
    }

    /// A schema's constraints on a side with its inline `allOf` parts folded in (``EffectiveConstraints``).
    func constraints(_ side: DiffSide, _ id: SchemaID) -> EffectiveConstraints {
        let slots = side == .base ? baseConstraints : headConstraints
        if let cached = slots[id] { return cached }
        let value = EffectiveConstraints(graph(side), id) { self.definitionName(side, $0) != nil }
        slots[id] = value
        return value
    }

    /// A schema's constraints on a side with every `allOf` part folded in, named types included: what it admits in all.
    /// Not cached: asked only for a pair whose own constraints changed.
    func constraintsWithNamedParts(_ side: DiffSide, _ id: SchemaID) -> EffectiveConstraints {
        EffectiveConstraints(graph(side), id) { _ in false }
    }

    /// Where `keyword` of a schema on a side is written: at `id` itself when `source` is nil or `id` (as every change to
    /// the schema is located), else at the keyword inside `source`, the part of `id` that writes it.
    func location(_ side: DiffSide, _ id: SchemaID, keyword: String, in source: SchemaID?) -> DiffPlace {
        guard let source, source != id else { return location(side, id) }
        let graph = graph(side)
        let schema = graph.schemas[source.rawValue]
        let position = schema.node.object?[keyword]?.position ?? schema.location.position
        return DiffPlace(location: SourceLocation(file: schema.location.file, position: position, pointer: schema.location.pointer.appending(keyword)),
                         stablePath: graph.documents[schema.document.rawValue].rootRelativePath, side: side)
    }

    /// Whether property `name` of a pair belongs to a named type the pair's objects compose (`allOf: [{"$ref":
    /// "#/$defs/OrderDetails"}, …]`) on both sides — the same type, or one the head renamed and says so: that type is
    /// compared once, as a named type, with every role that flows into it, so its properties' changes are not reported
    /// again under each object that composes it. A property on one side only counts when the other side still takes
    /// properties from the same named type.
    public func inherited(_ pair: SchemaPair, _ name: String) -> Bool {
        inherited(pair, name, flat(.base, pair.base), flat(.head, pair.head))
    }

    /// ``inherited(_:_:)`` with the pair's flattened objects at hand.
    func inherited(_ pair: SchemaPair, _ name: String, _ old: FlatObject, _ new: FlatObject) -> Bool {
        // Most objects compose nothing: every property is their own.
        if !old.composes, !new.composes { return false }
        // Only a named type of the same contract: one of another contract is judged under that contract's policy and
        // gated by its version, so what it changes in this contract's objects is this contract's change too.
        func fromNamedPart(_ declaring: SchemaID?, _ own: SchemaID, _ side: DiffSide) -> Bool {
            guard let declaring, declaring != own, definitionName(side, declaring) != nil else { return false }
            return graph(side).schemas[declaring.rawValue].document == (side == .base ? self.pair.base?.id : self.pair.head?.id)
        }
        switch (old.declaredBy(name), new.declaredBy(name)) {
        case let (base?, head?):
            return fromNamedPart(base, pair.base, .base) && fromNamedPart(head, pair.head, .head) && pairedNamedTypes(base, head)
        case let (base?, nil):
            return fromNamedPart(base, pair.base, .base) && new.declaring.contains { pairedNamedTypes(base, $0) }
        case let (nil, head?):
            return fromNamedPart(head, pair.head, .head) && old.declaring.contains { pairedNamedTypes($0, head) }
        case (nil, nil):
            return false
        }
    }

    /// The location of a schema on a side.
    public func location(_ side: DiffSide, _ id: SchemaID) -> DiffPlace {
        let graph = graph(side)
        let schema = graph.schemas[id.rawValue]
        return DiffPlace(location: schema.location, stablePath: graph.documents[schema.document.rawValue].rootRelativePath, side: side)
    }

    /// The location of `pointer` in the pair's document on a side (the deepest existing value on its path).
    public func location(_ side: DiffSide, pointer: JSONPointer) -> DiffPlace? {
        guard let document = side == .base ? pair.base : pair.head else { return nil }
        return DiffPlace(location: document.location(pointer, document.root.deepest(along: pointer).node.position),
                         stablePath: document.rootRelativePath, side: side)
    }

    /// Runs `compare` for each check, with the check's id as the one its reports carry. The checks' ids, categories and
    /// hints were read once (``ChangeCheckRun``): reading them through the protocol, and copying each check out of the
    /// array, for every schema pair was a tenth of a large diff.
    func run(_ runs: [ChangeCheckRun], _ compare: (any ChangeCheck) -> Void) {
        for run in runs {
            currentRun = run
            compare(run.check)
        }
    }

    /// A place in the base moved to the head's document when the pair has one: to the deepest value on the same
    /// pointer that the head still has (where a removed property was, say), so editors and pull-request
    /// annotations can show it in the file under review. The note says where it was in the base.
    func anchored(_ place: DiffPlace) -> (DiffPlace, String) {
        guard place.side == .base, place.stablePath == pair.base?.rootRelativePath, let base = pair.base, let document = pair.head,
            let head = location(.head, pointer: Self.sharedPath(renamedPointer(place.location.pointer), base.root, document.root))
        else { return (place, "") }
        return (head, baseLineNote(place))
    }

    /// A pointer into the base's document with a type the head renamed and says so (`/$defs/Slot/…`, `Bin` renamed from
    /// `Slot`) under its head's name (`/$defs/Bin/…`): the same place in the head. Any other pointer as it is.
    private func renamedPointer(_ pointer: JSONPointer) -> JSONPointer {
        let tokens = pointer.tokens
        guard tokens.count >= 2, tokens[0] == "$defs", let base = pair.base, let head = pair.head else { return pointer }
        guard let name = typeRenameTable(base, head).newNames[tokens[1]] else { return pointer }
        return JSONPointer(tokens: ["$defs", name] + tokens[2...])
    }

    /// ` (base line 12)`: where a place in the base's document of the pair is, as a message says it; empty for a place in
    /// the head, in another file of the base, or without a position.
    func baseLineNote(_ place: DiffPlace) -> String {
        guard place.side == .base, place.stablePath == pair.base?.rootRelativePath, let position = place.location.position else { return "" }
        return " (base line \(position.line))"
    }

    /// The part of `pointer` that means the same thing in both documents: all of it, except that an element of a list is
    /// the same element only if it is the same thing — a member of a list of named things (`parameters`) under the same
    /// `name`, a scalar (`enum`, `required`) with the same value; other objects (`allOf` parts) by their place. The
    /// parameter now at a removed one's index is another parameter, so the place stops at the list.
    static func sharedPath(_ pointer: JSONPointer, _ base: JSONNode, _ head: JSONNode) -> JSONPointer {
        var old = base, new = head
        for (index, token) in pointer.tokens.enumerated() {
            guard case .array(let oldElements) = old.value, case .array(let newElements) = new.value else {
                guard let nextOld = old.object?[token], let nextNew = new.object?[token] else { return pointer }
                (old, new) = (nextOld, nextNew)
                continue
            }
            guard let at = JSONPointer.arrayIndex(token), at < oldElements.count, at < newElements.count,
                Self.sameElement(oldElements[at], newElements[at])
            else { return JSONPointer(tokens: Array(pointer.tokens[..<index])) }
            (old, new) = (oldElements[at], newElements[at])
        }
        return pointer
    }

    /// Whether two list elements at the same index are the same element (see ``sharedPath(_:_:_:)``).
    static func sameElement(_ old: JSONNode, _ new: JSONNode) -> Bool {
        guard let oldObject = old.object, let newObject = new.object else { return old.value == new.value }
        return oldObject["name"]?.value == newObject["name"]?.value
    }

    /// Folds the changes reported since `start` into one at `place`: `summary`, then what changed (each change's
    /// message without who it breaks, properties named inside `label`; the first five, and how many more), judged as the worst of them — its check,
    /// impact, bump and who it breaks. Nothing when there were none.
    func replace(from start: Int, withOne summary: String, label: String, at place: DiffPlace) {
        guard changes.count > start else { return }
        let folded = changes[start...]
        changes.removeSubrange(start...)
        guard let worst = folded.max(by: { ($0.impact, $0.bump) < ($1.impact, $1.bump) }) else { return }
        // Each change said inside the summary's subject: without who it breaks, its base line, or the subject's name.
        func what(_ change: Change) -> String {
            (change.message.components(separatedBy: " — ").first ?? change.message)
                .replacingOccurrences(of: #" \(base line \d+\)"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: label + ".", with: "")
        }
        // A swap met again inside (a recursive type's own references) lists what it found, not its summary, once.
        var items: [String] = []
        for change in folded {
            let item = what(change).replacingOccurrences(of: #"^(.*? is now \S+ instead of \S+: )+"#, with: "", options: .regularExpression)
            if !items.contains(item) { items.append(item) }
        }
        let listed = items.prefix(5).joined(separator: "; ") + (items.count > 5 ? "; and \(items.count - 5) more" : "")
        let who = worst.message.range(of: " — ").map { String(worst.message[$0.lowerBound...]) } ?? ""
        var interfaces: [ChangeInterface] = []
        for change in folded { for interface in change.interfaces where !interfaces.contains(interface) { interfaces.append(interface) } }
        changes.append(Change(checkID: worst.checkID, contract: pair.name, message: "\(summary): \(listed)\(who)", hint: worst.hint,
                              impact: worst.impact, bump: worst.bump, location: place.location, stablePath: place.stablePath, side: place.side,
                              what: "\(summary): \(listed)", affects: worst.affects, interfaces: interfaces))
    }

    /// The interfaces whose data reaches `target` (each direction apart), in contract order; each named by its pair.
    private func users(of target: SchemaID) -> [SchemaRoleAnalysis.User] {
        if usage == nil { usage = SchemaRoleAnalysis.UsageIndex(head) { [tables] in tables.headPairNames[$0] } }
        guard let usage else { return [] }
        if let known = usersFound[target] { return known.map(usage.user) }
        let found = usage.reaching(target, known: usersFound)
        usersFound[target] = found
        return found.map(usage.user)
    }

    /// An interface of the pair being compared: named by the pair (`orders v2`, or `orders v1 → orders v2` for a major
    /// bumped in place), as its changes and version verdict are.
    public func interface(_ name: String) -> ChangeInterface { ChangeInterface(contract: pair.name, name: name) }

    /// Reports a change to data: judged against where the data flows and the contract's policy.
    public func report(_ message: String, _ effect: CompatibilityEffect, roles: SchemaRoles, bump: VersionBump,
                       at place: DiffPlace, hint: String? = nil) {
        report(message, judging: [(effect, roles)], bump: bump, at: place, hint: hint)
    }

    /// Reports a change to data that is several changes in one (a property renamed: one removed, one added), each judged
    /// against where its own data flows: the change is as bad as the worst of them and breaks everyone any of them breaks
    /// (each named once, in the order the parts give them). `related` is a place in the base the change stands for too
    /// (the property as it was): in the base's file, the message says its line, as a removed thing's does.
    public func report(_ message: String, judging parts: [(effect: CompatibilityEffect, roles: SchemaRoles)], bump: VersionBump,
                       at place: DiffPlace, hint: String? = nil, related: DiffPlace? = nil) {
        var impact = Impact.none, parties: [String] = [], affectedParties: Set<Party> = []
        for part in parts {
            let judged = CompatibilityJudge.judge(part.effect, roles: part.roles, mode: mode)
            impact = max(impact, judged.impact)
            for party in judged.parties where !parties.contains(party) { parties.append(party) }
            affectedParties.formUnion(judged.affected)
        }
        let affected = affectedParties.sorted()
        let (place, note) = anchored(place)
        var text = message + note + (related.map(baseLineNote) ?? "")
        let what = message
        // The interfaces it reaches: every one whose data reaches the changed schema (or the reference swapped to another
        // type), in the directions its data flows here and the change breaks (every such direction, for a change that
        // breaks nobody); in contract order, each once. The interface being compared is always among them.
        let flows: [SchemaRoles] = [.request, .response, .event, .feed]
        let reached = flows.filter { flow in
            parts.contains { $0.roles.contains(flow) && (impact == .none || CompatibilityJudge.judge($0.effect, roles: flow, mode: mode).0 > .none) }
        }
        var interfaces: [ChangeInterface] = []
        if !reached.isEmpty, let target = reachedThrough ?? schemaInView {
            for user in users(of: target) where reached.contains(user.role) {
                let interface = ChangeInterface(contract: user.contract, name: user.name)
                if !interfaces.contains(interface) { interfaces.append(interface) }
            }
        }
        if let currentInterface, !interfaces.contains(currentInterface) { interfaces.insert(currentInterface, at: 0) }
        if impact > .none {
            text += " — \(impact == .breaks ? "breaks" : "may break") " + parties.joined(separator: "; ")
            // A shared type's change reaches other contracts' interfaces: say which of them it breaks — those whose data
            // flows where the change breaks (its own contract's are in view).
            // Per contract, in order: the first three interfaces named, and how many in all.
            var contracts: [(contract: String, names: [String], count: Int)] = []
            for user in interfaces where user.contract != pair.name {
                if contracts.last?.contract != user.contract { contracts.append((user.contract, [], 0)) }
                contracts[contracts.count - 1].count += 1
                if contracts[contracts.count - 1].names.count < 3 { contracts[contracts.count - 1].names.append(user.name) }
            }
            if !contracts.isEmpty {
                text += " — through " + contracts.map { entry in
                    "\(entry.contract) (" + entry.names.joined(separator: ", ") + (entry.count > 3 ? " and \(entry.count - 3) more" : "") + ")"
                }.joined(separator: ", ")
            }
        }
        // A hint says how to avoid breaking someone: a change that breaks nobody needs none.
        changes.append(Change(
            checkID: currentCheck, contract: pair.name, message: text, hint: impact > .none ? hint ?? currentHint : nil, impact: impact,
            bump: impact == .breaks ? .major : bump, location: place.location, stablePath: place.stablePath, side: place.side,
            what: what, affects: affected, interfaces: interfaces))
    }

    /// Reports a change to an interface (an operation, an event, a contract) whose impact the check decides.
    /// Under a `none` policy nothing is breaking, except what `whateverThePolicy` says holds regardless (the version
    /// gate, a weakened policy). A change that breaks, or may break, names `who`: by default an operation's existing
    /// clients, an event's existing producers and consumers, a contract's users. `interface` is the one it reaches
    /// when the check knows it and none is being compared (an operation added or removed). `related` is a place in the
    /// base the change stands for too (a type as it was named): in the base's file, the message says its line.
    public func report(_ message: String, impact: Impact, bump: VersionBump, at place: DiffPlace?, hint: String? = nil,
                       whateverThePolicy: Bool = false, who: String? = nil, interface: ChangeInterface? = nil, related: DiffPlace? = nil) {
        guard let place else { return }
        let unpromised = mode == CompatibilityMode.none && !whateverThePolicy
        let judged = unpromised ? .none : impact
        // Under `none` a change that would break someone asks for what a data change asks for there (a minor
        // version), not for a major one that no breaking change explains.
        let needed = unpromised && bump == .major ? .minor : bump
        let (anchor, note) = anchored(place)
        var text = message + note + (related.map(baseLineNote) ?? "")
        let what = message
        var affected: [Party] = []
        if judged > .none, !whateverThePolicy {
            let party = who ?? (currentCategory == .operation ? "existing clients" : currentCategory == .event ? "existing producers and consumers" : "its existing users")
            text += " — \(judged == .breaks ? "breaks" : "may break") \(party)"
            affected = Party.named(in: party)
        }
        changes.append(Change(
            checkID: currentCheck, contract: pair.name, message: text, hint: hint ?? (judged > .none && !whateverThePolicy ? currentHint : nil), impact: judged,
            bump: judged == .breaks ? .major : needed, location: anchor.location, stablePath: anchor.stablePath, side: anchor.side,
            what: what, affects: affected, interfaces: (currentInterface ?? interface).map { [$0] } ?? []))
    }
}

/// Where a change is reported: a location in the head, or in the base for something removed.
public struct DiffPlace: Sendable, Hashable {
    /// File, line:column and pointer.
    public var location: SourceLocation
    /// The document's path relative to the root.
    public var stablePath: String
    /// Which version the location is in.
    public var side: DiffSide
}

/// An object schema with its `allOf` parts folded in: what a reader sees. A class: the checks ask for the same
/// pair's objects several times each, and a cached reference is handed out without copying its tables.
public final class FlatObject: Sendable {
    /// Properties by name, in order (the first definition of a name wins).
    public let properties: [(name: String, schema: SchemaID)]
    /// Required property names.
    public let required: Set<String>
    /// Whether other properties are rejected (`additionalProperties: false` or `unevaluatedProperties: false`).
    public let closed: Bool
    /// The schema other properties must match (`additionalProperties` as a schema, not a boolean), when there is one.
    public let extra: SchemaID?
    /// The schema that declares each property of ``properties``, in the same order (an `allOf` part or `$ref` target
    /// folded in), when ``composes``; else empty: every property is the object's own (most objects: nothing to allocate).
    public let declaring: [SchemaID]
    /// Whether a property comes from another schema folded in.
    public let composes: Bool
    /// The object itself.
    private let own: SchemaID

    init(_ graph: SchemaGraph, _ id: SchemaID) {
        let own = graph.resolved(id)
        let schema = graph.schemas[own.rawValue]
        // Most objects fold nothing in (no `allOf`, no `$ref` beside keywords, no nullable alternative): their own
        // properties as written, without the sets the folding walk keeps.
        if schema.allOf.isEmpty, schema.ref == nil, schema.anyOf.isEmpty, schema.oneOf.isEmpty,
            !Self.repeatsAName(schema.properties)
        {
            properties = schema.properties.map { ($0.name, $0.schema) }
            required = Set(schema.required)
            closed = Self.closes(graph, schema.additionalProperties) || Self.closes(graph, schema.unevaluatedProperties)
            extra = schema.additionalProperties.flatMap { graph.schemas[$0.rawValue].booleanValue == nil ? $0 : nil }
            declaring = []
            composes = false
            self.own = own
            return
        }
        var builder = Builder(own: own)
        builder.fold(graph, id, depth: 0)
        properties = builder.properties
        required = builder.required
        closed = builder.closed
        extra = builder.extra
        declaring = builder.declaring
        composes = builder.composes
        self.own = builder.own
    }

    /// Whether `keyword` (`additionalProperties`, `unevaluatedProperties`) is the `false` schema.
    static func closes(_ graph: SchemaGraph, _ keyword: SchemaID?) -> Bool {
        keyword.map { graph.schemas[$0.rawValue].booleanValue == false } ?? false
    }

    /// Whether two properties share a name (the first wins when folding); compared pairwise below 32 properties.
    private static func repeatsAName(_ properties: [SchemaProperty]) -> Bool {
        if properties.count >= 32 { return Set(properties.map(\.name)).count != properties.count }
        for index in properties.indices.dropFirst() where properties[..<index].contains(where: { $0.name == properties[index].name }) {
            return true
        }
        return false
    }

    /// The folding walk's state.
    private struct Builder {
        let own: SchemaID
        var properties: [(name: String, schema: SchemaID)] = []
        var required: Set<String> = []
        var closed = false
        var extra: SchemaID?
        var declaring: [SchemaID] = []
        var composes = false
        var seen: Set<SchemaID> = []
        var names: Set<String> = []

        init(own: SchemaID) { self.own = own }

        mutating func fold(_ graph: SchemaGraph, _ id: SchemaID, depth: Int) {
            let id = graph.resolved(id)
            guard depth < 32, seen.insert(id).inserted else { return }
            for property in graph.schemas[id.rawValue].properties where names.insert(property.name).inserted {
                if id != own, !composes {
                    composes = true
                    declaring = Array(repeating: own, count: properties.count)
                }
                properties.append((property.name, property.schema))
                if composes { declaring.append(id) }
            }
            required.formUnion(graph.schemas[id.rawValue].required)
            if FlatObject.closes(graph, graph.schemas[id.rawValue].additionalProperties) || FlatObject.closes(graph, graph.schemas[id.rawValue].unevaluatedProperties) {
                closed = true
            }
            if extra == nil, let schema = graph.schemas[id.rawValue].additionalProperties, graph.schemas[schema.rawValue].booleanValue == nil { extra = schema }
            for part in graph.schemas[id.rawValue].allOf { fold(graph, part, depth: depth + 1) }
            // X made nullable (`anyOf: [X, {"type": "null"}]`) with keywords beside it (`required`, say) reads as X with
            // them; a pure wrapper is seen through by the walk instead.
            if !DiffContext.onlyAlternatives(graph.schemas[id.rawValue]), let inner = DiffContext.nonNullAlternative(graph, id) {
                fold(graph, inner, depth: depth + 1)
            }
            // A `$ref` with sibling keywords is not followed by `resolved`: its target is part of the shape too.
            if let target = graph.schemas[id.rawValue].ref { fold(graph, target, depth: depth + 1) }
        }
    }

    /// The property named `name`.
    public func property(_ name: String) -> SchemaID? { properties.first { $0.name == name }?.schema }

    /// The schema that declares the property named `name`.
    public func declaredBy(_ name: String) -> SchemaID? {
        properties.firstIndex { $0.name == name }.map { composes ? declaring[$0] : own }
    }
}

/// Where the data of each schema flows: from every operation's parameters and request body (request), its
/// responses (response), and every event's payload and feed's records (event), through references,
/// properties, items, and composition.
enum SchemaRoleAnalysis {
    /// Where a property's data never flows: a `readOnly` property is never sent in requests, a `writeOnly` one never
    /// returned in responses (contract-format.md).
    static func excluded(_ property: SchemaID, in graph: SchemaGraph) -> SchemaRoles {
        let written = graph.schemas[property.rawValue], target = graph.schemas[graph.resolved(property).rawValue]
        var roles: SchemaRoles = []
        if written.readOnly || target.readOnly { roles.insert(.request) }
        if written.writeOnly || target.writeOnly { roles.insert(.response) }
        return roles
    }

    /// An operation, event or feed whose data reaches a named type, and in which direction.
    struct User: Sendable, Hashable {
        /// Its contract: `orders v2`.
        var contract: String
        /// `captureOrder`, `event OrderCaptured`, `feed StockFile`.
        var name: String
        /// Request, response, event or feed data.
        var role: SchemaRoles
    }

    /// Which interfaces reach a schema, answered by walking back from it: every schema's parents (what refers to it,
    /// holds it as a property, item or variant) and where each interface's data starts. Built once, in time linear in
    /// the graph; each question costs only the schemas above the one asked about.
    struct UsageIndex: Sendable {
        /// The schemas that lead to each schema, one step up.
        private var parents: [SchemaID: [SchemaID]] = [:]
        /// Every interface and direction, in contract order.
        private var interfaces: [User] = []
        /// The interfaces (indices into ``interfaces``) whose data starts at each schema.
        private var starts: [SchemaID: [Int]] = [:]

        /// Indexes `graph`'s interfaces; `pairName` names the pair a document belongs to (`orders v2`, `orders v1 → orders
        /// v2`), else its contract is named by its name and major version.
        init(_ graph: SchemaGraph, pairName: (DocumentID) -> String?) {
            for index in graph.schemas.indices {
                SchemaRoleAnalysis.children(of: SchemaID(index), in: graph) { parents[$0, default: []].append(SchemaID(index)) }
            }
            func start(_ schema: SchemaID?, _ user: User) {
                guard let schema else { return }
                if interfaces.last != user { interfaces.append(user) }
                starts[schema, default: []].append(interfaces.count - 1)
            }
            for document in graph.documents.sorted(by: { ContractOrder($0, path: $0.rootRelativePath) < ContractOrder($1, path: $1.rootRelativePath) }) {
                guard let contract = document.contract else { continue }
                let name = pairName(document.id) ?? "\(contract.name) v\(contract.version.major)"
                for operation in contract.operations {
                    let request = User(contract: name, name: operation.id, role: .request)
                    let response = User(contract: name, name: operation.id, role: .response)
                    start(operation.request?.schema, request)
                    for parameter in operation.parameters { start(parameter.schema, request) }
                    for answer in operation.responses {
                        start(answer.body?.schema, response)
                        for header in answer.headers { start(header.schema, response) }
                    }
                }
                for event in contract.events { start(event.payload, User(contract: name, name: "event \(event.name)", role: .event)) }
                for feed in contract.feeds { start(feed.payload, User(contract: name, name: "feed \(feed.name)", role: .feed)) }
            }
        }

        /// The interfaces (indices into the index's list, in contract order) whose data reaches `target`. `known` holds
        /// earlier answers by schema: the walk up takes a schema's answer instead of walking above it again.
        func reaching(_ target: SchemaID, known: [SchemaID: [Int]]) -> [Int] {
            var found: Set<Int> = []
            var seen: Set<SchemaID> = [target]
            var stack = [target]
            while let id = stack.popLast() {
                if id != target, let answer = known[id] {
                    found.formUnion(answer)
                    continue
                }
                found.formUnion(starts[id] ?? [])
                for parent in parents[id] ?? [] where seen.insert(parent).inserted { stack.append(parent) }
            }
            return found.sorted()
        }

        /// The interface at `index` of the index's list.
        func user(_ index: Int) -> User { interfaces[index] }
    }

    /// Calls `visit` with each schema `id` leads to: its `$ref`, properties, composition, items and variants.
    /// `property` says which properties' schemas to follow (all by default).
    static func children(of id: SchemaID, in graph: SchemaGraph, property: (SchemaID) -> Bool = { _ in true }, _ visit: (SchemaID) -> Void) {
        let index = id.rawValue
        if let ref = graph.schemas[index].ref { visit(ref) }
        for entry in graph.schemas[index].properties where property(entry.schema) { visit(entry.schema) }
        for part in graph.schemas[index].allOf { visit(part) }
        for variant in graph.schemas[index].oneOf { visit(variant) }
        for variant in graph.schemas[index].anyOf { visit(variant) }
        for item in graph.schemas[index].prefixItems { visit(item) }
        for child in [graph.schemas[index].items, graph.schemas[index].additionalProperties, graph.schemas[index].not, graph.schemas[index].contains] {
            if let child { visit(child) }
        }
        for pattern in graph.schemas[index].patternProperties { visit(pattern.schema) }
    }

    static func roles(in graph: SchemaGraph) -> [SchemaID: SchemaRoles] {
        var roles: [SchemaID: SchemaRoles] = [:]
        func mark(_ start: SchemaID?, _ role: SchemaRoles) {
            guard let start else { return }
            var stack = [start]
            while let id = stack.popLast() {
                guard !(roles[id]?.contains(role) ?? false) else { continue }
                roles[id, default: []].insert(role)
                children(of: id, in: graph, property: { !excluded($0, in: graph).contains(role) }) { stack.append($0) }
            }
        }
        for document in graph.documents {
            guard let contract = document.contract else { continue }
            for operation in contract.operations {
                for parameter in operation.parameters { mark(parameter.schema, .request) }
                mark(operation.request?.schema, .request)
                for response in operation.responses {
                    mark(response.body?.schema, .response)
                    for header in response.headers { mark(header.schema, .response) }
                }
            }
            for event in contract.events { mark(event.payload, .event) }
            for feed in contract.feeds { mark(feed.payload, .feed) }
        }
        return roles
    }
}
