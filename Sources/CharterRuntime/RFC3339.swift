import Foundation

/// Hand-written RFC 3339 parsing and formatting: integer arithmetic only, no
/// `Calendar`, `DateFormatter` or locale, so it is fast and behaves the same
/// everywhere.
///
/// Accepted `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` where `T`
/// and `Z` may be lower case, the fraction has one or more digits (digits past
/// the ninth only round the nanosecond), the year is 0001–9999 and every field
/// is range-checked (day against the month, leap years included; hour 0–23,
/// minute 0–59, offset hours 0–23 and minutes 0–59). `-00:00` is read as UTC.
///
/// Leap seconds: second `60` is accepted at any minute and read by plain
/// arithmetic as one second after second `59`, i.e. it folds onto the first
/// second of the next minute (`23:59:60.5Z` → `00:00:00.5Z` next day), as POSIX
/// time does. The fraction is kept and ordering against earlier instants is
/// preserved; `Date` has no way to represent the leap second itself.
///
/// A `Date` is an instant, written back in UTC (``formatDateTime(_:)``), so the
/// years 0001–9999 bound the instant in UTC too: a text whose offset puts it
/// in UTC year 0000 or 10000 (`0001-01-01T00:00:00+01:00` is
/// 0000-12-31T23:00:00Z; `9999-12-31T23:59:60Z` folds onto
/// 10000-01-01T00:00:00Z) is refused, as `0000-12-31T23:00:00Z` itself is,
/// rather than read into a `Date` that could not be written again.
public enum RFC3339 {
    /// Parses an RFC 3339 `date-time`; `nil` if the text is not one, or if its
    /// instant is outside years 0001–9999 in UTC.
    public static func parseDateTime(_ string: String) -> Date? {
        guard let (date, inRange) = parse(string), inRange else { return nil }
        return date
    }

    /// The instant a `date-time` names, and whether its UTC form is within
    /// years 0001–9999 (as ``format(_:)`` writes it); nil when the text is not
    /// a `date-time`.
    static func parse(_ string: String) -> (date: Date, inRange: Bool)? {
        withUTF8(string, parseDateTime(bytes:))
    }

    /// Why `string`, a `date-time` whose instant `date` is outside years
    /// 0001–9999 in UTC, is refused, after "expected an RFC 3339 date-time":
    /// `within years 0001-9999 in UTC, got "0001-01-01T00:00:00+01:00" (0000-12-31T23:00:00Z)`.
    static func outOfRange(_ string: String, _ date: Date) -> String {
        "within years 0001-9999 in UTC, got \"\(string)\" (\(formatDateTime(date)))"
    }

    /// Formats `date` as an RFC 3339 `date-time` in UTC with `Z`.
    ///
    /// The fraction is omitted when it rounds to zero microseconds, otherwise
    /// written to microsecond precision with trailing zeros trimmed:
    /// `2024-03-01T09:00:00Z`, `2024-03-01T09:00:00.123Z`. Precisely: the
    /// shortest fraction of up to six digits that parses back to exactly this
    /// `Date` is written; if there is none, the fraction rounded to the nearest
    /// microsecond. So `parseDateTime` then `formatDateTime` gives back the
    /// same text (trailing fraction zeros trimmed) for up to three fraction
    /// digits in every year 0001–9999, and for up to six in years 1729–2273;
    /// further from 2001 a `Date` (a `Double`) cannot tell single microseconds
    /// apart, and the shortest text for the same `Date` is written.
    ///
    /// Dates outside years 0001–9999 have no RFC 3339 form; they are written
    /// with an expanded year (`10000-…`, `-0001-…`) that RFC 3339 parsers
    /// reject (``RFC3339DateTime`` and a client's parameters refuse to encode
    /// them). So that formatting never traps, infinite dates are clamped to
    /// about ±300 million years and NaN is written as the reference date,
    /// 2001-01-01T00:00:00Z.
    public static func formatDateTime(_ date: Date) -> String {
        format(date).text
    }

    /// `date` as ``formatDateTime(_:)`` writes it, for a value being encoded;
    /// throws `EncodingError.invalidValue` at `codingPath` for a date outside
    /// years 0001–9999 in UTC, which RFC 3339 cannot express, and for a NaN
    /// date, which is no instant (rather than write the reference date).
    static func encodeDateTime(_ date: Date, codingPath: [any CodingKey] = []) throws -> String {
        let (text, inRange) = format(date)
        guard inRange, !date.timeIntervalSinceReferenceDate.isNaN else {
            let problem = inRange ? "is not a number (NaN)" : "\(text) is outside the RFC 3339 year range 0001-9999"
            throw EncodingError.invalidValue(date, EncodingError.Context(codingPath: codingPath, debugDescription: "Date \(problem)."))
        }
        return text
    }

    /// Parses an RFC 3339 `full-date` (`YYYY-MM-DD`, year 0001–9999); `nil` if
    /// the text is not one or names no real day.
    public static func parseFullDate(_ string: String) -> CalendarDate? {
        withUTF8(string) { bytes in
            guard bytes.count == 10, let (year, month, day) = fullDate(bytes) else { return nil }
            return CalendarDate(uncheckedYear: year, month: month, day: day)
        }
    }

    // MARK: - Parsing

    private static func withUTF8<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? Int(value) : nil
    }

    @inline(__always)
    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard let high = digit(bytes[index]), let low = digit(bytes[index + 1]) else { return nil }
        return high * 10 + low
    }

    /// Reads and validates `YYYY-MM-DD` from the first ten bytes.
    private static func fullDate(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count >= 10,
              let century = twoDigits(bytes, at: 0), let yearOfCentury = twoDigits(bytes, at: 2),
              bytes[4] == UInt8(ascii: "-"), let month = twoDigits(bytes, at: 5),
              bytes[7] == UInt8(ascii: "-"), let day = twoDigits(bytes, at: 8)
        else { return nil }
        let year = century * 100 + yearOfCentury
        guard year >= 1, CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        return (year, month, day)
    }

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since 1970.
    private static let firstSecond: Int64 = -62_135_596_800
    private static let lastSecond: Int64 = 253_402_300_799

    private static func parseDateTime(bytes: UnsafeBufferPointer<UInt8>) -> (date: Date, inRange: Bool)? {
        let count = bytes.count
        guard count >= 20, let (year, month, day) = fullDate(bytes),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              let hour = twoDigits(bytes, at: 11), bytes[13] == UInt8(ascii: ":"),
              let minute = twoDigits(bytes, at: 14), bytes[16] == UInt8(ascii: ":"),
              let second = twoDigits(bytes, at: 17),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }

        var index = 19
        var nanoseconds = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var scale = 100_000_000
            while index < count, let value = digit(bytes[index]) {
                if scale > 0 {
                    nanoseconds += value * scale
                    scale /= 10
                } else if index == start + 9, value >= 5 {
                    nanoseconds += 1  // round half up on the tenth digit
                }
                index += 1
            }
            guard index > start else { return nil }
        }

        guard index < count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case let sign where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
            guard count - index == 6,
                  let offsetHour = twoDigits(bytes, at: index + 1), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = twoDigits(bytes, at: index + 4),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == count else { return nil }

        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let unixSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        let referenceSeconds = unixSeconds - CivilCalendar.unixToReferenceDate
        let date = Date(timeIntervalSinceReferenceDate: Double(referenceSeconds) + Double(nanoseconds) / 1e9)
        // Strictly between the first and the last second of the years, the UTC form is within them; at either end
        // or beyond (an offset, a leap second, a fraction that a `Double` rounds up), it is as `format` writes it.
        let inRange = (unixSeconds > firstSecond && unixSeconds < lastSecond) || format(date).inRange
        return (date, inRange)
    }

    // MARK: - Formatting

    /// About ±300 million years: keeps every intermediate in range.
    private static let clampSeconds: Double = 1e16

    /// The text, and whether the year is within 0001–9999.
    static func format(_ date: Date) -> (text: String, inRange: Bool) {
        var interval = date.timeIntervalSinceReferenceDate
        if interval.isNaN { interval = 0 }
        interval = min(max(interval, -clampSeconds), clampSeconds)

        var whole = interval.rounded(.down)
        var fraction = (digits: 0, width: 0)
        if interval > whole {
            if let shortest = shortestFraction(of: interval, whole: whole) {
                fraction = shortest
            } else {
                let microseconds = Int(((interval - whole) * 1_000_000).rounded())
                if microseconds >= 1_000_000 {
                    whole += 1
                } else {
                    fraction = (microseconds, 6)
                }
            }
        }
        let unixSeconds = Int64(whole) + CivilCalendar.unixToReferenceDate
        var days = unixSeconds / 86_400
        var secondOfDay = unixSeconds % 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: Int(days))
        let seconds = Int(secondOfDay)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(abs(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &bytes)
        if fraction.digits > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(fraction.digits, width: fraction.width, to: &bytes)
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        }
        bytes.append(UInt8(ascii: "Z"))
        return (String(decoding: bytes, as: UTF8.self), (1...9999).contains(year))
    }

    /// The shortest fraction of at most six digits that ``parseDateTime(_:)``
    /// turns back into exactly `interval`, as (digits, width): so a date parsed
    /// from `.123` prints `.123` even where a `Double` cannot resolve single
    /// microseconds. `nil` when no such fraction exists (then the caller rounds
    /// to microseconds).
    private static func shortestFraction(of interval: Double, whole: Double) -> (digits: Int, width: Int)? {
        let fraction = interval - whole
        var scale = 1.0
        var nanosecondsPerUnit = 1_000_000_000
        for width in 1...6 {
            scale *= 10
            nanosecondsPerUnit /= 10
            let digits = (fraction * scale).rounded()
            if digits >= scale { continue }
            if digits == 0 { continue }
            // The same expression parseDateTime evaluates.
            if whole + Double(Int(digits) * nanosecondsPerUnit) / 1e9 == interval {
                return (Int(digits), width)
            }
        }
        return nil
    }

    /// Appends the decimal digits of a non-negative `value`, zero-padded to
    /// at least `width` digits.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        var digitCount = 1
        while divisor <= value / 10 {
            divisor *= 10
            digitCount += 1
        }
        if width > digitCount {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digitCount))
        }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }
}
