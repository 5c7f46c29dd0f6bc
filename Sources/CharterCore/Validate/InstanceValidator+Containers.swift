/// The keywords of arrays and objects, and `unevaluatedItems` / `unevaluatedProperties` after every other keyword.
extension ValidationRun {
    func checkArray(_ schema: Schema, _ elements: [JSONNode], _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        if let minimum = schema.minItems, elements.count < minimum {
            outcome.problems.append(problem("minItems", schema.id, node, pointer, "\(Self.describe(node)), fewer than \(minimum)"))
        }
        if let maximum = schema.maxItems, elements.count > maximum {
            outcome.problems.append(problem("maxItems", schema.id, node, pointer, "\(Self.describe(node)), more than \(maximum)"))
        }
        if schema.uniqueItems {
            // JSON equality (`1` and `1.0` are equal, member order does not matter), one hash each.
            var seen: [JSONValue: Int] = [:]
            for (index, element) in elements.enumerated() {
                if let first = seen.updateValue(index, forKey: element.value) {
                    outcome.problems.append(problem("uniqueItems", schema.id, element, pointer.appending(index: index),
                                                    "element \(index) equals element \(first), and elements must be unique"))
                    break
                }
            }
        }
        let prefix = schema.prefixItems
        for (index, itemSchema) in zip(elements.indices, prefix) {
            outcome.problems += evaluateBelow(itemSchema, elements[index], at: pointer.appending(index: index)).problems
        }
        if tracksEvaluated { outcome.evaluated.itemPrefix = max(outcome.evaluated.itemPrefix, min(prefix.count, elements.count)) }
        if let items = schema.items, elements.count > prefix.count {
            if graph.schemas[items.rawValue].booleanValue == false {
                let index = prefix.count
                outcome.problems.append(problem("items", schema.id, elements[index], pointer.appending(index: index),
                    prefix.isEmpty ? "no element is allowed (items is false)" : "no element is allowed past the \(Self.count(prefix.count, "prefixItems schema")) (items is false)"))
            } else {
                for index in prefix.count..<elements.count {
                    outcome.problems += evaluateBelow(items, elements[index], at: pointer.appending(index: index)).problems
                }
            }
            if tracksEvaluated { outcome.evaluated.itemPrefix = .max }
        }
        guard schema.hasRareKeywords, let contains = schema.contains else { return }
        var matching = 0
        for (index, element) in elements.enumerated() where evaluateBelow(contains, element, at: pointer.appending(index: index)).isValid {
            matching += 1
            if tracksEvaluated { outcome.evaluated.items.insert(index) }
        }
        let minimum = schema.minContains ?? 1
        if matching < minimum {
            outcome.problems.append(problem(schema.minContains == nil ? "contains" : "minContains", schema.id, node, pointer,
                matching == 0 ? "no element matches the schema under contains" : "\(Self.count(matching, "element")) match the schema under contains, fewer than \(minimum)"))
        }
        if let maximum = schema.maxContains, matching > maximum {
            outcome.problems.append(problem("maxContains", schema.id, node, pointer,
                "\(Self.count(matching, "element")) match the schema under contains, more than \(maximum)"))
        }
    }

    func checkObject(_ schema: Schema, _ object: JSONObject, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        for name in schema.required where !object.contains(key: name) {
            outcome.problems.append(problem("required", schema.id, node, pointer, "required property \(JSONWriter.quoted(name)) is missing"))
        }
        for property in schema.properties {
            guard let member = object.member(named: property.name) else { continue }
            outcome.problems += evaluateBelow(property.schema, member.value, at: pointer.appending(property.name)).problems
            if tracksEvaluated { outcome.evaluated.properties.insert(ExactKey(property.name)) }
        }
        if schema.hasRareKeywords { checkRareObjectKeywords(schema, object, node, pointer, into: &outcome) }
        if let additional = schema.additionalProperties {
            let declared = declaredNames(of: schema)
            for member in object.members where !declared.contains(ExactKey(member.key))
                && !schema.patternProperties.contains(where: { PatternSyntax.matches(member.key, pattern: $0.name) == true }) {
                checkMember(member, against: additional, keyword: "additionalProperties", of: schema.id, pointer, into: &outcome)
            }
        }
    }

    /// `patternProperties`, `propertyNames`, `dependentRequired` and the member counts, which few schemas write.
    private func checkRareObjectKeywords(_ schema: Schema, _ object: JSONObject, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        for named in schema.patternProperties {
            for member in object.members where PatternSyntax.matches(member.key, pattern: named.name) == true {
                outcome.problems += evaluateBelow(named.schema, member.value, at: pointer.appending(member.key)).problems
                if tracksEvaluated { outcome.evaluated.properties.insert(ExactKey(member.key)) }
            }
        }
        if let names = schema.propertyNames {
            for member in object.members {
                // The name is checked as a string written where its key is.
                let name = JSONNode(.string(member.key), position: member.keyPosition)
                for found in evaluateBelow(names, name, at: pointer.appending(member.key)).problems {
                    outcome.problems.append(InstanceProblem(pointer: found.pointer, position: found.position, keyword: "propertyNames",
                                                            schema: schema.id, message: "property name: \(found.message) (\(found.keyword))"))
                }
            }
        }
        for (name, needed) in schema.dependentRequired.sorted(by: { $0.key < $1.key }) where object.contains(key: name) {
            for other in needed where !object.contains(key: other) {
                outcome.problems.append(problem("dependentRequired", schema.id, node, pointer,
                    "property \(JSONWriter.quoted(other)) is missing, and \(JSONWriter.quoted(name)) requires it"))
            }
        }
        if let minimum = schema.minProperties, object.count < minimum {
            outcome.problems.append(problem("minProperties", schema.id, node, pointer, "\(Self.describe(node)), fewer than \(minimum)"))
        }
        if let maximum = schema.maxProperties, object.count > maximum {
            outcome.problems.append(problem("maxProperties", schema.id, node, pointer, "\(Self.describe(node)), more than \(maximum)"))
        }
    }

    /// A member that only `additionalProperties` or `unevaluatedProperties` (`keyword`, written by `owner`) covers: against
    /// that schema, or, when it is `false`, a member that may not be there (at its key).
    private func checkMember(_ member: JSONMember, against schema: SchemaID, keyword: String, of owner: SchemaID, _ pointer: JSONPointer,
                             into outcome: inout Outcome) {
        let at = pointer.appending(member.key)
        if graph.schemas[schema.rawValue].booleanValue == false {
            outcome.problems.append(InstanceProblem(pointer: at, position: member.keyPosition, keyword: keyword, schema: owner,
                                                    message: "property \(JSONWriter.quoted(member.key)) is not allowed (\(keyword) is false)"))
        } else {
            outcome.problems += evaluateBelow(schema, member.value, at: at).problems
        }
        if tracksEvaluated { outcome.evaluated.properties.insert(ExactKey(member.key)) }
    }

    /// The names `properties` declares, as a set (built once per schema and run).
    private func declaredNames(of schema: Schema) -> Set<ExactKey> {
        if let known = declaredNames[schema.id] { return known }
        let names = Set(schema.properties.map { ExactKey($0.name) })
        declaredNames[schema.id] = names
        return names
    }

    /// `unevaluatedItems` and `unevaluatedProperties`: the elements and members no keyword of this schema, its `$ref`
    /// or a subschema that applied at this place evaluated.
    func checkUnevaluated(_ schema: Schema, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        guard schema.hasRareKeywords else { return }
        switch node.value {
        case .object(let object):
            guard let unevaluated = schema.unevaluatedProperties else { return }
            for member in object.members where !outcome.evaluated.properties.contains(ExactKey(member.key)) {
                checkMember(member, against: unevaluated, keyword: "unevaluatedProperties", of: schema.id, pointer, into: &outcome)
            }
        case .array(let elements):
            guard let unevaluated = schema.unevaluatedItems else { return }
            let forbidden = graph.schemas[unevaluated.rawValue].booleanValue == false
            for (index, element) in elements.enumerated() where !outcome.evaluated.contains(item: index) {
                if forbidden {
                    outcome.problems.append(problem("unevaluatedItems", schema.id, element, pointer.appending(index: index),
                                                    "element \(index) is not allowed (unevaluatedItems is false)"))
                } else {
                    outcome.problems += evaluateBelow(unevaluated, element, at: pointer.appending(index: index)).problems
                }
            }
            outcome.evaluated.itemPrefix = .max
        default:
            return
        }
    }
}
