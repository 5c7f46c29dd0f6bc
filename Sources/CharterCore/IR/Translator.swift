/// The translate stage: turns the resolved schema graph into an ``IRModule`` — named types, properties,
/// enumerations and unions — that knows nothing of Swift.
///
/// Every `$defs` entry (and an object/enum/union at a document root) becomes a top-level type of its
/// file's namespace; inline schemas that need a declaration become types nested in the type that uses
/// them. Files reached only through `$ref` are translated whole too, so names never depend on what
/// referenced them.
public struct Translator: Sendable {
    /// Creates a translator.
    public init() {}

    /// Translates a loaded graph.
    ///
    /// - Throws: ``DiagnosticsError`` when two inputs claim the same contract identity.
    public func translate(_ graph: SchemaGraph) throws(DiagnosticsError) -> IRModule {
        let session = TranslationSession(graph: graph)
        for document in graph.documents where document.isInput {
            session.translateDocument(document)
        }
        session.completePendingDeclarations()
        session.breakAliasCycles()
        session.dropOptionalsAroundNullHolders()
        session.translateEvents()
        session.translateOperations()
        try session.bag.throwIfErrors()
        return IRModule(
            namespaces: session.namespaces, types: session.types, warnings: session.bag.all,
            schemaTypes: session.translatedRefs)
    }
}

/// The mutable state of one translation.
///
/// Used by one thread; its stored properties are unchecked for exclusivity at run time (`@exclusivity(unchecked)`),
/// since a checked class property costs a call into the runtime's access set on every access (about 2% of a
/// generation's instructions, all of it in the serial stages).
final class TranslationSession {
    let graph: SchemaGraph
    @exclusivity(unchecked) var bag = DiagnosticBag()
    @exclusivity(unchecked) var types: [IRTypeDecl] = []
    @exclusivity(unchecked) var namespaces: [IRNamespace] = []
    @exclusivity(unchecked) var namespaceOfDocument: [DocumentID: Int] = [:]
    /// Schemas that already have a declaration.
    @exclusivity(unchecked) var declared: SchemaTable<IRTypeID>
    /// Merged views already computed (each schema is merged once); a view is a class, so the table holds
    /// references and readers share one copy.
    @exclusivity(unchecked) var mergedCache: SchemaTable<MergedSchema>
    /// ``kindsDroppedByBounds(_:)`` of each schema's cached merged view, with the view it was worked out for (a view
    /// replaced in ``mergedCache`` no longer matches, so the entry is not used for it).
    @exclusivity(unchecked) var droppedKindsCache: SchemaTable<(view: MergedSchema, kinds: [DroppedKind])>
    /// Top-level declarations whose bodies are still to translate, in declaration order.
    @exclusivity(unchecked) var pendingBodies: [IRTypeID] = []
    /// The type use each translated schema produced (for later stages: operations, events).
    @exclusivity(unchecked) var translatedRefs: [SchemaID: IRTypeRef] = [:]
    /// Documents whose declarations are made (or being made).
    @exclusivity(unchecked) var translatedDocuments: Set<DocumentID> = []
    /// Contract identities already claimed: "name@major" → file.
    @exclusivity(unchecked) var identities: [String: SourceLocation] = [:]

    init(graph: SchemaGraph) {
        self.graph = graph
        declared = SchemaTable(count: graph.schemas.count)
        mergedCache = SchemaTable(count: graph.schemas.count)
        droppedKindsCache = SchemaTable(count: graph.schemas.count)
    }

    // MARK: Documents and namespaces

    func translateDocument(_ document: SchemaDocument) {
        guard translatedDocuments.insert(document.id).inserted else { return }
        let namespace = namespace(for: document)
        let root = graph[document.rootSchema]
        if needsRootType(root) {
            _ = declareTopLevel(document.rootSchema, name: rootTypeName(document), namespace: namespace)
        }
        for definition in Self.definitions(of: document.rootSchema, in: graph) {
            _ = declareTopLevel(definition.schema, name: definition.name, namespace: namespace)
        }
        if let contract = document.contract {
            for operation in contract.operations {
                for parameter in operation.parameters { if let s = parameter.schema { _ = use(s, hint: parameter.name, parent: nil, namespace: namespace) } }
                if let s = operation.request?.schema { _ = use(s, hint: operation.id + "Request", parent: nil, namespace: namespace) }
                for response in operation.responses {
                    if let s = response.body?.schema { _ = use(s, hint: operation.id + response.status, parent: nil, namespace: namespace) }
                    for header in response.headers {
                        if let s = header.schema { _ = use(s, hint: operation.id + header.name + "Header", parent: nil, namespace: namespace) }
                    }
                }
            }
            for event in contract.events { if let s = event.payload { _ = use(s, hint: event.name + "Payload", parent: nil, namespace: namespace) } }
            for feed in contract.feeds { if let s = feed.payload { _ = use(s, hint: feed.name + "Record", parent: nil, namespace: namespace) } }
        }
    }

    /// `$defs`/`definitions` of a schema, flattened (nested `$defs` of a definition follow it).
    static func definitions(of schema: SchemaID, in graph: SchemaGraph) -> [NamedSchema] {
        var result: [NamedSchema] = []
        for definition in graph[schema].definitions {
            result.append(definition)
            result += definitions(of: definition.schema, in: graph)
        }
        return result
    }

    /// Whether the root schema describes a value (not just a container of `$defs`).
    func needsRootType(_ root: Schema) -> Bool { root.describesValue }

    /// The name of a document's root type.
    func rootTypeName(_ document: SchemaDocument) -> String { "Root" }

    /// The namespace of a document, created on first use.
    func namespace(for document: SchemaDocument) -> Int {
        if let existing = namespaceOfDocument[document.id] { return existing }
        let (name, major) = Self.namespaceName(of: document, in: graph)
        if let contract = document.contract, major != nil {
            let identity = "\(contract.name)@\(contract.version.major)"
            if let other = identities[identity] {
                bag.add(.error(
                    "duplicate contract identity \(contract.name) v\(contract.version.major): \(other.file) declares it too",
                    at: contract.location, code: "contract.duplicate-identity", related: [other]))
            } else {
                identities[identity] = contract.location
            }
        }
        let index = namespaces.count
        namespaces.append(IRNamespace(
            contractName: name, majorVersion: major, document: document.id, sourcePath: document.rootRelativePath,
            file: document.path, isInput: document.isInput,
            contract: document.contract, documentation: documentation(graph[document.rootSchema]), types: []))
        namespaceOfDocument[document.id] = index
        // Every file is translated whole as soon as it is first met, in its own `$defs` order, so the
        // bytes of its output never depend on which other file referenced it first, on input order,
        // or on whether it was an input at all (the build plugin generates each file separately).
        translateDocument(document)
        return index
    }

    /// The name and major version of a document's namespace: its `x-contract` identity, else its `title`, else its file
    /// stem, with no major.
    static func namespaceName(of document: SchemaDocument, in graph: SchemaGraph) -> (name: String, major: Int?) {
        if let contract = document.contract, !contract.name.isEmpty { return (contract.name, contract.version.major) }
        return (graph[document.rootSchema].title ?? fileStem(document.path), nil)
    }

    /// `inventory-v2` for `/x/inventory-v2.json`.
    static func fileStem(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".schema.json", ".json"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    // MARK: Declarations

    /// The name a schema has as a top-level home (`$defs` key, or the root), or nil for inline schemas.
    func homeName(of id: SchemaID) -> String? {
        let schema = graph[id]
        let document = graph[schema.document]
        if id == document.rootSchema { return needsRootType(schema) ? rootTypeName(document) : nil }
        let tokens = schema.location.pointer.tokens
        guard tokens.count >= 2, tokens.count % 2 == 0 else { return nil }
        for index in stride(from: 0, to: tokens.count, by: 2) where tokens[index] != "$defs" && tokens[index] != "definitions" {
            return nil
        }
        return tokens.last
    }

    /// Allocates a declaration; `kind` is filled in by the caller.
    func newDecl(_ id: SchemaID, name: String, namespace: Int, parent: IRTypeID?) -> IRTypeID {
        let schema = graph[id]
        let typeID = IRTypeID(types.count)
        types.append(IRTypeDecl(
            id: typeID, name: name, kind: .alias(.any, IRConstraints()), documentation: documentation(schema),
            isDeprecated: schema.deprecated, examples: schema.examples, namespace: namespace, parent: parent, nested: [],
            schema: id, isNullable: false))
        if let parent {
            types[parent.rawValue].nested.append(typeID)
        } else {
            namespaces[namespace].types.append(typeID)
        }
        declared[id] = typeID
        return typeID
    }

    /// Prose and provenance of a schema.
    func documentation(_ schema: Schema) -> IRDocumentation {
        IRDocumentation(
            title: schema.title, description: schema.description, origin: schema.location,
            rootRelativePath: graph[schema.document].rootRelativePath)
    }

    /// Declares the schema at a home (`$defs` entry or root) as a top-level type of `namespace`. Its body
    /// is translated later, from a queue, so reference chains thousands of types long never recurse.
    func declareTopLevel(_ id: SchemaID, name: String, namespace: Int) -> IRTypeRef {
        if let existing = declared[id] { return .named(existing) }
        let typeID = newDecl(id, name: name, namespace: namespace, parent: nil)
        types[typeID.rawValue].isNullable = isNullable(self.merged(id))
        types[typeID.rawValue].renamedFrom = graph[id].renamedFrom
        pendingBodies.append(typeID)
        return .named(typeID)
    }

    /// Translates queued declaration bodies (which may queue more) until none is left.
    func completePendingDeclarations() {
        var index = 0
        while index < pendingBodies.count {
            complete(pendingBodies[index])
            index += 1
        }
        pendingBodies.removeAll()
    }

    /// Fills in the body of a top-level declaration: a record, enumeration or union, or an alias.
    func complete(_ typeID: IRTypeID) {
        let decl = types[typeID.rawValue]
        let schema = graph[decl.schema]
        let merged = self.merged(decl.schema)
        if schema.isPureReference || needsAliasOnly(schema, merged) || shape(of: merged) == .value {
            completeAlias(typeID)
        } else {
            _ = translateInline(decl.schema, hint: decl.name, parent: nil, namespace: decl.namespace, forceName: decl.name, into: typeID)
        }
    }

    /// A `{"allOf": [{"$ref": X}]}` wrapper (the draft-07 way to annotate a reference) is an alias.
    func needsAliasOnly(_ schema: Schema, _ merged: MergedSchema) -> Bool {
        schema.ref == nil && schema.allOf.count == 1 && schema.types == nil && schema.properties.isEmpty
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.enumValues == nil && schema.constValue == nil
            && graph[schema.allOf[0]].isPureReference
    }

    /// Fills in `typealias name = <target>` for a home schema that is a scalar, a list, a map or a reference.
    func completeAlias(_ typeID: IRTypeID) {
        let decl = types[typeID.rawValue]
        let id = decl.schema
        let schema = graph[id]
        let target: Resolved
        if schema.isPureReference, let ref = schema.ref {
            target = use(ref, hint: decl.name, parent: nil, namespace: decl.namespace)
        } else if needsAliasOnly(schema, self.merged(id)) {
            target = use(schema.allOf[0], hint: decl.name, parent: nil, namespace: decl.namespace)
        } else {
            // The alias's own schema is translated as a value (not as a use of the alias being declared);
            // types it needs are declared beside it, since a typealias cannot contain declarations.
            target = translateInline(id, hint: decl.name, parent: nil, namespace: decl.namespace, forceName: nil, asValue: true)
        }
        let merged = self.merged(id)
        types[typeID.rawValue].kind = .alias(target.type, constraints(merged, for: target.type))
        types[typeID.rawValue].isNullable = target.isNullable
        translatedRefs[id] = .named(typeID)
    }

    /// Whether a merged schema needs its own declaration (object with properties, enum, union) or is a value type.
    enum Shape { case declaration, value }

    func shape(of merged: MergedSchema) -> Shape {
        let nonNull = nonNullAlternatives(merged)
        if nonNull.count > 1 && !alternativesAreConstraintsOnly(merged) { return .declaration }
        if let values = merged.enumValues {
            let nonNullValues = values.filter { !$0.isNull }
            if nonNullValues.count > 1, nonNullValues.allSatisfy({ $0.string != nil }) || nonNullValues.allSatisfy(isInteger) {
                return .declaration
            }
            return .value
        }
        if merged.constValue != nil { return .value }
        let types = valueKinds(merged)
        if types.count > 1 && !types.isIntegerAndNumber { return .declaration }
        if types == [.object] && isRecord(merged) { return .declaration }
        return .value
    }

    /// Whether an object schema is a record (declared properties, required names — a map could not check their
    /// presence — or a closed content model).
    func isRecord(_ merged: MergedSchema) -> Bool {
        if !merged.properties.isEmpty || !merged.required.isEmpty { return true }
        if let additional = merged.additionalProperties, graph[additional].booleanValue == false { return true }
        return false
    }

    func isInteger(_ node: JSONNode) -> Bool {
        if case .number(let number) = node.value { return number.isInteger && number.intValue != nil }
        return false
    }

    /// The merged view of a schema, computed once.
    func merged(_ id: SchemaID) -> MergedSchema {
        if let cached = mergedCache[id] { return cached }
        let value = MergedSchema(id, in: graph)
        mergedCache[id] = value
        return value
    }
}
