/// The decomposition of a valid number literal into sign, significant digits and
/// a power-of-ten exponent, computed exactly on the text (no `Double`, no
/// fixed-width exponent): the basis of ``JSONNumber``'s equality, hashing and views.
struct CanonicalNumber {
    var isNegative = false
    /// Significant digits (ASCII), no leading or trailing zeros; empty for zero.
    var digits: [UInt8] = []
    /// The exponent when it fits comfortably in an `Int`.
    var smallExponent: Int?
    /// The exponent's magnitude as decimal digits when it does not (`smallExponent == nil`).
    var bigExponentDigits: [UInt8] = []
    var exponentIsNegative = false

    var isZero: Bool { digits.isEmpty }

    init(_ literal: String) {
        let zero = UInt8(ascii: "0")
        var bytes = Array(literal.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes = bytes.dropFirst()
        }
        var mantissa: [UInt8] = []
        mantissa.reserveCapacity(bytes.count)
        var fractionCount = 0
        var inFraction = false
        var exponentPart: ArraySlice<UInt8> = []
        scan: for (index, byte) in zip(bytes.indices, bytes) {
            switch byte {
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                exponentPart = bytes[(index + 1)...]
                break scan
            default:
                mantissa.append(byte)
                if inFraction { fractionCount += 1 }
            }
        }
        // Strip leading zeros; all zeros means the value is zero.
        let firstNonZero = mantissa.firstIndex { $0 != zero } ?? mantissa.endIndex
        if firstNonZero == mantissa.endIndex {
            isNegative = false
            smallExponent = 0
            return
        }
        let lastNonZero = mantissa.lastIndex { $0 != zero }!
        digits = Array(mantissa[firstNonZero...lastNonZero])
        let trailingZeros = mantissa.count - 1 - lastNonZero
        let adjustment = trailingZeros - fractionCount  // |adjustment| <= literal length

        var exponentNegative = false
        if let sign = exponentPart.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            exponentNegative = sign == UInt8(ascii: "-")
            exponentPart = exponentPart.dropFirst()
        }
        let exponentDigits = Array(exponentPart.drop { $0 == zero })
        if exponentDigits.count <= 17 {
            var magnitude = 0
            for d in exponentDigits { magnitude = magnitude * 10 + Int(d - zero) }
            let exponent = (exponentNegative ? -magnitude : magnitude) + adjustment
            smallExponent = exponent
            exponentIsNegative = exponent < 0
        } else {
            // |written exponent| >= 10^17 dwarfs the adjustment, so the sign is the written one.
            exponentIsNegative = exponentNegative
            bigExponentDigits = CanonicalNumber.add(exponentNegative ? -adjustment : adjustment, to: exponentDigits)
        }
    }

    /// `digits + delta` for a decimal magnitude much larger than `|delta|`.
    private static func add(_ delta: Int, to digits: [UInt8]) -> [UInt8] {
        let zero = UInt8(ascii: "0")
        var result = digits
        var carry = delta  // signed carry, applied from the least significant digit
        var index = result.count - 1
        while carry != 0 && index >= 0 {
            let sum = Int(result[index] - zero) + carry
            var digit = sum % 10
            carry = sum / 10
            if digit < 0 { digit += 10; carry -= 1 }
            result[index] = zero + UInt8(digit)
            index -= 1
        }
        if carry > 0 { result.insert(contentsOf: Array(String(carry).utf8), at: 0) }
        let first = result.firstIndex { $0 != zero } ?? result.endIndex
        return Array(result[first...])
    }

    var text: String {
        if isZero { return "0" }
        var out = isNegative ? "-" : ""
        out += String(decoding: digits, as: UTF8.self)
        out += "e"
        if let smallExponent {
            out += String(smallExponent)
        } else {
            if exponentIsNegative { out += "-" }
            out += String(decoding: bigExponentDigits, as: UTF8.self)
        }
        return out
    }
}
