import Foundation

/// The JSON text a `JSONDecoder` is decoding, for ``JSONValue``: a free-form value read from the text itself, in one
/// pass, instead of through the decoder's containers (which can only find out what a value is by trying each kind in
/// turn, every failed try a thrown `DecodingError`).
///
/// The runtime's own decoders carry one in their `userInfo` (``JSONDecoder/decodeCheckingMemberNames(_:from:)``);
/// ``JSONValue/init(from:)`` asks it for the value at the decoder's coding path, and decodes through the decoder as
/// before when it has none. It gives a value only where it reads it exactly as `JSONDecoder` decodes it: numbers it
/// cannot be sure of (a number with a fraction or an exponent whose `Double` is a whole number of 2⁵³ or more, or one
/// that `Decimal` cannot hold), and text that is not valid JSON, are left to the decoder (the containers that hold
/// them are decoded through it; the values beside them are still read here).
final class JSONValueSource: @unchecked Sendable {
    /// The text.
    private let data: Data
    /// The members (first of each name, as `JSONDecoder` keeps it) and items of each container looked into, by the
    /// offset of its opening bracket; guarded by `lock`.
    private var containers: [Int: Container] = [:]
    /// Guards `containers`.
    private let lock = NSLock()

    /// What a container holds: where each member's or item's value starts.
    private enum Container {
        case object([String: Int])
        case array([Int])
    }

    /// A source for `data`.
    init(_ data: Data) {
        self.data = data
    }

    /// The value at `path` (the decoder's coding path: member names, item indices); nil when there is none, or when this
    /// source does not read it exactly as `JSONDecoder` does.
    func value(at path: [any CodingKey]) -> JSONValue? {
        data.withUnsafeBytes { raw in
            var reader = JSONTextReader(bytes: raw.bindMemory(to: UInt8.self))
            if raw.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }  // a UTF-8 byte order mark, which JSONDecoder skips
            reader.skipWhitespace()
            for key in path {
                guard let offset = child(of: reader.index, key, &reader) else { return nil }
                reader.index = offset
            }
            return reader.value()
        }
    }

    /// Where the value of `key` in the container at `offset` starts.
    private func child(of offset: Int, _ key: any CodingKey, _ reader: inout JSONTextReader) -> Int? {
        guard let container = container(at: offset, &reader) else { return nil }
        switch container {
        case .object(let members): return members[key.stringValue]
        case .array(let items):
            guard let index = key.intValue, items.indices.contains(index) else { return nil }
            return items[index]
        }
    }

    /// The members or items of the container at `offset`, found once.
    private func container(at offset: Int, _ reader: inout JSONTextReader) -> Container? {
        lock.lock()
        let known = containers[offset]
        lock.unlock()
        if let known { return known }
        reader.index = offset
        guard let found = reader.container() else { return nil }
        lock.lock()
        containers[offset] = found
        lock.unlock()
        return found
    }

    /// A cursor over JSON text.
    private struct JSONTextReader {
        /// The text.
        let bytes: UnsafeBufferPointer<UInt8>
        /// The cursor: the offset of the next byte to read.
        var index = 0

        /// A cursor at the start of `bytes`.
        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The byte at the cursor, or 0 at the end.
        var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

        /// Moves past JSON whitespace (space, line feed, carriage return, tab).
        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        /// The container at the cursor: its members' or items' offsets; nil when the cursor is at no container or the
        /// text is not valid JSON.
        mutating func container() -> Container? {
            switch current {
            case UInt8(ascii: "{"):
                var members: [String: Int] = [:]
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") { return .object(members) }
                while true {
                    guard current == UInt8(ascii: "\""), let name = string() else { return nil }
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipWhitespace()
                    if members[name] == nil { members[name] = index }
                    guard skipValue(), separator(closing: UInt8(ascii: "}")) else { return nil }
                    if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
                }
            case UInt8(ascii: "["):
                var items: [Int] = []
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") { return .array(items) }
                while true {
                    items.append(index)
                    guard skipValue(), separator(closing: UInt8(ascii: "]")) else { return nil }
                    if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                }
            default:
                return nil
            }
        }

        /// Moves past a `,` or the closing bracket after a member or item, and the whitespace after a `,`.
        private mutating func separator(closing: UInt8) -> Bool {
            skipWhitespace()
            if current == closing {
                index += 1
                return true
            }
            guard current == UInt8(ascii: ",") else { return false }
            index += 1
            skipWhitespace()
            return true
        }

        /// Moves past the value at the cursor without reading it (brackets and strings matched, scalars up to the next
        /// delimiter); false when the text ends first.
        private mutating func skipValue() -> Bool {
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard depth > 0 else { return true }
                    depth -= 1
                    index += 1
                    if depth == 0 { return true }
                case UInt8(ascii: "\""):
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                    guard index < bytes.count else { return false }
                    index += 1
                    if depth == 0 { return true }
                case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 { return true }
                    index += 1
                default:
                    index += 1
                }
            }
            return depth == 0
        }

        /// The value at the cursor, the cursor moved past it; nil when it is not one read exactly as `JSONDecoder` does.
        mutating func value() -> JSONValue? {
            switch current {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                var members: [String: JSONValue] = [:]
                if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    guard current == UInt8(ascii: "\""), let name = string() else { return nil }
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipWhitespace()
                    guard let member = value() else { return nil }
                    if members[name] == nil { members[name] = member }
                    guard separator(closing: UInt8(ascii: "}")) else { return nil }
                    if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                var items: [JSONValue] = []
                if current == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    guard separator(closing: UInt8(ascii: "]")) else { return nil }
                    if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                }
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        /// `value` when the text at the cursor is `word`.
        private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { return nil }
            index += count
            return value
        }

        /// The string whose opening quote is at the cursor, escapes decoded; nil for text `JSONDecoder` refuses (a
        /// control character, an unknown escape, a lone surrogate, bytes that are not UTF-8).
        mutating func string() -> String? {
            index += 1
            let start = index
            var plain = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    plain = false
                    index += 1
                }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let end = index
            index += 1
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return plain ? Self.utf8(text) : Self.unescaped(text)
        }

        /// The text of `bytes`, nil when they are not UTF-8: decoding replaces what is not with U+FFFD, so valid text
        /// is exactly what reads back.
        private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            let text = String(decoding: bytes, as: UTF8.self)
            return bytes.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(bytes) ? text : nil
        }

        /// The text of a string with escapes (between its quotes), decoded.
        private static func unescaped(_ text: UnsafeBufferPointer<UInt8>) -> String? {
            var units: [UInt16] = []
            units.reserveCapacity(text.count)
            var index = 0
            var run = 0
            func flush(_ end: Int) -> Bool {
                guard run < end else { return true }
                guard let part = utf8(UnsafeBufferPointer(rebasing: text[run..<end])) else { return false }
                units += part.utf16
                return true
            }
            while index < text.count {
                guard text[index] == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                guard flush(index), index + 1 < text.count else { return nil }
                let escaped = text[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): units.append(UInt16(escaped))
                case UInt8(ascii: "b"): units.append(0x08)
                case UInt8(ascii: "f"): units.append(0x0C)
                case UInt8(ascii: "n"): units.append(0x0A)
                case UInt8(ascii: "r"): units.append(0x0D)
                case UInt8(ascii: "t"): units.append(0x09)
                case UInt8(ascii: "u"):
                    guard index + 4 <= text.count, let unit = UInt16(String(decoding: UnsafeBufferPointer(rebasing: text[index..<index + 4]), as: UTF8.self), radix: 16)
                    else { return nil }
                    units.append(unit)
                    index += 4
                default: return nil
                }
                run = index
            }
            guard flush(text.count) else { return nil }
            // A lone surrogate, which `JSONDecoder` refuses, would become U+FFFD here.
            var scalars = String.UnicodeScalarView()
            var iterator = units.makeIterator()
            var decoder = UTF16()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): scalars.append(scalar)
                case .emptyInput: return String(scalars)
                case .error: return nil
                }
            }
        }

        /// The number at the cursor, as `JSONDecoder` gives it to ``JSONValue``: `Int64` when it reads it as one, else
        /// the `Decimal` of its text. Nil where that is not certain (see ``JSONValueSource``) or the text is no number.
        private mutating func number() -> JSONValue? {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            guard digits(), bytes[digitsStart] != UInt8(ascii: "0") || index == digitsStart + 1 else { return nil }  // no leading zero
            var integral = true
            if current == UInt8(ascii: ".") {
                integral = false
                index += 1
                guard digits() else { return nil }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                integral = false
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            // Beyond `Int64`, an integer's text is no `Int64` by any of `JSONDecoder`'s ways of reading one.
            if integral { return Int64(text).map(JSONValue.integer) ?? Decimal(string: text, locale: Self.posix).map(JSONValue.number) }
            // `JSONDecoder` reads `Int64` from such text through its `Double` when that is a whole number below 2⁵³.
            guard let double = Double(text), double.isFinite else { return nil }
            if let whole = Int64(exactly: double) {
                return double.magnitude < 0x1p53 ? .integer(whole) : nil
            }
            return Decimal(string: text, locale: Self.posix).map(JSONValue.number)
        }

        /// Moves past one or more digits; false when there is none.
        private mutating func digits() -> Bool {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index > start
        }

        /// The locale whose decimal separator is `.`.
        private static let posix = Locale(identifier: "en_US_POSIX")
    }
}

extension CodingUserInfoKey {
    /// The ``JSONValueSource`` of the text a runtime decoder is decoding.
    static let jsonValueSource = CodingUserInfoKey(rawValue: "CharterRuntime.JSONValueSource")!
}

extension JSONValue {
    /// The value of a JSON text, read as the runtime reads a body: as `JSONDecoder().decode(JSONValue.self, from:)`
    /// gives it, but from the text in one pass (``JSONValueSource``), and refused like a body whose object has two
    /// member names that Swift finds equal (``JSONMemberNames/check(_:)``). Throws `DecodingError` for text that is not
    /// JSON, or that holds a number no `Decimal` can.
    public init(json data: Data) throws {
        self = try JSONDecoder().decodeCheckingMemberNames(JSONValue.self, from: data)
    }
}

extension JSONDecoder {
    /// A decoder like this one whose ``JSONValue``s are read from `data` (a ``JSONValueSource`` in its `userInfo`), to
    /// decode `data`; this decoder itself, unchanged, when its coding paths may not be the text's member names (a key
    /// decoding strategy other than the default, JSON5), where it is a subclass (which may decode otherwise), or where
    /// its `JSONDecoder` may read numbers by other rules than the source knows (Apple systems before macOS 14 and iOS 17,
    /// whose `JSONDecoder` is another implementation).
    func readingJSONValues(from data: Data) -> JSONDecoder {
        guard type(of: self) == JSONDecoder.self, case .useDefaultKeys = keyDecodingStrategy else { return self }
        guard #available(macOS 14, iOS 17, tvOS 17, watchOS 10, *), !allowsJSON5 else { return self }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = dateDecodingStrategy
        decoder.dataDecodingStrategy = dataDecodingStrategy
        decoder.nonConformingFloatDecodingStrategy = nonConformingFloatDecodingStrategy
        decoder.userInfo = userInfo
        decoder.userInfo[.jsonValueSource] = JSONValueSource(data)
        return decoder
    }
}
