/// ISO 8601 durations (`P1D`, `PT15M`, `P1DT12H`) in seconds: for `charter diff`'s comparisons and the retention of
/// generated providers' idempotency keys; nil when not understood.
package enum ISODuration {
    /// The exact length; nil for years and months, which have none.
    package static func seconds(_ text: String) -> Double? {
        guard let range = range(text), range.lowerBound == range.upperBound else { return nil }
        return range.lowerBound
    }

    /// The shortest and longest the duration can be: a month 28 to 31 days, a year 365 to 366.
    package static func range(_ text: String) -> ClosedRange<Double>? {
        guard text.hasPrefix("P") else { return nil }
        var low = 0.0, high = 0.0
        var number = ""
        var inTime = false
        for character in text.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            let (shortest, longest): (Double, Double)
            switch (character, inTime) {
            case ("Y", false): (shortest, longest) = (365 * 86_400, 366 * 86_400)
            case ("M", false): (shortest, longest) = (28 * 86_400, 31 * 86_400)
            case ("W", false): (shortest, longest) = (604_800, 604_800)
            case ("D", false): (shortest, longest) = (86_400, 86_400)
            case ("H", true): (shortest, longest) = (3_600, 3_600)
            case ("M", true): (shortest, longest) = (60, 60)
            case ("S", true): (shortest, longest) = (1, 1)
            default: return nil
            }
            low += value * shortest
            high += value * longest
        }
        return number.isEmpty ? low...high : nil
    }

    /// Whether `new` is certainly shorter than `old` (`P1M` → `P7D`), whatever the months and years.
    package static func shortened(from old: String, to new: String) -> Bool {
        guard let a = range(old), let b = range(new) else { return false }
        return b.upperBound < a.lowerBound
    }
}
