/// Where a JSON number falls against the integers a fixed-width type can hold, computed exactly on the
/// literal (no `Double`): what integer bounds, divisors and defaults are checked with.
package enum IntegerPlacement: Equatable {
    /// Below `Int.min`.
    case belowInt64
    /// An integer that `Int` holds.
    case value(Int)
    /// Above `Int.max`.
    case aboveInt64
}

extension JSONNumber {
    /// The number rounded to an integer (`.up`: the least integer not below it; `.down`: the greatest not
    /// above it; an integer stays as it is), placed against `Int`'s range.
    package func integerPlacement(rounding rule: FloatingPointRoundingRule) -> IntegerPlacement {
        let parts = CanonicalNumber(literal)
        if parts.isZero { return .value(0) }
        let outside: IntegerPlacement = parts.isNegative ? .belowInt64 : .aboveInt64
        guard let exponent = parts.smallExponent else {
            // |exponent| >= 10^17: astronomically large, or strictly between -1 and 1 (not 0).
            if !parts.exponentIsNegative { return outside }
            return .value(Self.step(0, negative: parts.isNegative, rule: rule))
        }
        let wholeDigits = exponent >= 0 ? parts.digits + Array(repeating: UInt8(ascii: "0"), count: min(exponent, 40))
            : Array(parts.digits.dropLast(min(-exponent, parts.digits.count)))
        guard wholeDigits.count <= 19, let magnitude = UInt64(String(decoding: wholeDigits.isEmpty ? [UInt8(ascii: "0")] : wholeDigits, as: UTF8.self))
        else { return outside }
        // Truncated towards zero; a fraction is left exactly when the exponent is negative (no trailing zeros).
        let truncated: Int
        if parts.isNegative {
            guard magnitude <= UInt64(Int.max) + 1 else { return .belowInt64 }
            truncated = magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        } else {
            guard magnitude <= UInt64(Int.max) else { return .aboveInt64 }
            truncated = Int(magnitude)
        }
        if exponent >= 0 { return .value(truncated) }
        if parts.isNegative && rule == .down && truncated == Int.min { return .belowInt64 }
        if !parts.isNegative && rule == .up && truncated == Int.max { return .aboveInt64 }
        return .value(Self.step(truncated, negative: parts.isNegative, rule: rule))
    }

    /// `truncated` moved one step away from zero when rounding in the number's direction.
    private static func step(_ truncated: Int, negative: Bool, rule: FloatingPointRoundingRule) -> Int {
        switch (negative, rule) {
        case (true, .down): truncated - 1
        case (false, .up): truncated + 1
        default: truncated
        }
    }

    /// For a positive `multipleOf` divisor `p/q` (lowest terms), `p`: an integer is a multiple of `p/q` exactly
    /// when it is a multiple of `p`. Nil when `p` does not fit an `Int` or the number is not positive.
    var integerMultipleDivisor: Int? {
        let parts = CanonicalNumber(literal)
        guard !parts.isZero, !parts.isNegative, let exponent = parts.smallExponent else { return nil }
        if exponent >= 0 {
            guard case .value(let value) = integerPlacement(rounding: .down) else { return nil }
            return value
        }
        // `Int(_:)` is nil for a numerator past `Int.max`.
        guard let numerator = Int(String(decoding: parts.digits, as: UTF8.self)) else { return nil }
        // Only the 2s and 5s of the denominator 10^-exponent can cancel against the numerator.
        var p = numerator
        var twos = -exponent, fives = -exponent
        while twos > 0, p % 2 == 0 { p /= 2; twos -= 1 }
        while fives > 0, p % 5 == 0 { p /= 5; fives -= 1 }
        return p
    }
}
