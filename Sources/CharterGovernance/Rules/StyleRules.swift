import CharterCore

/// `type-documented`: named types say what they are.
struct TypeDocumentedRule: LintRule {
    let id = "type-documented"
    let summary = "Every $defs type has a title and a description."
    let rationale = "The description becomes the generated type's doc comment and the contract's documentation; architects read it in the compatibility report. An undocumented type is guessed at by every consumer."
    let category = LintCategory.style
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Item": {"type": "object", "properties": {"sku": {"type": "string"}}, "examples": [{"sku": "A1"}]}"#)
    let passingExample = ExampleContract.make(defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (name, id) in context.declaredTypes {
            var missing: [String] = []
            if context.graph.schemas[id.rawValue].title.nonBlank == nil { missing.append("title") }
            if context.graph.schemas[id.rawValue].description.nonBlank == nil { missing.append("description") }
            if !missing.isEmpty, !context.graph.schemas[id.rawValue].isPureReference {
                context.report("type \(name) has no \(missing.joined(separator: " or "))", schema: id)
            }
        }
    }
}

/// `type-examples`: named types show a valid value.
struct TypeExamplesRule: LintRule {
    let id = "type-examples"
    let summary = "Every $defs object, enum and union type has at least one example."
    let rationale = "Examples are the cheapest documentation and the best test data: Charter's tests decode every example through the generated code, and consumers copy them into their own tests."
    let category = LintCategory.style
    let defaultSeverity = Severity.warning
    let isRecommended = false
    let failingExample = ExampleContract.make(defs: #""Item": {"title": "Item", "description": "An item.", "type": "object", "properties": {"sku": {"type": "string"}}}"#)
    let passingExample = ExampleContract.make(defs: ExampleContract.item)

    func check(_ context: LintContext) {
        for (name, id) in context.declaredTypes where context.graph.schemas[id.rawValue].examples.isEmpty {
            let schema = context.graph[id]  // rare: only types without examples
            guard !schema.isPureReference else { continue }
            let shaped = schema.types?.contains(.object) == true || schema.enumValues != nil || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || !schema.properties.isEmpty
            if shaped { context.report("type \(name) has no examples", schema: id, hint: #"add "examples": [ … ]"#) }
        }
    }
}

/// `type-name-case`: type names are UpperCamel.
struct TypeNameCaseRule: LintRule {
    let id = "type-name-case"
    let summary = "$defs names are UpperCamelCase (letters and digits, starting with an upper-case letter)."
    let rationale = "Type names become Swift type names and appear in every report. One convention across the estate keeps generated APIs predictable and spares Charter from renaming (and users from guessing the renamed type)."
    let category = LintCategory.style
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""stock_level": {"title": "Stock level", "description": "Stock.", "type": "object", "properties": {"sku": {"type": "string"}}, "examples": [{"sku": "A1"}]}"#)
    let passingExample = ExampleContract.make(defs: #""StockLevel": {"title": "Stock level", "description": "Stock.", "type": "object", "properties": {"sku": {"type": "string"}}, "examples": [{"sku": "A1"}]}"#)

    func check(_ context: LintContext) {
        for (name, id) in context.declaredTypes where !NameCase.isUpperCamel(name) {
            context.report("type name \(name) is not UpperCamelCase", schema: id, hint: "rename it \(NameCase.upperCamel(name))")
        }
    }
}

/// `property-name-case`: property names are lowerCamel.
struct PropertyNameCaseRule: LintRule {
    let id = "property-name-case"
    let summary = "Property names are lowerCamelCase."
    let rationale = "Wire names that follow one convention map to Swift properties without explicit coding keys, and read the same in every channel's payload. Mixed snake_case and camelCase is how `order_id` and `orderId` end up side by side."
    let category = LintCategory.style
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Item": {"title": "Item", "description": "An item.", "type": "object", "properties": {"item_sku": {"type": "string"}}, "examples": [{"item_sku": "A1"}]}"#)
    let passingExample = ExampleContract.make(defs: #""Item": {"title": "Item", "description": "An item.", "type": "object", "properties": {"itemSku": {"type": "string"}}, "examples": [{"itemSku": "A1"}]}"#)

    func check(_ context: LintContext) {
        for id in context.schemaObjects {
            for property in context.graph.schemas[id.rawValue].properties where !NameCase.isLowerCamel(property.name) {
                let document = context.graph.documents[context.graph.schemas[id.rawValue].document.rawValue]
                let pointer = context.graph.schemas[id.rawValue].location.pointer.appending("properties").appending(property.name)
                context.report("property name \(property.name) is not lowerCamelCase", in: document, at: pointer, position: property.keyPosition,
                               hint: "rename it \(NameCase.lowerCamel(property.name))")
            }
        }
    }
}

/// Case conventions of names.
enum NameCase {
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) || isDigit(byte) }
    private static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// `StockLevel`, `V2Item`.
    static func isUpperCamel(_ name: String) -> Bool {
        guard let first = name.utf8.first, isUpper(first) else { return false }
        return name.utf8.allSatisfy(isLetterOrDigit)
    }

    /// `onHand`, `sku`, `line2`.
    static func isLowerCamel(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLower(first) else { return false }
        return name.utf8.allSatisfy(isLetterOrDigit)
    }

    /// The words of a name split at `_`, `-`, `.`, spaces, lower-to-upper changes, between letters and digits
    /// (`unitPrice2` → unit, Price, 2; `sha256sum` → sha, 256, sum), and before the last capital of an acronym that a
    /// word follows (`orderVATAmount` → order, VAT, Amount; a plural `s` stays on the acronym: `totalSKUs` → total,
    /// SKUs). ASCII case rules; other characters stay inside their word.
    static func words(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        return wordRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// ``words(_:)`` as ranges of the name's UTF-8 bytes.
    static func wordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = 0
        var previousLower = false
        for index in bytes.indices {
            let byte = bytes[index]
            if isSeparator(byte) {
                if start < index { words.append(start..<index) }
                start = index + 1
                previousLower = false
                continue
            }
            if isUpper(byte), start < index,
                previousLower || (isUpper(bytes[index - 1]) && startsLowerWord(bytes, at: index + 1))
            {
                words.append(start..<index)
                start = index
            } else if start < index, isDigit(byte) != isDigit(bytes[index - 1]) {
                // Digits are a word of their own: `amount1`, `tier2price`.
                words.append(start..<index)
                start = index
            }
            previousLower = isLower(byte) || isDigit(byte)
        }
        if start < bytes.count { words.append(start..<bytes.count) }
        return words
    }

    /// Whether a lowercase word starts at `index` that is more than a plural `s`.
    private static func startsLowerWord(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count, isLower(bytes[index]) else { return false }
        if bytes[index] == UInt8(ascii: "s") { return index + 1 < bytes.count && isLower(bytes[index + 1]) }
        return true
    }

    /// `stock_level` → `StockLevel`.
    static func upperCamel(_ name: String) -> String {
        // ASCII names (nearly all) are converted byte by byte: the first letter of every word uppercased, the
        // separators dropped (a lower-to-upper change starts a word whose first letter is already uppercase).
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(name.utf8.count)
            var startsWord = true
            for byte in name.utf8 {
                if isSeparator(byte) {
                    startsWord = true
                    continue
                }
                out.append(startsWord && isLower(byte) ? byte - 0x20 : byte)
                startsWord = false
            }
            return String(decoding: out, as: UTF8.self)
        }
        // As above: the first letter after each separator uppercased (not after a digit: `ü2nd` stays `Ü2nd`).
        return name.split(whereSeparator: { $0.isASCII && isSeparator($0.asciiValue!) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".")
    }

    /// `item_sku` → `itemSku`.
    static func lowerCamel(_ name: String) -> String {
        let upper = upperCamel(name)
        var bytes = Array(upper.utf8)
        // An ASCII first letter followed by ASCII (or nothing) is one Character: lowercase it by byte.
        if let first = bytes.first, first < 0x80, bytes.count == 1 || bytes[1] < 0x80 {
            if isUpper(first) { bytes[0] = first + 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return upper.prefix(1).lowercased() + upper.dropFirst()
    }
}
