/// Parsing one schema object into a ``Schema``: every keyword read into its typed field, every subschema
/// walked, `$id`/`$anchor` registered and `$ref` queued for resolution.
extension LoadSession {
    /// Keywords ``parseKeyword(_:into:context:schemaID:)`` leaves alone without calling them unknown: read by
    /// ``walk(_:document:pointer:base:depth:legacyID:)`` itself or by the contract parser, or annotations without
    /// meaning for Charter. Every other keyword is in ``keywordTable``.
    static let otherKnownKeywords: Set<String> = [
        "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$comment",
        "contentEncoding", "contentMediaType", "x-contract", "nullable",
        // Editor annotations common in real schemas (VS Code, SchemaStore); no meaning for generation.
        "markdownDescription", "deprecationMessage", "enumDescriptions", "markdownEnumDescriptions", "errorMessage",
        "doNotSuggest", "defaultSnippets", "patternErrorMessage", "suggestSortText", "allowTrailingCommas",
        "allowComments", "tsType",
    ]

    /// The keywords that name an anchor of the schema's resource.
    static let anchorKeywords = ["$anchor", "$dynamicAnchor"]

    /// What a schema's slot holds while the schema is being walked.
    static let vacant = Schema(id: SchemaID(-1), document: DocumentID(-1), location: SourceLocation(file: ""), node: JSONNode(.null))

    /// Walks the schema at `pointer` (parsing it once; later calls return the same id).
    func walk(_ node: JSONNode, document: DocumentID, pointer: JSONPointer, base: URIReference, depth: Int, legacyID: Bool)
        -> SchemaID
    {
        if let existing = parsedSchema(document, node) { return existing }
        let key = NodeAddress(document: document, pointer: pointer)
        guard let id = allocate(document: document, pointer: pointer, node: node) else { return SchemaID(0) }
        let here = location(document, pointer, node.position)
        // The schema `allocate` put in the table is moved out while it is parsed (its slot holds a shared
        // stand-in, which nothing reads before the walk ends) and put back at the end: held once, its box is
        // changed in place instead of copied on the first write.
        var schema = Self.vacant
        swap(&schema, &schemas[id.rawValue])
        defer { schemas[id.rawValue] = schema }
        if depth > options.maxSchemaDepth {
            bag.add(.error("schemas nested deeper than \(options.maxSchemaDepth) levels", at: here, code: "limit.schema-depth"))
            schema.booleanValue = true
            return id
        }
        switch node.value {
        case .bool(let value):
            schema.booleanValue = value
            return id
        case .object:
            break
        default:
            bag.add(.error("a schema must be an object or a boolean, found \(Self.kindName(node))", at: here, code: "schema.not-a-schema"))
            schema.booleanValue = true
            return id
        }
        guard let object = node.object else { return id }

        var base = base
        let idKeyword = legacyID ? "id" : "$id"
        if let idNode = object[idKeyword] {
            if let text = idNode.string {
                let resolved = URIReference(text).resolved(against: base)
                if let fragment = resolved.fragment, !fragment.isEmpty, resolved.withoutFragment == base.withoutFragment {
                    // draft-07 style `"$id": "#name"`: a plain-name anchor.
                    registerAnchor(fragment, base: base, address: key, at: here)
                } else {
                    base = resolved.withoutFragment
                    schema.resourceURI = base.description
                    if let previous = resources[base.description], previous != key {
                        if documents[previous.document.rawValue].isInput || previous.document == document {
                            bag.add(.error(
                                "duplicate $id \(base.description)", at: location(document, pointer.appending(idKeyword), idNode.position),
                                code: "schema.duplicate-id",
                                related: [previousID(previous)]))
                        }
                    } else {
                        resources[base.description] = key
                    }
                }
            } else if !legacyID {
                bag.add(.error("$id must be a string", at: location(document, pointer.appending("$id"), idNode.position), code: "schema.invalid-keyword"))
            }
        }
        for anchorKeyword in Self.anchorKeywords {
            if let anchorNode = object[anchorKeyword] {
                if let name = anchorNode.string {
                    if anchorKeyword == "$anchor" { schema.anchor = name }
                    registerAnchor(name, base: base, address: key, at: location(document, pointer.appending(anchorKeyword), anchorNode.position))
                } else {
                    invalid(anchorKeyword, "a string", anchorNode, document, pointer)
                }
            }
        }

        let context = WalkContext(document: document, pointer: pointer, base: base, depth: depth, legacyID: legacyID)
        for member in object.members {
            parseKeyword(member, into: &schema, context: context, schemaID: id)
        }
        // draft-04: boolean exclusiveMinimum/exclusiveMaximum modify minimum/maximum.
        if let flag = object["exclusiveMinimum"]?.value, case .bool(true) = flag {
            schema.exclusiveMinimum = schema.minimum
            schema.minimum = nil
        }
        if let flag = object["exclusiveMaximum"]?.value, case .bool(true) = flag {
            schema.exclusiveMaximum = schema.maximum
            schema.maximum = nil
        }
        // OpenAPI 3.0 `nullable: true`.
        if let flag = object["nullable"]?.value, case .bool(true) = flag, var types = schema.types, !types.contains(.null) {
            types.append(.null)
            schema.types = types
        }
        return id
    }

    /// What the walker needs to know about the schema being parsed.
    struct WalkContext {
        var document: DocumentID
        var pointer: JSONPointer
        var base: URIReference
        var depth: Int
        var legacyID: Bool
    }

    /// Walks the subschema under `keyword` (`items`, `not`, …) below the current one.
    func sub(_ node: JSONNode, _ context: WalkContext, _ keyword: String) -> SchemaID {
        walk(node, document: context.document, pointer: context.pointer.appending(keyword), base: context.base,
             depth: context.depth + 1, legacyID: context.legacyID)
    }

    /// Walks the subschema under `keyword`'s member or element `name` (`properties/sku`, `allOf/0`, …).
    func sub(_ node: JSONNode, _ context: WalkContext, _ keyword: String, _ name: String) -> SchemaID {
        walk(node, document: context.document, pointer: context.pointer.appending(keyword, name), base: context.base,
             depth: context.depth + 1, legacyID: context.legacyID)
    }

    /// Walks an object whose values are schemas (`properties`, `$defs`, …) and appends what `make` makes of each
    /// member and its schema to `list` (in one allocation when `list` is empty, as it nearly always is).
    func subMap<Element>(_ member: JSONMember, _ context: WalkContext, into list: inout [Element], _ make: (JSONMember, SchemaID) -> Element) {
        guard let object = member.value.object else {
            return invalid(member.key, "an object of schemas", member.value, context.document, context.pointer)
        }
        list.reserveCapacity(list.count + object.members.count)
        for entry in object.members { list.append(make(entry, sub(entry.value, context, member.key, entry.key))) }
    }

    /// Walks an array whose elements are schemas (`allOf`, …).
    func subList(_ member: JSONMember, _ context: WalkContext) -> [SchemaID] {
        guard let array = member.value.array else {
            invalid(member.key, "an array of schemas", member.value, context.document, context.pointer)
            return []
        }
        if array.isEmpty && ["allOf", "anyOf", "oneOf"].contains(member.key) {
            bag.add(.error("\(member.key) must not be empty", at: location(context.document, context.pointer.appending(member.key), member.value.position), code: "schema.invalid-keyword"))
        }
        return array.enumerated().map { index, element in sub(element, context, member.key, String(index)) }
    }

    /// The keywords ``parseKeyword(_:into:context:schemaID:)`` reads, looked up once per member in
    /// ``keywordTable`` (a string `switch` compares the key with each case in turn, and every member of every
    /// schema goes through it).
    enum Keyword {
        case reference, definitions, properties, patternProperties, dependentSchemas, dependencies, dependentRequired, additionalProperties, unevaluatedProperties, unevaluatedItems, propertyNames, items, additionalItems, prefixItems, contains, walkedOnly, allOf, anyOf, oneOf, notSchema, ifSchema, thenSchema, elseSchema, types, enumValues, constValue, format, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, minItems, maxItems, minProperties, maxProperties, minContains, maxContains, uniqueItems, deprecated, readOnly, writeOnly, required, title, description, defaultValue, examples, example, discriminator, transitions, renamedFrom
    }

    /// Keyword spelling → what it is.
    static let keywordTable: [String: Keyword] = [
        "$ref": .reference, "$dynamicRef": .reference, "$recursiveRef": .reference,
        "$defs": .definitions, "definitions": .definitions,
        "properties": .properties,
        "patternProperties": .patternProperties,
        "dependentSchemas": .dependentSchemas,
        "dependencies": .dependencies,
        "dependentRequired": .dependentRequired,
        "additionalProperties": .additionalProperties,
        "unevaluatedProperties": .unevaluatedProperties,
        "propertyNames": .propertyNames,
        "items": .items,
        "additionalItems": .additionalItems,
        "prefixItems": .prefixItems,
        "contains": .contains,
        "unevaluatedItems": .unevaluatedItems,
        "contentSchema": .walkedOnly,
        "allOf": .allOf,
        "anyOf": .anyOf,
        "oneOf": .oneOf,
        "not": .notSchema,
        "if": .ifSchema,
        "then": .thenSchema,
        "else": .elseSchema,
        "type": .types,
        "enum": .enumValues,
        "const": .constValue,
        "format": .format,
        "pattern": .pattern,
        "minimum": .minimum,
        "maximum": .maximum,
        "exclusiveMinimum": .exclusiveMinimum,
        "exclusiveMaximum": .exclusiveMaximum,
        "multipleOf": .multipleOf,
        "minLength": .minLength,
        "maxLength": .maxLength,
        "minItems": .minItems,
        "maxItems": .maxItems,
        "minProperties": .minProperties,
        "maxProperties": .maxProperties,
        "minContains": .minContains,
        "maxContains": .maxContains,
        "uniqueItems": .uniqueItems,
        "deprecated": .deprecated,
        "readOnly": .readOnly,
        "writeOnly": .writeOnly,
        "required": .required,
        "title": .title,
        "description": .description,
        "default": .defaultValue,
        "examples": .examples,
        "example": .example,
        "discriminator": .discriminator,
        "x-transitions": .transitions,
        "x-renamed-from": .renamedFrom,
    ]

    /// Reads one keyword.
    func parseKeyword(_ member: JSONMember, into schema: inout Schema, context: WalkContext, schemaID: SchemaID) {
        let value = member.value
        let doc = context.document
        let ptr = context.pointer
        switch Self.keywordTable[member.key] {
        case .reference:
            guard let text = value.string else { return invalid(member.key, "a string", value, doc, ptr) }
            if member.key == "$ref" || schema.refText == nil {
                schema.refText = text
                pending.append(PendingReference(
                    schema: schemaID, text: text, base: context.base,
                    location: location(doc, ptr.appending(member.key), value.position), keyword: member.key))
            }
        case .definitions:
            subMap(member, context, into: &schema.definitions) { NamedSchema(name: $0.key, schema: $1) }
        case .properties:
            subMap(member, context, into: &schema.properties) { SchemaProperty(name: $0.key, schema: $1, keyPosition: $0.keyPosition) }
        case .patternProperties:
            subMap(member, context, into: &schema.patternProperties) { NamedSchema(name: $0.key, schema: $1) }
        case .dependentSchemas:
            subMap(member, context, into: &schema.dependentSchemas) { NamedSchema(name: $0.key, schema: $1) }
        case .dependencies:
            guard let object = value.object else { return invalid(member.key, "an object", value, doc, ptr) }
            for entry in object.members {
                if let names = entry.value.array {
                    schema.dependentRequired[entry.key] = names.compactMap(\.string)
                } else {
                    schema.dependentSchemas.append(NamedSchema(name: entry.key, schema: sub(entry.value, context, member.key, entry.key)))
                }
            }
        case .dependentRequired:
            guard let object = value.object else { return invalid(member.key, "an object", value, doc, ptr) }
            for entry in object.members { schema.dependentRequired[entry.key] = entry.value.array?.compactMap(\.string) ?? [] }
        case .additionalProperties: schema.additionalProperties = sub(value, context, member.key)
        case .unevaluatedProperties: schema.unevaluatedProperties = sub(value, context, member.key)
        case .unevaluatedItems: schema.unevaluatedItems = sub(value, context, member.key)
        case .propertyNames: schema.propertyNames = sub(value, context, member.key)
        case .items:
            if value.array != nil {
                schema.prefixItems = subList(member, context)
            } else {
                schema.items = sub(value, context, member.key)
            }
        case .additionalItems:
            if !schema.prefixItems.isEmpty || (schema.node.object?["items"]?.array != nil) {
                schema.items = sub(value, context, member.key)
            } else {
                _ = sub(value, context, member.key)
            }
        case .prefixItems: schema.prefixItems = subList(member, context)
        case .contains: schema.contains = sub(value, context, member.key)
        case .walkedOnly: _ = sub(value, context, member.key)
        case .allOf: schema.allOf = subList(member, context)
        case .anyOf: schema.anyOf = subList(member, context)
        case .oneOf: schema.oneOf = subList(member, context)
        case .notSchema: schema.not = sub(value, context, member.key)
        case .ifSchema: schema.ifSchema = sub(value, context, member.key)
        case .thenSchema: schema.thenSchema = sub(value, context, member.key)
        case .elseSchema: schema.elseSchema = sub(value, context, member.key)
        case .types: schema.types = parseTypes(value, doc, ptr)
        case .enumValues:
            guard let array = value.array else { return invalid(member.key, "an array", value, doc, ptr) }
            if array.count > options.maxEnumValues {
                bag.add(.error(
                    "enum lists \(array.count) values, more than the limit of \(options.maxEnumValues)",
                    at: location(doc, ptr.appending("enum"), value.position), code: "limit.enum-values"))
                return
            }
            schema.enumValues = array
        case .constValue: schema.constValue = value
        case .format:
            guard let text = value.string else { return invalid(member.key, "a string", value, doc, ptr) }
            schema.format = text
        case .pattern:
            guard let text = value.string else { return invalid(member.key, "a string", value, doc, ptr) }
            schema.pattern = text
        case .minimum: schema.minimum = number(member, doc, ptr)
        case .maximum: schema.maximum = number(member, doc, ptr)
        case .exclusiveMinimum: if value.bool == nil { schema.exclusiveMinimum = number(member, doc, ptr) }
        case .exclusiveMaximum: if value.bool == nil { schema.exclusiveMaximum = number(member, doc, ptr) }
        case .multipleOf: schema.multipleOf = number(member, doc, ptr)
        case .minLength: schema.minLength = count(member, doc, ptr)
        case .maxLength: schema.maxLength = count(member, doc, ptr)
        case .minItems: schema.minItems = count(member, doc, ptr)
        case .maxItems: schema.maxItems = count(member, doc, ptr)
        case .minProperties: schema.minProperties = count(member, doc, ptr)
        case .maxProperties: schema.maxProperties = count(member, doc, ptr)
        case .minContains: schema.minContains = count(member, doc, ptr)
        case .maxContains: schema.maxContains = count(member, doc, ptr)
        case .uniqueItems: schema.uniqueItems = flag(member, doc, ptr)
        case .deprecated: schema.deprecated = flag(member, doc, ptr)
        case .readOnly: schema.readOnly = flag(member, doc, ptr)
        case .writeOnly: schema.writeOnly = flag(member, doc, ptr)
        case .required:
            if value.bool != nil { return }  // draft-03 boolean `required`: not supported, ignored
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                return invalid(member.key, "an array of strings", value, doc, ptr)
            }
            schema.required = array.compactMap(\.string)
        case .title:
            guard let text = value.string else { return invalid(member.key, "a string", value, doc, ptr) }
            schema.title = text
        case .description:
            guard let text = value.string else { return invalid(member.key, "a string", value, doc, ptr) }
            schema.description = text
        case .defaultValue: schema.defaultValue = value
        case .examples:
            guard let array = value.array else { return invalid(member.key, "an array", value, doc, ptr) }
            schema.examples = array
        case .example: if schema.node.object?["examples"] == nil { schema.examples = [value] }
        case .discriminator: parseDiscriminator(value, into: &schema, context: context)
        case .transitions: parseTransitions(value, into: &schema, doc, ptr)
        case .renamedFrom:
            guard let name = value.string, !name.isEmpty else { return invalid(member.key, "a non-empty string", value, doc, ptr) }
            schema.renamedFrom = RenamedFrom(name: name, location: location(doc, ptr.appending(member.key), value.position))
        case nil:
            if !Self.otherKnownKeywords.contains(member.key) {
                schema.unknownKeywords.append(member.key)
                if !member.key.hasPrefix("x-"), reportedUnknown.insert("\(doc.rawValue)\u{0}\(member.key)").inserted {
                    bag.add(.warning(
                        "unknown keyword \"\(member.key)\" kept but ignored",
                        at: SourceLocation(file: documents[doc.rawValue].displayPath, position: member.keyPosition, pointer: ptr.appending(member.key)),
                        code: "schema.unknown-keyword"))
                }
            }
        }
    }

    /// Reads `type`.
    func parseTypes(_ value: JSONNode, _ doc: DocumentID, _ ptr: JSONPointer) -> [JSONType]? {
        // Most schemas name one type: no list of names to build for it.
        if let text = value.string, let type = JSONType(rawValue: text) { return [type] }
        let names: [JSONNode]
        if value.string != nil {
            names = [value]
        } else if let array = value.array {
            names = array
        } else {
            invalid("type", "a type name or an array of type names", value, doc, ptr)
            return nil
        }
        var types: [JSONType] = []
        for (index, name) in names.enumerated() {
            if let text = name.string, let type = JSONType(rawValue: text) {
                if !types.contains(type) { types.append(type) }
            } else if name.string == "any" {
                return nil  // draft-03 "any"
            } else {
                let at = value.array == nil ? ptr.appending("type") : ptr.appending("type").appending(String(index))
                bag.add(.error(
                    "unknown type \(JSONWriter.write(name)); expected one of null, boolean, object, array, number, string, integer",
                    at: location(doc, at, name.position), code: "schema.invalid-keyword"))
            }
        }
        return types
    }

    /// Reads `discriminator` (propertyName + optional mapping to schema references).
    func parseDiscriminator(_ value: JSONNode, into schema: inout Schema, context: WalkContext) {
        let doc = context.document
        let ptr = context.pointer.appending("discriminator")
        guard let object = value.object, let property = object["propertyName"]?.string else {
            return invalid("discriminator", "an object with a string propertyName", value, doc, context.pointer)
        }
        var discriminator = SchemaDiscriminator(propertyName: property, mapping: [])
        if let mapping = object["mapping"] {
            guard let entries = mapping.object else { return invalid("mapping", "an object", mapping, doc, ptr) }
            for entry in entries.members {
                guard let target = entry.value.string else {
                    invalid(entry.key, "a string", entry.value, doc, ptr.appending("mapping"))
                    continue
                }
                // The mapping value is a reference; model it as a synthetic `$ref` schema at the mapping entry.
                let entryPointer = ptr.appending("mapping").appending(entry.key)
                guard let id = allocate(document: doc, pointer: entryPointer, node: entry.value) else { continue }
                pending.append(PendingReference(
                    schema: id, text: target.contains("#") || target.contains("/") ? target : "#/$defs/\(target)",
                    base: context.base, location: location(doc, entryPointer, entry.value.position), keyword: "mapping"))
                schemas[id.rawValue].refText = target
                discriminator.mapping.append((value: entry.key, schema: id))
            }
        }
        schema.discriminator = discriminator
    }

    /// Reads `x-transitions`.
    func parseTransitions(_ value: JSONNode, into schema: inout Schema, _ doc: DocumentID, _ ptr: JSONPointer) {
        guard let object = value.object else { return invalid("x-transitions", "an object of state → [states]", value, doc, ptr) }
        var transitions: [(from: String, to: [String])] = []
        for entry in object.members {
            guard let targets = entry.value.array, targets.allSatisfy({ $0.string != nil }) else {
                invalid(entry.key, "an array of strings", entry.value, doc, ptr.appending("x-transitions"))
                continue
            }
            transitions.append((from: entry.key, to: targets.compactMap(\.string)))
        }
        schema.transitions = transitions
    }

    /// Registers an anchor of the resource `base`.
    func registerAnchor(_ name: String, base: URIReference, address: NodeAddress, at location: SourceLocation) {
        let resource = base.withoutFragment.description
        if let existing = anchors[resource]?[name], existing != address {
            bag.add(.error("duplicate anchor \"\(name)\" in \(resource)", at: location, code: "schema.duplicate-anchor"))
            return
        }
        anchors[resource, default: [:]][name] = address
    }

    /// Reads a numeric keyword.
    func number(_ member: JSONMember, _ doc: DocumentID, _ ptr: JSONPointer) -> JSONNumber? {
        guard case .number(let number) = member.value.value else {
            invalid(member.key, "a number", member.value, doc, ptr)
            return nil
        }
        return number
    }

    /// Reads a non-negative integer keyword.
    func count(_ member: JSONMember, _ doc: DocumentID, _ ptr: JSONPointer) -> Int? {
        guard case .number(let number) = member.value.value, number.isInteger, let value = number.intValue, value >= 0 else {
            invalid(member.key, "a non-negative integer", member.value, doc, ptr)
            return nil
        }
        return value
    }

    /// Reads a boolean keyword.
    func flag(_ member: JSONMember, _ doc: DocumentID, _ ptr: JSONPointer) -> Bool {
        guard let value = member.value.bool else {
            invalid(member.key, "a boolean", member.value, doc, ptr)
            return false
        }
        return value
    }

    /// Reports a keyword whose value has the wrong shape.
    func invalid(_ keyword: String, _ expected: String, _ value: JSONNode, _ doc: DocumentID, _ ptr: JSONPointer) {
        bag.add(.error(
            "\"\(keyword)\" must be \(expected), found \(Self.kindName(value))",
            at: location(doc, ptr.appending(keyword), value.position), code: "schema.invalid-keyword"))
    }

    /// A short description of a JSON value's kind for messages.
    static func kindName(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let number): "number \(number.literal.prefix(40))"
        case .string(let text): "string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
