import Foundation

/// HTTP dates (RFC 9110, section 5.6.7), read by hand: no `DateFormatter`, no locale.
enum HTTPDate {
    /// The date an IMF-fixdate names, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`: the day name must be one of the
    /// seven (it is not checked against the date), the date must exist, the time be at most `23:59:60`.
    static func parseIMFFixdate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 29, dayNames.contains(Array(bytes[0..<3])), literal(", ", in: bytes, at: 3),
              let day = number(bytes, 5..<7), bytes[7] == UInt8(ascii: " "),
              let month = monthNames.firstIndex(of: Array(bytes[8..<11])).map({ $0 + 1 }), bytes[11] == UInt8(ascii: " "),
              let year = number(bytes, 12..<16), bytes[16] == UInt8(ascii: " "),
              let hour = number(bytes, 17..<19), bytes[19] == UInt8(ascii: ":"),
              let minute = number(bytes, 20..<22), bytes[22] == UInt8(ascii: ":"),
              let second = number(bytes, 23..<25), literal(" GMT", in: bytes, at: 25),
              CivilCalendar.isValid(year: year, month: month, day: day), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) }
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }

    /// Whether `bytes` hold `text` from `index` on.
    private static func literal(_ text: String, in bytes: [UInt8], at index: Int) -> Bool {
        bytes[index..<(index + text.utf8.count)].elementsEqual(text.utf8)
    }

    /// The decimal number the bytes in `range` spell, all digits.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for byte in bytes[range] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
