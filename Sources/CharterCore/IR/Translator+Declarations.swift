/// Filling in declarations: records, enumerations and unions.
extension TranslationSession {
    // MARK: Records

    func declareObject(_ typeID: IRTypeID, _ merged: MergedSchema, namespace: Int) {
        var properties: [IRProperty] = []
        properties.reserveCapacity(merged.properties.count)
        for (name, schemaID) in merged.properties {
            let resolved = use(schemaID, hint: name, parent: typeID, namespace: namespace)
            let own = graph[schemaID]
            let target = graph[graph.resolved(schemaID)]
            let propertyMerged = merged.propertyParts[name].map { mergedProperty(name, parts: $0) } ?? self.merged(schemaID)
            // A declared property whose name a `patternProperties` pattern matches meets that schema too.
            let patterns = (merged.patternProperties.isEmpty ? nil : matchingPatterns(of: name, merged)) ?? []
            let constrained = patterns.isEmpty
                ? propertyMerged : MergedSchema(all: constraintView(propertyMerged).roots + patterns.map(\.schema), in: graph)
            let document = graph[own.document]
            if let value = own.defaultValue {
                checkNumericDefault(value, of: propertyMerged, in: own)
            } else if let value = target.defaultValue {
                checkNumericDefault(value, of: propertyMerged, in: target)
            }
            properties.append(IRProperty(
                wireName: name, type: resolved.type, isRequired: merged.required.contains(name), isNullable: resolved.isNullable,
                defaultValue: own.defaultValue ?? target.defaultValue,
                constValue: propertyMerged.constValue ?? singleEnumValue(propertyMerged),
                documentation: IRDocumentation(
                    title: own.title, description: own.description ?? (own.isPureReference ? nil : target.description),
                    origin: own.location, rootRelativePath: document.rootRelativePath),
                isDeprecated: own.deprecated, isReadOnly: own.readOnly || target.readOnly,
                isWriteOnly: own.writeOnly || target.writeOnly, constraints: constraints(constrained, for: resolved.type),
                renamedFrom: own.renamedFrom))
        }
        let additional: IRAdditionalProperties
        var namePatterns: [String] = []
        if let extra = merged.additionalProperties {
            switch graph[extra].booleanValue {
            case false? where !merged.patternProperties.isEmpty:
                // Closed but for the names the patterns match: those are kept, any other is invalid.
                additional = .map(mapValueType(merged, hint: types[typeID.rawValue].name, parent: typeID, namespace: namespace))
                namePatterns = merged.patternProperties.map(\.name)
            case false?: additional = .forbidden
            // An explicit `true` (like `{}`) says extra properties are part of the value: keep them.
            case true?: additional = .map(.any)
            case nil: additional = .map(mapValueType(merged, hint: types[typeID.rawValue].name, parent: typeID, namespace: namespace))
            }
        } else if !merged.patternProperties.isEmpty {
            additional = .map(mapValueType(merged, hint: types[typeID.rawValue].name, parent: typeID, namespace: namespace))
        } else {
            additional = .ignored
        }
        var mapValue: IRTypeRef?
        if case .map(let valueType) = additional { mapValue = valueType }
        properties += requiredWithoutDeclaration(merged, mapValue: mapValue, parent: typeID, namespace: namespace)
        var objectConstraints = IRConstraints()
        objectConstraints.minProperties = merged.constraints.minProperties
        objectConstraints.maxProperties = merged.constraints.maxProperties
        if case .map = additional { mapValueConstraints(merged, into: &objectConstraints, visiting: []) }
        types[typeID.rawValue].kind = .object(IRObject(
            properties: properties, additionalProperties: additional, undeclaredNamePatterns: namePatterns, constraints: objectConstraints))
    }

    /// The view of a property several parts of an object declare: all their constraints apply. Parts whose
    /// types have nothing in common (a string in one `allOf` member, an integer in another) are an error:
    /// no value could be valid.
    func mergedProperty(_ name: String, parts: [SchemaID]) -> MergedSchema {
        let view = MergedSchema(all: parts, in: graph)
        if let types = view.types, types.isEmpty {
            let described = parts.map { part in
                (self.merged(part).types ?? []).map(\.rawValue).joined(separator: " or ")
            }.filter { !$0.isEmpty }
            bag.add(.error(
                "property \"\(name)\" is declared with types that exclude each other (\(described.joined(separator: " and "))): no value is valid",
                at: graph[parts.last!].location, code: "schema.conflicting-types",
                hint: "give the property one type in every allOf member (or $ref and its siblings)",
                related: parts.dropLast().map { graph[$0].location }))
        }
        return view
    }

    /// A single-valued `enum` acts as a `const`.
    func singleEnumValue(_ merged: MergedSchema) -> JSONNode? {
        guard let values = merged.enumValues, values.count == 1 else { return nil }
        return values[0]
    }

    // MARK: Enumerations

    func enumeration(
        _ id: SchemaID, _ merged: MergedSchema, _ values: [JSONNode], hint: String, parent: IRTypeID?, namespace: Int,
        forceName: String?, nullable: Bool, into: IRTypeID? = nil
    ) -> Resolved {
        let nonNull = values.filter { !$0.isNull }
        if nonNull.count == 1 { return Resolved(type: valueType(of: nonNull[0]), isNullable: nullable) }
        // `[null]`: nothing but `null` is valid, as under `{"type": "null"}`.
        if nonNull.isEmpty && !values.isEmpty { return Resolved(type: .primitive(.null), isNullable: true) }
        let isString = nonNull.allSatisfy { $0.string != nil }
        let isIntegers = !isString && nonNull.allSatisfy(isInteger)
        guard !nonNull.isEmpty, isString || isIntegers else {
            return Resolved(type: .any, isNullable: nullable)
        }
        var seen: Set<String> = []
        var cases: [IREnumCase] = []
        for value in nonNull {
            let text: String
            if let string = value.string {
                text = string
            } else if case .number(let number) = value.value, let int = number.intValue {
                text = String(int)
            } else {
                continue
            }
            if seen.insert(text).inserted { cases.append(IREnumCase(value: text)) }
        }
        let typeID = declare(id, hint: hint, parent: parent, namespace: namespace, forceName: forceName, into: into)
        if let transitions = merged.transitions { checkTransitions(transitions, cases: seen, at: graph[id]) }
        types[typeID.rawValue].kind = .enumeration(IREnumeration(isString: isString, cases: cases, transitions: merged.transitions))
        types[typeID.rawValue].isNullable = nullable
        return Resolved(type: .named(typeID), isNullable: nullable)
    }

    /// Every state named in `x-transitions` must be a value of the enumeration.
    func checkTransitions(_ transitions: [(from: String, to: [String])], cases: Set<String>, at schema: Schema) {
        for (from, targets) in transitions {
            for state in [from] + targets where !cases.contains(state) {
                bag.add(.error(
                    "x-transitions names \"\(state)\", which is not a value of the enum",
                    at: SourceLocation(file: schema.location.file, position: schema.node.object?["x-transitions"]?.position, pointer: schema.location.pointer.appending("x-transitions")),
                    code: "schema.invalid-transition"))
            }
        }
    }

    // MARK: Unions

    func declareUnion(_ typeID: IRTypeID, _ merged: MergedSchema, alternatives: [SchemaID], namespace: Int) {
        if merged.hasSharedMembers { shareMembers(of: merged, with: alternatives) }
        var variants: [IRVariant] = []
        for (index, alternative) in alternatives.enumerated() {
            let target = graph.resolved(alternative)
            let hint = graph[target].title.flatMap { $0.count <= 60 ? $0 : nil } ?? homeName(of: target) ?? "Option\(index + 1)"
            let resolved = use(alternative, hint: hint, parent: typeID, namespace: namespace)
            // The value meets the alternative's keywords and those written beside the alternatives.
            let view = MergedSchema(all: [alternative, merged.origin], in: graph)
            variants.append(IRVariant(
                type: resolved.type, tags: [], declaresDiscriminator: false, nameHint: caseHint(resolved.type, fallback: hint),
                constraints: constraints(view, for: resolved.type)))
        }
        var discriminator: IRDiscriminator?
        if let explicit = merged.discriminator {
            discriminator = IRDiscriminator(propertyName: explicit.propertyName, isExplicit: true)
            checkDiscriminator(explicit, alternatives: alternatives, merged: merged)
            for (index, alternative) in alternatives.enumerated() {
                let target = graph.resolved(alternative)
                var tags = explicit.mapping.filter { graph.resolved($0.schema) == target }.map(\.value)
                let pinned = constTag(target, property: explicit.propertyName)
                if tags.isEmpty, let pinned { tags = [pinned] }
                if tags.isEmpty, let home = homeName(of: target) { tags = [home] }
                if tags.isEmpty {
                    bag.add(.error(
                        "alternative \(index + 1) has no discriminator value: it could never be decoded",
                        at: graph[alternative].location, code: "schema.discriminator-mismatch",
                        hint: "add a mapping entry for it, or give it a const \"\(explicit.propertyName)\""))
                }
                if let pinned, !tags.contains(pinned) {
                    bag.add(.error(
                        "alternative \(index + 1) fixes \"\(explicit.propertyName)\" to \"\(pinned)\", which the discriminator does not map to it (\(tags.map { "\"\($0)\"" }.joined(separator: ", "))): no value of it can be encoded and decoded back",
                        at: graph[alternative].location, code: "schema.discriminator-mismatch",
                        hint: "map \"\(pinned)\" to the alternative, or change its const"))
                }
                variants[index].tags = tags
                // A variant that fixes the tag writes it itself; for any other the union writes the case's tag.
                variants[index].declaresDiscriminator = pinned != nil && declares(target, property: explicit.propertyName)
                if let first = tags.first { variants[index].nameHint = first }
            }
        } else if let property = impliedDiscriminator(alternatives) {
            discriminator = IRDiscriminator(propertyName: property, isExplicit: false)
            for (index, alternative) in alternatives.enumerated() {
                let tag = constTag(graph.resolved(alternative), property: property) ?? ""
                variants[index].tags = [tag]
                variants[index].declaresDiscriminator = true
                variants[index].nameHint = tag
            }
        }
        types[typeID.rawValue].kind = .union(IRUnion(variants: variants, discriminator: discriminator))
    }

    /// Properties written beside `oneOf`/`anyOf` (at the same level, or in an `allOf` member next to the one
    /// holding the alternatives) belong to every alternative. An inline object alternative is translated with
    /// them folded in; a `$ref` alternative is a type of its own, used elsewhere too, so it cannot take them:
    /// that is reported, since a value decoded as such an alternative drops the shared properties.
    func shareMembers(of merged: MergedSchema, with alternatives: [SchemaID]) {
        for alternative in alternatives {
            let inline = graph.resolved(alternative) == alternative && homeName(of: alternative) == nil
            if inline, declared[alternative] == nil {
                let own = self.merged(alternative)
                let kinds = valueKinds(own)
                // Only objects have members to share; a scalar alternative beside properties is left as it is.
                if kinds.isEmpty || kinds == [.object] {
                    mergedCache[alternative] = MergedSchema(alternative: alternative, sharing: merged, in: graph)
                    continue
                }
                if !kinds.contains(.object) { continue }
            }
            let shared = merged.properties.map(\.name)
            guard !shared.isEmpty else { continue }
            bag.add(.warning(
                "properties beside the alternatives (\(shared.joined(separator: ", "))) are not part of this alternative's generated type: a value decoded as it loses them",
                at: graph[alternative].location, code: "translate.shared-properties-dropped",
                hint: "declare the shared properties in each alternative (e.g. allOf of the base and the variant in $defs)"))
        }
    }

    /// A discriminator the generated union can honour: every mapping target is an alternative, and every
    /// alternative is an object (a tag can only be read from, and written into, an object).
    func checkDiscriminator(_ discriminator: SchemaDiscriminator, alternatives: [SchemaID], merged: MergedSchema) {
        let owner = graph[[merged.alternativesOwner, merged.origin].compactMap { $0 }.first { graph[$0].discriminator != nil } ?? merged.origin]
        let targets = Set(alternatives.map { graph.resolved($0) })
        let mappingNode = owner.node.object?["discriminator"]?.object?["mapping"]
        for entry in discriminator.mapping where !targets.contains(graph.resolved(entry.schema)) {
            let pointer = owner.location.pointer.appending("discriminator").appending("mapping").appending(entry.value)
            bag.add(.error(
                "discriminator mapping \"\(entry.value)\" names a schema that is not an alternative of the oneOf/anyOf: the value could never be decoded",
                at: SourceLocation(file: owner.location.file, position: mappingNode?.object?[entry.value]?.position, pointer: pointer),
                code: "schema.discriminator-mapping", hint: "add the schema to the alternatives or remove the mapping entry"))
        }
        for (index, alternative) in alternatives.enumerated() {
            let view = self.merged(graph.resolved(alternative))
            let kinds = valueKinds(view)
            guard !kinds.isEmpty, !kinds.contains(.object) else { continue }
            bag.add(.error(
                "alternative \(index + 1) is \(kinds.map(\.rawValue).joined(separator: " or ")), not an object: it cannot hold the discriminator \"\(discriminator.propertyName)\"",
                at: graph[alternative].location, code: "schema.discriminator-alternative",
                hint: "make every alternative an object with the property, or drop the discriminator"))
        }
    }

    /// A union over the members of a `type` array, e.g. `["string", "integer"]`.
    func declareTypeUnion(_ typeID: IRTypeID, _ merged: MergedSchema, _ typeList: [JSONType], namespace: Int) {
        var variants: [IRVariant] = []
        for type in typeList {
            let variantType: IRTypeRef
            var variantConstraints = IRConstraints()
            switch type {
            case .string: variantType = .primitive(stringPrimitive(merged.format))
            case .integer: variantType = .primitive(integerPrimitive(merged.format))
            case .number: variantType = number(merged)
            case .boolean: variantType = .primitive(.boolean)
            case .array: variantType = .array(itemType(merged, hint: types[typeID.rawValue].name, parent: typeID, namespace: namespace))
            case .object:
                if isRecord(merged) {
                    let objectID = newDecl(merged.origin, name: types[typeID.rawValue].name + "Object", namespace: namespace, parent: typeID)
                    declared[merged.origin] = typeID
                    declareObject(objectID, merged, namespace: namespace)
                    variantType = .named(objectID)
                } else {
                    variantType = .map(mapValueType(merged, hint: types[typeID.rawValue].name, parent: typeID, namespace: namespace))
                }
            case .null: continue
            }
            // A record checks its own members; any other variant the schema's keywords that apply to its type.
            if type != .object || !isRecord(merged) { variantConstraints = constraints(merged, for: variantType) }
            variants.append(IRVariant(
                type: variantType, tags: [], declaresDiscriminator: false, nameHint: type.rawValue, constraints: variantConstraints))
        }
        types[typeID.rawValue].kind = .union(IRUnion(variants: variants, discriminator: nil))
    }

    /// A case name for a variant: the declared type's name, or the JSON kind of a scalar/container.
    func caseHint(_ type: IRTypeRef, fallback: String) -> String {
        switch type {
        case .named(let id): return types[id.rawValue].name
        case .primitive(let primitive):
            switch primitive {
            case .string: return "string"
            case .boolean: return "boolean"
            case .integer: return "integer"
            case .double, .decimal: return "number"
            case .dateTime: return "dateTime"
            case .date: return "date"
            case .uuid: return "uuid"
            case .uri: return "uri"
            case .null: return "null"
            }
        case .array: return "array"
        case .map: return "object"
        case .any, .optional: return fallback
        }
    }

    /// The `const` (or single `enum`) string a variant holds in `property`.
    func constTag(_ variant: SchemaID, property: String) -> String? {
        let merged = self.merged(variant)
        guard let schema = merged.properties.first(where: { $0.name == property })?.schema else { return nil }
        let propertyMerged = self.merged(schema)
        return (propertyMerged.constValue ?? singleEnumValue(propertyMerged))?.string
    }

    /// Whether a variant declares `property`.
    func declares(_ variant: SchemaID, property: String) -> Bool {
        self.merged(variant).properties.contains { $0.name == property }
    }

    /// The property every variant requires with a distinct string `const`, if there is one.
    func impliedDiscriminator(_ alternatives: [SchemaID]) -> String? {
        guard alternatives.count > 1 else { return nil }
        let merged = alternatives.map { self.merged(graph.resolved($0)) }
        guard let first = merged.first else { return nil }
        for (name, _) in first.properties {
            var tags: Set<String> = []
            let ok = zip(alternatives, merged).allSatisfy { alternative, view in
                guard view.required.contains(name), let tag = constTag(graph.resolved(alternative), property: name) else { return false }
                return tags.insert(tag).inserted
            }
            if ok { return name }
        }
        return nil
    }
}
