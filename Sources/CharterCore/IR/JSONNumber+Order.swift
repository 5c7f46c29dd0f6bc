/// Exact comparison and common multiples of JSON numbers, on the literal's digits (no `Double`): what
/// merging the bounds of several schemas into the tightest one needs.
extension JSONNumber {
    /// Whether `lhs` is less than `rhs` by mathematical value.
    static func isLess(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`.
    package static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        let a = CanonicalNumber(lhs.literal), b = CanonicalNumber(rhs.literal)
        let signA = a.isZero ? 0 : a.isNegative ? -1 : 1
        let signB = b.isZero ? 0 : b.isNegative ? -1 : 1
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        let magnitude = compareMagnitudes(a, b, lhs, rhs)
        return signA > 0 ? magnitude : -magnitude
    }

    private static func compareMagnitudes(_ a: CanonicalNumber, _ b: CanonicalNumber, _ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        guard let ea = a.smallExponent, let eb = b.smallExponent else {
            // An exponent beyond 10^17: compare the nearest Doubles (0 or infinity for such a number).
            let x = abs(lhs.doubleValue), y = abs(rhs.doubleValue)
            return x < y ? -1 : x > y ? 1 : 0
        }
        // The position of the leading digit decides first; then the digits, left to right.
        let leadA = a.digits.count + ea, leadB = b.digits.count + eb
        if leadA != leadB { return leadA < leadB ? -1 : 1 }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y ? -1 : 1 }
        return a.digits.count == b.digits.count ? 0 : a.digits.count < b.digits.count ? -1 : 1
    }

    /// The least positive number both `a` and `b` divide (a value meets `multipleOf: a` and `multipleOf: b`
    /// exactly when it meets `multipleOf` the result), or nil when either is not positive or the result
    /// needs more than 18 digits.
    package static func leastCommonMultiple(_ a: JSONNumber, _ b: JSONNumber) -> JSONNumber? {
        let x = CanonicalNumber(a.literal), y = CanonicalNumber(b.literal)
        guard !x.isZero, !y.isZero, !x.isNegative, !y.isNegative, let ex = x.smallExponent, let ey = y.smallExponent,
              x.digits.count <= 18, y.digits.count <= 18,
              let dx = Int(String(decoding: x.digits, as: UTF8.self)), let dy = Int(String(decoding: y.digits, as: UTF8.self))
        else { return nil }
        // Both as integers over the same power of ten: a = A / 10^k, b = B / 10^k, lcm(a, b) = lcm(A, B) / 10^k.
        let scale = min(ex, ey)
        guard let big = scaled(dx, by: ex - scale), let other = scaled(dy, by: ey - scale) else { return nil }
        var (p, q) = (big, other)
        while q != 0 { (p, q) = (q, p % q) }
        let (product, overflow) = (big / p).multipliedReportingOverflow(by: other)
        guard !overflow, product <= 999_999_999_999_999_999 else { return nil }
        return JSONNumber(literal: scale == 0 ? String(product) : "\(product)e\(scale)")
    }

    private static func scaled(_ value: Int, by power: Int) -> Int? {
        var result = value
        for _ in 0..<power {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
