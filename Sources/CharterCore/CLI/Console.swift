/// Where the CLI writes: standard output for results, standard error for diagnostics. Injected so the
/// library itself never prints (tests capture both streams).
public struct Console: Sendable {
    /// Writes a line of results.
    public var out: @Sendable (String) -> Void
    /// Writes a line of diagnostics.
    public var err: @Sendable (String) -> Void
    /// Writes a document of results that is UTF-8 bytes already, as they are: its own line feeds, nothing added.
    /// Reports of tens of megabytes go this way rather than through a `String`, which would check every byte as
    /// UTF-8 again, and be encoded again to be written.
    public var outBytes: @Sendable ([UInt8]) -> Void

    /// Creates a console from two line writers; a document of bytes goes to `out` as one line, decoded, without
    /// its last line feed (what ``outDocument(_:)`` writes for the same text).
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.init(out: out, err: err, outBytes: { bytes in
            out(String(decoding: bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes[...], as: UTF8.self))
        })
    }

    /// Creates a console from two line writers and a writer of documents as bytes.
    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        outBytes: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.out = out
        self.err = err
        self.outBytes = outBytes
    }
}

extension Console {
    /// Writes a rendered document to standard output. The line writer ends every line itself, so one trailing
    /// newline is dropped (in constant time: a report can be tens of megabytes). An empty document (`--quiet` text
    /// without findings) writes nothing, not an empty line.
    package func outDocument(_ text: String) {
        guard !text.isEmpty else { return }
        out(text.hasSuffix("\n") ? String(text[..<text.index(before: text.endIndex)]) : text)
    }

    /// Writes a rendered document, as UTF-8 bytes, to standard output as they are: the same bytes as
    /// ``outDocument(_:)`` writes for the same text (a line feed added when the document does not end with one;
    /// nothing for an empty document), without making a `String` of them.
    package func outDocument(bytes: [UInt8]) {
        guard let last = bytes.last else { return }
        outBytes(last == UInt8(ascii: "\n") ? bytes : bytes + [UInt8(ascii: "\n")])
    }
}
