/// Renames between neighbouring majors (`x-renamed-from`, written on the newer version): the types and properties
/// that pair across a rename, and the renames that name nothing in the older version (reported as warnings).
extension VersionAdapterPlanner {
    /// The contracts given in two or more distinct majors: each contract's name and its namespaces, lowest major
    /// first, in the order of each contract's first namespace. Two files of one major are ambiguous and left out
    /// (the loader's identity checks report them).
    func families() -> [(name: String, members: [Int])] {
        var families: [String: [Int]] = [:]
        var order: [String] = []
        for (index, namespace) in module.namespaces.enumerated() where namespace.isInput && namespace.majorVersion != nil {
            if families[namespace.contractName] == nil { order.append(namespace.contractName) }
            families[namespace.contractName, default: []].append(index)
        }
        return order.compactMap { name in
            let members = families[name]!.sorted { module.namespaces[$0].majorVersion! < module.namespaces[$1].majorVersion! }
            let majors = members.map { module.namespaces[$0].majorVersion! }
            guard members.count > 1, Set(majors).count == majors.count else { return nil }
            return (name, members)
        }
    }

    /// Whether adapting `source` into `target` goes from an older major to a newer one.
    func isUpgrade(from source: IRTypeID, to target: IRTypeID) -> Bool {
        (module.namespaces[module[source].namespace].majorVersion ?? 0) < (module.namespaces[module[target].namespace].majorVersion ?? 0)
    }

    /// Source types paired with target types through `x-renamed-from` (source → target): a newer type whose
    /// rename names an older type, when neither has a same-named counterpart (the older name is not declared in
    /// the newer version, nor the newer name in the older one). The first newer type to name an older one takes it.
    func renamedTypes(_ sources: [IRTypeID], _ targets: [IRTypeID], upgrading: Bool) -> [IRTypeID: IRTypeID] {
        let (older, newer) = upgrading ? (sources, targets) : (targets, sources)
        let olderByName = firstByName(older)
        let newerNames = Set(newer.map { module[$0].name })
        var pairs: [IRTypeID: IRTypeID] = [:]
        for type in newer {
            guard let rename = module[type].renamedFrom, olderByName[module[type].name] == nil, !newerNames.contains(rename.name),
                let old = olderByName[rename.name], pairs[old] == nil
            else { continue }
            pairs[old] = type
        }
        return upgrading ? pairs : Dictionary(uniqueKeysWithValues: pairs.map { ($0.value, $0.key) })
    }

    /// The nested (inline) types of paired types `source` and `target` that pair through a rename (source → target):
    /// in structs, the type a renamed property holds in one version (itself, or as the element of an array or a map)
    /// with the type its counterpart holds at the same place in the other; in unions paired under another name (held
    /// by a renamed property, or a renamed `$defs` type), the type an alternative holds with the one its counterpart
    /// (``variantCounterparts(_:_:)``) holds. Only when neither pairs by name (the source's type's name is not nested
    /// in the target, nor the target's in the source): an inline type is named after its property, so `lines` renamed
    /// from `items` holds `Line` where it held `Item`, and a union's object alternative after the union, so `tender`
    /// renamed from `payment` (`"type": ["object", "string"]`) holds `Tender.TenderObject` where it held
    /// `Payment.PaymentObject`. The first such property or alternative to hold a type takes it.
    func renamedNestedTypes(_ source: IRTypeID, _ target: IRTypeID) -> [IRTypeID: IRTypeID] {
        let (sourceNested, targetNested) = (Set(module[source].nested), Set(module[target].nested))
        let sourceNames = Set(module[source].nested.map { module[$0].name })
        let targetNames = Set(module[target].nested.map { module[$0].name })
        var pairs: [IRTypeID: IRTypeID] = [:]
        var taken: Set<IRTypeID> = []
        for (old, new) in renamedHeldTypes(source, target).flatMap({ Self.typesHeldAlike($0.0, $0.1) })
        where sourceNested.contains(old) && targetNested.contains(new) && !targetNames.contains(module[old].name)
            && !sourceNames.contains(module[new].name) && pairs[old] == nil && !taken.contains(new) {
            pairs[old] = new
            taken.insert(new)
        }
        return pairs
    }

    /// What paired types `source` and `target` hold at places that pair through a rename, in order: the types of
    /// a struct's renamed properties and their counterparts', or, for unions of different names, the types of each
    /// alternative and its counterpart's.
    private func renamedHeldTypes(_ source: IRTypeID, _ target: IRTypeID) -> [(IRTypeRef, IRTypeRef)] {
        switch (module[source].kind, module[target].kind) {
        case (.object(let from), .object(let to)):
            let counterparts = Self.counterparts(from, to, upgrading: isUpgrade(from: source, to: target))
            return zip(to.properties, counterparts).compactMap { property, index in
                guard let index, from.properties[index].wireName != property.wireName else { return nil }
                return (from.properties[index].type, property.type)
            }
        case (.union(let from), .union(let to)) where module[source].name != module[target].name:
            return zip(from.variants, Self.variantCounterparts(from, to)).compactMap { variant, index in
                index.map { (variant.type, to.variants[$0].type) }
            }
        default:
            return []
        }
    }

    /// For each alternative of union `from`, the index of the alternative of `to` its values become: the one of the
    /// same case name and the same discriminator values; nil when there is none.
    static func variantCounterparts(_ from: IRUnion, _ to: IRUnion) -> [Int?] {
        from.variants.map { variant in
            to.variants.firstIndex { $0.nameHint == variant.nameHint && Set($0.tags) == Set(variant.tags) }
        }
    }

    /// The declared types `a` and `b` hold at the same place: both the type itself, both an array's element or both
    /// a map's value (an element that may be null on one side only still counts); none when the shapes differ.
    static func typesHeldAlike(_ a: IRTypeRef, _ b: IRTypeRef) -> [(IRTypeID, IRTypeID)] {
        switch (a, b) {
        case (.named(let x), .named(let y)): return [(x, y)]
        case (.array(let x), .array(let y)), (.map(let x), .map(let y)): return typesHeldAlike(x, y)
        case (.optional(let x), _): return typesHeldAlike(x, b)
        case (_, .optional(let y)): return typesHeldAlike(a, y)
        default: return []
        }
    }

    /// For each property of struct `to`, the index of the property of `from` its value comes from: the one of the
    /// same wire name, else the one a rename pairs it with (the newer property's `x-renamed-from` names the older
    /// one, the newer name is not declared in the older version and the older name not in the newer one); nil
    /// when neither exists. Each source property fills one target property at most.
    static func counterparts(_ from: IRObject, _ to: IRObject, upgrading: Bool) -> [Int?] {
        var sourceIndex: [String: Int] = [:]
        for (index, property) in from.properties.enumerated() where sourceIndex[property.wireName] == nil {
            sourceIndex[property.wireName] = index
        }
        let targetNames = Set(to.properties.map(\.wireName))
        // Older wire name → newer property (its index in whichever side is the newer one).
        var renamed: [String: Int] = [:]
        let newer = upgrading ? to.properties : from.properties
        let olderNames = upgrading ? Set(sourceIndex.keys) : targetNames
        let newerNames = upgrading ? targetNames : Set(sourceIndex.keys)
        for (index, property) in newer.enumerated() {
            guard let rename = property.renamedFrom?.name, !olderNames.contains(property.wireName), olderNames.contains(rename),
                !newerNames.contains(rename), renamed[rename] == nil
            else { continue }
            renamed[rename] = index
        }
        if upgrading {
            let byTarget = Dictionary(uniqueKeysWithValues: renamed.map { ($0.value, $0.key) })
            return to.properties.indices.map { index in
                sourceIndex[to.properties[index].wireName] ?? byTarget[index].flatMap { sourceIndex[$0] }
            }
        }
        return to.properties.map { sourceIndex[$0.wireName] ?? renamed[$0.wireName] }
    }

    /// The renames the adapters cannot use, as warnings at the keyword (file, line:column, JSON pointer): one that
    /// names nothing in the neighbouring older major (`adapters.rename-unmatched`: no type of that name, or no
    /// property of that name in the type's counterpart), and one that names something but pairs nothing because
    /// the names still pair otherwise (`adapters.rename-ignored`: the older name is still declared in the newer
    /// version, the newer name already was in the older one, or another rename took the older one). A type's
    /// counterpart is the same-named type or the one its rename pairs it with; nested types pair by name under
    /// paired parents, or through the renamed property that holds them (``renamedNestedTypes(_:_:)``). A contract's
    /// lowest major given has nothing to check against.
    public func renameWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for family in families() {
            for (lower, upper) in zip(family.members, family.members.dropFirst()) {
                let (older, newer) = (module.namespaces[lower].types, module.namespaces[upper].types)
                let olderByName = firstByName(older)
                let olderVersion = "\(family.name) v\(module.namespaces[lower].majorVersion!)"
                let renamed = renamedTypes(older, newer, upgrading: true)
                let renamedNewer = Set(renamed.values)
                for type in newer {
                    if let rename = module[type].renamedFrom {
                        if olderByName[rename.name] == nil {
                            warnings.append(Self.unmatched(rename, in: olderVersion))
                        } else if !renamedNewer.contains(type) {
                            warnings.append(Self.ignored(rename, in: olderVersion))
                        }
                    }
                    let counterpart = olderByName[module[type].name] ?? renamed.first { $0.value == type }?.key
                    if let counterpart { propertyRenameWarnings(type, counterpart, olderVersion: olderVersion, into: &warnings) }
                }
            }
        }
        return warnings
    }

    /// The property renames of struct `newer` (and of its nested structs) that ``counterparts(_:_:upgrading:)``
    /// cannot use against `older`.
    private func propertyRenameWarnings(_ newer: IRTypeID, _ older: IRTypeID, olderVersion: String, into warnings: inout [Diagnostic]) {
        if case .object(let new) = module[newer].kind, case .object(let old) = module[older].kind {
            let oldNames = Set(old.properties.map(\.wireName))
            let sources = Self.counterparts(old, new, upgrading: true)
            for (property, source) in zip(new.properties, sources) {
                guard let rename = property.renamedFrom else { continue }
                let place = "\(module[older].name) in \(olderVersion)"
                if !oldNames.contains(rename.name) {
                    warnings.append(Self.unmatched(rename, in: place))
                } else if source.map({ old.properties[$0].wireName }) != rename.name {
                    warnings.append(Self.ignored(rename, in: place))
                }
            }
        }
        let olderNested = firstByName(module[older].nested)
        let renamed = renamedNestedTypes(older, newer)
        for nested in module[newer].nested {
            if let counterpart = olderNested[module[nested].name] ?? renamed.first(where: { $0.value == nested })?.key {
                propertyRenameWarnings(nested, counterpart, olderVersion: olderVersion, into: &warnings)
            }
        }
    }

    /// A rename that names nothing in `place` (the older version, or a type of it).
    static func unmatched(_ rename: RenamedFrom, in place: String) -> Diagnostic {
        .warning(
            "x-renamed-from names \"\(rename.name)\", which \(place) does not declare, so it pairs nothing",
            at: rename.location, code: "adapters.rename-unmatched")
    }

    /// A rename that names something of `place` (the older version, or a type of it) that pairs otherwise.
    static func ignored(_ rename: RenamedFrom, in place: String) -> Diagnostic {
        .warning(
            "x-renamed-from names \"\(rename.name)\" of \(place), which pairs otherwise: the newer version still declares that name, the older one already declares the newer name, or another rename took it",
            at: rename.location, code: "adapters.rename-ignored",
            hint: "rename only what no longer has its name, once")
    }

    /// The first of `types` of each name.
    func firstByName(_ types: [IRTypeID]) -> [String: IRTypeID] {
        var byName: [String: IRTypeID] = [:]
        for type in types where byName[module[type].name] == nil { byName[module[type].name] = type }
        return byName
    }
}
