import Foundation

/// Member names that JSON tells apart and Swift does not.
///
/// JSON compares member names code unit by code unit (RFC 8259 §8.3); Swift's `String` compares them by canonical
/// equivalence. So `"caf\u00e9"` (é precomposed) and `"cafe\u0301"` (e, then a combining acute accent), or `"K"` and
/// `"\u212a"` (the Kelvin sign), are two members of one object for JSON and one key for Swift: `JSONDecoder` keeps the
/// first of them and drops the other without a word, before any `init(from:)` (a keyed container's `allKeys`,
/// ``JSONValue``, `additionalProperties`, a `[String: V]` map) can see it.
///
/// A typed model cannot hold both, so CharterRuntime refuses such JSON instead of losing a member: every body it
/// decodes is checked with ``check(_:)`` — a client's response bodies, a provider's request bodies and JSON
/// parameters, an ``EventSubscriber``'s messages and ``EventDefinition/decodePayload(from:decoder:)``. Code that
/// decodes models with a `JSONDecoder` of its own calls ``check(_:)`` on the same bytes. Members whose names are
/// the very same text (`{"a":1,"a":2}`) are not this check's business: RFC 8259 leaves their meaning to the parser,
/// and `JSONDecoder` keeps the first.
public enum JSONMemberNames {
    /// Throws `DecodingError.dataCorrupted` when an object in `data` has two member names that are different JSON
    /// strings but equal Swift strings, naming both (non-ASCII characters as `\uXXXX` escapes) and the object's
    /// coding path. JSON text that is not valid is left to the decoder: only what a scan finds is reported.
    ///
    /// Text without a non-ASCII byte or a `\u` escape is passed after one look at each byte: two ASCII names are
    /// equal in Swift only when they are the same.
    public static func check(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard mayHoldNonASCIIText(bytes) else { return }
            var scan = MemberNameScan(bytes: bytes)
            try scan.run()
        }
    }

    /// Whether `bytes` hold a non-ASCII byte or a `\u` escape (or what looks like one: the check is only a shortcut).
    private static func mayHoldNonASCIIText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var afterBackslash = false
        for byte in bytes {
            if byte >= 0x80 || (afterBackslash && byte == UInt8(ascii: "u")) { return true }
            afterBackslash = byte == UInt8(ascii: "\\") && !afterBackslash
        }
        return false
    }
}

extension JSONDecoder {
    /// `decode(_:from:)`, then ``JSONMemberNames/check(_:)`` on the same bytes: the runtime's way of reading JSON. The
    /// ``JSONValue``s in it are read from the text (``readingJSONValues(from:)``).
    func decodeCheckingMemberNames<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let value = try readingJSONValues(from: data).decode(T.self, from: data)
        try JSONMemberNames.check(data)
        return value
    }
}

/// One pass over JSON text that keeps, for each open object, the names of its members, and throws at the first
/// name that a Swift `String` cannot tell from an earlier, different one. Names of plain ASCII (no escape), which
/// only a name with a non-ASCII character can equal in Swift alone, are kept as byte ranges until their object
/// has such a name.
private struct MemberNameScan {
    /// An open object or array.
    private struct Container {
        /// Whether it is an object.
        var isObject: Bool
        /// In an object, whether the next string is a member name.
        var expectsName: Bool
        /// In an object, the current member's name (the bytes between its quotes).
        var name: Range<Int> = 0..<0
        /// In an array, the current item's index.
        var index = 0
        /// In an object, where its plain names start in `plainNames`.
        var firstPlainName = 0
        /// In an object once it has a name that is not plain, each member name seen, by its Swift `String` (which
        /// compares by canonical equivalence), with the first name of that key as received (its scalars unchanged:
        /// Swift keeps them as they are); nil before.
        var names: [String: String]?
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var open: [Container] = []
    /// The plain names of the open objects that have no other, each object's after its outer objects'.
    private var plainNames: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func run() throws {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"):
                open.append(Container(isObject: true, expectsName: true, firstPlainName: plainNames.count))
            case UInt8(ascii: "["):
                open.append(Container(isObject: false, expectsName: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let closed = open.popLast() else { break }
                if closed.isObject { plainNames.removeSubrange(min(closed.firstPlainName, plainNames.count)...) }
            case UInt8(ascii: ","):
                guard let last = open.indices.last else { break }
                if open[last].isObject {
                    open[last].expectsName = true
                } else {
                    open[last].index += 1
                }
            case UInt8(ascii: "\""):
                let start = index
                skipString()
                guard let last = open.indices.last, open[last].isObject, open[last].expectsName else { break }
                open[last].expectsName = false
                try add(name: start..<max(start, index - 1), to: last)
            default:
                break
            }
        }
    }

    /// Moves past the closing quote of a string whose first byte is at `index`.
    private mutating func skipString() {
        while index < bytes.count {
            let byte = bytes[index]
            index += byte == UInt8(ascii: "\\") ? 2 : 1
            if byte == UInt8(ascii: "\"") { return }
        }
    }

    /// Records a member name of the object at `position`, or throws if an earlier one is equal in Swift only.
    private mutating func add(name range: Range<Int>, to position: Int) throws {
        open[position].name = range
        let plain = !bytes[range].contains { $0 >= 0x80 || $0 == UInt8(ascii: "\\") }
        if open[position].names == nil {
            if plain {
                plainNames.append(range)
                return
            }
            var names: [String: String] = [:]
            for earlier in plainNames[open[position].firstPlainName...] {
                let name = String(decoding: bytes[earlier], as: UTF8.self)
                names[name] = name
            }
            open[position].names = names
        }
        let name = self.name(range)
        guard let earlier = open[position].names?[name] else {
            open[position].names?[name] = name
            return
        }
        // The same scalars: the same name for JSON too (a lone surrogate escape never gets here, `JSONDecoder`
        // refuses it).
        guard !earlier.unicodeScalars.elementsEqual(name.unicodeScalars) else { return }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: open[..<position].map { $0.isObject ? AnyCodingKey(self.name($0.name)) : AnyCodingKey(intValue: $0.index) },
            debugDescription: "The object has members \(Self.quoted(earlier)) and \(Self.quoted(name)): two names in JSON, "
                + "one in Swift (canonically equivalent), so decoding would keep only the first; refused rather than lose the other."))
    }

    /// The JSON string whose contents (between the quotes) are at `range`, escapes decoded.
    private func name(_ range: Range<Int>) -> String {
        let text = bytes[range]
        return text.contains(UInt8(ascii: "\\")) ? String(decoding: Self.codeUnits(text), as: UTF16.self) : String(decoding: text, as: UTF8.self)
    }

    /// The UTF-16 code units of a JSON string's contents (between its quotes), escapes decoded.
    private static func codeUnits(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt16] {
        var units: [UInt16] = []
        var index = text.startIndex
        var run = index
        func flush(_ end: Int) { units += String(decoding: text[run..<end], as: UTF8.self).utf16 }
        while index < text.endIndex {
            guard text[index] == UInt8(ascii: "\\"), index + 1 < text.endIndex else {
                index += 1
                continue
            }
            flush(index)
            let escaped = text[index + 1]
            index += 2
            if escaped == UInt8(ascii: "u"), index + 4 <= text.endIndex,
               let unit = UInt16(String(decoding: text[index..<index + 4], as: UTF8.self), radix: 16)
            {
                units.append(unit)
                index += 4
            } else {
                units.append(unescaped[escaped] ?? UInt16(escaped))
            }
            run = index
        }
        flush(text.endIndex)
        return units
    }

    /// What the one-letter escapes stand for; any other escaped byte (`"`, `\`, `/`) for itself.
    private static let unescaped: [UInt8: UInt16] = [
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    /// A name as JSON text, every code unit outside printable ASCII escaped: `"cafe\u0301"`.
    private static func quoted(_ name: String) -> String {
        var text = "\""
        for unit in name.utf16 {
            if unit >= 0x20, unit < 0x7F, unit != 0x22, unit != 0x5C {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            } else {
                let hex = String(unit, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return text + "\""
    }
}
