import Foundation
import CharterCore
import CharterGovernance

/// `type-changed`: the JSON types a value may take changed (including `null`).
struct TypeChangedCheck: ChangeCheck {
    let id = "type-changed"
    let breakingHint: String? = "add a property of the new type beside the old one, deprecate the old one, and remove it in the next major version"
    let summary = "The JSON types a value may take changed: narrowed, widened (including becoming nullable) or replaced."
    let rationale = "A narrower type rejects data written before (a string sku that becomes an integer); a wider one breaks readers of the old version, which cannot read the new kind of value — `null` included, the commonest way a response grows a crash. The generated Swift type changes either way."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": ["string", "null"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string", "maxLength": 20}"#, version: "1.0.1")

    /// The JSON types a schema admits on a side, its inline `allOf` parts' included (`integer` is within `number`); nil
    /// when it says nothing about type.
    static func types(_ context: DiffContext, _ side: DiffSide, _ id: SchemaID) -> Set<String>? {
        context.constraints(side, id).types?.value
    }

    static func admits(_ set: Set<String>, _ type: String) -> Bool {
        set.contains(type) || (type == "integer" && set.contains("number"))
    }

    /// One side reached through a nullable wrapper, the other not, around the same named type.
    func compareWrappers(_ pair: SchemaPair, _ context: DiffContext) {
        reportNullability(pair, context)
    }

    /// Whether one side of a pair admits `null`, where it says: a nullable wrapper does; else its `type` list and its
    /// enum must both allow it (`"type": ["string", "null"]` with `"enum": ["a"]` admits no `null`). nil when the
    /// schema says neither.
    static func nullability(_ pair: SchemaPair, _ side: DiffSide, _ context: DiffContext) -> Bool? {
        if side == .base ? pair.baseNullWrapped : pair.headNullWrapped { return true }
        let constraints = context.constraints(side, side == .base ? pair.base : pair.head)
        let byType = constraints.types.map { $0.value.contains("null") }
        let byEnum = constraints.enumValues.map { $0.value.contains { $0.value == .null } }
        switch (byType, byEnum) {
        case (nil, nil): return nil
        case let (type?, values?): return type && values
        case let (type, values): return type ?? values
        }
    }

    /// `null` allowed on one side only, when a side's types are not compared (one of them has no `type`) or the pair is
    /// one named type reached with and without a wrapper: said as ``describe(_:_:)`` says a change to `null` alone.
    private func reportNullability(_ pair: SchemaPair, _ context: DiffContext) {
        let became = Self.nullability(pair, .head, context) ?? false
        guard became != Self.nullability(pair, .base, context) ?? false else { return }
        let old: Set<String> = became ? [] : ["null"], new: Set<String> = became ? ["null"] : []
        context.report("\(pair.label) \(Self.describe(old, new))", Self.effect(lost: old.sorted(), gained: new.sorted()),
                       roles: pair.roles, bump: .minor, at: context.location(.head, pair.headAsWritten ?? pair.head))
    }

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        compareTypes(pair, context, wayOnly: false)
    }

    /// One way of several that reach a pair compared already: only whether it admits `null` there.
    func compareWay(_ pair: SchemaPair, _ context: DiffContext) {
        compareTypes(pair, context, wayOnly: true)
    }

    /// Compares the pair's types — only its `null` when `wayOnly` (the other types were compared where the pair was met
    /// first). Whether `null` is allowed is the way's (a nullable wrapper's, judged by ``SchemaPair/wayRoles``); the
    /// other types are the pair's, judged by every direction its data flows. A change to both at one place is one
    /// finding (``reportTypes(_:_:_:way:at:_:)``).
    private func compareTypes(_ pair: SchemaPair, _ context: DiffContext, wayOnly: Bool) {
        var way = pair
        way.roles = pair.wayRoles ?? pair.roles
        let before = Self.types(context, .base, pair.base), after = Self.types(context, .head, pair.head)
        guard var old = before, var new = after else {
            reportNullability(way, context)
            if !wayOnly { compareTypeless(pair, before: before, after: after, context) }
            return
        }
        let at = context.location(.head, pair.head, keyword: "type", in: context.constraints(.head, pair.head).types?.schema)
        // `null` is in the types when the side admits it: a wrapper's `null` joins the wrapped schema's types, so
        // `["object", "null"]` and a wrapped object agree, and an enum without `null` keeps it out.
        if Self.nullability(pair, .base, context) == true { old.insert("null") } else { old.remove("null") }
        if Self.nullability(pair, .head, context) == true { new.insert("null") } else { new.remove("null") }
        if wayOnly {
            // The head's other types as the base's: what is left to say is this way's `null`.
            new = old.subtracting(["null"]).union(new.contains("null") ? ["null"] : [])
        }
        reportTypes(old, new, pair, way: way, at: at, context)
    }

    /// The types `old` has that `new` does not admit, and the reverse, sorted.
    private static func difference(_ old: Set<String>, _ new: Set<String>) -> (lost: [String], gained: [String]) {
        (old.filter { !admits(new, $0) }.sorted(), new.filter { !admits(old, $0) }.sorted())
    }

    /// How a change between two type sets (`null` among them when admitted) is said, one way however `null` is written
    /// (a type list, an enum, a nullable wrapper): `became nullable` or `is no longer nullable` for `null` alone; `type
    /// changed from string to integer`, followed by ` and became nullable` or ` and is no longer nullable` when `null`
    /// changed too (`null` kept on both sides is not named); both lists as they are when one holds nothing but `null`
    /// (`type changed from null to string`).
    static func describe(_ old: Set<String>, _ new: Set<String>) -> String {
        let wasNullable = old.contains("null"), isNullable = new.contains("null")
        let oldTypes = old.subtracting(["null"]), newTypes = new.subtracting(["null"])
        let nullability = isNullable ? "became nullable" : "is no longer nullable"
        let (lost, gained) = difference(oldTypes, newTypes)
        if lost.isEmpty, gained.isEmpty { return nullability }
        func list(_ types: Set<String>) -> String { types.sorted().joined(separator: "|") }
        if oldTypes.isEmpty || newTypes.isEmpty { return "type changed from \(list(old)) to \(list(new))" }
        return "type changed from \(list(oldTypes)) to \(list(newTypes))" + (wasNullable == isNullable ? "" : " and " + nullability)
    }

    /// What losing and gaining types does: a type lost breaks readers of data written before, one gained old readers.
    private static func effect(lost: [String], gained: [String]) -> CompatibilityEffect {
        CompatibilityEffect(backward: lost.isEmpty ? .none : .breaks, "data written before may be \(lost.joined(separator: " or "))",
                            forward: gained.isEmpty ? .none : .breaks, "they cannot read \(gained.joined(separator: " or "))")
    }

    /// Reports a change between two known type sets (nothing when each admits the other's), as one finding however much
    /// of it is `null`. The other types are judged by `pair`'s roles, `null` by `way`'s: the same roles (no nullable
    /// wrapper, or one reached the way its schema's data flows) judge the change as one; otherwise each direction the data
    /// flows is judged by what changed there (``partsByDirection(lost:gained:types:null:)``), so the finding is as bad as
    /// the worse of the two and names everyone either breaks, each with its reason. A change to `null` through a wrapper
    /// is located where the wrapper is written, or was; any other at the head's `type`.
    private func reportTypes(_ old: Set<String>, _ new: Set<String>, _ pair: SchemaPair, way: SchemaPair, at: DiffPlace, _ context: DiffContext) {
        let (lost, gained) = Self.difference(old, new)
        guard !lost.isEmpty || !gained.isEmpty else { return }
        let nulls = lost.contains("null") || gained.contains("null")
        let parts = nulls && way.roles != pair.roles
            ? Self.partsByDirection(lost: lost, gained: gained, types: pair.roles, null: way.roles)
            : [(Self.effect(lost: lost, gained: gained), pair.roles)]
        let place = nulls && pair.wayRoles != nil ? context.location(.head, pair.headAsWritten ?? pair.head) : at
        context.report("\(pair.label) \(Self.describe(old, new))", judging: parts, bump: .minor, at: place)
    }

    /// A change to types and to `null` judged apart, direction by direction: where the data flows both ways of `types` and
    /// `null` (the roles that judge each), by all that changed (`they cannot read integer or null`); where only `types`'s,
    /// by the other types alone; where only `null`'s, by `null` alone. A direction with nothing changed in it is left out.
    /// In the order the judge names parties (requests, responses, events, feeds, the rest); no roles is `model`.
    static func partsByDirection(lost: [String], gained: [String], types: SchemaRoles, null: SchemaRoles) -> [(effect: CompatibilityEffect, roles: SchemaRoles)] {
        let typesLost = lost.filter { $0 != "null" }, typesGained = gained.filter { $0 != "null" }
        let nullLost = lost.filter { $0 == "null" }, nullGained = gained.filter { $0 == "null" }
        let typesChanged = !typesLost.isEmpty || !typesGained.isEmpty, nullChanged = !nullLost.isEmpty || !nullGained.isEmpty
        let types = types.isEmpty ? SchemaRoles.model : types, null = null.isEmpty ? SchemaRoles.model : null
        return [SchemaRoles.request, .response, .event, .feed, .model].compactMap { flow in
            switch (types.contains(flow) && typesChanged, null.contains(flow) && nullChanged) {
            case (true, true): (effect(lost: lost, gained: gained), flow)
            case (true, false): (effect(lost: typesLost, gained: typesGained), flow)
            case (false, true): (effect(lost: nullLost, gained: nullGained), flow)
            case (false, false): nil
            }
        }
    }

    /// A type on one side only: one where there was none narrows every value; dropping the type widens to any value.
    /// Not when an enum or const fixes the values anyway, or when `properties` already made it an object in practice.
    private func compareTypeless(_ pair: SchemaPair, before: Set<String>?, after: Set<String>?, _ context: DiffContext) {
        guard before != after else { return }
        let narrowed = before == nil
        let other = narrowed ? context.base.schemas[pair.base.rawValue] : context.head.schemas[pair.head.rawValue]
        let fixed = narrowed ? context.constraints(.base, pair.base) : context.constraints(.head, pair.head)
        let kept = narrowed ? after! : before!
        // Nor when the typeless side says its type another way: through allOf, oneOf, anyOf or a $ref.
        if fixed.enumValues != nil || fixed.constValue != nil || (kept == ["object"] && !other.properties.isEmpty)
            || !other.allOf.isEmpty || !other.oneOf.isEmpty || !other.anyOf.isEmpty || other.ref != nil
        {
            return
        }
        let at = context.location(.head, pair.head, keyword: "type", in: context.constraints(.head, pair.head).types?.schema)
        context.report("\(pair.label) " + (narrowed ? "now must be \(after!.sorted().joined(separator: "|"))" : "no longer restricts its type (was \(before!.sorted().joined(separator: "|")))"),
                       narrowed ? CompatibilityEffect(backward: .breaks, "data written before may be any type")
                           : CompatibilityEffect(forward: .breaks, "they cannot read values of other types"),
                       roles: pair.roles, bump: .minor, at: at)
    }
}

/// The values a schema restricts its instances to, by `const` or `enum` — one notion, since `{"const": "a"}` and
/// `{"enum": ["a"]}` admit the same values: `const-changed` reports a change between single values (one of them a
/// `const`), the enum checks every other change to the list.
enum FixedValues {
    /// One value: compared as a JSON value (as JSON Schema compares them: a number by its value, `1` = `1.0`), shown
    /// as the contract writes it (written out only for a change to report).
    struct Value {
        let node: JSONNode
        var key: JSONValue { node.value }
        var text: String { JSONWriter.write(node, sortKeys: true) }
    }

    /// The values, and whether the schema says it with `const` (its inline `allOf` parts' included); nil when it says
    /// neither. An enum's `null` is left out: it is the schema's nullability, which `type-changed` compares
    /// (``TypeChangedCheck/nullability(_:_:_:)``), so that listing `null` in an enum, in the type list, or through a
    /// wrapper are one notion, and a change to it is reported once.
    static func of(_ constraints: EffectiveConstraints) -> (values: [Value], isConst: Bool)? {
        if let constant = constraints.constValue { return ([Value(node: constant.value)], true) }
        return constraints.enumValues.map { ($0.value.filter { $0.value != .null }.map(Value.init), false) }
    }

    /// Where the head's values are written: its `const`, else its `enum` (in the part that writes it); the schema when
    /// it has neither.
    static func place(_ pair: SchemaPair, _ context: DiffContext) -> DiffPlace {
        let head = context.constraints(.head, pair.head)
        if let constant = head.constValue { return context.location(.head, pair.head, keyword: "const", in: constant.schema) }
        return context.location(.head, pair.head, keyword: "enum", in: head.enumValues?.schema)
    }

    /// Whether `const-changed` reports the pair's change (a `const` on a side, and a single value or none on each).
    static func isConstChange(_ old: (values: [Value], isConst: Bool)?, _ new: (values: [Value], isConst: Bool)?) -> Bool {
        (old?.isConst == true || new?.isConst == true) && (old?.values.count ?? 1) == 1 && (new?.values.count ?? 1) == 1
    }

    /// The pair's values for the enum checks: nil when `const-changed` reports them instead. Worked out once per pair,
    /// for the first check that asks.
    static func forEnumChecks(_ pair: SchemaPair, _ context: DiffContext)
        -> (old: [Value]?, new: [Value]?)?
    {
        if let known = context.enumValuesOfPair, known.base == pair.base, known.head == pair.head { return known.values }
        let values = enumValues(pair, context)
        context.enumValuesOfPair = (pair.base, pair.head, values)
        return values
    }

    /// ``forEnumChecks(_:_:)``, worked out.
    private static func enumValues(_ pair: SchemaPair, _ context: DiffContext) -> (old: [Value]?, new: [Value]?)? {
        // Most pairs: no list, or the same list, on both sides.
        let b = context.constraints(.base, pair.base), h = context.constraints(.head, pair.head)
        if b.constValue == nil, h.constValue == nil, b.enumValues?.value == h.enumValues?.value { return nil }
        let old = of(b), new = of(h)
        guard old != nil || new != nil, !isConstChange(old, new) else { return nil }
        return (old?.values, new?.values)
    }
}

/// `enum-value-added`: an enum accepts a new value.
struct EnumValueAddedCheck: ChangeCheck {
    let id = "enum-value-added"
    let breakingHint: String? = "make sure readers keep unknown values first (Charter's generated enums do; other generators' may not), or add the value in the next major version"
    let summary = "An enum gained a value."
    let rationale = "The classic contract drift: a reader of the old version receives a value it has never seen. Charter's generated enums keep it as an unknown case, but a client with an exhaustive switch, or generated by another tool, fails to decode the whole message."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["active", "retired"]}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["active", "retired", "blocked"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "state": {"enum": ["active"]}"#, version: "1.1.0")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        guard let (before, after) = FixedValues.forEnumChecks(pair, context) else { return }
        if let values = before?.map(\.text), after == nil {
            context.report("\(pair.label) no longer restricts its values to \(values.joined(separator: ", "))",
                           CompatibilityEffect(forward: .breaks, "they only know \(values.joined(separator: ", "))"),
                           roles: pair.roles, bump: .minor, at: FixedValues.place(pair, context))
            return
        }
        guard let old = before, let new = after else { return }
        for added in new where !old.contains(where: { $0.key == added.key }) {
            let value = added.text
            context.report("enum \(pair.label) gained value \(value)",
                           CompatibilityEffect(forward: .breaks, "they do not know \(value); Charter's generated enums keep it as an unknown case"),
                           roles: pair.roles, bump: .minor, at: FixedValues.place(pair, context))
        }
    }
}

/// `enum-value-removed`: an enum no longer accepts a value.
struct EnumValueRemovedCheck: ChangeCheck {
    let id = "enum-value-removed"
    let breakingHint: String? = "keep accepting the value until the next major version, and say in its description that it is going"
    let summary = "An enum lost a value."
    let rationale = "Data written before may hold the value: the provider rejects existing clients that send it, and upgraded consumers fail on events published before."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}, "state": {"enum": ["active", "retired"]}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}, "state": {"enum": ["active"]}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string"}, "state": {"enum": ["active", "retired", "blocked"]}"#, version: "1.1.0")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        guard let (before, after) = FixedValues.forEnumChecks(pair, context) else { return }
        if before == nil, let values = after?.map(\.text) {
            context.report("\(pair.label) now restricted to the values \(values.joined(separator: ", "))",
                           CompatibilityEffect(backward: .breaks, "data written before may hold other values"),
                           roles: pair.roles, bump: .minor, at: FixedValues.place(pair, context))
            return
        }
        guard let old = before, let new = after else { return }
        for removed in old where !new.contains(where: { $0.key == removed.key }) {
            let value = removed.text
            context.report("enum \(pair.label) lost value \(value)",
                           CompatibilityEffect(backward: .breaks, "data written before may hold \(value)"),
                           roles: pair.roles, bump: .minor, at: FixedValues.place(pair, context))
        }
    }
}

/// `transitions-changed`: a status machine (`x-transitions`) allows a move it did not, or no longer allows one.
struct TransitionsChangedCheck: ChangeCheck {
    let id = "transitions-changed"
    let breakingHint: String? = "keep the old moves allowed until the next major version"
    let summary = "A status machine (x-transitions) gained or lost an allowed transition, or gained or lost its table."
    let rationale = "The table is part of the contract: providers reject a move it does not list with 409. A transition removed rejects the clients that still drive it; a transition added hands readers on the old machine a move they never expected (an order going from shipped back to picked)."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}, "state": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": ["open"]}}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}, "state": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": []}}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string"}, "state": {"type": "string", "enum": ["open", "closed"], "x-transitions": {"closed": ["open"], "open": ["closed"]}, "description": "Reopening is allowed."}"#, version: "1.0.1")

    /// The allowed moves of a schema's table (its own, or the first of its inline `allOf` parts'), as `from → to`;
    /// nil without a table (any move allowed).
    static func moves(_ table: [(from: String, to: [String])]?) -> Set<String>? {
        table.map { Set($0.flatMap { row in row.to.map { "\(row.from) → \($0)" } }) }
    }

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let written = context.constraints(.head, pair.head).transitions
        let old = Self.moves(context.constraints(.base, pair.base).transitions?.value)
        let new = Self.moves(written?.value)
        guard old != new else { return }
        let at = context.location(.head, pair.head, keyword: "x-transitions", in: written?.schema)
        switch (old, new) {
        case (nil, _?):
            context.report("\(pair.label) now restricts its moves to a transition table",
                           CompatibilityEffect(backward: .breaks, "moves outside the table were allowed before"),
                           roles: pair.roles, bump: .minor, at: at)
        case (_?, nil):
            context.report("\(pair.label) no longer has a transition table",
                           CompatibilityEffect(forward: .risky, "readers on the old machine do not expect the moves it did not allow"),
                           roles: pair.roles, bump: .minor, at: at)
        case let (old?, new?):
            for move in old.subtracting(new).sorted() {
                context.report("\(pair.label) no longer allows \(move)",
                               CompatibilityEffect(backward: .breaks, "existing writers may still make the move"),
                               roles: pair.roles, bump: .minor, at: at)
            }
            for move in new.subtracting(old).sorted() {
                context.report("\(pair.label) now allows \(move)",
                               CompatibilityEffect(forward: .risky, "readers on the old machine do not expect it"),
                               roles: pair.roles, bump: .minor, at: at)
            }
        case (nil, nil):
            break
        }
    }
}

/// `const-changed`: a constant value changed.
struct ConstChangedCheck: ChangeCheck {
    let id = "const-changed"
    let breakingHint: String? = "a new constant is a new variant: add it beside the old one (a oneOf) and retire the old one in the next major version"
    let summary = "A const value changed (or a value became, or stopped being, constant)."
    let rationale = "A const is usually a discriminator or a schema marker: every message written with the old value is rejected by new readers, and old readers reject every new message."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "kind": {"const": "item"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "kind": {"const": "product"}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "kind": {"const": "item", "description": "Always item."}"#, version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        // A one-value enum is the same constant: `{"enum": ["a"]}` → `{"const": "a"}` changes nothing. Compared as JSON
        // values (a number by its value: 1 = 1.0), shown as written.
        let b = context.constraints(.base, pair.base), h = context.constraints(.head, pair.head)
        guard b.constValue != nil || h.constValue != nil else { return }
        let oldValues = FixedValues.of(b), newValues = FixedValues.of(h)
        guard FixedValues.isConstChange(oldValues, newValues), oldValues?.values.first?.key != newValues?.values.first?.key else { return }
        let old = oldValues?.values.first?.text
        let new = newValues?.values.first?.text
        context.report("const \(pair.label) changed from \(old ?? "any value") to \(new ?? "any value")",
                       CompatibilityEffect(backward: new == nil ? .none : .breaks, "data written before holds \(old ?? "other values")",
                                           forward: old == nil ? .none : .breaks, "they expect \(old ?? "")"),
                       roles: pair.roles, bump: .minor, at: FixedValues.place(pair, context))
    }
}

/// `format-changed`: a string format changed.
struct FormatChangedCheck: ChangeCheck {
    let id = "format-changed"
    let breakingHint: String? = "add a property with the new format beside the old one and deprecate the old one"
    let summary = "A value's format (date-time, date, uuid, decimal, …) changed, appeared or disappeared."
    let rationale = "The format decides both what is valid and the generated Swift type (`Date`, `CalendarDate`, `UUID`, `Decimal`, `String`): a changed format rejects values written before, or hands readers values they parse as something else."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "price": {"type": "string", "format": "decimal"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "price": {"type": "string"}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "price": {"type": "string", "format": "decimal", "description": "Unit price."}"#, version: "1.0.1")

    /// The formats that admit every value of a format.
    static let widerFormats: [String: Set<String>] = ["int32": ["int64"], "float": ["double"]]

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.constraints(.base, pair.base).format?.value
        let written = context.constraints(.head, pair.head).format
        let new = written?.value
        guard old != new else { return }
        // A wider format admits every value of the narrower one (`int32` → `int64`): data written before still fits.
        let widened = old.map { Self.widerFormats[$0]?.contains(new ?? "") == true } ?? false
        let narrowed = new.map { Self.widerFormats[$0]?.contains(old ?? "") == true } ?? false
        context.report("format of \(pair.label) changed from \(old ?? "none") to \(new ?? "none")",
                       CompatibilityEffect(backward: new == nil || widened ? .none : .breaks, "data written before need not be \(new ?? "")",
                                           forward: old == nil || narrowed ? .none : .breaks, "they parse it as \(old ?? "")"),
                       roles: pair.roles, bump: .minor, at: context.location(.head, pair.head, keyword: "format", in: written?.schema))
    }
}

/// `constraint-changed`: a validation bound moved.
struct ConstraintChangedCheck: ChangeCheck {
    let id = "constraint-changed"
    let breakingHint: String? = "keep the old bound until the next major version"
    let summary = "A validation constraint (length, bounds, item or property counts, pattern, multipleOf, uniqueItems) was tightened or loosened."
    let rationale = "A tighter constraint rejects data written before that was valid. A looser one is compatible for the new reader but risky for readers of the old version that validate: Charter's generated `validate()` on a 30-character name fails once the provider starts sending 60. A changed pattern is judged the same way where Charter can prove the direction (anchors dropped, a quantifier or character class widened, alternatives or optional parts added: looser; the reverse: tighter; the same expression spelled differently: no change); any other changed pattern may break either side, a risky change that asks for a minor version, reported with both patterns."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string", "maxLength": 40}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string", "maxLength": 20}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string", "maxLength": 40, "description": "Stock keeping unit."}"#, version: "1.0.1")

    /// A bound: its name, its value on each side (nil: unbounded), whether a larger value is tighter, and the schema
    /// that writes the head's value.
    private struct Bound {
        var name: String
        var old: Double?
        var new: Double?
        var largerIsTighter: Bool
        var source: SchemaID?
    }

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        // Constraints with inline `allOf` parts folded in: `{"allOf": [{"$ref": …}, {"maximum": 100}]}` has a maximum.
        let b = context.constraints(.base, pair.base), h = context.constraints(.head, pair.head)
        // Most pairs have no constraint at all.
        guard b.hasConstraints || h.hasConstraints else { return }
        var changes: [Change] = []
        collect(b, h, pair, context) { changes.append($0) }
        guard !changes.isEmpty else { return }
        // A named part is compared once, as the named type; but what it admits bounds the schema too. A change here
        // stands only if it also changes what the schema admits with its named parts folded in: a looser part beside
        // a named type that is tighter (`maximum: 500` beside `Percent`'s 100), or a bound moved from an inline part
        // into a named one, admits the same values. Reported with those values.
        let whole = (context.constraintsWithNamedParts(.base, pair.base), context.constraintsWithNamedParts(.head, pair.head))
        var confirmed: [Change] = []
        collect(whole.0, whole.1, pair, context) { confirmed.append($0) }
        // Placed where this schema's own change is written (a named part's keyword is the named type's place).
        let places = Dictionary(changes.map { ($0.kind, $0.place) }, uniquingKeysWith: { first, _ in first })
        for change in confirmed {
            guard let place = places[change.kind] else { continue }
            report(pair, context, change.message, tighter: change.tighter, at: place)
        }
    }

    /// One change `compare` may report: its kind (the keyword, or `lower`/`upper` for numeric bounds), message, direction
    /// and place.
    private struct Change {
        var kind: String
        var message: String
        var tighter: Bool?
        var place: DiffPlace
    }

    /// The changes between two sets of constraints of a pair, passed to `report` in a fixed order.
    private func collect(
        _ b: EffectiveConstraints, _ h: EffectiveConstraints, _ pair: SchemaPair, _ context: DiffContext, emit: (Change) -> Void
    ) {
        func report(_ pair: SchemaPair, _ context: DiffContext, _ message: String, tighter: Bool?, at place: DiffPlace, kind: String) {
            emit(Change(kind: kind, message: message, tighter: tighter, place: place))
        }
        // Where the head writes a keyword: inside the part that writes it, else (not written) the schema.
        func at(_ keyword: String, _ source: SchemaID?) -> DiffPlace { context.location(.head, pair.head, keyword: keyword, in: source) }
        // A lower bound of 0 on a length or count is no bound.
        func lower(_ value: Int?) -> Double? { value.flatMap { $0 == 0 ? nil : Double($0) } }
        let bounds = [
            Bound(name: "minLength", old: lower(b.minLength?.value), new: lower(h.minLength?.value), largerIsTighter: true, source: h.minLength?.schema),
            Bound(name: "maxLength", old: b.maxLength.map { Double($0.value) }, new: h.maxLength.map { Double($0.value) }, largerIsTighter: false, source: h.maxLength?.schema),
            Bound(name: "minItems", old: lower(b.minItems?.value), new: lower(h.minItems?.value), largerIsTighter: true, source: h.minItems?.schema),
            Bound(name: "maxItems", old: b.maxItems.map { Double($0.value) }, new: h.maxItems.map { Double($0.value) }, largerIsTighter: false, source: h.maxItems?.schema),
            Bound(name: "minProperties", old: lower(b.minProperties?.value), new: lower(h.minProperties?.value), largerIsTighter: true, source: h.minProperties?.schema),
            Bound(name: "maxProperties", old: b.maxProperties.map { Double($0.value) }, new: h.maxProperties.map { Double($0.value) }, largerIsTighter: false, source: h.maxProperties?.schema),
        ]
        for bound in bounds where bound.old != bound.new {
            let tighter: Bool
            switch (bound.old, bound.new) {
            case (nil, _): tighter = true
            case (_, nil): tighter = false
            case let (old?, new?): tighter = (new > old) == bound.largerIsTighter
            }
            report(pair, context, "\(bound.name) of \(pair.label) changed from \(Self.text(bound.old)) to \(Self.text(bound.new))", tighter: tighter,
                   at: at(bound.name, bound.source), kind: bound.name)
        }
        // Numeric bounds as the values they admit: `exclusiveMaximum: 5` → `maximum: 5` loosens, and for an integer
        // `minimum: 1` and `exclusiveMinimum: 0` are one bound.
        let integer = b.types?.value == ["integer"] && h.types?.value == ["integer"]
        for lower in [true, false] {
            let before = lower ? b.lowerBounds : b.upperBounds, after = lower ? h.lowerBounds : h.upperBounds
            // The same keywords with the same values: the same bound (most pairs).
            if before.count == after.count, zip(before, after).allSatisfy({ $0.value.keyword == $1.value.keyword && $0.value.number == $1.value.number }) {
                continue
            }
            let old = NumericBound.effective(before, lower: lower, integer: integer), new = NumericBound.effective(after, lower: lower, integer: integer)
            guard let tighter = NumericBound.tighter(old, new, lower: lower) else { continue }
            let sameKeyword = old == nil || new == nil || old?.keyword == new?.keyword
            let message = sameKeyword
                ? "\((old ?? new)!.keyword) of \(pair.label) changed from \(old?.literal ?? "none") to \(new?.literal ?? "none")"
                : "\(lower ? "lower" : "upper") bound of \(pair.label) changed from \(old!.keyword) \(old!.literal) to \(new!.keyword) \(new!.literal)"
            report(pair, context, message, tighter: tighter, at: at(new?.keyword ?? "", new?.source), kind: lower ? "lower" : "upper")
        }
        let oldPatterns = b.patterns.map(\.value), newPatterns = h.patterns.map(\.value)
        let relation = Set(oldPatterns) == Set(newPatterns) ? .same : PatternContainment.relation(old: oldPatterns, new: newPatterns)
        if relation != .same {
            // Whether one regular expression matches less than another is decided only where a few rules prove it
            // (``PatternContainment``): a widening is looser, a narrowing tighter, patterns that read the same are no
            // change; any other change may reject old data or new, and the message says it is unproven.
            let tighter: Bool? = relation == .narrower ? true : relation == .wider ? false : nil
            let written = h.patterns.first { !oldPatterns.contains($0.value) }
            let unproven = tighter == nil ? CompatibilityEffect.unprovenNote("pattern") : ""
            report(pair, context, "pattern of \(pair.label) changed from \(Self.text(oldPatterns)) to \(Self.text(newPatterns))\(unproven)", tighter: tighter,
                   at: at("pattern", written?.schema), kind: "pattern")
        }
        // Every `multipleOf` holds: a value is a multiple of their least common multiple. Tighter when every new multiple
        // is an old one (the new step is a multiple of the old), looser the other way round; steps that divide neither
        // way are both, and so are steps too long to combine or divide exactly.
        let oldStep = Self.step(b.multipleOf.map(\.value)), newStep = Self.step(h.multipleOf.map(\.value))
        if Set(b.multipleOf.map(\.value)) != Set(h.multipleOf.map(\.value)), oldStep == nil || newStep == nil || oldStep != newStep {
            let message = "multipleOf of \(pair.label) changed from \(Self.text(b.multipleOf.map(\.value.literal))) to \(Self.text(h.multipleOf.map(\.value.literal)))"
            let place = at("multipleOf", h.multipleOf.first { step in !b.multipleOf.contains { $0.value == step.value } }?.schema)
            switch (b.multipleOf.isEmpty ? nil : oldStep?.decimalValue, h.multipleOf.isEmpty ? nil : newStep?.decimalValue) {
            case (nil, _) where b.multipleOf.isEmpty: report(pair, context, message, tighter: true, at: place, kind: "multipleOf")
            case (_, nil) where h.multipleOf.isEmpty: report(pair, context, message, tighter: false, at: place, kind: "multipleOf")
            case let (old?, new?) where Self.divides(old, new): report(pair, context, message, tighter: true, at: place, kind: "multipleOf")
            case let (old?, new?) where Self.divides(new, old): report(pair, context, message, tighter: false, at: place, kind: "multipleOf")
            default:
                report(pair, context, message, tighter: true, at: place, kind: "multipleOf")
                report(pair, context, message, tighter: false, at: place, kind: "multipleOf")
            }
        }
        if (b.uniqueItems != nil) != (h.uniqueItems != nil) {
            report(pair, context, "\(pair.label) \(h.uniqueItems != nil ? "now requires" : "no longer requires") unique items", tighter: h.uniqueItems != nil,
                   at: at("uniqueItems", h.uniqueItems), kind: "uniqueItems")
        }
    }

    /// A numeric lower or upper bound as the values it admits: the tighter of the inclusive and exclusive keywords, an
    /// integer's made inclusive (`exclusiveMinimum: 0` is `minimum: 1`; `minimum: 1.5` is 2), compared exactly on the
    /// numbers' digits (`JSONNumber.compare`).
    struct NumericBound {
        /// The keyword that sets it, and its value as written.
        var keyword: String
        var literal: String
        /// The bound (for an integer: the smallest or largest value admitted).
        var value: JSONNumber
        /// Whether the value itself is excluded (never for an integer, unless it is beyond `Int`'s range).
        var exclusive: Bool
        /// The schema that writes it.
        var source: SchemaID

        /// The tightest of a schema's lower (or upper) bounds, `candidates` (the first of equal ones); nil when it has none.
        static func effective(_ candidates: [EffectiveConstraints.Sourced<(keyword: String, number: JSONNumber)>], lower: Bool, integer: Bool) -> NumericBound? {
            let bounds = candidates.map { candidate in
                NumericBound(keyword: candidate.value.keyword, literal: candidate.value.number.literal, value: candidate.value.number,
                             exclusive: candidate.value.keyword.hasPrefix("exclusive"), source: candidate.schema)
            }.map { integer ? $0.integral(lower: lower) : $0 }
            return bounds.max { tighter($1, than: $0, lower: lower) }
        }

        /// The same bound on integers: inclusive, at the first integer it admits (`minimum m` → ⌈m⌉, `exclusiveMinimum x`
        /// → ⌊x⌋ + 1, and the mirror images above), as the translator fits integer bounds. One whose first integer is beyond
        /// `Int`'s range is compared as written.
        func integral(lower: Bool) -> NumericBound {
            guard case .value(let rounded) = value.integerPlacement(rounding: lower == exclusive ? .down : .up) else { return self }
            let (first, overflow) = !exclusive ? (rounded, false) : lower ? rounded.addingReportingOverflow(1) : rounded.subtractingReportingOverflow(1)
            guard !overflow else { return self }
            var copy = self
            copy.value = JSONNumber(first)
            copy.exclusive = false
            return copy
        }

        /// Whether `bound` admits fewer values than `other` on its side.
        static func tighter(_ bound: NumericBound, than other: NumericBound, lower: Bool) -> Bool {
            let order = JSONNumber.compare(bound.value, other.value)
            if order != 0 { return lower ? order > 0 : order < 0 }
            return bound.exclusive && !other.exclusive
        }

        /// Whether `new` is tighter than `old` (true), looser (false), or the same bound (nil).
        static func tighter(_ old: NumericBound?, _ new: NumericBound?, lower: Bool) -> Bool? {
            switch (old, new) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case let (old?, new?):
                if tighter(new, than: old, lower: lower) { return true }
                if tighter(old, than: new, lower: lower) { return false }
                return nil
            }
        }
    }

    /// The step every value of `divisors` (each a `multipleOf` that holds) is a multiple of: their least common multiple;
    /// nil when there is none, or it needs more than 18 digits.
    static func step(_ divisors: [JSONNumber]) -> JSONNumber? {
        guard var step = divisors.first else { return nil }
        for divisor in divisors.dropFirst() {
            guard let common = JSONNumber.leastCommonMultiple(step, divisor) else { return nil }
            step = common
        }
        return step
    }

    /// Whether `value` is a whole multiple of `step` (exact decimal arithmetic).
    static func divides(_ step: Decimal, _ value: Decimal) -> Bool {
        guard step != 0 else { return false }
        var quotient = value / step
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .plain)
        return rounded == quotient
    }

    private static func text(_ value: Double?) -> String {
        guard let value else { return "none" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Values that must all hold, as a message says them: `^[A-Z]+$ and ^.{3}$`, or `none`.
    private static func text(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: " and ")
    }

    /// The advice for a pattern change neither proven wider nor narrower.
    static let unprovenPatternHint = "check that every value the old pattern accepts matches the new one (and, for readers of the old version, the other way round), or keep the old pattern until the next major version"

    /// Reports a constraint change at `place`: tighter, looser, or (nil) a pattern change neither proven, which may do
    /// both: risky either way, not breaking, as Charter cannot tell whether any value in use is affected.
    private func report(_ pair: SchemaPair, _ context: DiffContext, _ message: String, tighter: Bool?, at place: DiffPlace) {
        let effect = switch tighter {
        case true?: CompatibilityEffect(backward: .breaks, "data written before may violate it")
        case false?: CompatibilityEffect(forward: .risky, "readers that validate reject values outside the old constraint")
        case nil: CompatibilityEffect.unproven(backward: "data written before may not match it",
                                               forward: "readers that validate reject values outside the old pattern")
        }
        context.report(message + (tighter.map { $0 ? " (tighter)" : " (looser)" } ?? ""), effect,
                       roles: pair.roles, bump: .minor, at: place, hint: tighter == nil ? Self.unprovenPatternHint : nil)
    }
}

/// `content-model-changed`: an object was closed to, or opened to, undeclared properties, or their values were
/// restricted to a schema or freed from one.
struct ContentModelChangedCheck: ChangeCheck {
    let id = "content-model-changed"
    let breakingHint: String? = "keep the object as open or closed as it was until the next major version"
    let summary = "An object was closed (additionalProperties or unevaluatedProperties false) or opened to undeclared properties, or their values were restricted to a schema or freed from one."
    let rationale = "Closing an object rejects data written before that carried extra properties, and so does restricting an open object's undeclared properties to a schema (`additionalProperties: {\"type\": \"string\"}`). Opening a closed one lets writers send properties that readers of the old version, which still reject them, fail on; freeing restricted values hands readers values their generated map type cannot decode."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}"#, version: "2.0.0", extra: #""additionalProperties": false"#)
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string"}"#, version: "1.0.1", extra: #""examples": [{"sku": "A1"}]"#)

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let before = context.flat(.base, pair.base), after = context.flat(.head, pair.head)
        let old = before.closed, new = after.closed
        let change: (what: String, effect: CompatibilityEffect)
        if !old, !new, (before.extra == nil) != (after.extra == nil) {
            // An open object's undeclared properties restricted to a schema, or freed from one (the schema's own changes
            // are compared where both have one).
            change = after.extra != nil
                ? ("now restricts its undeclared properties to a schema", CompatibilityEffect(backward: .breaks, "data written before may carry others of any type"))
                : ("no longer restricts its undeclared properties to a schema", CompatibilityEffect(forward: .breaks, "they read them as the old schema's values"))
        } else if old != new {
            change = new
                ? ("now rejects undeclared properties", CompatibilityEffect(backward: .breaks, "data written before may carry others"))
                : ("now allows undeclared properties", CompatibilityEffect(forward: .risky, "the old schema rejects them"))
        } else {
            return
        }
        context.report("\(pair.label) \(change.what)", change.effect, roles: pair.roles, bump: .minor, at: context.location(.head, pair.head))
    }
}

/// `union-variant-changed`: a `oneOf`/`anyOf` gained or lost a variant.
struct UnionVariantChangedCheck: ChangeCheck {
    let id = "union-variant-changed"
    let breakingHint: String? = "make sure readers tolerate variants they do not know first, or change the variants in the next major version"
    let summary = "A union (oneOf/anyOf) gained or lost a variant (matched by discriminator value, else by type name)."
    let rationale = "A new variant is a value readers of the old version cannot decode (like a new enum value, but for whole shapes); a removed one rejects data written before. A variant that is a type the head renamed and says so (`x-renamed-from`) is the variant it was: matched by its old name, and compared as the renamed type."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.contract(defs: ##""Item": {"title": "Item", "description": "An item.", "oneOf": [{"$ref": "#/$defs/Book"}]}, "Book": {"title": "Book", "description": "A book.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "book"}}}, "Film": {"title": "Film", "description": "A film.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "film"}}}"##, operations: DiffExample.getItem)
    let exampleHead = DiffExample.contract(version: "2.0.0", defs: ##""Item": {"title": "Item", "description": "An item.", "oneOf": [{"$ref": "#/$defs/Book"}, {"$ref": "#/$defs/Film"}]}, "Book": {"title": "Book", "description": "A book.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "book"}}}, "Film": {"title": "Film", "description": "A film.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "film"}}}"##, operations: DiffExample.getItem)
    let unaffectedHead = DiffExample.contract(version: "1.0.1", defs: ##""Item": {"title": "Item", "description": "An item, for now always a book.", "oneOf": [{"$ref": "#/$defs/Book"}]}, "Book": {"title": "Book", "description": "A book.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "book"}}}, "Film": {"title": "Film", "description": "A film.", "type": "object", "required": ["kind"], "properties": {"kind": {"const": "film"}}}"##, operations: DiffExample.getItem)

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.variants(.base, pair.base)
        let new = context.variants(.head, pair.head)
        guard !old.isEmpty || !new.isEmpty else { return }
        for variant in new where !old.contains(where: { $0.key == variant.key }) {
            // A type renamed with `x-renamed-from` is keyed by its base name, and named by its own.
            let name = context.declaredRename(of: context.head.resolved(variant.id)).flatMap { $0.from == variant.key ? $0.to : nil } ?? variant.key
            context.report("union \(pair.label) gained variant \(name)",
                           CompatibilityEffect(forward: .breaks, "they cannot decode \(name)"),
                           roles: pair.roles, bump: .minor, at: context.location(.head, variant.id))
        }
        for variant in old where !new.contains(where: { $0.key == variant.key }) {
            context.report("union \(pair.label) lost variant \(variant.key)",
                           CompatibilityEffect(backward: .breaks, "data written before may be \(variant.key)"),
                           roles: pair.roles, bump: .minor, at: context.location(.head, pair.head))
        }
    }
}

/// `default-changed`: a default value changed.
struct DefaultChangedCheck: ChangeCheck {
    let id = "default-changed"
    let summary = "A default value changed, appeared or disappeared."
    let rationale = "Readers fill in the default when the value is absent: a changed default silently changes the meaning of every message that omits it, on one side of the exchange only."
    let category = ChangeCategory.schema
    let defaultSeverity = Severity.warning
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "unit": {"type": "string", "default": "each"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "unit": {"type": "string", "default": "case"}"#, version: "1.1.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "unit": {"type": "string", "default": "each", "description": "Unit of measure."}"#, version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        // The schema's own default, or the first of its inline `allOf` parts'.
        let written = context.constraints(.head, pair.head).defaultValue
        let old = context.constraints(.base, pair.base).defaultValue.map { JSONWriter.write($0.value, sortKeys: true) }
        let new = written.map { JSONWriter.write($0.value, sortKeys: true) }
        guard old != new else { return }
        context.report("default of \(pair.label) changed from \(old ?? "none") to \(new ?? "none")",
                       CompatibilityEffect(backward: .risky, "absent values now mean \(new ?? "nothing")", forward: .risky, "absent values still mean \(old ?? "nothing") to them"),
                       roles: pair.roles, bump: .minor, at: context.location(.head, pair.head, keyword: "default", in: written?.schema))
    }
}

/// `schema-deprecated`: a type or property was marked deprecated, or undeprecated.
struct SchemaDeprecatedCheck: ChangeCheck {
    let id = "schema-deprecated"
    let summary = "A type or property was marked deprecated (or no longer is)."
    let rationale = "Deprecation is compatible — generated code gains `@available(*, deprecated)` and callers get warnings — but it is the notice that a later major version will remove the thing, so it is reported."
    let category = ChangeCategory.schema
    let defaultSeverity = Severity.note
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "ean": {"type": "string"}"#)
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "ean": {"type": "string", "deprecated": true}"#, version: "1.1.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "ean": {"type": "string", "description": "European article number."}"#, version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.base.schemas[pair.base.rawValue].deprecated
        let new = context.head.schemas[pair.head.rawValue].deprecated
        guard old != new else { return }
        context.report("\(pair.label) \(new ? "deprecated" : "no longer deprecated")", CompatibilityEffect(),
                       roles: pair.roles, bump: .minor, at: context.location(.head, pair.head))
    }
}
