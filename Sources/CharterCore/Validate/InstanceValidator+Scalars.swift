/// The keywords about a value itself (`type`, `enum`, `const`) and those of numbers and strings.
extension ValidationRun {
    func checkValue(_ schema: Schema, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        if let types = schema.types, !types.contains(where: { Self.has(node, type: $0) }) {
            let expected = types.map(\.rawValue).joined(separator: " or ")
            outcome.problems.append(problem("type", schema.id, node, pointer, "expected \(expected.isEmpty ? "no type" : expected), found \(Self.kind(node))"))
        }
        if let values = schema.enumValues, !values.contains(node) {
            let listed = values.prefix(6).map { Self.describe($0) }.joined(separator: ", ") + (values.count > 6 ? ", …" : "")
            outcome.problems.append(problem("enum", schema.id, node, pointer, "\(Self.describe(node)) is not one of \(listed)"))
        }
        if schema.hasRareKeywords, let constant = schema.constValue, constant != node {
            outcome.problems.append(problem("const", schema.id, node, pointer, "\(Self.describe(node)) is not the constant \(Self.describe(constant))"))
        }
    }

    /// Whether `node` is of the JSON Schema type `type`: an integer is a number with no fractional part (`1.0`, `1e2`).
    static func has(_ node: JSONNode, type: JSONType) -> Bool {
        switch (type, node.value) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number), (.string, .string): true
        case (.integer, .number(let number)): number.isInteger
        default: false
        }
    }

    func checkNumber(_ schema: Schema, _ number: JSONNumber, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        checkBounds(schema, number, node, pointer, into: &outcome)
        if let format = schema.format, let issue = InstanceFormat.problem(number: number, format: format) {
            outcome.problems.append(problem("format", schema.id, node, pointer, issue))
        }
    }

    /// The numeric bounds and `multipleOf`, exactly on the digits. `shown` is how the value is named (a decimal
    /// string's quotes kept).
    func checkBounds(_ schema: Schema, _ number: JSONNumber, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        let shown = Self.describe(node)
        if let minimum = schema.minimum, JSONNumber.compare(number, minimum) < 0 {
            outcome.problems.append(problem("minimum", schema.id, node, pointer, "\(shown) is less than the minimum \(minimum)"))
        }
        if let maximum = schema.maximum, JSONNumber.compare(number, maximum) > 0 {
            outcome.problems.append(problem("maximum", schema.id, node, pointer, "\(shown) is greater than the maximum \(maximum)"))
        }
        guard schema.hasRareKeywords else { return }
        if let bound = schema.exclusiveMinimum, JSONNumber.compare(number, bound) <= 0 {
            outcome.problems.append(problem("exclusiveMinimum", schema.id, node, pointer, "\(shown) is not greater than \(bound)"))
        }
        if let bound = schema.exclusiveMaximum, JSONNumber.compare(number, bound) >= 0 {
            outcome.problems.append(problem("exclusiveMaximum", schema.id, node, pointer, "\(shown) is not less than \(bound)"))
        }
        if let divisor = schema.multipleOf, number.isMultiple(of: divisor) == false {
            outcome.problems.append(problem("multipleOf", schema.id, node, pointer, "\(shown) is not a multiple of \(divisor)"))
        }
    }

    func checkString(_ schema: Schema, _ text: String, _ node: JSONNode, _ pointer: JSONPointer, into outcome: inout Outcome) {
        if schema.minLength != nil || schema.maxLength != nil {
            let length = text.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                outcome.problems.append(problem("minLength", schema.id, node, pointer, "\(Self.describe(node)) has \(Self.count(length, "character")), fewer than \(minimum)"))
            }
            if let maximum = schema.maxLength, length > maximum {
                outcome.problems.append(problem("maxLength", schema.id, node, pointer, "\(Self.describe(node)) has \(Self.count(length, "character")), more than \(maximum)"))
            }
        }
        // A pattern generated validation cannot compile is `pattern-compiles`' finding, not the value's.
        if let pattern = schema.pattern, PatternSyntax.matches(text, pattern: pattern) == false {
            outcome.problems.append(problem("pattern", schema.id, node, pointer, "\(Self.describe(node)) does not match \(pattern)"))
        }
        guard let format = schema.format else { return }
        if let issue = InstanceFormat.problem(string: text, format: format) {
            outcome.problems.append(problem("format", schema.id, node, pointer, issue))
        } else if format == "decimal", let number = JSONNumber(literal: text) {
            // Charter checks a decimal string's bounds on its value, as generated code does.
            checkBounds(schema, number, node, pointer, into: &outcome)
        }
    }

    /// A short rendering of a value for messages: scalars as JSON (long strings cut), containers by kind.
    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal.count > 40 ? String(number.literal.prefix(40)) + "…" : number.literal
        case .string(let text): InstanceFormat.quoted(text)
        case .array(let elements): "an array of \(count(elements.count, "element"))"
        case .object(let object): "an object of \(count(object.count, "member"))"
        }
    }

    /// A value with its kind, for a `type` message: `number 19.99`, `string "19.99"`, `boolean true`, `null`, `an array of 2 elements`.
    static func kind(_ node: JSONNode) -> String {
        switch node.value {
        case .number, .string, .bool: "\(node.value.typeName) \(describe(node))"
        case .null, .array, .object: describe(node)
        }
    }

    /// `1 element`, `3 elements`.
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
