import Foundation

/// One loaded JSON file.
public struct SchemaDocument: Sendable {
    /// Its identity in the graph.
    public let id: DocumentID
    /// The absolute path of the file (symlinks resolved).
    public let path: String
    /// The path Charter shows in messages and generated headers (relative to the input root when inside it).
    public let displayPath: String
    /// The parsed JSON.
    public let root: JSONNode
    /// The schema at the document root.
    public internal(set) var rootSchema: SchemaID
    /// The base URI of the root: its `$id`, or the file's `file://` URI.
    public let baseURI: String
    /// Whether the file was named as input (false: reached only through a `$ref`).
    public let isInput: Bool
    /// The contract extension, when the file has one.
    public internal(set) var contract: Contract?
    /// The path relative to the loader's root (what generated headers show), with `/` separators.
    public let rootRelativePath: String

    /// A location inside this document.
    public func location(_ pointer: JSONPointer, _ position: SourcePosition?) -> SourceLocation {
        SourceLocation(file: displayPath, position: position, pointer: pointer)
    }
}

/// Everything the loader produced: the documents, every schema in them with `$ref`s resolved,
/// and the contract extensions.
public struct SchemaGraph: Sendable {
    /// The loaded files, inputs first in the order given, then files reached through `$ref`.
    public internal(set) var documents: [SchemaDocument]
    /// Every schema, indexed by ``SchemaID``.
    public internal(set) var schemas: [Schema]
    /// Warnings found while loading (unknown keywords and the like).
    public internal(set) var warnings: [Diagnostic]

    /// A graph of these documents and schemas (``SchemaLoader`` makes them; an empty one stands for no files).
    package init(documents: [SchemaDocument], schemas: [Schema], warnings: [Diagnostic]) {
        self.documents = documents
        self.schemas = schemas
        self.warnings = warnings
    }

    /// The schema with this identity.
    public subscript(id: SchemaID) -> Schema { schemas[id.rawValue] }

    /// The document with this identity.
    public subscript(id: DocumentID) -> SchemaDocument { documents[id.rawValue] }

    /// Follows `$ref` chains of schemas that are nothing but a reference (annotations aside) to the schema
    /// that has content. Cycles of pure references were rejected by the loader, so this terminates.
    public func resolved(_ id: SchemaID) -> SchemaID {
        var current = id
        var seen: Set<SchemaID> = []
        while let target = self[current].ref, self[current].isPureReference, seen.insert(current).inserted {
            current = target
        }
        return current
    }

    /// The input documents (named on the command line or by the plugin), in order.
    public var inputDocuments: [SchemaDocument] { documents.filter(\.isInput) }
}
