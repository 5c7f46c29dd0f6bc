/// Numbers and the literals `true`, `false` and `null`.
extension JSONParser {
    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let nullBytes: [UInt8] = Array("null".utf8)

    // MARK: - Literals

    mutating func readLiteral(_ word: [UInt8], _ name: String) throws(JSONParseError) {
        for k in 0..<word.count {
            let p = i + k
            guard p < end else {
                throw fail("unexpected end of input in literal '\(name)'", at: p)
            }
            guard bytes[p] == word[k] else {
                // Name the whole misspelt word ("expected a value, found 'truth'").
                throw valueStartError(at: i)
            }
        }
        i += word.count
    }

    // MARK: - Numbers

    @inline(__always)
    private func isDigit(_ p: Int) -> Bool {
        p < end && bytes[p] &- UInt8(ascii: "0") < 10
    }

    /// Reads a number per RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber() throws(JSONParseError) -> JSONNumber {
        let start = i
        var p = i
        if bytes[p] == UInt8(ascii: "-") { p += 1 }
        if p < end && bytes[p] == UInt8(ascii: "0") {
            p += 1
            if isDigit(p) { throw fail("numbers cannot have leading zeros", at: p) }
        } else if isDigit(p) {
            p += 1
            while isDigit(p) { p += 1 }
        } else {
            throw expected("a digit after '-'", at: p)
        }
        if p < end && bytes[p] == UInt8(ascii: ".") {
            p += 1
            guard isDigit(p) else { throw expected("a digit after the decimal point", at: p) }
            while isDigit(p) { p += 1 }
        }
        if p < end && (bytes[p] | 0x20) == UInt8(ascii: "e") {
            p += 1
            if p < end && (bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-")) { p += 1 }
            guard isDigit(p) else { throw expected("a digit in the exponent", at: p) }
            while isDigit(p) { p += 1 }
        }
        i = p
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
        return JSONNumber(uncheckedLiteral: literal)
    }
}
