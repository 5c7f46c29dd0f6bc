extension TranslationSession {
    /// Resolves every contract event of every namespace: its payload type and, pointer by pointer, the
    /// stored properties its ordering key reads. Runs once all declarations are complete.
    func translateEvents() {
        for index in namespaces.indices {
            guard let contract = namespaces[index].contract else { continue }
            namespaces[index].events = contract.events.compactMap { event in
                guard let schema = event.payload, let payload = standaloneType(schema) else { return nil }
                let documentation = IRDocumentation(
                    title: event.summary, description: event.description, origin: event.location,
                    rootRelativePath: namespaces[index].sourcePath)
                var variantKeys: [[IROrderingKeyPart]]?
                if case .named(let id) = IRTypeRef.resolvingAliases(payload, in: types), case .union(let union) = types[id.rawValue].kind {
                    variantKeys = union.variants.map { variant in event.orderingKey.map { orderingKeyPart($0, in: variant.type) } }
                }
                return IREvent(
                    name: event.name, contract: event, payload: payload, payloadConstraints: standaloneConstraints(schema, type: payload),
                    orderingKey: event.orderingKey.map { orderingKeyPart($0, in: payload) }, variantOrderingKeys: variantKeys,
                    documentation: documentation)
            }
        }
    }

    /// How one ordering-key pointer is read from a payload of type `payload`.
    func orderingKeyPart(_ pointer: JSONPointer, in payload: IRTypeRef) -> IROrderingKeyPart {
        var current = payload
        var steps: [IRPropertyStep] = []
        for token in pointer.tokens {
            guard case .named(let id) = IRTypeRef.resolvingAliases(current, in: types), case .object(let object) = types[id.rawValue].kind,
                let offset = object.properties.firstIndex(where: { $0.wireName == token })
            else { return IROrderingKeyPart(pointer: pointer) }
            let property = object.properties[offset]
            guard property.isAlwaysPresent, !property.isNullable, !property.isDeprecated, property.constValue == nil else {
                return IROrderingKeyPart(pointer: pointer)
            }
            if case .optional = property.type { return IROrderingKeyPart(pointer: pointer) }
            steps.append(IRPropertyStep(type: id, property: offset))
            current = property.type
        }
        let leaf: IROrderingKeyLeaf?
        switch IRTypeRef.resolvingAliases(current, in: types) {
        case .primitive(.string): leaf = .string
        case .primitive(.integer): leaf = .integer
        case .named(let id):
            if case .enumeration(let enumeration) = types[id.rawValue].kind, enumeration.isString {
                leaf = .stringEnumeration
            } else {
                leaf = nil
            }
        default: leaf = nil
        }
        guard let leaf, !steps.isEmpty else { return IROrderingKeyPart(pointer: pointer) }
        return IROrderingKeyPart(pointer: pointer, path: steps, leaf: leaf)
    }

    /// The type of a value that stands alone — an event payload, a request or response body — whose schema was
    /// already used: optional (`T?` in Swift) when the schema allows `null` and the type cannot hold it itself (a
    /// record, an enumeration, a scalar, a list), so that a `null` payload or body decodes and encodes. A struct
    /// has no value for `null`; the use, not the type, is where null is allowed.
    func standaloneType(_ id: SchemaID) -> IRTypeRef? {
        guard let type = typeOfUse(id) else { return nil }
        guard isNullable(self.merged(id)), !type.holdsNull(in: types) else { return type }
        return .optional(type)
    }

    /// What the schema of a value that stands alone (see ``standaloneType(_:)``) of `type` requires of it that the type
    /// does not check itself: the constraints of a list, map or scalar the schema is translated to (an inline
    /// `{"type": "array", "maxItems": 2}`, which has no declaration to check them); none for a declared type — a record,
    /// enumeration or union checks itself, and an alias's constraints are checked by its own entry point.
    func standaloneConstraints(_ id: SchemaID, type: IRTypeRef) -> IRConstraints {
        var value = type
        if case .optional(let wrapped) = type { value = wrapped }
        if case .named = value { return IRConstraints() }
        return constraints(merged(id), for: value)
    }

    /// The type a schema that was already used (see ``use(_:hint:parent:namespace:)``) stands for.
    func typeOfUse(_ id: SchemaID) -> IRTypeRef? {
        let target = graph.resolved(id)
        if let typeID = declared[target] { return .named(typeID) }
        return translatedRefs[id]
    }
}
