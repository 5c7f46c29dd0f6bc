/// Numeric bounds and defaults made to fit the type that holds the value: a bound is rewritten into one
/// the type's values meet exactly when they meet the contract's (`minimum: 1.5` on an integer is
/// `minimum: 2`), a bound no value of the type can cross is dropped (it never bites), and a bound or
/// default that no value of the type can satisfy is a contract error — never a literal the compiler rejects —
/// unless the schema's type list has another type that stays valid: then only that number type is dropped. In an
/// `anyOf`/`oneOf` alternative such a bound only means the alternative never holds for a value of the type.
extension TranslationSession {
    /// What fitting a schema's bounds to a number type found wrong.
    enum BoundProblem {
        /// A bound no value of the type meets (`minimum: 3000000000` on an `int32`).
        case noValue(keyword: String, bound: JSONNumber, typeName: String)
        /// A `multipleOf` no value of the type but 0 meets; the fitted bounds admit 0 alone.
        case onlyZero(divisor: JSONNumber, typeName: String)
        /// A `multipleOf` outside `Double`'s range, which is not checked.
        case unchecked(divisor: JSONNumber)
    }

    /// A number type of a type list that is dropped, and the first bound no value of its Swift type meets.
    struct DroppedKind {
        let kind: JSONType
        let keyword: String
        let bound: JSONNumber
        let typeName: String
    }

    /// The primitive a merged schema's values are held in, when it is a number with bounds to fit.
    func numericPrimitive(_ merged: MergedSchema) -> IRPrimitive? {
        guard merged.enumValues == nil, merged.constValue == nil, merged.types != nil else { return nil }
        let types = valueKinds(merged)
        if types == [.integer] { return integerPrimitive(merged.format) }
        if types == [.number] || types.isIntegerAndNumber {
            if case .primitive(let primitive) = number(merged) { return primitive }
        }
        return nil
    }

    /// The constraints of `merged` with its numeric bounds fitted to the type its values are held in: `type` when
    /// it is a scalar (a number: a variant of a type list such as `["integer", "string"]`; any other scalar holds no
    /// number, so there is nothing to fit), else the schema's number type.
    func fittedNumericBounds(_ constraints: IRConstraints, _ merged: MergedSchema, as type: IRTypeRef? = nil) -> IRConstraints {
        let (fitted, problems) = fittingNumericBounds(constraints, merged, as: type)
        for problem in problems { report(problem, merged) }
        return fitted
    }

    /// ``fittedNumericBounds(_:_:as:)`` without reporting: the fitted constraints and what could not be fitted, for the
    /// caller to judge (an alternative whose bound no value meets is left out of its group, not an error).
    func fittingNumericBounds(_ constraints: IRConstraints, _ merged: MergedSchema, as type: IRTypeRef? = nil) -> (IRConstraints, [BoundProblem]) {
        var primitive = numericPrimitive(merged)
        if case .primitive(let held)? = type {
            switch held {
            case .integer, .double: primitive = held
            default: primitive = nil
            }
        }
        guard let primitive else { return (constraints, []) }
        return fitBounds(constraints, to: primitive)
    }

    /// The kinds of value other than `null` a schema's values may be: its type list, or the type its keywords imply
    /// (see ``inferredTypes(_:)``), without the number types ``kindsDroppedByBounds(_:)`` names.
    func valueKinds(_ merged: MergedSchema) -> [JSONType] {
        let kinds = (merged.types ?? inferredTypes(merged)).filter { $0 != .null }
        let dropped = kindsDroppedByBounds(merged)
        return dropped.isEmpty ? kinds : kinds.filter { kind in !dropped.contains { $0.kind == kind } }
    }

    /// The number types of a type list whose bounds no value of their Swift type meets (`"type": ["integer", "string"],
    /// "minimum": 1e30`: no 64-bit integer), each with the first such bound, when another type of the list — `null`
    /// too — stays valid: the schema's values are generated as the others (`minimum` does not apply to a string, so
    /// every string is valid). When no other type is left, none is dropped and the bound is an error.
    ///
    /// Several decisions ask this of one schema, so the answer for a schema's cached view (``merged(_:)``) is kept
    /// (``droppedKindsCache``); any other view — a wrapper's constraint view, one since replaced in the cache — is
    /// worked out again.
    func kindsDroppedByBounds(_ merged: MergedSchema) -> [DroppedKind] {
        if let cached = droppedKindsCache[merged.origin], cached.view === merged { return cached.kinds }
        let kinds = computeKindsDroppedByBounds(merged)
        if mergedCache[merged.origin] === merged { droppedKindsCache[merged.origin] = (merged, kinds) }
        return kinds
    }

    /// ``kindsDroppedByBounds(_:)``, worked out.
    private func computeKindsDroppedByBounds(_ merged: MergedSchema) -> [DroppedKind] {
        guard let types = merged.types, types.count > 1, types.contains(.integer) || types.contains(.number) else { return [] }
        let kinds = types.filter { $0 != .null }
        // `["integer", "number"]` is held as a number, so its integers are too.
        let asNumber = kinds.isIntegerAndNumber
        var dropped: [DroppedKind] = []
        for kind in kinds where kind == .integer || kind == .number {
            let held: IRTypeRef = kind == .integer && !asNumber ? .primitive(integerPrimitive(merged.format)) : number(merged)
            guard case .primitive(let primitive) = held else { continue }
            for case .noValue(let keyword, let bound, let typeName) in fitBounds(merged.constraints, to: primitive).1 {
                dropped.append(DroppedKind(kind: kind, keyword: keyword, bound: bound, typeName: typeName))
                break
            }
        }
        return dropped.count < kinds.count || types.contains(.null) ? dropped : []
    }

    /// Warns of each number type of `merged`'s type list that is dropped (see ``kindsDroppedByBounds(_:)``) — but not of
    /// `integer` beside a `number` that stays: the number holds every integer the bounds admit, so no value is lost.
    func reportKindsDroppedByBounds(_ merged: MergedSchema) {
        let droppedKinds = kindsDroppedByBounds(merged)
        let numberStays = merged.types?.contains(.number) == true && !droppedKinds.contains { $0.kind == .number }
        for dropped in droppedKinds where !(dropped.kind == .integer && numberStays) {
            bag.add(.warning(
                "\(dropped.keyword) \(dropped.bound.literal) leaves no \(dropped.typeName) value valid: the type list's \(dropped.kind.rawValue) is dropped, the other types are generated",
                at: keywordLocation(dropped.keyword, merged), code: "translate.type-dropped",
                hint: "remove \"\(dropped.kind.rawValue)\" from the type list, or use a bound inside the type's range"))
        }
    }

    /// `constraints` with their numeric bounds fitted to `primitive`, and what could not be fitted.
    func fitBounds(_ constraints: IRConstraints, to primitive: IRPrimitive) -> (IRConstraints, [BoundProblem]) {
        var problems: [BoundProblem] = []
        let fitted: IRConstraints
        switch primitive {
        case .integer(let bits): fitted = fitIntegerBounds(constraints, range: Self.integerRange(bits: bits), bits: bits, problems: &problems)
        case .double: fitted = fitDoubleBounds(constraints, problems: &problems)
        default: fitted = constraints
        }
        return (fitted, problems)
    }

    /// The values an integer of `bits` holds (no width: Swift's `Int`, 64 bits).
    static func integerRange(bits: Int?) -> ClosedRange<Int> {
        bits == 32 ? Int(Int32.min)...Int(Int32.max) : Int.min...Int.max
    }

    static func integerTypeName(bits: Int?) -> String { bits == 32 ? "int32" : "64-bit integer" }

    private func fitIntegerBounds(
        _ constraints: IRConstraints, range: ClosedRange<Int>, bits: Int?, problems: inout [BoundProblem]
    ) -> IRConstraints {
        var result = constraints
        let typeName = Self.integerTypeName(bits: bits)
        // Lower bounds as the least valid integer: `minimum m` → ⌈m⌉, `exclusiveMinimum x` → ⌊x⌋ + 1.
        for (key, keyword, exclusive) in [(\IRConstraints.minimum, "minimum", false), (\IRConstraints.exclusiveMinimum, "exclusiveMinimum", true)] {
            guard let bound = constraints[keyPath: key] else { continue }
            let least: IntegerPlacement
            switch bound.integerPlacement(rounding: exclusive ? .down : .up) {
            case .value(let k) where exclusive: least = k == Int.max ? .aboveInt64 : .value(k + 1)
            case let placement: least = placement
            }
            switch least {
            case .belowInt64: result[keyPath: key] = nil
            case .value(let k) where k <= range.lowerBound: result[keyPath: key] = nil
            case .value(let k) where k <= range.upperBound: result[keyPath: key] = JSONNumber(exclusive ? k - 1 : k)
            default:
                result[keyPath: key] = nil
                problems.append(.noValue(keyword: keyword, bound: bound, typeName: typeName))
            }
        }
        // Upper bounds as the greatest valid integer: `maximum M` → ⌊M⌋, `exclusiveMaximum X` → ⌈X⌉ − 1.
        for (key, keyword, exclusive) in [(\IRConstraints.maximum, "maximum", false), (\IRConstraints.exclusiveMaximum, "exclusiveMaximum", true)] {
            guard let bound = constraints[keyPath: key] else { continue }
            let greatest: IntegerPlacement
            switch bound.integerPlacement(rounding: exclusive ? .up : .down) {
            case .value(let k) where exclusive: greatest = k == Int.min ? .belowInt64 : .value(k - 1)
            case let placement: greatest = placement
            }
            switch greatest {
            case .aboveInt64: result[keyPath: key] = nil
            case .value(let k) where k >= range.upperBound: result[keyPath: key] = nil
            case .value(let k) where k >= range.lowerBound: result[keyPath: key] = JSONNumber(exclusive ? k + 1 : k)
            default:
                result[keyPath: key] = nil
                problems.append(.noValue(keyword: keyword, bound: bound, typeName: typeName))
            }
        }
        // An integer is a multiple of p/q (lowest terms) exactly when it is a multiple of p.
        if let divisor = constraints.multipleOf, !divisor.literal.hasPrefix("-"), !CanonicalNumber(divisor.literal).isZero {
            if let p = divisor.integerMultipleDivisor, p <= range.upperBound {
                result.multipleOf = p == 1 ? nil : JSONNumber(p)
            } else {
                // Of the type's values only 0 is a multiple: checked as bounds that admit 0 alone.
                result.multipleOf = nil
                result.minimum = Self.tighter(result.minimum, JSONNumber(0), lower: true)
                result.maximum = Self.tighter(result.maximum, JSONNumber(0), lower: false)
                problems.append(.onlyZero(divisor: divisor, typeName: typeName))
            }
        }
        return result
    }

    private func fitDoubleBounds(_ constraints: IRConstraints, problems: inout [BoundProblem]) -> IRConstraints {
        var result = constraints
        let lower: [(WritableKeyPath<IRConstraints, JSONNumber?>, String)] = [(\.minimum, "minimum"), (\.exclusiveMinimum, "exclusiveMinimum")]
        let upper: [(WritableKeyPath<IRConstraints, JSONNumber?>, String)] = [(\.maximum, "maximum"), (\.exclusiveMaximum, "exclusiveMaximum")]
        for (key, keyword) in lower {
            guard let bound = constraints[keyPath: key] else { continue }
            let value = bound.doubleValue
            let positive = !bound.literal.hasPrefix("-")
            if value.isInfinite {
                result[keyPath: key] = nil
                if positive { problems.append(.noValue(keyword: keyword, bound: bound, typeName: "Double")) }
            } else if value == 0 && !CanonicalNumber(bound.literal).isZero {
                // Closer to 0 than any Double but 0: above 0 means every positive Double; below, 0 itself.
                result[keyPath: key] = nil
                if positive {
                    result.exclusiveMinimum = Self.tighter(result.exclusiveMinimum, JSONNumber(0), lower: true)
                } else {
                    result.minimum = Self.tighter(result.minimum, JSONNumber(0), lower: true)
                }
            }
        }
        for (key, keyword) in upper {
            guard let bound = constraints[keyPath: key] else { continue }
            let value = bound.doubleValue
            let positive = !bound.literal.hasPrefix("-")
            if value.isInfinite {
                result[keyPath: key] = nil
                if !positive { problems.append(.noValue(keyword: keyword, bound: bound, typeName: "Double")) }
            } else if value == 0 && !CanonicalNumber(bound.literal).isZero {
                result[keyPath: key] = nil
                if positive {
                    result.maximum = Self.tighter(result.maximum, JSONNumber(0), lower: false)
                } else {
                    result.exclusiveMaximum = Self.tighter(result.exclusiveMaximum, JSONNumber(0), lower: false)
                }
            }
        }
        if let divisor = constraints.multipleOf, !divisor.doubleValue.isFinite || (divisor.doubleValue == 0 && !CanonicalNumber(divisor.literal).isZero) {
            result.multipleOf = nil
            problems.append(.unchecked(divisor: divisor))
        }
        return result
    }

    /// Of two bounds of the same kind, the one that excludes more (the greater lower bound, the lesser upper bound).
    static func tighter(_ a: JSONNumber?, _ b: JSONNumber, lower: Bool) -> JSONNumber {
        guard let a else { return b }
        return JSONNumber.isLess(a, b) == lower ? b : a
    }

    /// Reports what fitting `merged`'s bounds found wrong, at the keyword. A `multipleOf` that leaves only 0 is an error
    /// when 0 would be the schema's one valid value, and a warning when its type list has another type that stays valid
    /// (`"type": ["integer", "string"]`: 0 and every string) or `othersValid` says so (an alternative, beside others).
    func report(_ problem: BoundProblem, _ merged: MergedSchema, othersValid: Bool = false) {
        switch problem {
        case .noValue(let keyword, let bound, let typeName):
            bag.add(.error(
                "\(keyword) \(bound.literal) leaves no \(typeName) value valid",
                at: keywordLocation(keyword, merged), code: "schema.unsatisfiable-bound",
                hint: typeName == "int32" ? "use format \"int64\" or a bound inside the int32 range" : "use a bound inside the type's range"))
        case .onlyZero(let divisor, let typeName) where othersValid || merged.types?.contains(where: { $0 != .integer }) == true:
            bag.add(.warning(
                "multipleOf \(divisor.literal) leaves no \(typeName) value but 0 valid: such a value is checked to be 0",
                at: keywordLocation("multipleOf", merged), code: "translate.only-zero-valid",
                hint: "use a divisor the type can hold"))
        case .onlyZero(let divisor, let typeName):
            bag.add(.error(
                "multipleOf \(divisor.literal) leaves no \(typeName) value but 0 valid",
                at: keywordLocation("multipleOf", merged), code: "schema.unsatisfiable-bound",
                hint: "use a divisor the type can hold, or a const of 0"))
        case .unchecked(let divisor):
            bag.add(.warning(
                "multipleOf \(divisor.literal) is outside Double's range and is not checked",
                at: keywordLocation("multipleOf", merged), code: "translate.unchecked-bound",
                hint: "use format \"decimal\" for exact decimal arithmetic"))
        }
    }

    /// Where a keyword of a merged schema is written: in the schema it was taken from.
    func keywordLocation(_ keyword: String, _ merged: MergedSchema) -> SourceLocation {
        let schema = graph[merged.constraintSources[keyword] ?? merged.origin]
        return SourceLocation(
            file: schema.location.file, position: schema.node.object?[keyword]?.position ?? schema.location.position,
            pointer: schema.location.pointer.appending(keyword))
    }

    /// Reports a `default` the property's type cannot hold (an integer out of range or with a fraction, a number
    /// beyond `Double`), which would otherwise be left out of the generated initialiser.
    func checkNumericDefault(_ value: JSONNode, of merged: MergedSchema, in schema: Schema) {
        guard case .number(let number) = value.value, let primitive = numericPrimitive(merged) else { return }
        let problem: String?
        switch primitive {
        case .integer(let bits):
            let range = Self.integerRange(bits: bits)
            if !number.isInteger {
                problem = "is not an integer"
            } else if case .value(let k) = number.integerPlacement(rounding: .down), range.contains(k) {
                problem = nil
            } else {
                problem = "is outside the \(Self.integerTypeName(bits: bits)) range"
            }
        case .double:
            problem = number.doubleValue.isFinite ? nil : "is outside Double's range"
        default:
            problem = nil
        }
        guard let problem else { return }
        bag.add(.error(
            "default \(number.literal) \(problem)",
            at: SourceLocation(file: schema.location.file, position: value.position, pointer: schema.location.pointer.appending("default")),
            code: "schema.default-out-of-range", hint: "give a default the property's type can hold"))
    }
}

extension Collection<JSONType> {
    /// Whether the list names `integer` and `number` and nothing else (each any number of times): what
    /// `Set(list) == [.integer, .number]` says, without building and hashing a set (the translator asks this of
    /// most numeric schemas).
    var isIntegerAndNumber: Bool {
        var integer = false, number = false
        for type in self {
            switch type {
            case .integer: integer = true
            case .number: number = true
            default: return false
            }
        }
        return integer && number
    }
}
