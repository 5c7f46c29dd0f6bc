/// Works out the version adapters of a module: for every contract whose input holds two or more major
/// versions, how each type of one major becomes the same-named type of the neighbouring major (or the one it was
/// renamed from or to: `x-renamed-from` on the newer version), both ways.
///
/// The rule is that nothing is dropped or invented silently. A target property is filled from the source
/// property with the same wire name (or the one a rename pairs it with) when every source value has an exact
/// place in it (same scalar, a wider scalar, a string enumeration and a string either way, a paired type whose own
/// adapter needs nothing from the caller, containers of those, and a shape at least as permissive: required into
/// optional, non-null into nullable). A property that is new and optional stays absent; one that is new and required, or whose source value cannot be carried exactly,
/// is the caller's to supply. Every source value the adapter does not carry itself — properties the target does
/// not have, and those whose target value the caller supplies — is reported as a loss.
/// Language-neutral: the Swift layer renders the plan.
public struct VersionAdapterPlanner: Sendable {
    /// The module to plan for.
    public let module: IRModule

    /// Creates a planner.
    public init(_ module: IRModule) { self.module = module }

    /// The adapter sets, in the order of each contract's lowest major's namespace. `isEligible` leaves out
    /// types the target language cannot refer to without a warning (deprecated ones, in Swift).
    public func plan(isEligible: (IRTypeID) -> Bool = { _ in true }) -> [IRAdapterSet] {
        families().map { family in
            let directions = zip(family.members, family.members.dropFirst()).flatMap { lower, upper in
                [direction(from: lower, to: upper, isEligible: isEligible), direction(from: upper, to: lower, isEligible: isEligible)]
            }
            return IRAdapterSet(contractName: family.name, namespaces: family.members, directions: directions)
        }
    }

    // MARK: One direction

    /// The adapters from namespace `source` to namespace `target`.
    func direction(from source: Int, to target: Int, isEligible: (IRTypeID) -> Bool) -> IRAdapterDirection {
        var pairs: [IRTypeID: IRTypeID] = [:]
        var unadapted: [IRUnadaptedPair] = []
        let (sourceTypes, targetTypes) = (module.namespaces[source].types, module.namespaces[target].types)
        let upgrading = module.namespaces[source].majorVersion! < module.namespaces[target].majorVersion!
        let renamed = renamedTypes(sourceTypes, targetTypes, upgrading: upgrading)
        pair(sourceTypes, targetTypes, renamed: renamed, into: &pairs, unadapted: &unadapted, isEligible: isEligible)
        // The greatest fixed point: assume every pair converts on its own, then strike the ones that need the
        // caller (directly, or through a pair already struck) until nothing changes. Recursive types stay in.
        var automatic = Set(pairs.keys)
        var changed = true
        while changed {
            changed = false
            for source in automatic.sorted() {
                let adapter = adaptation(source, pairs[source]!, pairs: pairs, automatic: automatic)
                if adapter.map({ IRTypeAdapter(source: source, target: pairs[source]!, adaptation: $0).needsCaller }) ?? true {
                    automatic.remove(source)
                    changed = true
                }
            }
        }
        var types: [IRTypeAdapter] = []
        for (source, target) in pairs.sorted(by: { $0.value < $1.value }) {
            if let adaptation = adaptation(source, target, pairs: pairs, automatic: automatic) {
                types.append(IRTypeAdapter(source: source, target: target, adaptation: adaptation))
            } else {
                unadapted.append(IRUnadaptedPair(source: source, target: target, reason: .unionsDiffer))
            }
        }
        var direction = IRAdapterDirection(source: source, target: target, types: types)
        direction.unadapted = unadapted.sorted { $0.target < $1.target }
        // Top-level types of the target with no counterpart at all (aliases need none).
        let counterparts = Set(pairs.values).union(unadapted.map(\.target))
        let sourceNames = Set(sourceTypes.map { module[$0].name })
        direction.unpaired = targetTypes.filter { type in
            if case .alias = module[type].kind { return false }
            return !counterparts.contains(type) && !sourceNames.contains(module[type].name)
        }
        return direction
    }

    /// Pairs types of the two versions by contract name (and nested types under paired parents by theirs), or
    /// through a rename (`renamed`, source → target: see ``renamedTypes(_:_:upgrading:)``, and for nested types
    /// ``renamedNestedTypes(_:_:)``), when their kinds can be adapted into each other; a pair that cannot be goes into `unadapted` (two aliases need no adapter: their
    /// values convert as the types they stand for).
    func pair(
        _ sources: [IRTypeID], _ targets: [IRTypeID], renamed: [IRTypeID: IRTypeID] = [:], into pairs: inout [IRTypeID: IRTypeID],
        unadapted: inout [IRUnadaptedPair], isEligible: (IRTypeID) -> Bool
    ) {
        let byName = firstByName(targets)
        for source in sources {
            guard let target = byName[module[source].name] ?? renamed[source] else { continue }
            if case .alias = module[source].kind, case .alias = module[target].kind { continue }
            guard isEligible(source), isEligible(target) else {
                unadapted.append(IRUnadaptedPair(source: source, target: target, reason: .ineligible))
                continue
            }
            guard Self.kindsMatch(module[source].kind, module[target].kind) else {
                unadapted.append(IRUnadaptedPair(source: source, target: target, reason: .kindsDiffer))
                continue
            }
            pairs[source] = target
            pair(
                module[source].nested, module[target].nested, renamed: renamedNestedTypes(source, target),
                into: &pairs, unadapted: &unadapted, isEligible: isEligible)
        }
    }

    /// Whether two declarations are the same kind of type (string enums with string enums).
    static func kindsMatch(_ source: IRTypeKind, _ target: IRTypeKind) -> Bool {
        switch (source, target) {
        case (.object, .object), (.union, .union): return true
        case (.enumeration(let a), .enumeration(let b)): return a.isString == b.isString
        default: return false
        }
    }

    /// The adapter of a pair, given which pairs convert without the caller; nil when no total adapter exists
    /// (a union with a variant that has no counterpart).
    func adaptation(_ source: IRTypeID, _ target: IRTypeID, pairs: [IRTypeID: IRTypeID], automatic: Set<IRTypeID>) -> IRTypeAdaptation? {
        switch (module[source].kind, module[target].kind) {
        case (.object(let from), .object(let to)):
            return objectAdaptation(from, to, upgrading: isUpgrade(from: source, to: target), pairs: pairs, automatic: automatic)
        case (.enumeration, .enumeration):
            return .enumeration
        case (.union(let from), .union(let to)):
            // The same tag property (or none on both sides): an alternative encodes the same way in both versions.
            guard from.discriminator?.propertyName == to.discriminator?.propertyName else { return nil }
            // A union that holds `null` has no counterpart for it in one that does not.
            if module[source].isNullable && !module[target].isNullable { return nil }
            var variants: [(target: Int, conversion: IRConversion)] = []
            for (variant, index) in zip(from.variants, Self.variantCounterparts(from, to)) {
                guard let index, let conversion = conversion(variant.type, to.variants[index].type, pairs: pairs, automatic: automatic)
                else { return nil }
                variants.append((index, conversion))
            }
            return .union(variants: variants)
        default:
            return nil
        }
    }

    /// A struct's adapter: where each target property comes from (the same-named source property, or the one it
    /// is renamed from or to: ``counterparts(_:_:upgrading:)``), and what of the source has no place.
    func objectAdaptation(
        _ from: IRObject, _ to: IRObject, upgrading: Bool, pairs: [IRTypeID: IRTypeID], automatic: Set<IRTypeID>
    ) -> IRTypeAdaptation {
        let sources = Self.counterparts(from, to, upgrading: upgrading)
        let properties: [IRPropertyAdaptation] = zip(to.properties, sources).map { property, index in
            if property.isComputedConstant { return .constant }
            guard let index else { return property.isAlwaysPresent ? .supplied(sourceProperty: nil) : .absent }
            let old = from.properties[index]
            // A stored constant (an optional one) takes only its own value: the source's is carried when it is the same
            // constant, and otherwise reported (a unit or a version marker that changed), never copied across.
            if let constant = property.constValue, old.constValue.map({ JSONWriter.write($0) }) != JSONWriter.write(constant) {
                return property.isAlwaysPresent ? .supplied(sourceProperty: index) : .absent
            }
            guard Self.shape(old, in: module).fits(Self.shape(property, in: module)),
                let conversion = conversion(old.type, property.type, pairs: pairs, automatic: automatic)
            else { return .supplied(sourceProperty: index) }
            return .adapted(sourceProperty: index, conversion: conversion)
        }
        // Every source value the adapter does not carry itself is reported, including one whose target property
        // the caller supplies: what the caller made of it is the caller's to accept (`accepting(_:)`).
        let carried = Set(properties.compactMap { adaptation -> Int? in
            if case .adapted(let index, _) = adaptation { return index }
            return nil
        })
        // A constant is carried when the target computes the same constant in its counterpart (the same-named
        // property, or the one a rename pairs it with); one that changed (a unit, a version marker) is reported like
        // any other value the adapter does not carry. Source index → the target's constant, as JSON text.
        var targetConstants: [Int: String] = [:]
        for (property, index) in zip(to.properties, sources) where property.isComputedConstant {
            if let index, let constant = property.constValue { targetConstants[index] = JSONWriter.write(constant) }
        }
        let dropped = from.properties.indices.filter { index in
            if carried.contains(index) { return false }
            guard let constant = from.properties[index].constValue else { return true }
            return targetConstants[index] != JSONWriter.write(constant)
        }
        let additional: IRAdditionalAdaptation
        switch (from.additionalProperties, to.additionalProperties) {
        case (.map(let old), .map(let new)):
            let sourceNames = Set(from.properties.map(\.wireName))
            additional = conversion(old, new, pairs: pairs, automatic: automatic) == .identity
                ? .carried(excluding: to.properties.map(\.wireName).filter { !sourceNames.contains($0) })
                : .lost
        case (.map, _): additional = .lost
        default: additional = .none
        }
        return .object(properties: properties, dropped: dropped, additional: additional)
    }

    /// How a value of `source` becomes a value of `target` exactly, or nil.
    func conversion(_ source: IRTypeRef, _ target: IRTypeRef, pairs: [IRTypeID: IRTypeID], automatic: Set<IRTypeID>) -> IRConversion? {
        let from = IRTypeRef.resolvingAliases(source, in: module.types)
        let to = IRTypeRef.resolvingAliases(target, in: module.types)
        func wrap(_ inner: IRConversion?, _ container: (IRConversion) -> IRConversion) -> IRConversion? {
            inner.map { $0.isIdentity ? .identity : container($0) }
        }
        switch (from, to) {
        case (.named(let a), .named(let b)):
            if a == b { return .identity }
            return pairs[a] == b && automatic.contains(a) ? .adapter(source: a, target: b) : nil
        case (.primitive(let a), .primitive(let b)):
            if Self.sameScalar(a, b) { return .identity }
            return Self.widens(a, b) ? .widen(from: a, to: b) : nil
        case (.named(let id), .primitive(.string)):
            guard case .enumeration(let enumeration) = module[id].kind, enumeration.isString else { return nil }
            return .rawValue
        case (.primitive(.string), .named(let id)):
            guard case .enumeration(let enumeration) = module[id].kind, enumeration.isString else { return nil }
            return .enumeration(target: id)
        case (.any, .any):
            return .identity
        case (.array(let a), .array(let b)):
            return wrap(conversion(a, b, pairs: pairs, automatic: automatic), IRConversion.array)
        case (.map(let a), .map(let b)):
            return wrap(conversion(a, b, pairs: pairs, automatic: automatic), IRConversion.map)
        case (.optional(let a), .optional(let b)):
            return wrap(conversion(a, b, pairs: pairs, automatic: automatic), IRConversion.optional)
        default:
            return nil
        }
    }

    /// Whether two scalars hold the same values (a decimal is the same decimal whether it travels as a
    /// string or a number).
    static func sameScalar(_ a: IRPrimitive, _ b: IRPrimitive) -> Bool {
        if case .decimal = a, case .decimal = b { return true }
        return a == b
    }

    /// Whether every value of scalar `a` is exactly a value of scalar `b` (the widenings ``IRConversion/widen(from:to:)``
    /// names; a platform integer is at most 64 bits wide, and a decimal holds 38 digits).
    static func widens(_ a: IRPrimitive, _ b: IRPrimitive) -> Bool {
        switch (a, b) {
        case (.integer(bits: 32), .integer(bits: 64)), (.integer(bits: 32), .integer(bits: nil)), (.integer(bits: nil), .integer(bits: 64)):
            return true
        case (.integer, .decimal):
            return true
        default:
            return false
        }
    }

    /// A property's shape; a type that holds `null` itself (free-form JSON, a nullable union) is never "nullable"
    /// apart from its value.
    static func shape(_ property: IRProperty, in module: IRModule) -> IRPropertyShape {
        IRPropertyShape(isRequired: property.isAlwaysPresent, isNullable: property.keepsNullApart(in: module.types))
    }
}
