// libFuzzer target `json-reader`: JSONReader.parse on the raw bytes, plus properties of what it
// accepts. Built by scripts/fuzz with all of Sources/CharterCore; see docs/fuzzing.md.
//
// Properties checked (a violation traps, which libFuzzer reports as a crash):
//  1. The three entry points agree: parse([UInt8]), parse(Data) and, for valid UTF-8,
//     parse(String) give the same result (same tree, or the same error at the same position).
//  2. An error's position is well formed and inside the input (offset <= size).
//  3. Every accepted document round-trips through JSONWriter in all four styles (compact/pretty x
//     source order/sorted keys): write -> parse succeeds, gives an equal node with an equal hash,
//     and writing that again gives the same bytes (the writer's output is a fixed point).
//  4. Every node's position is where the node starts: the offset holds the value's first byte
//     (`"`, `[`, `{`, `t`, `f`, `n`, `-` or a digit) and line:column agree with the offset
//     (lines end at LF, CR or CRLF; columns count scalars; a leading BOM is not a column).
//  5. Every node is reachable by its JSON pointer, and the pointer survives its string and URI
//     fragment forms (both are used by $ref resolution). Up to depth 64, to stay linear-ish.
//  6. Number views (canonical, Int, Double, Decimal) never crash, and equal numbers (the reparsed
//     literal) have equal canonical forms.
// Options: the default reader, and a second pass allowing duplicate keys (only properties 1-4:
// with duplicates a pointer names the last occurrence, by design).

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkReader(bytes, options: JSONReaderOptions(), pointers: true)
    checkReader(bytes, options: JSONReaderOptions(maxDepth: 64, allowDuplicateKeys: true), pointers: false)
    return 0
}

private func parseResult(_ body: () throws(JSONParseError) -> JSONNode) -> Result<JSONNode, JSONParseError> {
    do throws(JSONParseError) { return .success(try body()) } catch { return .failure(error) }
}

private func same(_ a: Result<JSONNode, JSONParseError>, _ b: Result<JSONNode, JSONParseError>) -> Bool {
    switch (a, b) {
    case let (.success(x), .success(y)): return x == y && x.position == y.position
    case let (.failure(x), .failure(y)): return x == y
    default: return false
    }
}

private func checkReader(_ bytes: [UInt8], options: JSONReaderOptions, pointers: Bool) {
    let fromBytes = parseResult { () throws(JSONParseError) in try JSONReader.parse(bytes, options: options) }
    let fromData = parseResult { () throws(JSONParseError) in try JSONReader.parse(Data(bytes), options: options) }
    if !same(fromBytes, fromData) { fuzzFail("parse([UInt8]) \(fromBytes) != parse(Data) \(fromData)") }
    if let string = String(validating: bytes, as: UTF8.self) {
        let fromString = parseResult { () throws(JSONParseError) in try JSONReader.parse(string, options: options) }
        if !same(fromBytes, fromString) { fuzzFail("parse([UInt8]) \(fromBytes) != parse(String) \(fromString)") }
    }

    let node: JSONNode
    switch fromBytes {
    case .failure(let error):
        let p = error.position
        if p.line < 1 || p.column < 1 || p.offset < 0 || p.offset > bytes.count {
            fuzzFail("error position \(p) offset \(p.offset) outside input of \(bytes.count) bytes: \(error)")
        }
        _ = error.description
        return
    case .success(let n):
        node = n
    }

    // 3. Writer round trip.
    for pretty in [false, true] {
        for sortKeys in [false, true] {
            let text = JSONWriter.write(node, pretty: pretty, sortKeys: sortKeys)
            let reparsed: JSONNode
            do throws(JSONParseError) {
                reparsed = try JSONReader.parse(Array(text.utf8), options: options)
            } catch {
                fuzzFail("writer output (pretty \(pretty), sorted \(sortKeys)) does not re-parse: \(error)\n\(text.debugDescription)")
            }
            if reparsed != node { fuzzFail("re-parsed writer output (pretty \(pretty), sorted \(sortKeys)) differs: \(text.debugDescription)") }
            if reparsed.hashValue != node.hashValue { fuzzFail("equal nodes hash differently: \(text.debugDescription)") }
            let again = JSONWriter.write(reparsed, pretty: pretty, sortKeys: sortKeys)
            if again != text { fuzzFail("writer is not a fixed point (pretty \(pretty), sorted \(sortKeys)):\n\(text.debugDescription)\n\(again.debugDescription)") }
        }
    }

    // 4-6. Walk the tree.
    var positioned: [JSONNode] = []
    var stack: [(JSONNode, JSONPointer)] = [(node, .root)]
    while let (current, pointer) = stack.popLast() {
        positioned.append(current)
        // (Pointers deeper than 64 tokens are not checked: the check is quadratic in depth.)
        if pointers, pointer.tokens.count <= 64 { checkPointer(pointer, root: node, expected: current) }
        switch current.value {
        case .array(let elements):
            for (i, element) in elements.enumerated() { stack.append((element, pointer.appending(index: i))) }
        case .object(let object):
            for member in object.members { stack.append((member.value, pointer.appending(member.key))) }
        case .number(let number):
            checkNumber(number)
        default:
            break
        }
    }
    checkPositions(positioned, bytes: bytes)
}

/// Checks every node's position against line:column computed independently of the reader, in one
/// sweep over the input (nodes sorted by offset), so the check stays linear.
private func checkPositions(_ nodes: [JSONNode], bytes: [UInt8]) {
    let sorted = nodes.sorted { $0.position.offset < $1.position.offset }
    var line = 1, column = 1
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for node in sorted {
        let p = node.position
        guard p.offset >= i, p.offset < bytes.count else {
            fuzzFail("node position offset \(p.offset) outside the input (\(bytes.count) bytes), inside the BOM or shared by two nodes")
        }
        while i < p.offset {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        let first = bytes[p.offset]
        let ok: Bool
        switch node.value {
        case .null: ok = first == UInt8(ascii: "n")
        case .bool(let b): ok = first == UInt8(ascii: b ? "t" : "f")
        case .number: ok = first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39)
        case .string: ok = first == UInt8(ascii: "\"")
        case .array: ok = first == UInt8(ascii: "[")
        case .object: ok = first == UInt8(ascii: "{")
        }
        if !ok { fuzzFail("node at offset \(p.offset) starts with byte \(first), not its value's first character") }
        if line != p.line || column != p.column {
            fuzzFail("node at offset \(p.offset) reported at \(p.line):\(p.column), expected \(line):\(column)")
        }
    }
}

private func checkPointer(_ pointer: JSONPointer, root: JSONNode, expected: JSONNode) {
    guard let found = root.node(at: pointer) else { fuzzFail("pointer \(pointer) does not resolve") }
    if found != expected || found.position != expected.position { fuzzFail("pointer \(pointer) resolves to another node") }
    do throws(JSONPointerError) {
        let parsed = try JSONPointer(parsing: pointer.description)
        if parsed != pointer { fuzzFail("pointer \(pointer.tokens) -> \(pointer.description.debugDescription) -> \(parsed.tokens)") }
        let fromFragment = try JSONPointer(fragment: pointer.uriFragment)
        if fromFragment != pointer { fuzzFail("pointer \(pointer.tokens) -> fragment \(pointer.uriFragment.debugDescription) -> \(fromFragment.tokens)") }
    } catch {
        fuzzFail("pointer \(pointer.tokens) does not survive its text forms: \(error)")
    }
}

private func checkNumber(_ number: JSONNumber) {
    let canonical = number.canonical
    _ = number.intValue
    _ = number.doubleValue
    _ = number.decimalValue
    _ = number.isInteger
    guard let copy = JSONNumber(literal: number.literal) else { fuzzFail("accepted literal \(number.literal) is not a valid JSONNumber literal") }
    if copy.canonical != canonical || copy != number { fuzzFail("canonical form of \(number.literal) is not stable") }
    if let i = number.intValue, JSONNumber(i) != number { fuzzFail("intValue \(i) of \(number.literal) is not equal to it") }
}
