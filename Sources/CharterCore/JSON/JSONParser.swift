/// The byte-level reader behind ``JSONReader``: a loop over an explicit stack of
/// open containers, so nesting depth never touches the machine stack.
///
/// Invariants while scanning:
/// - `i` is the next byte to read;
/// - `line` / `lineStart` describe the line `i` is on;
/// - `continuationBytesOnLine` counts the UTF-8 continuation bytes between
///   `lineStart` and the end of the last token, so a token's column is its byte
///   distance from `lineStart` minus that count (non-ASCII only occurs inside
///   strings, and a string cannot span lines).
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let options: JSONReaderOptions

    var i = 0
    var line = 1
    var lineStart = 0
    var continuationBytesOnLine = 0

    /// Open containers, outermost first.
    var frames: [Frame] = []
    /// Finished elements of all open arrays, each array's run starting at its frame's `start`.
    var values: [JSONNode] = []
    /// Finished members of all open objects, likewise.
    var members: [JSONMember] = []
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []
    /// The opening quote of the string being read.
    var stringStart = 0

    /// One open array or object.
    struct Frame {
        var isObject: Bool
        var position: SourcePosition
        /// Where this container's children start in `values` or `members`.
        var start: Int
        /// Children finished so far (the index of the child being read, for arrays).
        var count = 0
        /// Whether a child value is being read (after `[`, `,` or `:`), for error pointers.
        var awaitingValue = false
        /// Objects: the key of the member whose value is being read.
        var key = ""
        var keyPosition = SourcePosition.start
        /// Objects with many members: key → index of its last occurrence.
        var index: [ExactKey: Int]?
        /// Objects: repeated keys seen (only when duplicates are allowed).
        var duplicates = 0
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, options: JSONReaderOptions) {
        self.bytes = bytes
        self.end = bytes.count
        self.options = options
    }

    // MARK: - Document

    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        try checkEncoding()
        skipWhitespace()
        var node: JSONNode
        readValue: while true {
            // Read the value starting at `i` (whitespace already skipped).
            guard i < end else { throw valueStartError(at: i) }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"):
                let position = self.position(i)
                try checkDepth()
                i += 1
                skipWhitespace()
                if i < end && bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    node = JSONNode(value: .object(JSONObject()), position: position)
                } else {
                    frames.append(Frame(isObject: true, position: position, start: members.count))
                    guard i < end, bytes[i] == UInt8(ascii: "\"") else {
                        throw expected("a string key or '}'", at: i)
                    }
                    try readMemberKey()
                    continue readValue
                }
            case UInt8(ascii: "["):
                let position = self.position(i)
                try checkDepth()
                i += 1
                skipWhitespace()
                if i < end && bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    node = JSONNode(value: .array([]), position: position)
                } else {
                    frames.append(Frame(isObject: false, position: position, start: values.count, awaitingValue: true))
                    continue readValue
                }
            case UInt8(ascii: "\""):
                let position = self.position(i)
                node = JSONNode(value: .string(try readString()), position: position)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let position = self.position(i)
                node = JSONNode(value: .number(try readNumber()), position: position)
            case UInt8(ascii: "t"):
                let position = self.position(i)
                try readLiteral(JSONParser.trueBytes, "true")
                node = JSONNode(value: .bool(true), position: position)
            case UInt8(ascii: "f"):
                let position = self.position(i)
                try readLiteral(JSONParser.falseBytes, "false")
                node = JSONNode(value: .bool(false), position: position)
            case UInt8(ascii: "n"):
                let position = self.position(i)
                try readLiteral(JSONParser.nullBytes, "null")
                node = JSONNode(value: .null, position: position)
            default:
                throw valueStartError(at: i)
            }

            // A value is complete: hand it to the enclosing containers, closing
            // those that end here, until one expects another value.
            while !frames.isEmpty {
                let top = frames.count - 1
                skipWhitespace()
                if frames[top].isObject {
                    members.append(JSONMember(key: frames[top].key, keyPosition: frames[top].keyPosition, value: node))
                    frames[top].count += 1
                    frames[top].awaitingValue = false
                    guard i < end else { throw unclosed(frames[top]) }
                    switch bytes[i] {
                    case UInt8(ascii: ","):
                        i += 1
                        skipWhitespace()
                        guard i < end, bytes[i] == UInt8(ascii: "\"") else {
                            if i < end && bytes[i] == UInt8(ascii: "}") {
                                throw fail("trailing comma before '}'", at: i)
                            }
                            throw expected("a string key", at: i)
                        }
                        try readMemberKey()
                        continue readValue
                    case UInt8(ascii: "}"):
                        i += 1
                        node = closeObject()
                    default:
                        throw expected("',' or '}' after object member", at: i)
                    }
                } else {
                    values.append(node)
                    frames[top].count += 1
                    frames[top].awaitingValue = false
                    guard i < end else { throw unclosed(frames[top]) }
                    switch bytes[i] {
                    case UInt8(ascii: ","):
                        i += 1
                        frames[top].awaitingValue = true
                        skipWhitespace()
                        if i < end && bytes[i] == UInt8(ascii: "]") {
                            throw fail("trailing comma before ']'", at: i)
                        }
                        continue readValue
                    case UInt8(ascii: "]"):
                        i += 1
                        node = closeArray()
                    default:
                        throw expected("',' or ']' after array element", at: i)
                    }
                }
            }
            break readValue
        }
        skipWhitespace()
        if i < end {
            throw fail("unexpected \(try describeCharacter(at: i)) after the top-level value", at: i)
        }
        return node
    }

    // MARK: - Containers

    private mutating func checkDepth() throws(JSONParseError) {
        if frames.count >= options.maxDepth {
            throw fail("nesting deeper than \(options.maxDepth) levels", at: i)
        }
    }

    /// Reads `"key"` and `:` (with `i` at the key's quote) into the top frame.
    private mutating func readMemberKey() throws(JSONParseError) {
        let top = frames.count - 1
        let keyPosition = position(i)
        let key = try readString()
        try recordKey(key, at: keyPosition)
        frames[top].key = key
        frames[top].keyPosition = keyPosition
        skipWhitespace()
        guard i < end, bytes[i] == UInt8(ascii: ":") else {
            throw expected("':' after object key", at: i)
        }
        i += 1
        frames[top].awaitingValue = true
        skipWhitespace()
    }

    /// Detects a repeated key in the top object (linear scan while small, a hash
    /// index beyond ``JSONObject/indexThreshold`` members).
    private mutating func recordKey(_ key: String, at keyPosition: SourcePosition) throws(JSONParseError) {
        let top = frames.count - 1
        let start = frames[top].start
        let count = frames[top].count
        var firstIndex: Int?
        if frames[top].index == nil && count < JSONObject.indexThreshold {
            var k = start + count - 1
            while k >= start {
                if ExactString.equal(members[k].key, key) { firstIndex = k - start; break }
                k -= 1
            }
        } else {
            if frames[top].index == nil {
                var index = [ExactKey: Int](minimumCapacity: 4 * JSONObject.indexThreshold)
                for k in 0..<count { index[ExactKey(members[start + k].key)] = k }
                frames[top].index = index
            }
            firstIndex = frames[top].index!.updateValue(count, forKey: ExactKey(key))
        }
        guard let firstIndex else { return }
        if options.allowDuplicateKeys {
            frames[top].duplicates += 1
            return
        }
        let first = members[start + firstIndex].keyPosition
        throw JSONParseError(
            message: "duplicate key \(JSONWriter.quoted(key)) at \(keyPosition) (first defined at \(first))",
            position: keyPosition, pointer: currentPointer().appending(key), relatedPosition: first)
    }

    private mutating func closeObject() -> JSONNode {
        let frame = frames.removeLast()
        let objectMembers = Array(members[frame.start...])
        members.removeSubrange(frame.start...)
        let object = JSONObject(members: objectMembers, index: frame.index,
                                distinctCount: frame.count - frame.duplicates)
        return JSONNode(value: .object(object), position: frame.position)
    }

    private mutating func closeArray() -> JSONNode {
        let frame = frames.removeLast()
        let elements = Array(values[frame.start...])
        values.removeSubrange(frame.start...)
        return JSONNode(value: .array(elements), position: frame.position)
    }

    // MARK: - Whitespace and positions

    /// Skips space, tab, LF and CR, counting line breaks (CR LF is one).
    @inline(__always)
    mutating func skipWhitespace() {
        while i < end {
            switch bytes[i] {
            case 0x20, 0x09:
                i += 1
            case 0x0A:
                i += 1
                startLine()
            case 0x0D:
                i += 1
                if i < end && bytes[i] == 0x0A { i += 1 }
                startLine()
            default:
                return
            }
        }
    }

    @inline(__always)
    private mutating func startLine() {
        line += 1
        lineStart = i
        continuationBytesOnLine = 0
    }

    /// The position of a token start at `offset` on the current line (O(1)).
    @inline(__always)
    func position(_ offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: offset - lineStart - continuationBytesOnLine + 1, offset: offset)
    }
}
