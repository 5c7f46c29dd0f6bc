import CharterCore
import CharterGovernance

extension DiffContext {
    /// Where a property's data flows within an object: a `readOnly` property is never sent in requests and a
    /// `writeOnly` one never returned in responses (contract-format.md), so those directions drop out of its pair's.
    /// nil when none is left: the property's data does not flow where the object's does, and its change breaks no one.
    func roles(_ pair: SchemaPair, property schema: SchemaID, _ side: DiffSide) -> SchemaRoles? {
        let roles = pair.roles.subtracting(excluded(side, schema))
        return roles.isEmpty && !pair.roles.isEmpty ? nil : roles
    }

    /// A property's change judged by where the property's data flows (``roles(_:property:_:)``): its effect and those
    /// directions, or no effect at all where its data flows nowhere the object's does.
    func propertyJudgement(_ effect: CompatibilityEffect, pair: SchemaPair, property schema: SchemaID,
                           side: DiffSide) -> (effect: CompatibilityEffect, roles: SchemaRoles) {
        let roles = roles(pair, property: schema, side)
        return (roles == nil ? CompatibilityEffect() : effect, roles ?? pair.roles)
    }

    /// Reports a property's change judged by where the property's data flows (``propertyJudgement(_:pair:property:side:)``).
    func reportProperty(_ message: String, _ effect: CompatibilityEffect, pair: SchemaPair, property schema: SchemaID, side: DiffSide,
                        at place: DiffPlace, hint: String? = nil) {
        let judged = propertyJudgement(effect, pair: pair, property: schema, side: side)
        report(message, judged.effect, roles: judged.roles, bump: .minor, at: place, hint: hint)
    }
}

/// `property-removed`: a property is gone from an object.
struct PropertyRemovedCheck: ChangeCheck {
    let id = "property-removed"
    let breakingHint: String? = "mark it deprecated (\"deprecated\": true) and remove it in the next major version"
    let summary = "A property was removed from an object."
    let rationale = "Readers of the old version that require the property fail on data without it; readers that merely use an optional one silently lose it, and code generated from the contract loses the Swift property. A closed object (`additionalProperties: false`) also rejects old data that still carries it."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"])
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}"#, required: ["sku", "name"], version: "1.1.0")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.flat(.base, pair.base)
        let new = context.flat(.head, pair.head)
        let renamed = Set(context.propertyRenames(pair, old, new).map(\.from))
        for (name, schema) in old.properties where new.property(name) == nil && !renamed.contains(name) && !context.inherited(pair, name, old, new) {
            let required = old.required.contains(name)
            context.reportProperty(
                "\(required ? "required" : "optional") property \(pair.label).\(name) removed",
                Self.effect(required: required, newClosed: new.closed),
                pair: pair, property: schema, side: .base, at: context.location(.base, schema))
        }
    }

    /// What removing a property does to readers: one that was `required` breaks old readers (they require it), an optional
    /// one may (they lose it); a new schema that is closed (`newClosed`) rejects data written before, which still carries it.
    static func effect(required: Bool, newClosed: Bool) -> CompatibilityEffect {
        CompatibilityEffect(backward: newClosed ? .breaks : .none, "data written before still carries it and the new schema is closed",
                            forward: required ? .breaks : .risky, required ? "they require it" : "they lose it, and generated code loses the property")
    }
}

/// `property-added`: a property is new in an object.
struct PropertyAddedCheck: ChangeCheck {
    let id = "property-added"
    let summary = "A property was added to an object (required or optional)."
    let rationale = "An optional property is a compatible addition. A required one is not: data written before lacks it, so the provider rejects existing clients' requests, or upgraded consumers reject events published before. Readers of the old version with a closed schema (`additionalProperties: false`) reject any new property."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, required: ["sku", "shop"], version: "2.0.0")
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string", "description": "Stock keeping unit."}"#, version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.flat(.base, pair.base)
        let new = context.flat(.head, pair.head)
        let renamed = Set(context.propertyRenames(pair, old, new).map(\.to))
        for (name, schema) in new.properties where old.property(name) == nil && !renamed.contains(name) && !context.inherited(pair, name, old, new) {
            let required = new.required.contains(name)
            context.reportProperty(
                "\(required ? "required" : "optional") property \(pair.label).\(name) added",
                Self.effect(required: required, oldClosed: old.closed),
                pair: pair, property: schema, side: .head, at: context.location(.head, schema),
                hint: required ? "add it as optional (with a default) instead, or publish a new major version" : nil)
        }
    }

    /// What adding a property does to readers: a `required` one breaks new readers of data written before (it lacks it);
    /// an old schema that was closed (`oldClosed`) rejects any new property.
    static func effect(required: Bool, oldClosed: Bool) -> CompatibilityEffect {
        CompatibilityEffect(backward: required ? .breaks : .none, "data written before lacks it",
                            forward: oldClosed ? .breaks : .none, "the old schema is closed and rejects it")
    }
}

/// `property-requiredness-changed`: a property became required, or optional.
struct PropertyRequirednessCheck: ChangeCheck {
    let id = "property-requiredness-changed"
    let breakingHint: String? = "keep it as it was until the next major version (a default the reader applies lets a property be optional on the wire)"
    let summary = "A property became required, or stopped being required."
    let rationale = "Making a property required rejects data written before that omits it (existing clients' requests, events already published). Making it optional breaks readers of the old version that rely on it always being there."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, required: ["sku", "name"])
    let exampleHead = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string"}"#, version: "2.0.0")
    let unaffectedHead = DiffExample.response(#""sku": {"type": "string"}, "name": {"type": "string", "maxLength": 200}"#, required: ["sku", "name"], version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        let old = context.flat(.base, pair.base)
        let new = context.flat(.head, pair.head)
        for (name, schema) in new.properties where old.property(name) != nil && old.required.contains(name) != new.required.contains(name) {
            // Required by the composed named type itself on both sides: that type reports it.
            if context.inherited(pair, name, old, new), let base = old.declaredBy(name), let head = new.declaredBy(name),
                context.flat(.base, base).required.contains(name) != context.flat(.head, head).required.contains(name),
                context.flat(.head, head).required.contains(name) == new.required.contains(name)
            {
                continue
            }
            if new.required.contains(name) {
                context.reportProperty("property \(pair.label).\(name) became required",
                               CompatibilityEffect(backward: .breaks, "data written before may omit it"),
                               pair: pair, property: schema, side: .head, at: context.location(.head, schema))
            } else {
                context.reportProperty("property \(pair.label).\(name) became optional",
                               CompatibilityEffect(forward: .breaks, "they require it"),
                               pair: pair, property: schema, side: .head, at: context.location(.head, schema))
            }
        }
    }
}

/// `property-access-changed`: a property became, or stopped being, `readOnly` or `writeOnly`, so its value now flows,
/// or no longer flows, in requests or responses.
struct PropertyAccessChangedCheck: ChangeCheck {
    let id = "property-access-changed"
    let breakingHint: String? = "keep readOnly and writeOnly as they were until the next major version"
    let summary = "A property became, or stopped being, readOnly or writeOnly: it now is, or no longer is, sent in requests or returned in responses."
    let rationale = "A readOnly property is never in requests and a writeOnly one never in responses (contract-format.md), so flipping the flag adds the property to, or removes it from, one direction: a required property that stops being readOnly rejects every existing client's request, which never carried it; one that becomes writeOnly disappears from responses its readers rely on."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}, "id": {"type": "string", "readOnly": true}"#, required: ["sku", "id"])
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}, "id": {"type": "string"}"#, required: ["sku", "id"], version: "2.0.0")
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string"}, "id": {"type": "string", "readOnly": true, "description": "Assigned by the provider."}"#, required: ["sku", "id"], version: "1.0.1")

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        guard pair.roles.contains(.request) || pair.roles.contains(.response) else { return }
        let old = context.flat(.base, pair.base)
        let new = context.flat(.head, pair.head)
        // Most objects flag no property on either side: nothing to look up by name.
        guard old.properties.contains(where: { !context.excluded(.base, $0.schema).isEmpty })
            || new.properties.contains(where: { !context.excluded(.head, $0.schema).isEmpty })
        else { return }
        let flagged = Set(old.properties.filter { !context.excluded(.base, $0.schema).isEmpty }.map(\.name)
                          + new.properties.filter { !context.excluded(.head, $0.schema).isEmpty }.map(\.name))
        for (name, schema) in new.properties where flagged.contains(name) {
            guard let previous = old.property(name), !context.inherited(pair, name, old, new) else { continue }
            let before = context.excluded(.base, previous), after = context.excluded(.head, schema)
            for (role, flag, direction) in [(SchemaRoles.request, "readOnly", "sent in requests"), (.response, "writeOnly", "returned in responses")]
            where pair.roles.contains(role) && before.contains(role) != after.contains(role) {
                if before.contains(role) {
                    let required = new.required.contains(name)
                    context.report("\(required ? "required" : "optional") property \(pair.label).\(name) is no longer \(flag): now \(direction)",
                                   CompatibilityEffect(backward: required ? .breaks : .none, "data written before lacks it",
                                                       forward: old.closed ? .breaks : .none, "the old schema is closed and rejects it"),
                                   roles: role, bump: .minor, at: context.location(.head, schema))
                } else {
                    let required = old.required.contains(name)
                    context.report("\(required ? "required" : "optional") property \(pair.label).\(name) became \(flag): no longer \(direction)",
                                   CompatibilityEffect(backward: new.closed ? .breaks : .none, "data written before still carries it and the new schema is closed",
                                                       forward: required ? .breaks : .risky, required ? "they require it" : "they lose it"),
                                   roles: role, bump: .minor, at: context.location(.head, schema))
                }
            }
        }
    }
}
