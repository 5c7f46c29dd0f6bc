import CharterCore

extension LintContext {
    /// Whether `name` contains one of `words` as whole words (camelCase, snake_case or kebab-case boundaries,
    /// ignoring case, a plural `s`/`es` allowed): `unitPrice` and `prices` contain "price", `feedbackScore` does
    /// not contain "fee", and `onHandQuantity` contains "onHand".
    static func name(_ name: String, containsAnyOf words: [String]) -> Bool {
        let parts = NameCase.words(name).map { $0.lowercased() }
        return words.contains { word in
            let needle = NameCase.words(word).map { $0.lowercased() }
            guard !needle.isEmpty, needle.count <= parts.count else { return false }
            return (0...(parts.count - needle.count)).contains { start in
                zip(parts[start..<(start + needle.count)], needle).enumerated().allSatisfy { offset, pair in
                    let (part, wanted) = pair
                    // Only the last word of the phrase may be plural.
                    return part == wanted || (offset == needle.count - 1 && (part == wanted + "s" || part == wanted + "es"))
                }
            }
        }
    }
}

/// `money-not-float`: amounts are exact decimals.
struct MoneyNotFloatRule: LintRule {
    let id = "money-not-float"
    let summary = "Money (amount, price, cost, total, tax, …) is never a binary float: use a decimal string (format: decimal)."
    let rationale = "`0.1 + 0.2` is not `0.3` in binary floating point. Prices, refunds and ledger postings sent as JSON numbers are rounded by every parser on the way, and finance reconciles the difference by hand. Carry money as a string with `format: decimal` (Charter generates `Decimal`) beside an ISO 4217 currency."
    let category = LintCategory.data
    let defaultSeverity = Severity.error
    static let moneyNames = LintParameter("moneyNames", default: #"["amount", "price", "cost", "total", "tax", "fee", "balance", "refund", "discount", "money"]"#,
                                          "Words that mark a property or type as money (whole words of the name, ignoring case, plural allowed).")
    let parameters = [Self.moneyNames]
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"unitPrice": {"type": "string", "format": "decimal"}}, "examples": [{"unitPrice": "9.99"}]}"#)

    func check(_ context: LintContext) {
        let words = context.strings(Self.moneyNames)
        for (name, id) in context.namedSchemas
        where context.graph.schemas[id.rawValue].types?.contains(.number) == true && context.graph.schemas[id.rawValue].format != "decimal"
            && LintContext.name(name, containsAnyOf: words)
        {
            context.report("\(name) is a binary floating-point number; money must be exact", schema: id,
                           hint: #"use {"type": "string", "format": "decimal"} with a currency"#)
        }
    }
}

/// `quantity-non-negative`: stock and counts cannot go below zero.
struct QuantityNonNegativeRule: LintRule {
    let id = "quantity-non-negative"
    let summary = "Quantities and counts declare a lower bound (minimum: 0 or above)."
    let rationale = "A negative on-hand or reserved quantity is how overselling enters the estate: one system subtracts twice and the next believes it. Declaring `minimum` makes every generated model reject it at the boundary. Deltas that may be negative belong in a property named for it (`adjustment`, `delta`)."
    let category = LintCategory.data
    let defaultSeverity = Severity.warning
    static let quantityNames = LintParameter("quantityNames", default: #"["quantity", "qty", "count", "onHand", "reserved", "sellable", "inTransit"]"#,
                                             "Words that mark a numeric property as a quantity (whole words of the name, ignoring case, plural allowed).")
    static let signedNames = LintParameter("signedNames", default: #"["delta", "adjustment", "change", "variance"]"#,
                                           "Words that mark a quantity as a signed difference, which may be negative.")
    let parameters = [Self.quantityNames, Self.signedNames]
    let failingExample = ExampleContract.make(defs: #""Stock": {"title": "Stock", "description": "Stock of one SKU.", "type": "object", "properties": {"onHandQuantity": {"type": "integer"}}, "examples": [{"onHandQuantity": 4}]}"#)
    let passingExample = ExampleContract.make(defs: #""Stock": {"title": "Stock", "description": "Stock of one SKU.", "type": "object", "properties": {"onHandQuantity": {"type": "integer", "minimum": 0}}, "examples": [{"onHandQuantity": 4}]}"#)

    func check(_ context: LintContext) {
        let words = context.strings(Self.quantityNames)
        let signed = context.strings(Self.signedNames)
        for (name, id) in context.namedSchemas {
            let types = context.graph.schemas[id.rawValue].types ?? []
            guard types.contains(.integer) || types.contains(.number), LintContext.name(name, containsAnyOf: words),
                !LintContext.name(name, containsAnyOf: signed)
            else { continue }
            let minimum = context.graph.schemas[id.rawValue].minimum
            let exclusiveMinimum = context.graph.schemas[id.rawValue].exclusiveMinimum
            if !((minimum.map { $0.doubleValue >= 0 } ?? false) || (exclusiveMinimum.map { $0.doubleValue >= -1 } ?? false)) {
                context.report("quantity \(name) may be negative", schema: id, hint: #"add "minimum": 0"#)
            }
        }
    }
}

/// `timestamp-with-zone`: instants carry their offset.
struct TimestampWithZoneRule: LintRule {
    let id = "timestamp-with-zone"
    let summary = "Timestamps (names ending in At or Timestamp) are format: date-time, which requires a UTC offset."
    let rationale = "A local time without a zone is read differently by a store in Lisbon and a warehouse in Warsaw; reservations expire early or late and events sort wrongly. RFC 3339 `date-time` requires the offset, and Charter decodes it to `Date`."
    let category = LintCategory.data
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "properties": {"expiresAt": {"type": "string"}}, "examples": [{"expiresAt": "2026-05-01T10:00:00"}]}"#)
    let passingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "properties": {"expiresAt": {"type": "string", "format": "date-time"}}, "examples": [{"expiresAt": "2026-05-01T10:00:00Z"}]}"#)

    /// Whether a property name reads as an instant: `createdAt`, `created_at`, `eventTimestamp`. Names ending in
    /// `Time` are often a time of day or a duration (`openingTime`, `leadTime`), which carry no zone by nature.
    static func isTimestampName(_ name: String) -> Bool {
        name.hasSuffix("At") || name.hasSuffix("_at") || name.lowercased().hasSuffix("timestamp")
    }

    func check(_ context: LintContext) {
        for id in context.schemaObjects {
            for property in context.graph.schemas[id.rawValue].properties where Self.isTimestampName(property.name) {
                // Only a plain string: another format (date, duration, a custom one) was chosen on purpose.
                guard context.graph.schemas[property.schema.rawValue].types?.contains(.string) == true,
                    context.graph.schemas[property.schema.rawValue].format == nil
                else { continue }
                context.report("timestamp \(property.name) is a plain string, without a required UTC offset",
                               schema: property.schema, hint: #"use "format": "date-time" (RFC 3339, e.g. 2026-05-01T10:00:00Z)"#)
            }
        }
    }
}
