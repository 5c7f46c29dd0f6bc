import Foundation

/// A calendar day with no time or zone: an RFC 3339 `full-date`
/// (`YYYY-MM-DD`, JSON Schema `format: date`), year 0001–9999 in the
/// proleptic Gregorian calendar. On the wire it is the string.
public struct CalendarDate: Sendable, Hashable {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–28/29/30/31.
    public let day: Int

    /// Creates the date, or `nil` if the fields name no real day (month
    /// outside 1–12, day outside the month, 29 February in a common year) or
    /// the year is outside 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), CivilCalendar.isValid(year: year, month: month, day: day) else {
            return nil
        }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day on which `date` falls in `timeZone`; `nil` if that day is
    /// outside years 1–9999.
    public init?(_ date: Date, in timeZone: TimeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        guard local.isFinite, abs(local) < 1e12 else { return nil }
        let days = Int((local / 86_400).rounded(.down))
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: days)
        self.init(year: year, month: month, day: day)
    }

    /// The instant this day starts (local midnight) in `timeZone`.
    ///
    /// If the zone skips midnight that day (a daylight-saving jump at 00:00),
    /// the result is the first instant after the gap.
    public func date(in timeZone: TimeZone) -> Date {
        let midnight = Double(daysSinceEpoch) * 86_400
        var candidate = midnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight)))
        candidate = midnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate)))
        return Date(timeIntervalSince1970: candidate)
    }

    /// Days since 1970-01-01 (negative before).
    var daysSinceEpoch: Int {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }
}

extension CalendarDate: Comparable {
    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate: LosslessStringConvertible {
    /// Parses `YYYY-MM-DD` exactly (RFC 3339 `full-date`).
    public init?(_ description: String) {
        guard let parsed = RFC3339.parseFullDate(description) else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        RFC3339.appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        RFC3339.appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        RFC3339.appendDigits(day, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension CalendarDate: Codable {
    /// Decodes a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let parsed = RFC3339.parseFullDate(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 full-date (YYYY-MM-DD), got \"\(string)\"."
            )
        }
        self = parsed
    }

    /// Encodes the `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
