extension JSONNumber {
    /// Whether the number is an integer multiple of `divisor`, decided exactly on the digits (`0.3` is a multiple of
    /// `0.1`, which `Double` gets wrong); nil when `divisor` is not positive or has more than 18 significant digits.
    package func isMultiple(of divisor: JSONNumber) -> Bool? {
        let value = CanonicalNumber(literal), step = CanonicalNumber(divisor.literal)
        guard !step.isZero, !step.isNegative, step.digits.count <= 18,
              let stepDigits = UInt64(String(decoding: step.digits, as: UTF8.self)) else { return nil }
        if value.isZero { return true }
        // value = V × 10^a and divisor = D × 10^b, neither V nor D ending in 0: the quotient is (V / D) × 10^(a - b).
        // With a < b, D × 10^(b - a) would have to divide V, which does not end in 0; with a ≥ b, D must divide
        // V × 10^(a - b). Beyond 64 zeros more change nothing: D's factors of 2 and 5 are fewer than 64.
        let shift: Int
        switch (value.smallExponent, step.smallExponent) {
        case let (a?, b?): shift = a - b
        case (nil, _): shift = value.exponentIsNegative ? -1 : 64
        case (_, nil): shift = step.exponentIsNegative ? 64 : -1
        }
        guard shift >= 0 else { return false }
        var remainder: UInt64 = 0
        for digit in value.digits { remainder = (remainder * 10 + UInt64(digit &- UInt8(ascii: "0"))) % stepDigits }
        for _ in 0..<min(shift, 64) where remainder != 0 { remainder = remainder * 10 % stepDigits }
        return remainder == 0
    }
}
