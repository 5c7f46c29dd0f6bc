import CharterCore
import CharterGovernance

/// The version verdict for one contract: what its changes need and whether the head's version says so.
public struct VersionVerdict: Sendable, Hashable {
    /// `inventory v2`.
    public var contract: String
    /// The base's version (nil: added).
    public var base: SemanticVersion?
    /// The head's version (nil: removed).
    public var head: SemanticVersion?
    /// The bump the changes need (nil: no change).
    public var required: VersionBump?
    /// The smallest correct head version, when the head's is not.
    public var suggested: SemanticVersion?
    /// Breaking, risky and other changes.
    public var breaking: Int, risky: Int, other: Int
    /// Whether the head says the contract is retired (no longer served: its version is not gated).
    public var retired = false
    /// Whether the contract is in the base, and in the head (a plain schema file is, without a version).
    public var inBase = true, inHead = true
    /// Whether the head's version moved enough — and a contract removed while it breaks someone never passes, nor does
    /// a plain schema file with a breaking change: neither has a version that could say so.
    public var passes: Bool { suggested == nil && !removedWhileInUse && !breaksWithoutVersion }
    /// Whether the contract is gone from the head while that breaks someone (it was not retired first).
    public var removedWhileInUse: Bool { inBase && !inHead && breaking > 0 }
    /// Whether this is a plain schema file on both sides (no `x-contract`, so no version to gate).
    public var unversioned: Bool { inBase && inHead && base == nil && head == nil }
    /// Whether a plain schema file on both sides has a breaking change.
    public var breaksWithoutVersion: Bool { unversioned && breaking > 0 }

    /// What the version verdict says, as every report words it.
    public enum Status: Hashable, Sendable {
        /// The version did not move far enough: it should be at least this.
        case tooLow(SemanticVersion)
        /// Removed while that breaks someone.
        case removedWhileInUse
        /// A plain schema file with a breaking change: it has no version that could say so.
        case breaksWithoutVersion
        /// The head is retired: its version is not gated.
        case retired
        /// Removed, breaking no one.
        case removed
        /// No change needs a version and the version did not move.
        case unchanged
        /// The version moved as far as the changes need (or further).
        case ok
    }

    /// The bump the changes need as reports word it: `major`, `minor`, `patch` — under 0.y.z, where the minor number
    /// marks breaking changes and the patch number the rest, `0.x minor` and `0.x patch`. Nil: no change.
    public var requiredLabel: String? {
        guard let required else { return nil }
        guard base?.major == 0, required != .patch else { return required.description }
        return required == .major ? "0.x minor" : "0.x patch"
    }

    /// How the base's version reads in reports: the version, `unversioned` for a plain schema file, `new` when added.
    public var baseLabel: String { base?.description ?? (inBase ? "unversioned" : "new") }
    /// How the head's version reads in reports: the version, `unversioned` for a plain schema file, `removed` when gone.
    public var headLabel: String { head?.description ?? (inHead ? "unversioned" : "removed") }

    /// The verdict's status, worst first.
    public var status: Status {
        if let suggested { return .tooLow(suggested) }
        if removedWhileInUse { return .removedWhileInUse }
        if breaksWithoutVersion { return .breaksWithoutVersion }
        if retired { return .retired }
        if !inHead { return .removed }
        if required == nil, base?.description == head?.description { return .unchanged }
        return .ok
    }
}

/// What `charter diff` found between two versions of a contract set.
public struct DiffResult: Sendable {
    /// Every change, in report order (contract, then location).
    public var changes: [Change]
    /// One verdict per contract present on either side, in report order.
    public var versions: [VersionVerdict]

    /// The verdict on the whole comparison, worst first: breaking changes; else versions that did not move as far
    /// as their changes need; else changes that may break someone; else compatible.
    public var verdict: DiffVerdict {
        if changes.contains(where: { $0.impact == .breaks && $0.checkID != VersionGateCheck.id }) { return .breaking }
        if versions.contains(where: { $0.suggested != nil }) { return .versionsToFix }
        return changes.contains { $0.impact == .risky } ? .risky : .compatible
    }
}

/// The verdict on a comparison, as reports head it.
public enum DiffVerdict: String, Sendable, Hashable {
    /// A change breaks someone.
    case breaking
    /// Nothing breaks, but a version did not move as far as its changes need.
    case versionsToFix = "versions-to-fix"
    /// Nothing breaks; a change may.
    case risky
    /// Every change is compatible (or there is none).
    case compatible

    /// How reports title it: `Breaking`, `Versions to fix`, `Risky`, `Compatible`.
    public var title: String {
        switch self {
        case .breaking: "Breaking"
        case .versionsToFix: "Versions to fix"
        case .risky: "Risky"
        case .compatible: "Compatible"
        }
    }
}

/// The diff stage: pairs the contracts of two loaded graphs (by contract name and major version; plain
/// schema files by path), walks their operations, events and named types side by side with `$ref`s followed
/// (structure is compared, never reference strings), runs every check of the catalog on each pair, and
/// gates each contract's semantic version. Pure: reads nothing and prints nothing.
public struct ContractDiffer: Sendable {
    /// The checks.
    public var catalog: ChangeCatalog

    /// Creates a differ.
    public init(catalog: ChangeCatalog = .standard) { self.catalog = catalog }

    /// Compares `head` against `base`. `keys` names plain schema files (absolute path → key) for pairing when
    /// their paths relative to each side's root do not match (two folders given separately); by default a plain
    /// file is paired by its path relative to the root. The same keys find a contract whose major moved in place.
    ///
    /// `carried` are changes found against older bases (transitive compatibility): each joins its contract's changes
    /// and counts in that contract's version verdict, as a change against `base` would.
    public func diff(base: SchemaGraph, head: SchemaGraph, keys: [String: String] = [:], carried: [Change] = []) -> DiffResult {
        let pairs = Self.pairs(base: base, head: head, keys: keys)
        let tables = DiffTables(base: base, head: head, pairs: pairs)
        // Contract pairs are independent: two groups on two cores, each with its own context. The changes are put
        // in report order afterwards and the verdicts in pair order, so the result never depends on scheduling.
        let groups = [Array(stride(from: 0, to: pairs.count, by: 2)), Array(stride(from: 1, to: pairs.count, by: 2))]
        let results = OrderedParallelMap.map(groups) { (indices: [Int]) throws(Never) -> [(index: Int, verdict: VersionVerdict, changes: [Change])] in
            let context = DiffContext(tables: tables)
            return indices.map { index in
                let pair = pairs[index]
                context.pair = pair
                // The promise in force is the base's: a head that weakens its own policy must not excuse its changes.
                context.mode = pair.base?.contract?.compatibility ?? pair.head?.contract?.compatibility
                let before = context.changes.count
                compare(pair, context)
                context.changes += carried.filter { $0.contract == pair.name }
                let verdict = VersionGateCheck.verdict(pair, Array(context.changes[before...]))
                if let suggested = verdict.suggested, let head = pair.head {
                    context.currentRun = ChangeCheckRun.versionGate
                    context.report(VersionGateCheck.message(verdict, required: verdict.required), impact: .breaks, bump: .patch,
                                   at: context.location(.head, pointer: ContractParser.extensionPointer.appending("version")),
                                   hint: VersionGateCheck.hint(verdict, suggested: suggested, head: head), whateverThePolicy: true)
                }
                return (index, verdict, Array(context.changes[before...]))
            }
        }.flatMap { $0 }.sorted { $0.index < $1.index }
        let versions = results.map(\.verdict)
        // A carried change whose contract no pair here is named like (paired another way against the older base) is
        // still reported, outside any verdict.
        let names = Set(pairs.map(\.name))
        let unpaired = carried.filter { !names.contains($0.contract) }
        return DiffResult(changes: Self.ordered(results.flatMap(\.changes) + unpaired, versions: versions), versions: versions)
    }

    /// `changes` in report order: by contract (in the order of `versions`), then location, then as found.
    static func ordered(_ changes: [Change], versions: [VersionVerdict]) -> [Change] {
        let order = Dictionary(versions.enumerated().map { ($1.contract, $0) }, uniquingKeysWith: { first, _ in first })
        return changes.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.contract] ?? 0, order[b.element.contract] ?? 0)
            if x != y { return x < y }
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func compare(_ pair: ContractPair, _ context: DiffContext) {
        context.run(catalog.runs) { $0.compare(contract: pair, context) }
        guard let baseDocument = pair.base, let headDocument = pair.head else { return }
        var walker = SchemaPairWalker(context: context, checks: catalog.runs)
        // Named types, judged by where their data flows on either side.
        func walkNamedType(_ base: SchemaID, _ head: SchemaID, label: String) {
            var roles = context.roles(.base, base).union(context.roles(.head, head))
            if roles.isEmpty { roles = .model }
            walker.walk(base, head, label: label, roles: roles, named: true)
        }
        let headTypes = Dictionary(context.head.schemas[headDocument.rootSchema.rawValue].definitions.map { ($0.name, $0.schema) },
                                   uniquingKeysWith: { first, _ in first })
        for definition in context.base.schemas[baseDocument.rootSchema.rawValue].definitions {
            guard let headID = headTypes[definition.name] else { continue }
            walkNamedType(definition.schema, headID, label: definition.name)
        }
        // A type the head renamed and says so (`x-renamed-from`) is compared with the one it was, under its new name.
        for rename in context.typeRenames(baseDocument, headDocument) {
            walkNamedType(rename.base, rename.head, label: rename.to)
        }
        // A root that describes a value (a plain schema file's object) is a type too: `Root` in generated code.
        let baseRoot = baseDocument.rootSchema, headRoot = headDocument.rootSchema
        if context.base.schemas[baseRoot.rawValue].describesValue || context.head.schemas[headRoot.rawValue].describesValue {
            walkNamedType(baseRoot, headRoot, label: "Root")
        }
        // Operations and events: the interface checks, then their inline schemas.
        guard let baseContract = baseDocument.contract, let headContract = headDocument.contract else { return }
        for operation in baseContract.operations {
            guard let new = headContract.operations.first(where: { $0.id == operation.id }) else { continue }
            context.currentInterface = context.interface(operation.id)
            defer { context.currentInterface = nil }
            context.run(catalog.runs) { $0.compare(operation: operation, new, context) }
            for parameter in operation.parameters {
                if let old = parameter.schema, let schema = new.parameter(keyed: operation.key(of: parameter))?.schema {
                    walker.walk(old, schema, label: "\(operation.id) \(parameter.location.rawValue) parameter \(parameter.name)", roles: .request, named: false)
                }
            }
            if let old = operation.request?.schema, let schema = new.request?.schema {
                walker.walk(old, schema, label: "\(operation.id) request", roles: .request, named: false)
            }
            for response in operation.responses {
                let answer = new.responses.first(where: { $0.status == response.status })
                if let old = response.body?.schema, let schema = answer?.body?.schema {
                    walker.walk(old, schema, label: "\(operation.id) \(response.status) response", roles: .response, named: false)
                }
                // A header's value is read by clients like a body's.
                for header in response.headers {
                    guard let old = header.schema, let schema = answer?.header(named: header.name)?.schema else { continue }
                    walker.walk(old, schema, label: "\(operation.id) \(response.status) response header \(header.name)", roles: .response, named: false)
                }
            }
        }
        for event in baseContract.events {
            guard let new = headContract.events.first(where: { $0.name == event.name }) else { continue }
            context.currentInterface = context.interface("event \(event.name)")
            defer { context.currentInterface = nil }
            context.run(catalog.runs) { $0.compare(event: event, new, context) }
            if let old = event.payload, let schema = new.payload {
                walker.walk(old, schema, label: "\(event.name) payload", roles: .event, named: false)
            }
        }
        for feed in baseContract.feeds {
            if let old = feed.payload, let schema = headContract.feeds.first(where: { $0.name == feed.name })?.payload {
                context.currentInterface = context.interface("feed \(feed.name)")
                defer { context.currentInterface = nil }
                walker.walk(old, schema, label: "\(feed.name) record", roles: .feed, named: false)
            }
        }
    }

    /// The contracts of both sides, paired: by contract name and major version, plain schema files by path; in
    /// ``ContractOrder`` (`orders v2` before `orders v10`, plain files last), whatever order the inputs were loaded in.
    static func pairs(base: SchemaGraph, head: SchemaGraph, keys: [String: String] = [:]) -> [ContractPair] {
        func key(_ document: SchemaDocument) -> String {
            document.contract.map { "\($0.name) v\($0.version.major)" } ?? keys[document.path] ?? document.rootRelativePath
        }
        var pairs: [ContractPair] = []
        var index: [String: Int] = [:]
        for document in base.documents where index[key(document)] == nil {
            index[key(document)] = pairs.count
            pairs.append(ContractPair(name: key(document), base: document, head: nil))
        }
        var unpaired: [SchemaDocument] = []
        for document in head.documents {
            if let position = index[key(document)] {
                if pairs[position].head == nil { pairs[position].head = document }
            } else {
                unpaired.append(document)
            }
        }
        for document in unpaired {
            // A major version bumped in place (the v1 file now says 2.0.0): the same contract, if its file is where a
            // base major of that name without a head was, or if that base major is the only one of the name left.
            let candidates = pairs.indices.filter { pairs[$0].head == nil && pairs[$0].base?.contract?.name != nil && pairs[$0].base?.contract?.name == document.contract?.name }
            func place(_ document: SchemaDocument) -> String { keys[document.path] ?? document.rootRelativePath }
            let sameFile = candidates.filter { pairs[$0].base.map(place) == place(document) }
            let match = sameFile.count == 1 ? sameFile[0]
                : candidates.count == 1 && head.documents.filter({ $0.contract?.name == document.contract?.name }).count == 1 ? candidates[0] : nil
            if let match {
                pairs[match].head = document
                pairs[match].name = pairs[match].name + " → " + key(document)
            } else {
                index[key(document)] = pairs.count
                pairs.append(ContractPair(name: key(document), base: nil, head: document))
            }
        }
        // In contract order, so reports do not depend on the order the inputs were given in. A pair is placed by its base
        // (a major bumped in place stays where the base's major was), an added contract by its head.
        let order = pairs.map { ContractOrder($0.base ?? $0.head, path: $0.name) }
        return pairs.indices.sorted { (order[$0], $0) < (order[$1], $1) }.map { pairs[$0] }
    }
}

/// Walks two schemas side by side, running the schema checks on every pair it meets once. A reference to a
/// named type of the same name on both sides, or to one the head renamed and says so (`x-renamed-from`), is not
/// entered: that type is compared once, as a named type.
struct SchemaPairWalker {
    let context: DiffContext
    let checks: [ChangeCheckRun]
    /// The schema pairs compared (with the way they were reached, for those judged by it).
    private var visited: Set<[Int]> = []
    /// The ways each pair was reached: whether through a nullable wrapper on either side, and which (the wrapper as
    /// written, and the directions it was reached in).
    private var visitedWays: Set<[Int]> = []

    init(context: DiffContext, checks: [ChangeCheckRun]) {
        self.context = context
        self.checks = checks
    }

    mutating func walk(_ base: SchemaID, _ head: SchemaID, label: String, roles: SchemaRoles, named: Bool, depth: Int = 0) {
        // `anyOf: [X, {"type": "null"}]` is X made nullable (contract-format.md): compared as X, nullability apart.
        // A wrapper facing a real union (other than a wrapper) stays a union, so their variants line up.
        let writtenBase = context.base.resolved(base), writtenHead = context.head.resolved(head)
        var (b, baseWrapped) = context.unwrappingNull(.base, writtenBase)
        var (h, headWrapped) = context.unwrappingNull(.head, writtenHead)
        if baseWrapped, !headWrapped, context.isUnion(.head, h) { (b, baseWrapped) = (writtenBase, false) }
        if headWrapped, !baseWrapped, context.isUnion(.base, b) { (h, headWrapped) = (writtenHead, false) }
        guard depth < 256 else { return }  // deeper than the loader's schema nesting limit: a cycle the visited set did not cut
        // Named types are looked up once: most schemas walked are not (properties, items).
        let baseName = named ? nil : context.definitionName(.base, b)
        let headName = baseName == nil ? nil : context.definitionName(.head, h)
        var pair = SchemaPair(base: b, head: h, label: label, roles: roles, baseNullWrapped: baseWrapped, headNullWrapped: headWrapped,
                              headAsWritten: head)
        if let baseName, let headName, baseName == headName ? context.sameNamedType(b, h) : context.isTypeRename(b, h) {
            // What wraps the type changed where it is referred to: the interfaces that reach the reference, judged as
            // the reference is reached.
            if baseWrapped != headWrapped { inView(head) { context.run(checks) { $0.compareWrappers(pair, context) } } }
            return
        }
        // A reference that now names another type (below) is judged by the way it was reached, as is all inside it; any
        // other pair by every direction its data flows (``flows(of:_:reachedAs:_:)``) — one seen through a nullable
        // wrapper too, except for what the wrapper says (whether `null` is allowed): that is judged by the way it was
        // reached, where the wrapper is written.
        let swapped = baseName != nil && headName != nil && baseName != headName
        let byTheWay = swapped || context.reachedThrough != nil
        let wrapped = baseWrapped || headWrapped
        pair.roles = byTheWay ? roles : Self.flows(of: b, h, reachedAs: roles, context)
        pair.wayRoles = wrapped ? roles : nil
        // A reference that now names another type (a response that returned `Allocation` now returns
        // `AllocationResult`): what differs between the two is one change, located where the reference is written —
        // not a change per property, located in the types' own definitions (which did not change). Each reference
        // that makes the swap is reported (the written reference is part of what was visited).
        // Any other schema pair is compared once, however many types and interfaces reach it, directly or through a
        // nullable wrapper, and in whichever order: judged by every direction its data flows, each change is one finding
        // that lists every interface it reaches. Each other way that reaches it — directly, or through a wrapper written
        // elsewhere or reached another way — adds only what that way says about `null`.
        let key = [b.rawValue, h.rawValue] + (byTheWay ? [roles.rawValue] : []) + (swapped ? [head.rawValue] : [])
        let way = key + [baseWrapped ? 1 : 0, headWrapped ? 1 : 0] + (wrapped ? [roles.rawValue, head.rawValue] : [])
        guard visitedWays.insert(way).inserted else { return }
        guard visited.insert(key).inserted else {
            inView(head) { context.run(checks) { $0.compareWay(pair, context) } }
            return
        }
        if swapped, let baseName, let headName {
            let start = context.changes.count
            // What differs reaches the interfaces that reach the reference (the outermost, for a swap met inside another).
            let outer = context.reachedThrough
            context.reachedThrough = outer ?? head
            defer { context.reachedThrough = outer }
            compareAndDescend(pair, label: label, roles: pair.roles, depth: depth)
            context.replace(from: start, withOne: "\(label) is now \(headName) instead of \(baseName)", label: label,
                            at: context.location(.head, head))
            return
        }
        compareAndDescend(pair, label: label, roles: pair.roles, depth: depth)
    }

    /// Where the data of a schema pair flows, for judging its changes: every direction any interface of either side sends
    /// it (the walk that reaches it first speaks for all others), with the directions of the way it was `reachedAs` —
    /// except `model`, when an interface reaches it: a schema some operation, event or feed exchanges is judged by them.
    /// A pair no interface reaches keeps the way it was reached (`model`, for a named type's).
    static func flows(of base: SchemaID, _ head: SchemaID, reachedAs roles: SchemaRoles, _ context: DiffContext) -> SchemaRoles {
        let reached = context.roles(.base, base).union(context.roles(.head, head))
        return reached.isEmpty ? roles : reached.union(roles.subtracting(.model))
    }

    /// Runs `body` with `schema` as the head schema in view: the one whose interfaces a change found there reaches.
    private func inView(_ schema: SchemaID, _ body: () -> Void) {
        context.schemaInView = schema
        body()
        context.schemaInView = nil
    }

    /// Runs the schema checks on `pair` and walks its properties, items, values and variants.
    private mutating func compareAndDescend(_ pair: SchemaPair, label: String, roles: SchemaRoles, depth: Int) {
        let b = pair.base, h = pair.head
        inView(h) { context.run(checks) { $0.compare(pair, context) } }
        let old = context.flat(.base, b)
        let new = context.flat(.head, h)
        for (name, schema) in old.properties {
            // A readOnly property's value is never in requests, a writeOnly one's never in responses: what changes inside
            // it is judged only where it flows (and not at all when that is nowhere the object goes).
            guard let match = new.property(name), !context.inherited(pair, name, old, new), let flows = context.roles(pair, property: match, .head) else { continue }
            walk(schema, match, label: label + "." + name, roles: flows, named: false, depth: depth + 1)
        }
        // A property the head renamed and says so (`x-renamed-from`) is compared with the one it was, under its new name.
        for rename in context.propertyRenames(pair, old, new) {
            guard let flows = context.roles(pair, property: rename.head, .head) else { continue }
            walk(rename.base, rename.head, label: label + "." + rename.to, roles: flows, named: false, depth: depth + 1)
        }
        // The items and additional-properties schemas may be written in an inline `allOf` part.
        let baseConstraints = context.constraints(.base, b), headConstraints = context.constraints(.head, h)
        if let items = baseConstraints.items?.value, let match = headConstraints.items?.value {
            walk(items, match, label: label + "[]", roles: roles, named: false, depth: depth + 1)
        }
        // One side's may come from a named part (what `content-model-changed` sees in the flattened object); both from
        // named parts is the named types' own comparison.
        let ownExtra = (baseConstraints.additionalProperties?.value, headConstraints.additionalProperties?.value)
        if ownExtra.0 != nil || ownExtra.1 != nil, let extra = ownExtra.0 ?? old.extra, let match = ownExtra.1 ?? new.extra {
            walk(extra, match, label: label + "{}", roles: roles, named: false, depth: depth + 1)
        }
        let headVariants = context.variants(.head, h)
        for (key, variant) in context.variants(.base, b) {
            if let match = headVariants.first(where: { $0.key == key }) {
                walk(variant, match.id, label: "\(label) (\(key))", roles: roles, named: false, depth: depth + 1)
            }
        }
    }
}

extension DiffContext {
    /// A schema that only makes another nullable — `anyOf` or `oneOf` of exactly two entries, one of them
    /// `{"type": "null"}`, and nothing else that shapes values — seen through: the other entry (`$ref`s followed),
    /// and `true`. Any other schema: itself, and `false`.
    public func unwrappingNull(_ side: DiffSide, _ id: SchemaID) -> (id: SchemaID, wrapped: Bool) {
        let graph = graph(side)
        var current = id
        var wrapped = false
        // Nested wrappers mean the same as one.
        for _ in 0..<8 {
            let schema = graph.schemas[current.rawValue]
            guard schema.types == nil || schema.types == [.null], Self.onlyAlternatives(schema),
                let inner = Self.nonNullAlternative(graph, current)
            else { break }
            current = graph.resolved(inner)
            wrapped = true
        }
        return (current, wrapped)
    }

    /// The other alternative of an `anyOf` or `oneOf` of exactly two, one of which is `{"type": "null"}` (and only
    /// that); nil for any other schema. Keywords beside the alternatives are the caller's to judge.
    static func nonNullAlternative(_ graph: SchemaGraph, _ id: SchemaID) -> SchemaID? {
        let schema = graph.schemas[id.rawValue]
        let alternatives = schema.anyOf.isEmpty ? schema.oneOf : schema.oneOf.isEmpty ? schema.anyOf : []
        guard alternatives.count == 2 else { return nil }
        func isNull(_ id: SchemaID) -> Bool {
            let schema = graph.schemas[graph.resolved(id).rawValue]
            return schema.types == [.null] && schema.properties.isEmpty && schema.enumValues == nil && schema.constValue == nil
        }
        switch (isNull(alternatives[0]), isNull(alternatives[1])) {
        case (true, false): return alternatives[1]
        case (false, true): return alternatives[0]
        default: return nil
        }
    }

    /// Whether a schema says nothing beside its `anyOf`/`oneOf` that constrains values (annotations aside): a keyword
    /// there (`required`, `additionalProperties`, a bound) makes it more than a wrapper.
    static func onlyAlternatives(_ schema: borrowing Schema) -> Bool {
        schema.ref == nil && schema.enumValues == nil && schema.constValue == nil && schema.properties.isEmpty
            && schema.additionalProperties == nil && schema.patternProperties.isEmpty && schema.items == nil && schema.prefixItems.isEmpty
            && schema.allOf.isEmpty && schema.required.isEmpty && schema.format == nil && schema.not == nil
            && schema.minimum == nil && schema.maximum == nil && schema.minLength == nil && schema.maxLength == nil && schema.pattern == nil
            && schema.minItems == nil && schema.maxItems == nil && schema.exclusiveMinimum == nil && schema.exclusiveMaximum == nil
            && schema.minProperties == nil && schema.maxProperties == nil
    }

    /// Whether a schema is a union (`oneOf`/`anyOf` with alternatives).
    func isUnion(_ side: DiffSide, _ id: SchemaID) -> Bool {
        let schema = graph(side).schemas[id.rawValue]
        return !schema.oneOf.isEmpty || !schema.anyOf.isEmpty
    }

    /// The `oneOf`/`anyOf` variants of a schema, each with a key that identifies it across versions: its
    /// discriminator value, else its type name (in the head, the base's name of a type renamed with `x-renamed-from`),
    /// else its shape.
    public func variants(_ side: DiffSide, _ id: SchemaID) -> [(key: String, id: SchemaID)] {
        let graph = graph(side)
        let list = graph.schemas[id.rawValue].oneOf + graph.schemas[id.rawValue].anyOf
        guard !list.isEmpty else { return [] }
        let discriminator = graph.schemas[id.rawValue].discriminator?.propertyName
        var seen: [String: Int] = [:]
        return list.map { variant in
            let resolved = graph.resolved(variant)
            if let property = discriminator ?? Self.constProperty(graph, resolved),
                let value = flat(side, resolved).property(property).flatMap({ graph.schemas[graph.resolved($0).rawValue].constValue?.string })
            {
                return ("\(property)=\(value)", variant)
            }
            // A type the head renamed and says so is the variant it was.
            if let name = definitionName(side, resolved) { return (side == .head ? declaredRename(of: resolved)?.from ?? name : name, variant) }
            // An inline variant is known by its shape (types and required property names), not its position, so a
            // variant inserted in front does not shift the others; equal shapes are numbered in order.
            let shape = flat(side, resolved)
            var key = (graph.schemas[resolved.rawValue].types?.map(\.rawValue).sorted().joined(separator: "|") ?? "any")
            if !shape.required.isEmpty { key += "{" + shape.required.sorted().joined(separator: ",") + "}" }
            seen[key, default: 0] += 1
            return (seen[key]! > 1 ? "\(key) #\(seen[key]!)" : key, variant)
        }
    }

    /// The first property of an object schema whose value is a `const` string (an implicit discriminator).
    static func constProperty(_ graph: SchemaGraph, _ id: SchemaID) -> String? {
        graph.schemas[id.rawValue].properties.first { graph.schemas[graph.resolved($0.schema).rawValue].constValue?.string != nil }?.name
    }
}
