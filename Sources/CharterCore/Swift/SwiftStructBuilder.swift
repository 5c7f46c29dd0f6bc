/// Builds the view model of a struct: property declarations, initialiser, decoding and encoding
/// statements (each naming its key), equality, hashing and validation. Every decision is made here;
/// `Templates/Struct.mustache` only lays it out.
///
/// `init(from:)` / `encode(to:)` are always written out over a container keyed by `AnyCodingKey`, and
/// each statement names its key where it is used: `forKey: "unit_price"`, the wire name beside the
/// property it fills (CharterRuntime builds the key from the string). A `String`-backed `CodingKey` enum
/// per type — what derived `Codable` needs — costs the compiler a conformance, raw-value switches and
/// value witnesses per type: about a fifth of the debug compile of a 100-type file; a namespace of one
/// static key per property costs a getter function each: about 5% of a debug compile with debug info
/// (BENCHMARKS.md). The statements call CharterRuntime's `decodeProperty` / `encodeProperty` family, one
/// generic signature each, rather than the standard containers' overload sets. `==` and `hash(into:)`
/// are written out over the stored members, compared through `Equality.same` (one signature, not the
/// `==` operator's overloads): about 5% less compile time (debug and release) than derived
/// `Equatable`/`Hashable`. Stored properties are `let` unless `SwiftOptions.mutableProperties`: a `var`
/// costs a setter and a `modify` coroutine per property, about a fifth of a debug compile with debug
/// info (BENCHMARKS.md).
struct SwiftStructBuilder {
    let context: SwiftGenerationContext

    /// One property as the template shows it.
    struct Property {
        var documentation: [String]
        var attributes: [String]
        var name: String
        var type: String
        /// The constant expression of a `const` property (a computed property), else nil.
        var constant: String?
        /// The getter's body over private storage (boxed or deprecated properties), else nil.
        var getter: String?
        /// The setter's body over that storage when properties are mutable, else nil.
        var setter: String?
    }

    func build(_ decl: IRTypeDecl, _ object: IRObject) -> MustacheValue {
        let here = SwiftTypeMapper.Context.type(decl.id)
        let names = context.members.propertyNames(of: decl.id)
        var properties: [MustacheValue] = []
        var storage: [MustacheValue] = []
        var parameters: [String] = []
        var assignments: [String] = []
        var decodeLines: [String] = []
        var encodeLines: [String] = []
        // What the memberwise initialiser assigns: every stored member, so `==` and `hash(into:)` over
        // this list miss none (an initialiser that left one out would not compile).
        var storedMembers: [String] = []
        let mutable = context.options.mutableProperties
        for (index, property) in object.properties.enumerated() {
            let name = names[index]
            let key = SwiftLiteral.string(property.wireName)
            let base = context.mapper.swiftType(property.type, in: here)
            let wire = context.mapper.wireType(property.type, in: here) ?? base
            let documentation = SwiftDocumentation.plainLines(property.documentation.title)
                + (property.documentation.title != nil && property.documentation.description != nil ? ["///"] : [])
                + SwiftDocumentation.plainLines(property.documentation.description)
                + Self.accessDocumentation(property, documented: property.documentation.title != nil || property.documentation.description != nil)

            if let constant = constantLiteral(property) {
                properties.append(Self.value(Property(
                    documentation: documentation, attributes: [], name: name, type: base, constant: constant)))
                decodeLines.append(
                    "guard try \(context.constantSubject("container.decodeProperty(\(base).self, forKey: \(key))", property)) == \(constant) else { "
                        + "throw DecodingError.dataCorruptedError(forKey: AnyCodingKey(\(key)), in: container, debugDescription: "
                        + "\(SwiftLiteral.string("expected the constant \(JSONWriter.write(property.constValue!))"))) }")
                encodeLines.append("try container.encodeProperty(self.\(name), forKey: \(key))")
                continue
            }

            let nullable = property.keepsNullApart(in: context.module.types)
            let valueType = Self.valueType(base, isRequired: property.isAlwaysPresent, keepsNullApart: nullable)
            let storageName = context.members.storageName(of: decl.id, property: index)
            let boxed = context.recursion.boxedProperties.contains(.init(type: decl.id, property: index))
            // How the value is read from private storage, when the property has any.
            let storedValue = storageName.map { boxed ? "\($0).value" : $0 }
            var attributes: [String] = []
            if property.isDeprecated { attributes.append("@available(*, deprecated, message: \"Deprecated in the contract.\")") }
            if let storageName {
                // A deprecated property's storage is internal, so version adapters in the same module carry its
                // value without the deprecation warning its getter would raise.
                storage.append(.object([
                    "name": .string(storageName), "type": .string(boxed ? "Indirect<\(valueType)>" : valueType),
                    "visibility": .string(property.isDeprecated ? "" : "private "),
                ]))
                properties.append(Self.value(Property(
                    documentation: documentation, attributes: attributes, name: name, type: valueType, constant: nil,
                    getter: storedValue,
                    setter: !mutable ? nil : boxed ? "\(storageName) = Indirect(newValue)" : "\(storageName) = newValue")))
            } else {
                properties.append(Self.value(Property(
                    documentation: documentation, attributes: attributes, name: name, type: valueType, constant: nil)))
            }

            var parameter = "\(name): \(valueType)"
            if let defaultExpression = defaultExpression(property, nullable: nullable) {
                parameter += " = \(defaultExpression)"
            } else if valueType.hasSuffix("?") {
                parameter += " = nil"
            }
            parameters.append(parameter)
            let member = storageName ?? name
            let target = "self.\(member)"
            assignments.append("\(target) = " + (boxed ? "Indirect(\(name))" : name))
            storedMembers.append(member)

            let decoded = directedDecodeExpression(property, key: key, wire: wire, nullable: nullable)
            decodeLines.append("\(target) = " + (boxed ? "Indirect(\(decoded))" : decoded))
            // `self.` keeps a property named `container` or `encoder` from meaning the local.
            let current = "self." + (storedValue ?? name)
            encodeLines.append(directedEncodeStatement(property, key: key, value: current, nullable: nullable))
        }
        if let additionalName = context.members.additionalPropertiesName(of: decl.id), case .map(let valueType) = object.additionalProperties {
            let mapType = IRTypeRef.map(valueType)
            let swiftType = context.mapper.swiftType(mapType, in: here)
            let valueWire = context.mapper.wireType(valueType, in: here) ?? context.mapper.swiftType(valueType, in: here)
            properties.append(Self.value(Property(
                documentation: ["/// Properties the contract does not declare, by name."], attributes: [], name: additionalName,
                type: swiftType, constant: nil)))
            parameters.append("\(additionalName): \(swiftType) = [:]")
            assignments.append("self.\(additionalName) = \(additionalName)")
            storedMembers.append(additionalName)
            let known = object.properties.map { SwiftLiteral.string($0.wireName) }.joined(separator: ", ")
            decodeLines.append("self.\(additionalName) = " + context.mapper.fromWire(
                mapType, "try decoder.decodeAdditionalProperties(\(valueWire).self, excluding: [\(known)])"))
            // A declared property wins over an undeclared member of the same name (validation reports the clash).
            let excluding = known.isEmpty ? "" : ", excluding: [\(known)]"
            // Decimal strings in a text the values' pattern accepts, when every undeclared value has the same schema.
            let wireMap = context.mapper.toWire(mapType, "self." + additionalName, constraints: object.undeclaredMapConstraints)
            encodeLines.append("try encoder.encodeAdditionalProperties(\(wireMap)\(excluding))")
        }
        let hasKeys = !object.properties.isEmpty
        if !hasKeys {
            encodeLines.insert("_ = encoder.container(keyedBy: AnyCodingKey.self)", at: 0)
        }
        let validation = SwiftValidationBuilder(context: context).structLines(decl, object, names: names)
        return .object([
            "documentation": .list(context.documentation(decl).map(MustacheValue.string)),
            "attributes": .list(context.attributes(decl).map(MustacheValue.string)),
            "name": .string(context.names.types[decl.id.rawValue]),
            "conformances": "Codable, Hashable, Sendable, Validatable",
            "binding": .string(mutable ? "var" : "let"),
            "properties": .list(properties),
            "storage": .list(storage),
            "hasStorage": .bool(!storage.isEmpty),
            "hasParameters": .bool(!parameters.isEmpty),
            "parameters": .list(parameters.enumerated().map { index, text in
                .object(["declaration": .string(text), "separator": .string(index == parameters.count - 1 ? "" : ",")])
            }),
            "assignments": .list(assignments.map(MustacheValue.string)),
            "hasKeys": .bool(hasKeys),
            "decodeLines": .list(decodeLines.map(MustacheValue.string)),
            "encodeLines": .list(encodeLines.map(MustacheValue.string)),
            "storedMembers": .list(storedMembers.map(MustacheValue.string)),
            "validationLines": .list(validation.map(MustacheValue.string)),
            "hasValidation": .bool(!validation.isEmpty),
            "nested": .list(decl.nested.map(context.declaration)),
        ])
    }

    /// A property's Swift type from the type of its value: `T` when required, `T?` when optional or when
    /// required and nullable (`nil` is `null`), `Nullable<T>?` when optional and nullable.
    static func valueType(_ base: String, isRequired: Bool, keepsNullApart: Bool) -> String {
        switch (isRequired, keepsNullApart) {
        case (true, false): return base
        case (true, true), (false, false): return base + "?"
        case (false, true): return "Nullable<\(base)>?"
        }
    }


    /// The doc comment lines that say which direction never carries a `readOnly` or `writeOnly` property (after a
    /// `///` line when the property has documentation of its own); none for any other property.
    static func accessDocumentation(_ property: IRProperty, documented: Bool) -> [String] {
        guard let access = SwiftPropertyAccess(property) else { return [] }
        return (documented ? ["///"] : []) + ["/// " + access.documentation]
    }

    /// The expression that decodes a property's value from `container`; a `readOnly` or `writeOnly` property is read
    /// only when the decoder's direction carries it (``SwiftPropertyAccess``), and is nil otherwise.
    func directedDecodeExpression(_ property: IRProperty, key: String, wire: String, nullable: Bool) -> String {
        let decoded = decodeExpression(property, key: key, wire: wire, nullable: nullable)
        guard let access = SwiftPropertyAccess(property) else { return decoded }
        return access.decodeCondition(isRequired: property.isRequired, key: key) + " ? \(decoded) : nil"
    }

    /// The statement that encodes a property's value into `container`; a `readOnly` or `writeOnly` property is written
    /// only when the encoder's direction carries it (``SwiftPropertyAccess``).
    func directedEncodeStatement(_ property: IRProperty, key: String, value: String, nullable: Bool) -> String {
        let statement = encodeStatement(property, key: key, value: value, nullable: nullable)
        guard let access = SwiftPropertyAccess(property) else { return statement }
        return "if \(access.encodeCondition(isRequired: property.isRequired, key: key, value: value)) { \(statement) }"
    }

    /// The literal of a required scalar `const`, which becomes a computed property.
    func constantLiteral(_ property: IRProperty) -> String? {
        guard property.isComputedConstant, let value = property.constValue else { return nil }
        return context.literals.literal(value, as: property.type)
    }

    /// The initialiser's default for a property: the schema default, exactly, or nothing.
    func defaultExpression(_ property: IRProperty, nullable: Bool) -> String? {
        guard let value = property.defaultValue else { return nil }
        if value.isNull {
            if nullable { return property.isAlwaysPresent ? "nil" : ".null" }
            // A union that holds `null` itself says it with its own case, JSON `null` is `JSONNull()`; free-form JSON's
            // `null` default is left out.
            switch context.mapper.unaliased(property.type) {
            case .named, .primitive(.null): guard property.type.holdsNull(in: context.module.types) else { return nil }
            default: return nil
            }
            return context.literals.literal(value, as: property.type)
        }
        guard let literal = context.literals.literal(value, as: property.type) else { return nil }
        return nullable && !property.isAlwaysPresent ? ".value(\(literal))" : literal
    }

    /// The expression that decodes a property's value from `container`.
    func decodeExpression(_ property: IRProperty, key: String, wire: String, nullable: Bool) -> String {
        let mapper = context.mapper
        let type = property.type
        switch (property.isAlwaysPresent, nullable) {
        case (true, false):
            return mapper.fromWire(type, "try container.decodeProperty(\(wire).self, forKey: \(key))")
        case (false, false):
            // Free-form JSON and a union with a `null` case keep a `null` apart from absent (`decodeIfPresent` would
            // make both nil).
            if mapper.unaliased(type) == .any { return "try container.decodeJSONValueIfPresent(forKey: \(key))" }
            if type.holdsNull(in: context.module.types) { return "try container.decodeNullHoldingIfPresent(\(wire).self, forKey: \(key))" }
            let call = "try container.decodePropertyIfPresent(\(wire).self, forKey: \(key))"
            return mapper.needsConversion(type) ? "\(call).map { \(mapper.fromWire(type, "$0")) }" : call
        case (true, true):
            return "try container.decodeNull(forKey: \(key)) ? nil : "
                + mapper.fromWire(type, "container.decodeProperty(\(wire).self, forKey: \(key))")
        case (false, true):
            let call = "try container.decodeNullableIfPresent(\(wire).self, forKey: \(key))"
            return mapper.needsConversion(type) ? "\(call).map { $0.map { \(mapper.fromWire(type, "$0")) } }" : call
        }
    }

    /// The statement that encodes a property's value into `container` (a decimal string in a text its `pattern`s
    /// accept: ``SwiftTypeMapper/toWire(_:_:constraints:)``).
    func encodeStatement(_ property: IRProperty, key: String, value: String, nullable: Bool) -> String {
        let mapper = context.mapper
        let type = property.type
        let converts = mapper.needsConversion(type)
        let toWire = { mapper.toWire(type, $0, constraints: property.constraints) }
        switch (property.isAlwaysPresent, nullable) {
        case (true, false):
            return "try container.encodeProperty(\(toWire(value)), forKey: \(key))"
        case (false, false):
            let wireValue = converts ? "\(value).map { \(toWire("$0")) }" : value
            return "try container.encodePropertyIfPresent(\(wireValue), forKey: \(key))"
        case (true, true):
            let wireValue = converts ? "\(value).map { \(toWire("$0")) }" : value
            return "try container.encodeProperty(\(wireValue), forKey: \(key))"
        case (false, true):
            let wireValue = converts ? "\(value).map { $0.map { \(toWire("$0")) } }" : value
            return "try container.encodeNullableIfPresent(\(wireValue), forKey: \(key))"
        }
    }

    static func value(_ property: Property) -> MustacheValue {
        var object: MustacheObject = [
            "documentation": .list(property.documentation.map(MustacheValue.string)),
            "attributes": .list(property.attributes.map(MustacheValue.string)),
            "name": .string(property.name),
            "type": .string(property.type),
            "constant": property.constant.map(MustacheValue.string) ?? .null,
            "stored": .bool(property.constant == nil && property.getter == nil),
            "accessors": .null,
        ]
        if let getter = property.getter {
            // `setter` is absent, not null, when properties are `let`: a template override written for
            // settable accessors then fails on the missing name instead of rendering an empty setter.
            var accessors: MustacheObject = ["getter": .string(getter), "settable": .bool(property.setter != nil)]
            if let setter = property.setter { accessors["setter"] = .string(setter) }
            object["accessors"] = .object(accessors)
        }
        return .object(object)
    }
}
