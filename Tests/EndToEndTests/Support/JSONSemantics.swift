import CharterCore
import Foundation

/// Semantic JSON equality for round trips: same keys, exact numbers, and for strings the changes a
/// generated type may make without changing meaning — an RFC 3339 instant re-written in UTC, a UUID
/// in lowercase, a decimal without trailing zeros. Anything else must be identical.
enum JSONSemantics {
    /// nil when equal, else the JSON pointer and a description of the first difference.
    static func difference(_ expected: JSONNode, _ actual: JSONNode, at pointer: String = "") -> String? {
        switch (expected.value, actual.value) {
        case (.object(let a), .object(let b)):
            let keysA = Set(a.keys)
            let keysB = Set(b.keys)
            if keysA != keysB {
                return "\(pointer.isEmpty ? "/" : pointer): keys differ: missing \(keysA.subtracting(keysB).sorted()), extra \(keysB.subtracting(keysA).sorted())"
            }
            for key in a.keys.sorted() {
                if let diff = difference(a[key]!, b[key]!, at: pointer + "/" + key) { return diff }
            }
            return nil
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return "\(pointer): array length \(a.count) vs \(b.count)" }
            for (index, pair) in zip(a, b).enumerated() {
                if let diff = difference(pair.0, pair.1, at: pointer + "/\(index)") { return diff }
            }
            return nil
        case (.string(let a), .string(let b)):
            if a == b || sameInstant(a, b) || sameUUID(a, b) || sameDecimal(a, b) { return nil }
            return "\(pointer): \"\(a)\" vs \"\(b)\""
        default:
            return expected == actual ? nil : "\(pointer): \(JSONWriter.write(expected)) vs \(JSONWriter.write(actual))"
        }
    }

    static func sameUUID(_ a: String, _ b: String) -> Bool {
        a.count == 36 && UUID(uuidString: a) != nil && a.lowercased() == b.lowercased()
    }

    static func sameDecimal(_ a: String, _ b: String) -> Bool {
        guard let x = JSONNumber(literal: a), let y = JSONNumber(literal: b) else { return false }
        return x == y
    }

    static func sameInstant(_ a: String, _ b: String) -> Bool {
        guard let x = instant(a), let y = instant(b) else { return false }
        return x == y
    }

    /// Seconds since 1970 and the fraction digits (trailing zeros removed) of an RFC 3339 date-time.
    static func instant(_ text: String) -> (seconds: Int, fraction: String)? {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for c in chars[range] {
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 20, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 116, chars[13] == 58, chars[16] == 58
        else { return nil }
        var index = 19
        var fraction = ""
        if chars[index] == 46 {
            index += 1
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                fraction.append(Character(Unicode.Scalar(chars[index])))
                index += 1
            }
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var offset = 0
        guard index < chars.count else { return nil }
        if chars[index] == 90 || chars[index] == 122 {
            index += 1
        } else if chars[index] == 43 || chars[index] == 45, let h = number(index + 1..<index + 3), let m = number(index + 4..<index + 6) {
            offset = (h * 60 + m) * 60 * (chars[index] == 43 ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == chars.count else { return nil }
        // Days from civil (Howard Hinnant).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return (days * 86400 + hour * 3600 + minute * 60 + second - offset, fraction)
    }
}
