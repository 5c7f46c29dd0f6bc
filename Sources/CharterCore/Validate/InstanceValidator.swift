/// Whether a JSON value satisfies a schema of a loaded graph, and if not, where and why: JSON Schema 2020-12
/// validation over Charter's schema model, whose `$ref`s the loader already resolved (within a file and across files;
/// `$dynamicRef` and `$recursiveRef` statically, to the anchor they name).
///
/// Keywords checked: `type` (an integer is a number without a fractional part, however written), `enum` and `const`
/// (JSON equality: `1` equals `1.0`, strings code point by code point), `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `multipleOf` (exactly, on the digits, never through `Double`; on a `decimal` string too, by its
/// value, as generated code checks it), `minLength`, `maxLength` (code points), `pattern` (ECMA-262, as generated
/// validation matches it), `format` (``InstanceFormat``: those generated code types are asserted, others are
/// annotations), `properties`, `required`, `additionalProperties`, `patternProperties`, `propertyNames`,
/// `dependentRequired`, `dependentSchemas`, `minProperties`, `maxProperties`, `unevaluatedProperties`, `prefixItems`,
/// `items`, `contains`, `minContains`, `maxContains`, `minItems`, `maxItems`, `uniqueItems`, `unevaluatedItems`,
/// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `$ref` (beside other keywords too), boolean schemas, and the
/// OpenAPI `nullable: true` the loader folds into `type`. Annotations (`title`, `default`, `readOnly`, `discriminator`,
/// …) constrain nothing.
///
/// Pure: a value in, its problems out. A schema is evaluated at most once at each object or array of the value (inside a
/// union's alternatives, results are kept by schema and pointer), so the work grows with the value's size, not with the
/// alternatives a recursive union tries at every level.
public struct InstanceValidator: Sendable {
    /// The schemas.
    public let graph: SchemaGraph
    /// Whether some schema writes `unevaluatedProperties` or `unevaluatedItems`: only then are the members and elements
    /// each evaluation looked at recorded.
    let tracksEvaluated: Bool

    /// A validator over `graph`.
    public init(graph: SchemaGraph) {
        self.graph = graph
        tracksEvaluated = graph.schemas.contains { $0.hasRareKeywords && ($0.unevaluatedProperties != nil || $0.unevaluatedItems != nil) }
    }

    /// Every problem of `instance` against `schema`, in the order the keywords are checked; empty when it is valid.
    public func problems(of instance: JSONNode, against schema: SchemaID) -> [InstanceProblem] {
        ValidationRun(graph: graph, tracksEvaluated: tracksEvaluated).evaluate(schema, instance, at: .root).problems
    }
}

/// What evaluating one schema at one place found: its problems, and the members and elements its keywords evaluated
/// (what `unevaluatedProperties` and `unevaluatedItems` leave alone).
struct Outcome {
    var problems: [InstanceProblem] = []
    var evaluated = Evaluated()

    var isValid: Bool { problems.isEmpty }

    /// Takes in a subschema's outcome at the same place (`$ref`, `allOf`, `then`, …): its problems and what it evaluated.
    mutating func absorb(_ other: Outcome) {
        problems += other.problems
        evaluated.formUnion(other.evaluated)
    }
}

/// The members of an object and the elements of an array that keywords evaluated.
struct Evaluated {
    /// Member names.
    var properties: Set<ExactKey> = []
    /// Elements before this index (`prefixItems`; `Int.max` once `items` applied to the rest).
    var itemPrefix = 0
    /// Further elements, one by one (those `contains` matched).
    var items: Set<Int> = []

    mutating func formUnion(_ other: Evaluated) {
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        items.formUnion(other.items)
    }

    func contains(item index: Int) -> Bool { index < itemPrefix || items.contains(index) }
}

/// One validation, and the results so far of evaluating a schema at a place inside a union's alternatives, where two
/// alternatives reach the same schemas at the same places (a recursive union: without them kept, each level doubles
/// the work).
final class ValidationRun {
    let graph: SchemaGraph
    let tracksEvaluated: Bool
    private var results: [Place: Outcome] = [:]
    /// How many `anyOf` / `oneOf` alternatives are being evaluated, one inside another: results are kept while any is.
    private var alternativesDepth = 0
    /// The schemas being evaluated, outermost first; those from `placeStart` on are at the place being evaluated (reached
    /// through `$ref`s and applicators, not through a member or element).
    private var active: [SchemaID] = []
    private var placeStart = 0
    /// Each object schema's `properties` names, built when a value's members are first sorted against them.
    var declaredNames: [SchemaID: Set<ExactKey>] = [:]

    private struct Place: Hashable {
        var schema: SchemaID
        var pointer: JSONPointer
    }

    /// The most schemas evaluated inside one another (through `$ref`s, applicators, and a value's members and elements):
    /// 32 levels of a recursive type (`"items": {"$ref": …}`), 21 of a recursive union — beyond any realistic example —
    /// before a value is reported as too deep to check, rather than overflow the stack of a thread (Dispatch's are
    /// 512 KiB on macOS; a debug build's evaluation takes some 4 KiB a schema).
    static let maxNesting = 64

    init(graph: SchemaGraph, tracksEvaluated: Bool) {
        self.graph = graph
        self.tracksEvaluated = tracksEvaluated
    }

    /// A member or element `node`, at `pointer`, against the schema `id`.
    func evaluateBelow(_ id: SchemaID, _ node: JSONNode, at pointer: JSONPointer) -> Outcome {
        let outer = placeStart
        placeStart = active.count
        defer { placeStart = outer }
        return evaluate(id, node, at: pointer)
    }

    /// An alternative of an `anyOf` or `oneOf`, at the place being evaluated.
    private func evaluateAlternative(_ id: SchemaID, _ node: JSONNode, at pointer: JSONPointer) -> Outcome {
        alternativesDepth += 1
        defer { alternativesDepth -= 1 }
        return evaluate(id, node, at: pointer)
    }

    /// `node` (at `pointer` in the value) against the schema `id`, at the place being evaluated: a schema met again at
    /// the same place without going deeper into the value (`{"allOf": [{"$ref": "#"}]}`) adds nothing.
    func evaluate(_ id: SchemaID, _ node: JSONNode, at pointer: JSONPointer) -> Outcome {
        let schema = graph.schemas[id.rawValue]
        if let allowed = schema.booleanValue {
            return allowed ? Outcome() : Outcome(problems: [problem("false", id, node, pointer, "no value is allowed here: the schema is false")])
        }
        if active[placeStart...].contains(id) { return Outcome() }
        if active.count >= Self.maxNesting {
            return Outcome(problems: [problem("depth", id, node, pointer, "not checked: more than \(Self.maxNesting) schemas apply inside one another here")])
        }
        // Outside alternatives no place is evaluated against a schema twice; scalars are cheap to check again.
        var place: Place?
        if alternativesDepth > 0, node.array != nil || node.object != nil { place = Place(schema: id, pointer: pointer) }
        if let place, let known = results[place] { return known }

        active.append(id)
        defer { active.removeLast() }
        var outcome = Outcome()
        if let target = schema.ref { outcome.absorb(evaluate(target, node, at: pointer)) }
        checkValue(schema, node, pointer, into: &outcome)
        switch node.value {
        case .number(let number): checkNumber(schema, number, node, pointer, into: &outcome)
        case .string(let text): checkString(schema, text, node, pointer, into: &outcome)
        case .array(let elements): checkArray(schema, elements, node, pointer, into: &outcome)
        case .object(let object): checkObject(schema, object, node, pointer, into: &outcome)
        case .null, .bool: break
        }
        checkApplicators(schema, node, pointer, into: &outcome)
        if tracksEvaluated { checkUnevaluated(schema, node, pointer, into: &outcome) }
        if let place { results[place] = outcome }
        return outcome
    }

    /// A problem with `node`, at its own position.
    func problem(_ keyword: String, _ schema: SchemaID, _ node: JSONNode, _ pointer: JSONPointer, _ message: String) -> InstanceProblem {
        InstanceProblem(pointer: pointer, position: node.position, keyword: keyword, schema: schema, message: message)
    }

    // MARK: Applicators at the same place

    private func checkApplicators(_ schema: Schema, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        for part in schema.allOf { outcome.absorb(evaluate(part, node, at: pointer)) }
        if !schema.anyOf.isEmpty {
            var failed: [(index: Int, outcome: Outcome)] = []
            var matched = false
            for (index, alternative) in schema.anyOf.enumerated() {
                let result = evaluateAlternative(alternative, node, at: pointer)
                if result.isValid {
                    matched = true
                    outcome.evaluated.formUnion(result.evaluated)
                    // Every matching alternative's members count as evaluated; without `unevaluated*`, one match decides.
                    if !tracksEvaluated { break }
                } else {
                    failed.append((index, result))
                }
            }
            if !matched {
                outcome.problems.append(noMatch("anyOf", schema, node, pointer, alternatives: schema.anyOf.count, failed: failed))
            }
        }
        if !schema.oneOf.isEmpty {
            var matches: [Int] = []
            var failed: [(index: Int, outcome: Outcome)] = []
            for (index, alternative) in schema.oneOf.enumerated() {
                let result = evaluateAlternative(alternative, node, at: pointer)
                if result.isValid {
                    matches.append(index)
                    if matches.count == 1 { outcome.evaluated.formUnion(result.evaluated) }
                } else {
                    failed.append((index, result))
                }
            }
            if matches.isEmpty {
                outcome.problems.append(noMatch("oneOf", schema, node, pointer, alternatives: schema.oneOf.count, failed: failed))
            } else if matches.count > 1 {
                let listed = matches.map(String.init).joined(separator: ", ")
                outcome.problems.append(problem("oneOf", schema.id, node, pointer,
                    "matches \(matches.count) of the \(schema.oneOf.count) alternatives (\(listed)), where exactly one must match"))
            }
        }
        guard schema.hasRareKeywords else { return }
        if let negated = schema.not, evaluate(negated, node, at: pointer).isValid {
            outcome.problems.append(problem("not", schema.id, node, pointer, "matches the schema under not, which it must not"))
        }
        if let condition = schema.ifSchema {
            let result = evaluate(condition, node, at: pointer)
            if result.isValid {
                outcome.evaluated.formUnion(result.evaluated)
                if let then = schema.thenSchema { outcome.absorb(evaluate(then, node, at: pointer)) }
            } else if let otherwise = schema.elseSchema {
                outcome.absorb(evaluate(otherwise, node, at: pointer))
            }
        }
        if case .object(let object) = node.value {
            for dependent in schema.dependentSchemas where object.contains(key: dependent.name) {
                outcome.absorb(evaluate(dependent.schema, node, at: pointer))
            }
        }
    }

    /// The problem of an `anyOf` or `oneOf` no alternative matches: `matches none of the 2 alternatives; the closest,
    /// alternative 1, fails at /amount (format): …` — the alternative whose problem lies deepest in the value (then the
    /// one with the fewest problems), most often the one the value was meant to be, and that problem. A union inside the
    /// alternative passes its own closest problem up rather than a sentence about it, so the message stays one problem
    /// long however deep unions nest.
    private func noMatch(_ keyword: String, _ schema: Schema, _ node: JSONNode, _ pointer: JSONPointer, alternatives: Int,
                         failed: [(index: Int, outcome: Outcome)]) -> InstanceProblem {
        var best: (index: Int, problem: InstanceProblem, depth: Int, count: Int)?
        for (index, outcome) in failed {
            guard let deepest = outcome.problems.max(by: { $0.causeDepth < $1.causeDepth }) else { continue }
            let depth = deepest.causeDepth
            if let current = best, depth < current.depth || (depth == current.depth && outcome.problems.count >= current.count) { continue }
            best = (index, deepest, depth, outcome.problems.count)
        }
        var found = problem(keyword, schema.id, node, pointer, "matches none of the \(alternatives) alternatives")
        if let best {
            let cause = best.problem.rootCause
            found.message += alternatives == 1 ? "; it fails \(cause.text)" : "; the closest, alternative \(best.index), fails \(cause.text)"
            found.cause = cause
        }
        return found
    }
}
