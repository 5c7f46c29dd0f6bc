import CharterCore

extension LintContext {
    /// Whether `name` contains one of `words` as whole words (camelCase, snake_case, kebab-case and letter–digit
    /// boundaries, ignoring case, a plural `s`/`es`/`ies` allowed): `unitPrice`, `prices` and `price2` contain "price",
    /// `feedbackScore` does not contain "fee", and `onHandQuantity` contains "onHand".
    static func name(_ name: String, containsAnyOf words: [String]) -> Bool {
        nameMatcher(words)(name)
    }

    /// ``name(_:containsAnyOf:)`` for one list of words, split once: a rule asks it of every name in the estate.
    /// ASCII names (nearly all) are compared byte by byte, without making a string per word.
    static func nameMatcher(_ words: [String]) -> (String) -> Bool {
        let needles = words.map { NameCase.words($0).map { $0.lowercased() } }.filter { !$0.isEmpty }
        let byteNeedles = needles.allSatisfy { $0.allSatisfy(isASCII) } ? needles.map { $0.map { Array($0.utf8) } } : nil
        // What each phrase's first word leaves in any spelling of it (a trailing y may be -ies): a name holding none
        // of these, ignoring case, matches nothing, and most names hold none.
        let stems = byteNeedles?.map { needle in needle[0].last == UInt8(ascii: "y") && needle[0].count > 1 ? Array(needle[0].dropLast()) : needle[0] }
        return { name in
            if let byteNeedles, let stems, isASCII(name) {
                let mayMatch = name.utf8.withContiguousStorageIfAvailable { bytes in stems.contains { containsIgnoringCase(bytes, $0) } } ?? true
                guard mayMatch else { return false }
                var bytes = Array(name.utf8)
                let parts = NameCase.wordRanges(bytes)
                for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
                return contains(byteNeedles, in: parts.count) { part, wanted, last in
                    let range = parts[part]
                    return bytes[range].elementsEqual(wanted) || (last && isPlural(bytes[range], of: wanted))
                }
            }
            let parts = NameCase.words(name).map { $0.lowercased() }
            return contains(needles, in: parts.count) { part, wanted, last in
                parts[part] == wanted || (last && isPlural(parts[part], of: wanted))
            }
        }
    }

    /// Whether `bytes` (ASCII) contain `stem` (lowercase ASCII) ignoring case.
    private static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ stem: [UInt8]) -> Bool {
        guard stem.count <= bytes.count else { return false }
        for start in 0...(bytes.count - stem.count) {
            var offset = 0
            while offset < stem.count {
                let byte = bytes[start + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != stem[offset] { break }
                offset += 1
            }
            if offset == stem.count { return true }
        }
        return false
    }

    /// Whether one of `needles` (phrases of words) occurs as consecutive words among `count` parts, `matches`
    /// comparing part `index` with a word (and whether it is the phrase's last word, which may be plural).
    private static func contains<Word>(_ needles: [[Word]], in count: Int, _ matches: (Int, Word, Bool) -> Bool) -> Bool {
        for needle in needles where needle.count <= count {
            for start in 0...(count - needle.count) {
                var found = true
                for offset in 0..<needle.count where !matches(start + offset, needle[offset], offset == needle.count - 1) {
                    found = false
                    break
                }
                if found { return true }
            }
        }
        return false
    }

    /// Whether the head of a name — its last word, or the last before `per` (`pricePerKg` is a price, `totalWeightKg`
    /// a weight in kilograms) — ends one of `words`' phrases (ignoring case, plural allowed): `taxRate` and
    /// `discountPercent` end in a measure, `volumeDiscount` and `flatRateFee` do not.
    ///
    /// ASCII names and words (nearly all) are compared as lowercase bytes, without a string per word and needle (the
    /// matcher runs for every money-named value of an estate); others as strings, as ``nameMatcher(_:)`` does.
    static func headMatcher(_ words: [String]) -> (String) -> Bool {
        let needles = words.map { NameCase.words($0).map { $0.lowercased() } }.filter { !$0.isEmpty }
        let byteNeedles = needles.allSatisfy { $0.allSatisfy(isASCII) } ? needles.map { $0.map { Array($0.utf8) } } : nil
        return { name in
            if let byteNeedles, isASCII(name) {
                let parts = NameCase.words(name).map { Array($0.lowercased().utf8) }
                return head(of: parts, per: Array("per".utf8), endsWithOneOf: byteNeedles) { isPlural($0[...], of: $1) }
            }
            return head(of: NameCase.words(name).map { $0.lowercased() }, per: "per", endsWithOneOf: needles, isPlural)
        }
    }

    /// Whether `parts` (up to the first `per` that is not the first part) end with one of `needles`, whose last word
    /// may be plural.
    private static func head<Word: Equatable>(
        of parts: [Word], per: Word, endsWithOneOf needles: [[Word]], _ isPlural: (Word, Word) -> Bool
    ) -> Bool {
        let end = parts.firstIndex(of: per).map { $0 > 0 ? $0 : parts.count } ?? parts.count
        return needles.contains { needle in
            guard needle.count <= end else { return false }
            let first = end - needle.count
            for (offset, word) in needle.enumerated() {
                let part = parts[first + offset]
                guard part == word || (offset == needle.count - 1 && isPlural(part, word)) else { return false }
            }
            return true
        }
    }

    /// Whether every byte of `text` is ASCII.
    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// The wrapper property names a data rule judges (`wrapperValueNames`), leaving out those `judged` by name on
    /// their own: a money-named wrapper's `amount` is reported as itself, not a second time as the wrapper's value.
    func wrappedValue(_ parameter: LintParameter, except judged: @escaping (String) -> Bool) -> (String) -> Bool {
        let names = Set(strings(parameter))
        return { names.contains($0) && !judged($0) }
    }

    /// Whether `part` is `word` in the plural: `prices`, `taxes`, `quantities`.
    private static func isPlural(_ part: String, of word: String) -> Bool {
        part == word + "s" || part == word + "es" || (word.hasSuffix("y") && part == word.dropLast() + "ies")
    }

    /// ``isPlural(_:of:)`` on lowercase ASCII bytes.
    private static func isPlural(_ part: ArraySlice<UInt8>, of word: [UInt8]) -> Bool {
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), y = UInt8(ascii: "y")
        let start = part.startIndex
        if part.count == word.count + 1 { return part.last == s && part.prefix(word.count).elementsEqual(word) }
        guard part.count == word.count + 2, part.last == s, part[part.endIndex - 2] == e else { return false }
        if part.prefix(word.count).elementsEqual(word) { return true }  // -es
        // -ies for a word ending in y.
        return word.last == y && part[start + word.count - 1] == i && part.prefix(word.count - 1).elementsEqual(word.dropLast())
    }
}

/// `money-not-float`: amounts are exact decimals.
struct MoneyNotFloatRule: LintRule {
    let id = "money-not-float"
    let summary = "Money (amount, price, cost, total, tax, …) is never a binary float: use a decimal string (format: decimal)."
    let rationale = "`0.1 + 0.2` is not `0.3` in binary floating point. Prices, refunds and ledger postings sent as JSON numbers are rounded by every parser on the way, and finance reconciles the difference by hand. Carry money as a string with `format: decimal` (Charter generates `Decimal`) beside an ISO 4217 currency."
    let category = LintCategory.data
    let defaultSeverity = Severity.error
    static let moneyNames = LintParameter("moneyNames", default: #"["amount", "price", "cost", "total", "subtotal", "tax", "fee", "surcharge", "balance", "refund", "discount", "payout", "msrp", "rrp", "money"]"#,
                                          "Words that mark a property or type as money (whole words of the name, ignoring case, plural allowed; digits end a word, so `amount1` holds \"amount\").")
    static let measureNames = LintParameter("measureNames", default: #"["rate", "ratio", "percent", "percentage", "pct", "bps", "factor", "multiplier", "elasticity", "score", "weight", "volume", "distance", "length", "width", "height", "depth", "kg", "lb", "oz", "km", "cm", "mm", "mi", "ml"]"#,
                                            "Words that mark a number as a measure rather than an amount (a rate, a share, a weight or length, a unit) when the name ends in one: `taxRate`, `discountPercent` and `totalWeightKg` are not money. Only the head of the name counts — its last word, or the last before `per` — so `pricePerKg`, `volumeDiscount` and `flatRateFee` are.")
    static let wrapperValueNames = LintParameter("wrapperValueNames", default: #"["value", "amount"]"#,
                                                 "Property names that hold the value of a wrapper object (`{\"value\": …, \"currency\": …}`): in an object named as money (a `Price` type, a `unitPrice` property), such a property is judged as the money.")
    let parameters = [Self.moneyNames, Self.measureNames, Self.wrapperValueNames]
    let failingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"unitPrice": {"type": "number"}}, "examples": [{"unitPrice": 9.99}]}"#)
    let passingExample = ExampleContract.make(defs: #""Line": {"title": "Line", "description": "An order line.", "type": "object", "properties": {"unitPrice": {"type": "string", "format": "decimal"}}, "examples": [{"unitPrice": "9.99"}]}"#)

    func check(_ context: LintContext) {
        let isMoney = LintContext.nameMatcher(context.strings(Self.moneyNames))
        let isMeasure = LintContext.headMatcher(context.strings(Self.measureNames))
        let judged = { (name: String) in isMoney(name) && !isMeasure(name) }
        let wrapped = context.wrappedValue(Self.wrapperValueNames, except: judged)
        for (name, id) in context.namedValues where judged(name) {
            let sites = context.valueSites(id, wrapped: wrapped, skip: { context.isReferenceToJudgedType($0, judgedByName: judged) })
            for site in context.anchors(of: sites, where: { context.alternatives($0.schema).contains(where: { $0.mayBeFloat && $0.format != "decimal" }) }) {
                context.report("\(site.shown(name)) is a binary floating-point number; money must be exact", schema: site.anchor,
                               hint: #"use {"type": "string", "format": "decimal"} with a currency"#)
            }
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
    static let wrapperValueNames = LintParameter("wrapperValueNames", default: #"["value", "amount"]"#,
                                                 "Property names that hold the value of a wrapper object (`{\"value\": …, \"unit\": …}`): in an object named as a quantity (a `Quantity` type, an `onHand` property), such a property is judged as the quantity.")
    let parameters = [Self.quantityNames, Self.signedNames, Self.wrapperValueNames]
    let failingExample = ExampleContract.make(defs: #""Stock": {"title": "Stock", "description": "Stock of one SKU.", "type": "object", "properties": {"onHandQuantity": {"type": "integer"}}, "examples": [{"onHandQuantity": 4}]}"#)
    let passingExample = ExampleContract.make(defs: #""Stock": {"title": "Stock", "description": "Stock of one SKU.", "type": "object", "properties": {"onHandQuantity": {"type": "integer", "minimum": 0}}, "examples": [{"onHandQuantity": 4}]}"#)

    func check(_ context: LintContext) {
        let isQuantity = LintContext.nameMatcher(context.strings(Self.quantityNames))
        let isSigned = LintContext.nameMatcher(context.strings(Self.signedNames))
        let judged = { (name: String) in isQuantity(name) && !isSigned(name) }
        let wrapped = context.wrappedValue(Self.wrapperValueNames, except: judged)
        for (name, id) in context.namedValues where judged(name) {
            let sites = context.valueSites(id, wrapped: wrapped, skip: { context.isReferenceToJudgedType($0, judgedByName: judged) })
            // A decimal string's bounds are checked like a number's (`minimum` applies to `format: decimal`).
            for site in context.anchors(of: sites, where: {
                context.alternatives($0.schema).contains(where: { ($0.mayBeNumeric || $0.mayBeDecimalString) && $0.mayBeNegative })
            }) {
                context.report(Self.message(site.shown(name)), schema: site.anchor, hint: #"add "minimum": 0"#)
            }
        }
    }
}

extension QuantityNonNegativeRule {
    /// `quantity onHand may be negative`; a value named only `quantity` (or `quantities`) is not called
    /// `quantity quantity`.
    static func message(_ shown: String) -> String {
        ["quantity", "quantities"].contains(shown.lowercased()) ? "\(shown) may be negative" : "quantity \(shown) may be negative"
    }
}

/// `timestamp-with-zone`: instants carry their offset.
struct TimestampWithZoneRule: LintRule {
    let id = "timestamp-with-zone"
    let summary = "Timestamps (names ending in At or Timestamp) are format: date-time, which requires a UTC offset."
    let rationale = "A local time without a zone is read differently by a store in Lisbon and a warehouse in Warsaw; reservations expire early or late and events sort wrongly. RFC 3339 `date-time` requires the offset, and Charter decodes it to `Date`. A plain string, a `date` (no time of day), a `time` (no day) and a number (seconds or milliseconds since 1970? the reader guesses) are reported, each with its own message; a name for a calendar date or a time of day does not end in At (`shipDate`, `pickupTime`)."
    let category = LintCategory.data
    let defaultSeverity = Severity.warning
    let failingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "properties": {"expiresAt": {"type": "string"}, "createdAt": {"type": "integer"}}, "examples": [{"expiresAt": "2026-05-01T10:00:00", "createdAt": 1777629600}]}"#)
    let passingExample = ExampleContract.make(defs: #""Reservation": {"title": "Reservation", "description": "A stock reservation.", "type": "object", "properties": {"expiresAt": {"type": "string", "format": "date-time"}, "createdAt": {"type": "string", "format": "date-time"}}, "examples": [{"expiresAt": "2026-05-01T10:00:00Z", "createdAt": "2026-05-01T10:00:00Z"}]}"#)

    /// What a timestamp may be instead of a date-time, in the order they are reported.
    enum Kind: CaseIterable {
        case plainString, date, time, number

        /// Whether a value of `facets` is of this kind.
        func holds(_ facets: ValueFacets) -> Bool {
            let string = facets.types?.contains(.string) == true
            switch self {
            case .plainString: return string && facets.format == nil
            case .date: return string && facets.format == "date"
            case .time: return string && facets.format == "time"
            case .number: return facets.mayBeNumeric
            }
        }

        var message: String {
            switch self {
            case .plainString: "is a plain string, without a required UTC offset"
            case .date: "is a calendar date (format: date), without a time of day or UTC offset"
            case .time: "is a time of day (format: time), without a date"
            case .number: "is a number, not an RFC 3339 date-time: its epoch and unit are left to guess"
            }
        }

        var hint: String {
            switch self {
            case .plainString: #"use "format": "date-time" (RFC 3339, e.g. 2026-05-01T10:00:00Z)"#
            case .date: #"use "format": "date-time" for an instant, or name a calendar date without At (shipDate)"#
            case .time: #"use "format": "date-time" for an instant, or name a time of day without At (pickupTime)"#
            case .number: #"use {"type": "string", "format": "date-time"} (RFC 3339, e.g. 2026-05-01T10:00:00Z)"#
            }
        }
    }

    /// Whether a name reads as an instant: `createdAt`, `created_at`, `updated-at`, `lastSeenAT`, `eventTimestamp`,
    /// `timestamps` (the last word is "at" after another word, or ends in "timestamp"). Names ending in `Time` are often a
    /// time of day or a duration (`openingTime`, `leadTime`), which carry no zone by nature.
    static func isTimestampName(_ name: String) -> Bool {
        // Most names end otherwise: a look at the last bytes before splitting.
        guard let last = name.utf8.last, last | 0x20 == UInt8(ascii: "t") || last | 0x20 == UInt8(ascii: "p") || last | 0x20 == UInt8(ascii: "s") else { return false }
        let words = NameCase.words(name)
        guard let last = words.last?.lowercased() else { return false }
        return (last == "at" && words.count > 1) || last.hasSuffix("timestamp") || last.hasSuffix("timestamps")
    }

    func check(_ context: LintContext) {
        let judged = { (name: String) in Self.isTimestampName(name) }
        // Properties, parameters and headers; a named type is a type, not an instant of something.
        let declared = Set(context.declaredTypes.map(\.id))
        for (name, id) in context.namedValues where !declared.contains(id) && judged(name) {
            var reported: Set<SchemaID> = []
            for site in context.valueSites(id, skip: { _ in false }) where !reported.contains(site.anchor) {
                let alternatives = context.alternatives(site.schema)
                // One finding a value, for the first kind it may be; another string format (a duration, a custom one)
                // was chosen on purpose.
                guard let kind = Kind.allCases.first(where: { kind in alternatives.contains(where: kind.holds) }) else { continue }
                reported.insert(site.anchor)
                context.report("timestamp \(name) \(kind.message)", schema: site.anchor, hint: kind.hint)
            }
        }
    }
}
