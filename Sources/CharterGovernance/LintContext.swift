import CharterCore

/// What a rule sees: the loaded contracts and schemas, the rule's settings, today's date, and the place to
/// report what it finds. One context serves one lint run; the linter points it at each rule in turn.
public final class LintContext {
    /// Every loaded document (inputs and the files they reference) and every schema in them.
    public let graph: SchemaGraph
    /// Today as `YYYY-MM-DD`, for date checks (sunsets, suppression expiry). Injected so runs are repeatable.
    public let today: String
    /// The rule now running and its options from the configuration.
    var currentRule: (id: String, options: JSONObject?) = ("", nil)
    /// What the rules reported so far, without severities (the linter applies the configuration).
    var reported: [(ruleID: String, message: String, hint: String?, location: SourceLocation, stablePath: String)] = []

    /// ``alternatives(_:)`` already computed, by schema, and those being computed (a recursive union).
    var alternativesCache: [SchemaID: [ValueFacets]] = [:]
    var alternativesInProgress: Set<SchemaID> = []

    /// Creates a context over a loaded graph.
    public init(graph: SchemaGraph, today: String) {
        self.graph = graph
        self.today = today
    }

    /// Reports a violation of the running rule at `pointer` in `document`. The line and column are those of
    /// the deepest value on the pointer's path that exists, so a missing field points at the object that
    /// should hold it.
    public func report(_ message: String, in document: SchemaDocument, at pointer: JSONPointer, hint: String? = nil) {
        reported.append((currentRule.id, message, hint, location(in: document, at: pointer), document.rootRelativePath))
    }

    /// Reports a violation at `pointer` in `document` whose line and column the rule already knows (a
    /// property's key, say).
    public func report(_ message: String, in document: SchemaDocument, at pointer: JSONPointer, position: SourcePosition, hint: String? = nil) {
        reported.append((currentRule.id, message, hint, document.location(pointer, position), document.rootRelativePath))
    }

    /// Reports a violation at a schema's own location.
    public func report(_ message: String, schema id: SchemaID, hint: String? = nil) {
        let document = graph.schemas[id.rawValue].document
        reported.append((currentRule.id, message, hint, graph.schemas[id.rawValue].location, graph.documents[document.rawValue].rootRelativePath))
    }

    /// The location of `pointer` in `document`: the position of the deepest existing value on its path.
    public func location(in document: SchemaDocument, at pointer: JSONPointer) -> SourceLocation {
        document.location(pointer, document.root.deepest(along: pointer).node.position)
    }

    /// Whether `pointer` names a value written in `document`.
    public func exists(_ pointer: JSONPointer, in document: SchemaDocument) -> Bool {
        document.root.deepest(along: pointer).complete
    }

    /// The documents that declare a contract, with it, in load order.
    public var contracts: [(document: SchemaDocument, contract: Contract)] {
        graph.documents.compactMap { document in document.contract.map { (document, $0) } }
    }

    /// Every schema object in every document (not boolean schemas), in load order. Rules may bind a whole `Schema`
    /// (`let schema = graph.schemas[id.rawValue]`): its keywords sit in one shared box, so a copy is one retain.
    public private(set) lazy var schemaObjects: [SchemaID] = graph.schemas.indices.filter { graph.schemas[$0].booleanValue == nil }.map(SchemaID.init)

    /// The named types of each document: its `$defs` entries.
    public private(set) lazy var declaredTypes: [(name: String, id: SchemaID)] = graph.documents.flatMap { document in
        graph.schemas[document.rootSchema.rawValue].definitions.map { ($0.name, $0.schema) }
    }

    /// Every named value of every document: each property of each schema object (at any depth), each named
    /// type (`$defs`), and each parameter and response header of each operation. What rules about data
    /// semantics judge by name.
    public private(set) lazy var namedValues: [(name: String, id: SchemaID)] = {
        var result: [(String, SchemaID)] = []
        for id in schemaObjects {
            for property in graph.schemas[id.rawValue].properties { result.append((property.name, property.schema)) }
        }
        result += declaredTypes
        for (_, contract) in contracts {
            for operation in contract.operations {
                for parameter in operation.parameters { if let schema = parameter.schema { result.append((parameter.name, schema)) } }
                for response in operation.responses {
                    for header in response.headers { if let schema = header.schema { result.append((header.name, schema)) } }
                }
            }
        }
        return result
    }()

    /// The named types (`$defs` entries) by schema.
    private(set) lazy var declaredTypeNames: [SchemaID: String] = Dictionary(declaredTypes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

    /// The running rule's option `name` from the configuration, if set.
    public func option(_ name: String) -> JSONNode? { currentRule.options?[name] }

    /// The running rule's value of an integer option, else the option's documented default.
    public func int(_ parameter: LintParameter) -> Int {
        (option(parameter.name) ?? parameter.defaultNode)?.number?.intValue ?? 0
    }

    /// The running rule's value of a string-list option, else the option's documented default.
    public func strings(_ parameter: LintParameter) -> [String] {
        (option(parameter.name) ?? parameter.defaultNode)?.array?.compactMap(\.string) ?? []
    }

    /// Every `allOf` part of a schema, at any depth, `$ref`s followed, the schema itself first: what a reader
    /// sees of it.
    func allOfParts(_ id: SchemaID) -> [Schema] {
        var parts: [Schema] = []
        var pending = [id]
        var seen: Set<SchemaID> = []
        while let next = pending.popLast() {
            let resolved = graph.resolved(next)
            guard seen.insert(resolved).inserted else { continue }
            parts.append(graph[resolved])
            pending += graph.schemas[resolved.rawValue].allOf
        }
        return parts
    }

    /// The schema a property or item points at, through pure `$ref`s.
    public func resolved(_ id: SchemaID) -> Schema { graph[graph.resolved(id)] }
}
