import CharterCore
import CharterGovernance

/// `validation-keyword-changed`: a validation keyword no other check interprets (`not`, `if`/`then`/`else`,
/// `dependentRequired`, `propertyNames`, `patternProperties`, `prefixItems`, `contains`, …) appeared, disappeared or
/// changed, or an array's `items` schema appeared or disappeared.
struct ValidationKeywordChangedCheck: ChangeCheck {
    let id = "validation-keyword-changed"
    let breakingHint: String? = "keep the keyword as it was until the next major version, or make sure both versions accept the same data"
    let summary = "A validation keyword no other check interprets (not, if/then/else, dependentRequired, propertyNames, patternProperties, prefixItems, contains, …) or an array's items schema appeared, disappeared or changed."
    let rationale = "Charter does not decide whether two such keywords accept the same values, but a change to one changes what is valid: one added may reject data written before, one removed lets writers send what readers of the old version reject. One added is judged tighter (breaking where old data is read by the new version, as a tightened bound is), one removed looser (risky for readers of the old version that validate). One changed in place is what Charter can neither prove safe nor unsafe, judged as an unproven pattern change is: it may break readers either way — a warning, never an error, that asks for a minor version, so the version gate still fails it as a patch; `--fail-on warning` makes CI fail on it."
    let category = ChangeCategory.schema
    let exampleBase = DiffExample.request(#""sku": {"type": "string"}, "shop": {"type": "string"}"#)
    let exampleHead = DiffExample.request(#""sku": {"type": "string"}, "shop": {"type": "string"}"#, version: "2.0.0", extra: #""dependentRequired": {"shop": ["sku"]}"#)
    let unaffectedHead = DiffExample.request(#""sku": {"type": "string"}, "shop": {"type": "string", "description": "The shop."}"#, version: "1.0.1")

    /// The keywords compared as written (as JSON values: `1` = `1.0`, members in any order).
    static let keywords = [
        "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "propertyNames", "patternProperties",
        "prefixItems", "contains", "minContains", "maxContains", "unevaluatedItems", "unevaluatedProperties", "additionalItems",
    ]

    func compare(_ pair: SchemaPair, _ context: DiffContext) {
        compareKeywords(pair, context)
        // Items on both sides (the schema's own or a part's) are walked and compared as schemas; on one side only, every
        // item was, or now is, free.
        let items = (context.constraints(.base, pair.base).items, context.constraints(.head, pair.head).items)
        if (items.0 == nil) != (items.1 == nil), TypeChangedCheck.types(context, .base, pair.base)?.contains("array") ?? true,
            TypeChangedCheck.types(context, .head, pair.head)?.contains("array") ?? true
        {
            report(pair, context, "items of \(pair.label) \(items.0 == nil ? "now restricted to a schema" : "no longer restricted to a schema")",
                   tighter: items.0 == nil, looserBreaks: true, at: context.location(.head, pair.head, keyword: "items", in: items.1?.schema))
        }
    }

    /// Whether a schema writes one of the keywords (`minContains` and `maxContains` count only beside `contains`,
    /// `dependencies` is read as `dependentRequired` and `dependentSchemas`): most write none.
    private static func writesOne(_ schema: borrowing Schema) -> Bool {
        guard schema.hasRareKeywords else { return false }
        return schema.not != nil || schema.ifSchema != nil || schema.thenSchema != nil || schema.elseSchema != nil || schema.propertyNames != nil
            || schema.contains != nil || !schema.prefixItems.isEmpty || !schema.patternProperties.isEmpty || !schema.dependentSchemas.isEmpty
            || !schema.dependentRequired.isEmpty || schema.unevaluatedProperties != nil || schema.unevaluatedItems != nil
    }

    /// Compares the keywords as written, for the pairs that write any: a schema's own and those of its inline `allOf`
    /// parts (each must hold), so one moved between the schema and a part is no change.
    private func compareKeywords(_ pair: SchemaPair, _ context: DiffContext) {
        let oldParts = context.constraints(.base, pair.base).parts, newParts = context.constraints(.head, pair.head).parts
        guard oldParts.contains(where: { Self.writesOne(context.base.schemas[$0.rawValue]) })
            || newParts.contains(where: { Self.writesOne(context.head.schemas[$0.rawValue]) })
        else { return }
        for keyword in Self.keywords {
            let before = oldParts.compactMap { context.base.schemas[$0.rawValue].node.object?[keyword]?.value }
            let after = newParts.compactMap { part in context.head.schemas[part.rawValue].node.object?[keyword].map { (part, $0.value) } }
            guard Set(before) != Set(after.map(\.1)) else { continue }
            // `unevaluatedProperties: false` closes the object: `content-model-changed` reports that.
            if keyword == "unevaluatedProperties", before.contains(.bool(false)) || after.contains(where: { $0.1 == .bool(false) }) { continue }
            let what = before.isEmpty ? "added" : after.isEmpty ? "removed" : "changed"
            // Where the head writes what the base did not (in the part that writes it), else the schema.
            let written = after.first { !before.contains($0.1) }?.0
            let unproven = what == "changed" ? CompatibilityEffect.unprovenNote("version") : ""
            report(pair, context, "\(keyword) of \(pair.label) \(what)\(unproven)", tighter: before.isEmpty ? true : after.isEmpty ? false : nil,
                   at: context.location(.head, pair.head, keyword: keyword, in: written))
        }
    }

    /// Reports a change: tighter, looser, or (nil) neither known, which may do both and is judged by the rule for unproven
    /// changes (``CompatibilityEffect/unproven(backward:forward:)``). A looser `items` breaks old readers (their generated
    /// arrays decode the old item type); other loosening is risky, as for constraints.
    private func report(_ pair: SchemaPair, _ context: DiffContext, _ message: String, tighter: Bool?, looserBreaks: Bool = false, at place: DiffPlace? = nil) {
        let effect = switch tighter {
        case true?: CompatibilityEffect(backward: .breaks, "data written before may not satisfy it")
        case false?: CompatibilityEffect(forward: looserBreaks ? .breaks : .risky, "readers of the old version reject or cannot read what it no longer rules out")
        case nil: CompatibilityEffect.unproven(backward: "data written before may not satisfy it",
                                               forward: "readers of the old version may reject what it now allows")
        }
        context.report(message, effect, roles: pair.roles, bump: .minor, at: place ?? context.location(.head, pair.head))
    }
}
