/// Classifying a schema into a type use: a declared type, a scalar, or a container.
extension TranslationSession {
    /// A type use and whether `null` is allowed there.
    struct Resolved {
        var type: IRTypeRef
        var isNullable: Bool
    }

    /// The type of a schema used somewhere (a property, an item, a variant), declaring what it needs.
    func use(_ id: SchemaID, hint: String, parent: IRTypeID?, namespace: Int) -> Resolved {
        let target = graph.resolved(id)
        if let typeID = declared[target] {
            return Resolved(type: .named(typeID), isNullable: types[typeID.rawValue].isNullable)
        }
        if let home = homeName(of: target) {
            let ref = declareTopLevel(target, name: home, namespace: namespaceOf(target))
            if case .named(let typeID) = ref { return Resolved(type: ref, isNullable: types[typeID.rawValue].isNullable) }
            return Resolved(type: ref, isNullable: false)
        }
        if target != id {
            // A reference into an inline schema elsewhere (e.g. "#/properties/address"): give it a top-level home.
            let name = graph[target].title ?? graph[target].location.pointer.tokens.last ?? hint
            let merged = self.merged(target)
            if shape(of: merged) == .declaration {
                let ref = declareTopLevel(target, name: name, namespace: namespaceOf(target))
                return Resolved(type: ref, isNullable: isNullable(merged))
            }
        }
        let resolved = translateInline(target, hint: hint, parent: parent, namespace: namespace, forceName: nil)
        translatedRefs[id] = resolved.type
        return resolved
    }

    /// The namespace of the file a schema is written in (created when the file was reached through `$ref`).
    func namespaceOf(_ id: SchemaID) -> Int {
        namespace(for: graph[graph[id].document])
    }

    /// Translates a schema in place. When it needs a declaration, the type is declared with `forceName`
    /// (top level) or nested in `parent` under a name derived from `hint`.
    /// With `asValue`, the schema is translated even though it is declared (an alias being filled in);
    /// with `into`, a declaration made earlier (a queued top-level type) receives the body.
    func translateInline(
        _ id: SchemaID, hint: String, parent: IRTypeID?, namespace: Int, forceName: String?, asValue: Bool = false,
        into: IRTypeID? = nil
    ) -> Resolved {
        if !asValue, into == nil, let existing = declared[id] {
            return Resolved(type: .named(existing), isNullable: types[existing.rawValue].isNullable)
        }
        let merged = self.merged(id)
        let nullable = isNullable(merged)
        if merged.isFalse {
            bag.add(.warning("schema \"false\" accepts nothing; generated as free-form JSON", at: graph[id].location, code: "translate.false-schema"))
            return Resolved(type: .any, isNullable: nullable)
        }
        let nonNull = alternativesAreConstraintsOnly(merged) ? [] : nonNullAlternatives(merged)
        if nonNull.count == 1, merged.properties.isEmpty, merged.types == nil || merged.types == [.null] {
            let inner = use(nonNull[0], hint: hint, parent: parent, namespace: namespace)
            return Resolved(type: inner.type, isNullable: inner.isNullable || nullable)
        }
        if nonNull.count > 1 {
            let typeID = declare(id, hint: hint, parent: parent, namespace: namespace, forceName: forceName, into: into)
            types[typeID.rawValue].isNullable = nullable
            declareUnion(typeID, merged, alternatives: nonNull, namespace: namespace)
            return Resolved(type: .named(typeID), isNullable: nullable)
        }
        if let values = merged.enumValues {
            return enumeration(
                id, merged, values, hint: hint, parent: parent, namespace: namespace, forceName: forceName, nullable: nullable, into: into)
        }
        if let constant = merged.constValue {
            // A numeric constant of a decimal (`"format": "decimal"`) is a `Decimal`, as the schema's other numbers are.
            let isNumber = if case .number = constant.value { true } else { false }
            let type = merged.format == "decimal" && isNumber ? number(merged) : valueType(of: constant)
            return Resolved(type: type, isNullable: nullable || constant.isNull)
        }
        reportKindsDroppedByBounds(merged)
        let typeList = valueKinds(merged)
        if typeList.isEmpty {
            // `{"type": "null"}` (or a type list whose other types are dropped), or alternatives that are all `null`:
            // nothing but `null` is valid.
            if merged.types?.contains(.null) == true || (merged.types == nil && !merged.alternatives.isEmpty && nonNullAlternatives(merged).isEmpty) {
                return Resolved(type: .primitive(.null), isNullable: true)
            }
            if merged.types?.isEmpty == true {
                // `allOf` members (or a `$ref` and its siblings) whose `type`s have nothing in common.
                bag.add(.error(
                    "the types of this schema's parts exclude each other: no value is valid",
                    at: graph[id].location, code: "schema.conflicting-types",
                    hint: "give every allOf member (or $ref and its siblings) a type in common"))
            }
            return Resolved(type: .any, isNullable: nullable)
        }
        if typeList.isIntegerAndNumber { return Resolved(type: number(merged), isNullable: nullable) }
        if typeList.count > 1 {
            let typeID = declare(id, hint: hint, parent: parent, namespace: namespace, forceName: forceName, into: into)
            types[typeID.rawValue].isNullable = nullable
            declareTypeUnion(typeID, merged, typeList, namespace: namespace)
            return Resolved(type: .named(typeID), isNullable: nullable)
        }
        switch typeList[0] {
        case .object:
            if isRecord(merged) {
                let typeID = declare(id, hint: hint, parent: parent, namespace: namespace, forceName: forceName, into: into)
                types[typeID.rawValue].isNullable = nullable
                declareObject(typeID, merged, namespace: namespace)
                return Resolved(type: .named(typeID), isNullable: nullable)
            }
            return Resolved(type: .map(mapValueType(merged, hint: hint, parent: parent, namespace: namespace)), isNullable: nullable)
        case .array:
            return Resolved(type: .array(itemType(merged, hint: hint, parent: parent, namespace: namespace)), isNullable: nullable)
        case .string: return Resolved(type: .primitive(stringPrimitive(merged.format)), isNullable: nullable)
        case .integer: return Resolved(type: .primitive(integerPrimitive(merged.format)), isNullable: nullable)
        case .number: return Resolved(type: number(merged), isNullable: nullable)
        case .boolean: return Resolved(type: .primitive(.boolean), isNullable: nullable)
        case .null: return Resolved(type: .primitive(.null), isNullable: true)
        }
    }

    /// Declares a type for `id`: top-level under `forceName`, else nested in `parent` (or top-level when there is none).
    func declare(_ id: SchemaID, hint: String, parent: IRTypeID?, namespace: Int, forceName: String?, into: IRTypeID? = nil) -> IRTypeID {
        if let into { return into }
        if let forceName { return newDecl(id, name: forceName, namespace: namespace, parent: nil) }
        let name = graph[id].title.flatMap { $0.count <= 60 ? $0 : nil } ?? hint
        return newDecl(id, name: name, namespace: namespace, parent: parent)
    }

    // MARK: Nullability and alternatives

    /// Whether `null` is a valid value: the type list, `enum` or `const` says so, or an alternative is `null` — or,
    /// without a type list, allows it while its type cannot hold it (a nullable object type), so that the union
    /// holds `null` itself. An alternative that is a union allowing `null` holds it already.
    func isNullable(_ merged: MergedSchema) -> Bool {
        var visited: Set<SchemaID> = [merged.origin]
        return allowsNull(merged, visited: &visited)
    }

    private func allowsNull(_ merged: MergedSchema, visited: inout Set<SchemaID>) -> Bool {
        if merged.types?.contains(.null) == true { return true }
        if merged.enumValues?.contains(where: \.isNull) == true { return true }
        if merged.constValue?.isNull == true { return true }
        return merged.alternatives.contains { alternative in
            if isNullSchema(alternative) { return true }
            let target = graph.resolved(alternative)
            guard merged.types == nil, visited.insert(target).inserted else { return false }
            let view = self.merged(target)
            return !holdsNullItself(view) && allowsNull(view, visited: &visited)
        }
    }

    /// Whether the schema translates to a union (several non-null alternatives, or a type list), whose value can be
    /// `null` itself when the schema allows it.
    func holdsNullItself(_ merged: MergedSchema) -> Bool {
        if nonNullAlternatives(merged).count > 1 && !alternativesAreConstraintsOnly(merged) { return true }
        guard merged.enumValues == nil, merged.constValue == nil else { return false }
        let types = (merged.types ?? inferredTypes(merged)).filter { $0 != .null }
        return types.count > 1 && Set(types) != [.integer, .number]
    }

    /// Whether a schema accepts only `null`.
    func isNullSchema(_ id: SchemaID) -> Bool {
        let schema = graph[graph.resolved(id)]
        if schema.types == [.null] { return true }
        if let values = schema.enumValues, values.count == 1, values[0].isNull { return true }
        return schema.constValue?.isNull == true
    }

    func nonNullAlternatives(_ merged: MergedSchema) -> [SchemaID] {
        merged.alternatives.filter { !isNullSchema($0) }
    }

    /// `oneOf: [{required: [a]}, {required: [b]}]` beside properties only constrains; it adds no type.
    func alternativesAreConstraintsOnly(_ merged: MergedSchema) -> Bool {
        !merged.alternatives.isEmpty && merged.alternatives.allSatisfy(isConstraintsOnly)
    }

    /// Whether an alternative has no keywords but the constraints generated code checks on a value itself (lengths,
    /// `pattern`, bounds, `multipleOf`, counts, `uniqueItems`) and annotations.
    func isCheckedConstraintsOnly(_ alternative: SchemaID) -> Bool {
        guard let members = graph[alternative].node.object?.members else { return false }
        return members.allSatisfy { Self.checkedAlternativeKeywords.contains($0.key) }
    }

    /// The keywords an alternative may have for its group to be checked: see ``isCheckedConstraintsOnly(_:)``.
    static let checkedAlternativeKeywords: Set<String> = [
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly",
    ]

    /// Whether an alternative only adds constraints: no `type`, properties, items, `enum`, `const`, `$ref` or
    /// composition of its own.
    func isConstraintsOnly(_ alternative: SchemaID) -> Bool {
        let s = graph[alternative]
        return s.ref == nil && s.types == nil && s.properties.isEmpty && s.enumValues == nil && s.constValue == nil
            && s.items == nil && s.oneOf.isEmpty && s.anyOf.isEmpty && s.allOf.isEmpty && s.booleanValue == nil
    }

    /// The type implied by keywords when `type` is absent. Keywords that give a value its structure decide it, as a
    /// typed model has it: an object (`properties`, `required`, `additionalProperties`, `patternProperties`), else an
    /// array (`items`, `prefixItems`) — their members are what generated code checks. Otherwise the one kind of value
    /// the keywords apply to: an object (counts of members), an array (counts of elements) or a string (`format`,
    /// `pattern`, lengths). None — any JSON value, each keyword checked on the kind it applies to — when there are
    /// keywords of several such kinds (`{"minimum": 3, "maxLength": 2}`: a number of at least 3 and a string of at
    /// most 2 characters are both valid, and so is `true`), when the only ones are numeric bounds, or when there are none.
    func inferredTypes(_ merged: MergedSchema) -> [JSONType] {
        if !merged.properties.isEmpty || merged.additionalProperties != nil || !merged.patternProperties.isEmpty || !merged.required.isEmpty {
            return [.object]
        }
        if merged.items != nil || !merged.prefixItems.isEmpty { return [.array] }
        let constraints = merged.constraints
        let object = constraints.minProperties != nil || constraints.maxProperties != nil
        let array = constraints.minItems != nil || constraints.maxItems != nil
        let string = merged.format != nil || !constraints.patterns.isEmpty || constraints.minLength != nil || constraints.maxLength != nil
        let number = constraints.minimum != nil || constraints.maximum != nil || constraints.exclusiveMinimum != nil
            || constraints.exclusiveMaximum != nil || constraints.multipleOf != nil
        let kinds: [JSONType] = (object ? [.object] : []) + (array ? [.array] : []) + (string ? [.string] : [])
        return !number && kinds.count == 1 ? kinds : []
    }

    // MARK: Scalars

    func stringPrimitive(_ format: String?) -> IRPrimitive {
        switch format {
        case "date-time": .dateTime
        case "date": .date
        case "uuid": .uuid
        case "uri": .uri
        case "decimal": .decimal(asString: true)
        default: .string
        }
    }

    func integerPrimitive(_ format: String?) -> IRPrimitive {
        switch format {
        case "int32": .integer(bits: 32)
        case "int64": .integer(bits: 64)
        default: .integer(bits: nil)
        }
    }

    func number(_ merged: MergedSchema) -> IRTypeRef {
        .primitive(merged.format == "decimal" ? .decimal(asString: false) : .double)
    }

    /// The type of a `const` or single-valued `enum`: `null` is JSON `null` itself, as `{"type": "null"}` is.
    func valueType(of node: JSONNode) -> IRTypeRef {
        switch node.value {
        case .string: .primitive(.string)
        case .bool: .primitive(.boolean)
        case .number(let number): number.isInteger && number.intValue != nil ? .primitive(.integer(bits: nil)) : .primitive(.double)
        case .null: .primitive(.null)
        case .array, .object: .any
        }
    }

    // MARK: Containers

    /// The element type of a list: the one type every schema that may apply to an element translates to
    /// (each `prefixItems` schema, and `items` — absent or `true` meaning any value after the prefix), else
    /// free-form JSON, which keeps a tuple's differently typed elements as received.
    func itemType(_ merged: MergedSchema, hint: String, parent: IRTypeID?, namespace: Int) -> IRTypeRef {
        let itemHint = Self.singular(hint)
        let itemsFlag = merged.items.flatMap { graph[$0].booleanValue }
        var candidates = merged.prefixItems
        if let items = merged.items, itemsFlag == nil {
            candidates.append(items)
        } else if itemsFlag != false && !candidates.isEmpty {
            return .any
        }
        return commonElementType(candidates, hint: itemHint, parent: parent, namespace: namespace)
    }

    /// The value type of a map of undeclared properties: the one type every schema that may apply to such a
    /// property translates to (`additionalProperties` and each `patternProperties` schema), else free-form
    /// JSON, which keeps any of them as received. Under an absent or `true` `additionalProperties`, a name no
    /// pattern matches may hold anything, so patterns alone never narrow the type.
    func mapValueType(_ merged: MergedSchema, hint: String, parent: IRTypeID?, namespace: Int) -> IRTypeRef {
        let additional = merged.additionalProperties
        let additionalFlag = additional.flatMap { graph[$0].booleanValue }
        var candidates = merged.patternProperties.map(\.schema)
        if let additional, additionalFlag == nil {
            candidates.append(additional)
        } else if additionalFlag != false && !candidates.isEmpty {
            return .any
        }
        return commonElementType(candidates, hint: hint + "Value", parent: parent, namespace: namespace)
    }

    /// The one type (as a list element or map value) every schema of `candidates` translates to, else free-form
    /// JSON; free-form JSON too when there are none.
    func commonElementType(_ candidates: [SchemaID], hint: String, parent: IRTypeID?, namespace: Int) -> IRTypeRef {
        var common: IRTypeRef?
        for candidate in candidates {
            let type = element(use(candidate, hint: hint, parent: parent, namespace: namespace))
            if let common, common != type { return .any }
            common = type
        }
        return common ?? .any
    }

    /// The type of a list element or map value: optional when it may be null (free-form JSON holds null itself).
    func element(_ resolved: Resolved) -> IRTypeRef {
        if case .any = resolved.type { return .any }
        return resolved.isNullable ? .optional(resolved.type) : resolved.type
    }

    /// A naive English singular for item type names: `lines` → `line`, `categories` → `category`;
    /// a word that is not plural gets `Item` appended.
    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && word.count > 3 { return String(word.dropLast()) }
        return word + "Item"
    }

    // MARK: Constraints

    /// The constraints of a schema that apply to a value of `type` (element constraints for lists of scalars),
    /// numeric bounds fitted to the type that holds the value.
    func constraints(_ schema: MergedSchema, for type: IRTypeRef) -> IRConstraints {
        let merged = constraintView(schema)
        var result = fittedNumericBounds(merged.constraints, merged, as: type)
        for part in merged.uncombinedMultipleOf {
            let schema = graph[part]
            bag.add(.warning(
                "multipleOf \(schema.multipleOf?.literal ?? "") cannot be combined with the other parts' multipleOf and is not checked",
                at: SourceLocation(file: schema.location.file, position: schema.node.object?["multipleOf"]?.position, pointer: schema.location.pointer.appending("multipleOf")),
                code: "translate.unchecked-bound", hint: "write one multipleOf that both parts' divisors divide"))
        }
        heldValuesConstraints(merged, into: &result, visiting: [])
        result.alternativeGroups = alternativeConstraints(merged, for: type)
        return result
    }

    /// The view's `anyOf`/`oneOf` groups whose alternatives only add constraints generated code checks, each
    /// alternative's constraints fitted to `type` (nil: the number type of `merged`'s own values); a group with any
    /// other alternative is a union, or not checked — an alternative with a keyword that is not checked (`required`,
    /// `format`, `not`, …) cannot be told to hold or not. An alternative with a bound no value of the type meets
    /// (`"type": "integer", "anyOf": [{"minimum": 1e30}, {"maximum": 5}]`) never holds for such a value: it is left out
    /// of its group, with a warning, which leaves what `anyOf` and `oneOf` admit unchanged; a group left with no
    /// alternative admits no value, which a warning of its own says.
    func alternativeConstraints(_ merged: MergedSchema, for type: IRTypeRef?) -> [IRAlternativeConstraints] {
        let held = type ?? numericPrimitive(merged).map(IRTypeRef.primitive)
        return merged.alternativeGroups.compactMap { group in
            guard group.schemas.allSatisfy(isCheckedConstraintsOnly) else { return nil }
            let kept: [IRConstraints] = group.schemas.compactMap { id in
                let view = self.merged(id)
                let (fitted, problems) = fittingNumericBounds(view.constraints, view, as: held)
                for case .noValue(let keyword, let bound, let typeName) in problems {
                    bag.add(.warning(
                        "\(keyword) \(bound.literal) leaves no \(typeName) value valid: no such value meets this alternative, which is left out of the check",
                        at: keywordLocation(keyword, view), code: "translate.alternative-dropped",
                        hint: "remove the alternative, or use a bound inside the type's range"))
                    return nil
                }
                for problem in problems { report(problem, view, othersValid: true) }
                return fitted
            }
            if kept.isEmpty {
                let keyword = group.exactlyOne ? "oneOf" : "anyOf"
                bag.add(.warning(
                    "every alternative of this \(keyword) is left out (none can be met): no value is valid here",
                    at: keywordLocation(keyword, merged), code: "translate.alternative-dropped",
                    hint: "keep at least one alternative that a value of the type can meet"))
            }
            return IRAlternativeConstraints(exactlyOne: group.exactlyOne, alternatives: kept)
        }
    }

    /// The view whose constraints a value meets: the schema's own, and — when the schema only wraps one non-null
    /// alternative (`anyOf: [{"$ref": Sku}, {"type": "null"}]`, translated as that alternative's type) — that
    /// alternative's too (through wrappers of wrappers), since a value that is not null is the alternative's.
    func constraintView(_ merged: MergedSchema) -> MergedSchema {
        var view = merged
        var roots = merged.roots
        while view.types == nil, view.properties.isEmpty, !alternativesAreConstraintsOnly(view) {
            let nonNull = nonNullAlternatives(view)
            guard nonNull.count == 1, !roots.contains(nonNull[0]), roots.count < 16 else { break }
            // The alternative first: its `format` (the first seen) is the one its type was translated from.
            roots.insert(nonNull[0], at: 0)
            view = MergedSchema(all: roots, in: graph)
        }
        return view
    }

    /// Sets what the schema requires of the values it holds: of a map's (an object schema's `patternProperties` and
    /// `additionalProperties`) and of a list's (`prefixItems` and `items`, with `items: false` after `prefixItems`
    /// bounding the length). Decided on the schema, not the type, so that a value of an alias (`SkuList`, whose
    /// declaration may not be filled in yet) has its elements checked as an inline list's are. `visiting` holds the
    /// schemas whose values are being described, so a schema that holds itself stops there.
    func heldValuesConstraints(_ merged: MergedSchema, into result: inout IRConstraints, visiting: Set<SchemaID>) {
        let kinds = merged.types ?? inferredTypes(merged)
        if kinds.contains(.object) {
            mapValueConstraints(merged, into: &result, visiting: visiting)
        }
        if kinds.contains(.array) {
            // `items: false` after `prefixItems` closes the tuple: no more elements than the prefix.
            if let items = merged.items, graph[items].booleanValue == false {
                result.maxItems = min(result.maxItems ?? .max, merged.prefixItems.count)
            }
            // Each `prefixItems` schema constrains the element at its position; `items` only the elements after them.
            let prefix = merged.prefixItems.map { heldValueConstraints($0, visiting: visiting) ?? IRConstraints() }
            let elementConstraints = merged.items.flatMap { heldValueConstraints($0, visiting: visiting) }
            if prefix.contains(where: { !$0.isEmpty }) || (elementConstraints != nil && !prefix.isEmpty) { result.prefixElements = prefix }
            result.elements = elementConstraints.map(IRConstraints.Box.init)
        }
    }

    /// Sets what the schemas of a map's values require of each value: ``IRConstraints/patternElements`` for the
    /// names each `patternProperties` pattern matches, ``IRConstraints/elements`` for the others
    /// (`additionalProperties`).
    func mapValueConstraints(_ merged: MergedSchema, into result: inout IRConstraints, visiting: Set<SchemaID>) {
        let patterns = merged.patternProperties.map { entry in
            IRPatternConstraints(pattern: entry.name, constraints: heldValueConstraints(entry.schema, visiting: visiting) ?? IRConstraints())
        }
        let others = merged.additionalProperties.flatMap { heldValueConstraints($0, visiting: visiting) }
        if patterns.contains(where: { !$0.constraints.isEmpty }) || (others != nil && !patterns.isEmpty) { result.patternElements = patterns }
        result.elements = others.map(IRConstraints.Box.init)
    }

    /// What the schema of list elements or map values (`items`, a `prefixItems` entry, `additionalProperties`, a
    /// `patternProperties` entry) requires of each value, for the list or map to check — the values a value that is
    /// itself a list or map holds included: when the values are not generated types, which check themselves
    /// (records, enumerations, unions); nil when it requires nothing.
    /// Decided on the schema, not the type: a type reached through an alias may be declared but not filled in yet.
    func heldValueConstraints(_ schema: SchemaID, visiting: Set<SchemaID> = []) -> IRConstraints? {
        guard graph[schema].booleanValue == nil else { return nil }
        let resolved = graph.resolved(schema)
        guard !visiting.contains(resolved) else { return nil }
        let view = constraintView(self.merged(resolved))
        // The JSON types, for a value held as free-form JSON: also of a generated type's schema, whose checks do not
        // run on a `JSONValue`.
        var types = view.types
        if let named = types, !named.contains(.null), isNullable(self.merged(resolved)) { types = named + [.null] }
        guard shape(of: view) == .value, view.enumValues == nil else {
            guard let types else { return nil }
            var constraints = IRConstraints()
            constraints.types = types
            return constraints
        }
        var constraints = fittedNumericBounds(view.constraints, view)
        constraints.types = types
        heldValuesConstraints(view, into: &constraints, visiting: visiting.union([resolved]))
        constraints.alternativeGroups = alternativeConstraints(view, for: nil)
        return constraints.isEmpty ? nil : constraints
    }
}
