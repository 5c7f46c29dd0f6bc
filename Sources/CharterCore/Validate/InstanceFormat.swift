import Foundation

/// `format` as an assertion, for the formats generated code gives a type of its own and so refuses a value of when
/// decoding (``Translator`` maps them; `docs/contract-format.md`, Types and formats), checked as that type decodes:
///
/// | format | a valid value |
/// |---|---|
/// | `date-time` | RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fraction](Z\|±HH:MM)` (`T`, `Z` in either case, second 60 allowed), a real day of years 0001–9999, in UTC too (`RFC3339DateTime`) |
/// | `date` | RFC 3339 `full-date`, a real day of years 0001–9999 (`CalendarDate`) |
/// | `uuid` | 36 characters, 8-4-4-4-12 hex digits in either case (`LowercaseUUID`) |
/// | `uri` | an absolute URI that `URL` keeps exactly as written (`AbsoluteURL`, through the same `URISyntax`) |
/// | `decimal` | on a string: `-?(0\|[1-9][0-9]*)(\.[0-9]+)?` that `Decimal` holds exactly (`DecimalString`) |
/// | `int32`, `int64` | on an integer: within the type's range |
/// | `email` | a local part, `@` and a domain, without spaces (generated code keeps a `String`; a loose check, as other validators' default) |
///
/// Every other format (`uri-reference`, `hostname`, a media type, …) is an annotation, as JSON Schema 2020-12 has it by
/// default: generated code keeps a `String`, so no value is refused for it.
package enum InstanceFormat {
    /// What is wrong with the string `text` under `format`, or nil when it conforms or the format asserts nothing of strings.
    package static func problem(string text: String, format: String) -> String? {
        switch format {
        case "date-time":
            isDateTime(text) ? nil : "\(quoted(text)) is not an RFC 3339 date-time within years 0001-9999 (e.g. 2026-05-01T10:00:00Z)"
        case "date":
            isFullDate(text) ? nil : "\(quoted(text)) is not an RFC 3339 date YYYY-MM-DD of years 0001-9999"
        case "uuid":
            text.utf8.count == 36 && UUID(uuidString: text) != nil ? nil : "\(quoted(text)) is not a UUID (8-4-4-4-12 hex digits)"
        case "uri":
            URISyntax.parse(text) != nil ? nil : "\(quoted(text)) is not an absolute URI kept as written (e.g. https://example.com/a%20b)"
        case "decimal":
            isDecimalString(text) ? nil : "\(quoted(text)) is not a decimal string -?(0|[1-9][0-9]*)(.[0-9]+)? of at most 38 digits"
        case "email":
            isEmail(text) ? nil : "\(quoted(text)) is not an email address (local part, @, domain)"
        default:
            nil
        }
    }

    /// What is wrong with `number` under `format`, or nil: `int32` and `int64` bound an integer.
    package static func problem(number: JSONNumber, format: String) -> String? {
        let range: ClosedRange<Int>
        switch format {
        case "int32": range = Int(Int32.min)...Int(Int32.max)
        case "int64": range = Int.min...Int.max
        default: return nil
        }
        guard number.isInteger else { return nil }  // `type: integer` says so
        if case .value(let value) = number.integerPlacement(rounding: .down), range.contains(value) { return nil }
        return "\(number.literal) is outside the range of \(format) (\(range.lowerBound) to \(range.upperBound))"
    }

    /// Whether `text` is an RFC 3339 full-date (`YYYY-MM-DD`, a real day, year 0001 to 9999).
    package static func isFullDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && fullDate(bytes) != nil
    }

    /// The year, month and day of the `YYYY-MM-DD` the first ten bytes write, when they name a real day of years 0001–9999.
    private static func fullDate(_ bytes: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              year >= 1, (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day) ? (year, month, day) : nil
    }

    /// Whether `text` is an RFC 3339 date-time as `RFC3339DateTime` decodes it (see the table above): the instant in
    /// UTC stays within years 0001–9999, so `0001-01-01T00:00:00+01:00` is refused.
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let (year, month, day) = fullDate(bytes), bytes[10] | 0x20 == UInt8(ascii: "t"),
              let hour = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(bytes, 14, 2),
              bytes[16] == UInt8(ascii: ":"), let second = digits(bytes, 17, 2), hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.count else { return false }
        var offset = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return false }
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.count - index == 6,
                  let offsetHour = digits(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = digits(bytes, index + 4, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offset = (offsetHour * 3600 + offsetMinute * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        // Only the first and the last day of the range can cross out of it in UTC.
        let secondOfDay = hour * 3600 + minute * 60 + second - offset
        if (year, month, day) == (1, 1, 1) && secondOfDay < 0 { return false }
        if (year, month, day) == (9999, 12, 31) && secondOfDay >= 86_400 { return false }
        return true
    }

    /// Whether `text` is a decimal string `DecimalString` decodes: the grammar, and a value `Decimal` holds exactly.
    static func isDecimalString(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty, whole.first != UInt8(ascii: "0") || whole.count == 1 else { return false }
        let rest = bytes.dropFirst(whole.count)
        if let dot = rest.first {
            let fraction = rest.dropFirst()
            guard dot == UInt8(ascii: "."), !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return false }
        }
        return JSONNumber(literal: text)?.fitsDecimal == true
    }

    /// A loose email check: something, `@`, a domain with no further `@`, and no white space or control characters.
    static func isEmail(_ text: String) -> Bool {
        guard let at = text.utf8.lastIndex(of: UInt8(ascii: "@")), at != text.utf8.startIndex,
              text.utf8.index(after: at) != text.utf8.endIndex else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// The decimal number the `count` ASCII digits at `start` write, or nil.
    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    static func quoted(_ text: String) -> String {
        JSONWriter.quoted(text.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(60))) + "…" : text)
    }
}
