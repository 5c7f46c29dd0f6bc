import Foundation

/// A header: name and value, in the order they are added (names compare case-insensitively in lookups).
public struct ClientHeader: Sendable, Hashable {
    /// The header name, e.g. `Idempotency-Key`.
    public var name: String
    /// The value.
    public var value: String

    /// Creates a header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the header has `name`, compared case-insensitively.
    func isNamed(_ name: String) -> Bool { self.name.caseInsensitiveCompare(name) == .orderedSame }

    /// The value of the first header named `name` in `headers`.
    static func first(_ name: String, in headers: [ClientHeader]) -> String? { headers.first { $0.isNamed(name) }?.value }

    /// The values of every header named `name` in `headers` as one list, for a list-based field (an array header)
    /// that may come on several field lines (RFC 9110 §5.3): the lines' values in order, joined by `, `, blank ones
    /// left out (a blank line is an empty list); one line's value as it is; nil when there is none.
    static func combined(_ name: String, in headers: [ClientHeader]) -> String? {
        let lines = headers.filter { $0.isNamed(name) }
        guard lines.count > 1 else { return lines.first?.value }
        return lines.map(\.value).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")
    }
}

/// An HTTP request a generated client hands to its ``ClientTransport``: the path already percent-encoded,
/// the query items still plain (``url(relativeTo:)`` encodes them).
public struct ClientRequest: Sendable, Hashable {
    /// The HTTP method, uppercase.
    public var method: String
    /// The path with its parameters substituted and percent-encoded, e.g. `/orders/ORD-1`.
    public var path: String
    /// Query items in order; a name may repeat (an array parameter).
    public var query: [ClientHeader]
    /// Headers in order.
    public var headers: [ClientHeader]
    /// The body, if any.
    public var body: Data?
    /// The deadline of the whole exchange in milliseconds (the operation's SLA `timeoutMs`), if any.
    public var timeoutMilliseconds: Int?

    /// Creates a request.
    public init(method: String, path: String, query: [ClientHeader] = [], headers: [ClientHeader] = [], body: Data? = nil,
                timeoutMilliseconds: Int? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The value of a header, by case-insensitive name: its first field line when it comes on several. (The lines of
    /// an array header parameter are one list, as ``ProviderRouting`` reads them.)
    public func header(_ name: String) -> String? { ClientHeader.first(name, in: headers) }

    /// Sets a header, replacing every earlier one of the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.isNamed(name) }
        headers.append(ClientHeader(name: name, value: value))
    }

    /// Adds a query item.
    public mutating func addQuery(_ name: String, _ value: String) {
        query.append(ClientHeader(name: name, value: value))
    }

    /// The full URL: the server URL's path (kept, so `https://api.example.com/v2` works) followed by the path,
    /// then the server URL's query items followed by the request's, percent-encoded; the server URL's fragment
    /// is dropped. The path is used as it is: generated clients encode the contract's literal text and each value.
    public func url(relativeTo serverURL: URL) -> URL {
        // Split the server URL's text, not its parsed parts: those would be decoded, and encoded again differently.
        var base = Substring(serverURL.absoluteString)
        if let hash = base.firstIndex(of: "#") { base = base[..<hash] }
        var queries: [Substring] = []
        if let mark = base.firstIndex(of: "?") {
            queries.append(base[base.index(after: mark)...])
            base = base[..<mark]
        }
        while base.hasSuffix("/") { base.removeLast() }
        queries.append(Substring(query.map { ClientParameter.percentEncoded($0.name) + "=" + ClientParameter.percentEncoded($0.value) }
            .joined(separator: "&")))
        let text = String(base) + path
        let items = queries.filter { !$0.isEmpty }.joined(separator: "&")
        return URL(string: items.isEmpty ? text : text + "?" + items) ?? serverURL
    }
}

/// An HTTP response as a transport returns it.
public struct ClientResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Headers in order.
    public var headers: [ClientHeader]
    /// The body (empty when there is none).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [ClientHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of a header, by case-insensitive name: its first field line when it comes on several. (The lines of
    /// an array response header are one list, as a generated client reads them through ``ClientConfiguration``.)
    public func header(_ name: String) -> String? { ClientHeader.first(name, in: headers) }
}

/// How a parameter value is written into a path, a query or a header: strings as they are, numbers in
/// decimal, dates in RFC 3339, UUIDs in lowercase, anything else as JSON text.
public enum ClientParameter {
    /// A string.
    public static func text(_ value: String) -> String { value }
    /// An integer.
    public static func text<Value: BinaryInteger>(_ value: Value) -> String { String(value) }
    /// A boolean: `true` or `false`.
    public static func text(_ value: Bool) -> String { value ? "true" : "false" }
    /// A binary floating-point number; throws `EncodingError.invalidValue` for NaN and the infinities, which no
    /// number's text can carry (Swift would write `nan`, `inf`, which a provider refuses).
    public static func text(_ value: Double) throws -> String {
        guard value.isFinite else { throw nonFinite(value, "Double.\(value)") }
        return String(value)
    }
    /// A floating-point parameter of a client's request, as ``text(_:)-(Double)`` writes it; NaN or an infinity is a
    /// ``ClientError/Kind/encoding`` error of `operation`, and nothing is sent.
    public static func text(_ value: Double, for operation: ClientOperation) throws(ClientError) -> String {
        try ClientError.encoding(operation) { try text(value) }
    }
    /// A decimal, exactly: the first text of it that matches every one of `patterns` (a decimal string's `pattern`:
    /// `10` is `10.00` under `^[0-9]+\.[0-9]{2}$`, ``DecimalString/text(matching:)``), else its plain form (`10`);
    /// throws `EncodingError.invalidValue` for `Decimal.nan`, which is no number (its text, `NaN`, is not one).
    public static func text(_ value: Decimal, matching patterns: String...) throws -> String {
        try text(value, matchingAll: patterns)
    }
    /// A decimal parameter of a client's request, as ``text(_:matching:)`` writes it; `Decimal.nan` is a
    /// ``ClientError/Kind/encoding`` error of `operation`, and nothing is sent.
    public static func text(_ value: Decimal, matching patterns: String..., for operation: ClientOperation) throws(ClientError) -> String {
        try ClientError.encoding(operation) { try text(value, matchingAll: patterns) }
    }
    /// What ``text(_:matching:)`` writes, the patterns given as an array.
    private static func text(_ value: Decimal, matchingAll patterns: [String]) throws -> String {
        var decimal = DecimalString(value)
        decimal.patterns = patterns
        guard let text = decimal.writtenText else { throw nonFinite(value, "Decimal.nan") }
        return text
    }
    /// An RFC 3339 date-time in UTC; throws `EncodingError.invalidValue` for a date outside years 0001–9999, which
    /// RFC 3339 cannot express (``RFC3339/formatDateTime(_:)`` would write an expanded year, `+10000-…`).
    public static func text(_ value: Date) throws -> String { try RFC3339.encodeDateTime(value) }
    /// A date-time parameter of a client's request, as ``text(_:)-(Date)`` writes it; a date outside years 0001–9999
    /// is a ``ClientError/Kind/encoding`` error of `operation`, and nothing is sent.
    public static func text(_ value: Date, for operation: ClientOperation) throws(ClientError) -> String {
        try ClientError.encoding(operation) { try text(value) }
    }
    /// A full date, `YYYY-MM-DD`.
    public static func text(_ value: CalendarDate) -> String { value.description }
    /// A UUID in lowercase.
    public static func text(_ value: UUID) -> String { LowercaseUUID(value).string }
    /// A URL as written.
    public static func text(_ value: URL) -> String { value.absoluteString }

    /// An array header's value: the items joined by commas. An item that holds a comma would read back as two
    /// items (servers split a header list on commas), so it is refused rather than sent changed.
    public static func headerList(_ items: [String], _ name: String, for operation: ClientOperation) throws(ClientError) -> String {
        try ClientError.encoding(operation) { try ProviderResponse.headerList(items, name) }
    }

    /// Any other value: its JSON text (keys sorted); throws `EncodingError` for a value JSON cannot carry (a date
    /// outside years 0001–9999 at any depth, a non-finite `Double` or `Float`, a `Decimal.nan`).
    public static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try CanonicalJSON.encode(value, with: CanonicalJSON.encoder()), as: UTF8.self)
    }

    /// A client's parameter of any other type, as ``json(_:)`` writes it; a value it cannot write is a
    /// ``ClientError/Kind/encoding`` error of `operation`, and nothing is sent.
    public static func json<Value: Encodable>(_ value: Value, for operation: ClientOperation) throws(ClientError) -> String {
        try ClientError.encoding(operation) { try json(value) }
    }

    /// The error of a number no text can carry: NaN or an infinity.
    private static func nonFinite(_ value: Any, _ name: String) -> EncodingError {
        EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Unable to write \(name) as a number."))
    }

    /// A path segment: every byte but RFC 3986's unreserved characters percent-encoded (so `/` in a value
    /// cannot add a segment), and `.` and `..` encoded too (`%2E%2E`, which Foundation and curl send as it is;
    /// servers that normalise it as `..` must refuse it themselves).
    public static func pathSegment(_ text: String) -> String {
        text == "." || text == ".." ? String(repeating: "%2E", count: text.count) : percentEncoded(text)
    }

    /// Percent-encodes every byte except RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`).
    public static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An item of an array header that holds a comma, which the header's list syntax cannot carry.
public struct HeaderListItemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header.
    public var header: String
    /// The item.
    public var item: String
    /// What is wrong.
    public var description: String { "header \(header): the item \"\(item)\" holds a comma, which would split it in two" }
}
