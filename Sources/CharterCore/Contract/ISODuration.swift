/// ISO 8601 durations (`P1D`, `PT15M`, `P1DT12H`) in seconds: for `charter diff`'s comparisons and the retention of
/// generated providers' idempotency keys; nil when not understood.
package enum ISODuration {
    /// The exact length; nil for years and months, which have none.
    package static func seconds(_ text: String) -> Double? {
        guard let range = range(text), range.lowerBound == range.upperBound else { return nil }
        return range.lowerBound
    }

    /// The shortest and longest the duration can be: a month 28 to 31 days, a year 365 to 366. Nil unless `text` is
    /// an ISO 8601 duration of the contract grammar (`docs/contract-extension.schema.json`'s `Duration`): `P`, then
    /// whole years, months, weeks and days in that order, then `T` and hours, minutes and seconds in that order, a
    /// fraction on seconds only, at least one part, and no `T` without a part after it (`P`, `PT`, `PT1.5M`, `p1d`
    /// and `P1D2Y` are not durations).
    package static func range(_ text: String) -> ClosedRange<Double>? {
        guard text.hasPrefix("P") else { return nil }
        let dateUnits: [(Character, Double, Double)] = [("Y", 365 * 86_400, 366 * 86_400), ("M", 28 * 86_400, 31 * 86_400), ("W", 604_800, 604_800), ("D", 86_400, 86_400)]
        let timeUnits: [(Character, Double, Double)] = [("H", 3_600, 3_600), ("M", 60, 60), ("S", 1, 1)]
        var low = 0.0, high = 0.0
        var sawPart = false, owesTimePart = false
        var units = dateUnits[...]
        var number = ""
        var inTime = false
        for character in text.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                owesTimePart = true
                units = timeUnits[...]
                continue
            }
            if character.isASCII, character.isNumber || character == "." { number.append(character); continue }
            // The unit must come after the ones before it; a fraction only on seconds.
            guard let index = units.firstIndex(where: { $0.0 == character }), !number.isEmpty,
                number.first != ".", number.last != ".", number.filter({ $0 == "." }).count <= (character == "S" && inTime ? 1 : 0),
                let value = Double(number)
            else { return nil }
            low += value * units[index].1
            high += value * units[index].2
            units = units[(index + 1)...]
            sawPart = true
            owesTimePart = false
            number = ""
        }
        return number.isEmpty && sawPart && !owesTimePart ? low...high : nil
    }

    /// Whether `new` is certainly shorter than `old` (`P1M` → `P7D`), whatever the months and years.
    package static func shortened(from old: String, to new: String) -> Bool {
        guard let a = range(old), let b = range(new) else { return false }
        return b.upperBound < a.lowerBound
    }
}
