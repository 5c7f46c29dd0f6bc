import Foundation

/// Why a request could not be turned into an operation's arguments: answered with 400 and this message.
public struct ProviderRequestError: Error, Hashable, Sendable {
    /// What was wrong, naming the parameter or the body.
    public var message: String
    /// The status to answer with: 400, or 415 for a body that is not JSON.
    public var status: Int

    /// Creates an error (400 unless told).
    public init(_ message: String, status: Int = 400) {
        self.message = message
        self.status = status
    }

    /// The problem's title for ``status``.
    public var title: String { status == 415 ? "Unsupported Media Type" : "Bad Request" }
}

/// What a generated provider's `handle(_:)` uses to match a request to an operation and read its
/// parameters and body: the inverse of what a generated client does.
public enum ProviderRouting {
    /// The path's segments (percent-decoded) that fill the template's placeholders (`nil` entries), or nil
    /// when the path does not have the template's shape.
    public static func match(_ path: String, _ template: [String?]) -> [String]? {
        let raw = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var segments = raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        guard segments.count == template.count else { return nil }
        var captures: [String] = []
        for (segment, expected) in zip(segments, template) {
            guard let decoded = segment.removingPercentEncoding else { return nil }
            if let expected {
                guard decoded == expected else { return nil }
            } else {
                captures.append(decoded)
            }
        }
        return captures
    }

    /// The comma-separated values of an array header, each trimmed; empty when the header is absent or empty. A
    /// header on several field lines is one list, the lines in order (RFC 9110 §5.3): `X-Tags: a, b` and
    /// `X-Tags: c` are `["a", "b", "c"]`.
    public static func headerValues(_ request: ClientRequest, _ name: String) -> [String] {
        ClientHeader.combined(name, in: request.headers).map(headerValues) ?? []
    }

    /// The comma-separated values of an array header's text, each trimmed; empty when the text is blank.
    public static func headerValues(_ text: String) -> [String] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Every value of a query item, in order.
    public static func query(_ request: ClientRequest, _ name: String) -> [String] {
        request.query.filter { $0.name == name }.map(\.value)
    }

    /// A required parameter's text.
    public static func required(_ value: String?, _ what: String) throws(ProviderRequestError) -> String {
        guard let value else { throw ProviderRequestError("\(what) is missing") }
        return value
    }

    /// An integer parameter.
    public static func parse<Value: FixedWidthInteger>(_ text: String, as type: Value.Type, _ what: String) throws(ProviderRequestError) -> Value {
        guard let value = Value(text) else { throw ProviderRequestError("\(what): expected an integer, got \"\(text)\"") }
        return value
    }

    /// A boolean parameter: `true` or `false`.
    public static func parse(_ text: String, as type: Bool.Type, _ what: String) throws(ProviderRequestError) -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw ProviderRequestError("\(what): expected true or false, got \"\(text)\"")
        }
    }

    /// A binary floating-point parameter.
    public static func parse(_ text: String, as type: Double.Type, _ what: String) throws(ProviderRequestError) -> Double {
        guard let value = Double(text), value.isFinite else { throw ProviderRequestError("\(what): expected a number, got \"\(text)\"") }
        return value
    }

    /// A decimal parameter, exactly.
    public static func parse(_ text: String, as type: Decimal.Type, _ what: String) throws(ProviderRequestError) -> Decimal {
        guard let value = DecimalString.parse(text) else { throw ProviderRequestError("\(what): expected a decimal number, got \"\(text)\"") }
        return value
    }

    /// An RFC 3339 date-time parameter (its instant within years 0001–9999 in UTC, as ``RFC3339/parseDateTime(_:)`` reads it).
    public static func parse(_ text: String, as type: Date.Type, _ what: String) throws(ProviderRequestError) -> Date {
        guard let (value, inRange) = RFC3339.parse(text) else { throw ProviderRequestError("\(what): expected an RFC 3339 date-time, got \"\(text)\"") }
        guard inRange else { throw ProviderRequestError("\(what): expected an RFC 3339 date-time \(RFC3339.outOfRange(text, value))") }
        return value
    }

    /// A full-date parameter, `YYYY-MM-DD`.
    public static func parse(_ text: String, as type: CalendarDate.Type, _ what: String) throws(ProviderRequestError) -> CalendarDate {
        guard let value = CalendarDate(text) else { throw ProviderRequestError("\(what): expected a date (YYYY-MM-DD), got \"\(text)\"") }
        return value
    }

    /// A UUID parameter (any case).
    public static func parse(_ text: String, as type: UUID.Type, _ what: String) throws(ProviderRequestError) -> UUID {
        guard text.utf8.count == 36, let value = UUID(uuidString: text) else { throw ProviderRequestError("\(what): expected a UUID, got \"\(text)\"") }
        return value
    }

    /// A URL parameter: an absolute URI, kept exactly as written (``AbsoluteURL``).
    public static func parse(_ text: String, as type: URL.Type, _ what: String) throws(ProviderRequestError) -> URL {
        guard let value = AbsoluteURL.parse(text) else { throw ProviderRequestError("\(what): expected an absolute URI, got \"\(text)\"") }
        return value
    }

    /// Any other parameter: its text is JSON (checked as a body is, ``JSONMemberNames``).
    public static func json<Value: Decodable>(_ text: String, as type: Value.Type, _ what: String) throws(ProviderRequestError) -> Value {
        do {
            return try JSONDecoder().decodeCheckingMemberNames(Value.self, from: Data(text.utf8))
        } catch {
            throw ProviderRequestError("\(what): \(error)")
        }
    }

    /// Refuses a request whose parameters break the contract's constraints (`issues` found by the generated checks,
    /// each at the parameter's name): a 400 naming every one, before the implementation is called.
    public static func rejectParameters(_ issues: [ValidationIssue]) throws(ProviderRequestError) {
        guard !issues.isEmpty else { return }
        throw ProviderRequestError("parameters break the contract: " + describe(issues))
    }

    /// Whether a `Content-Type` names JSON: `application/json` or a `+json` type (`application/merge-patch+json`),
    /// in any case, parameters (`; charset=utf-8`) aside.
    static func isJSON(_ contentType: String) -> Bool {
        let type = mediaType(contentType)
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }

    /// Whether a generated provider reads a body labelled `contentType` (nil: sent without one) as JSON, for an operation
    /// whose declared request `contentType` is `declaredContentType`: an unlabelled body, one labelled JSON
    /// (``isJSON(_:)``) and one labelled with the declared media type (parameters and case aside) are read as JSON —
    /// every body is, whatever media type the contract names (`text/plain`, `application/x-www-form-urlencoded`,
    /// `application/octet-stream`: the JSON value of the operation's schema under that label); any other is refused
    /// with 415. ``body(_:from:required:declaredContentType:issues:)`` reads by it, and
    /// ``ProviderIdempotency/fingerprint(_:headers:declaredContentType:)`` counts by it.
    static func readsAsJSON(labelled contentType: String?, declaredContentType: String) -> Bool {
        guard let contentType else { return true }
        return isJSON(contentType) || mediaType(contentType) == mediaType(declaredContentType)
    }

    /// A `Content-Type` without its parameters, lowercased: `Application/JSON; charset=utf-8` → `application/json`.
    static func mediaType(_ contentType: String) -> String {
        (contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Issues as one line: each at its path (`/` for the value itself) with its message, `; ` between.
    static func describe(_ issues: [ValidationIssue]) -> String {
        issues.map { "\($0.path.isEmpty ? "/" : $0.path) \($0.message)" }.joined(separator: "; ")
    }

    /// The request body decoded as JSON and validated against the contract's constraints; nil when there is
    /// none and it is optional.
    ///
    /// `issues` checks the decoded body: given for a body whose type cannot check itself (an alias with constraints
    /// of its own, `typealias SkuList = [Sku]`: the namespace's `validationIssues(of<Alias>:)`; a list, map or scalar
    /// written in the operation with constraints: a closure checking them); without it, a body
    /// that is `Validatable` is checked and any other is not. A body labelled with a media type that is neither JSON
    /// nor the operation's declared `contentType` is refused with 415 rather than parsed; an unlabelled one is read.
    /// A `readOnly` property a client sent all the same is ignored (``CodingDirection/request``). A body with an object
    /// whose member names are two for JSON and one for Swift is refused (400) rather than read with one of them lost
    /// (``JSONMemberNames``).
    public static func body<Body: Decodable>(
        _ type: Body.Type, from request: ClientRequest, required: Bool, declaredContentType: String = "application/json",
        issues: ((Body) -> [ValidationIssue])? = nil
    ) throws(ProviderRequestError) -> Body? {
        guard let data = request.body, !data.isEmpty else {
            if required { throw ProviderRequestError("the request body is missing") }
            return nil
        }
        if let contentType = request.header("Content-Type"), !readsAsJSON(labelled: contentType, declaredContentType: declaredContentType) {
            throw ProviderRequestError("the request body is \(contentType), not \(mediaType(declaredContentType))", status: 415)
        }
        let value: Body
        do {
            value = try CanonicalJSON.decoder(for: .request).decodeCheckingMemberNames(Body.self, from: data)
        } catch {
            throw ProviderRequestError("the request body is not valid: \(error)")
        }
        let found = Validation.contractIssues(of: value, checking: issues)
        if !found.isEmpty {
            throw ProviderRequestError("the request body breaks the contract: " + describe(found))
        }
        return value
    }
}

/// Responses a generated provider's `handle(_:)` writes.
public enum ProviderResponse {
    /// A JSON body (keys sorted) with its media type, and the response's declared `headers` after `Content-Type`; the
    /// `writeOnly` properties of any value in it are left out (``CodingDirection/response``).
    public static func json<Body: Encodable>(_ status: Int, _ body: Body, contentType: String, headers: [ClientHeader] = []) -> ClientResponse {
        do {
            return ClientResponse(
                status: status, headers: [ClientHeader(name: "Content-Type", value: contentType)] + headers,
                body: try CanonicalJSON.encode(body, with: CanonicalJSON.encoder(for: .response)))
        } catch {
            return problem(500, "Internal Server Error", detail: "the response could not be encoded")
        }
    }

    /// The answer to a `HEAD`: the `GET` response's status and headers without its content (RFC 9110 §9.3.2).
    public static func head(_ response: ClientResponse) -> ClientResponse {
        ClientResponse(status: response.status, headers: response.headers)
    }

    /// The answer to a request refused while it was read: a ``ProviderRequestError``'s status (400, 415) and message
    /// as a problem; any other error, which reading does not throw, 500.
    public static func refused(_ error: any Error) -> ClientResponse {
        guard let error = error as? ProviderRequestError else { return problem(500, "Internal Server Error") }
        return problem(error.status, error.title, detail: error.message)
    }

    /// An array header's value: the items comma-separated. An item that contains a comma would read back as two, so
    /// it is refused (``HeaderListItemError``); a client's request headers go through here too
    /// (``ClientParameter/headerList(_:_:for:)``).
    public static func headerList(_ items: [String], _ name: String) throws(HeaderListItemError) -> String {
        if let item = items.first(where: { $0.contains(",") }) { throw HeaderListItemError(header: name, item: item) }
        return items.joined(separator: ",")
    }

    /// No body; the response's declared `headers`.
    public static func empty(_ status: Int, headers: [ClientHeader] = []) -> ClientResponse {
        ClientResponse(status: status, headers: headers)
    }

    /// An RFC 9457 problem (`application/problem+json`): type, title, status and detail.
    public static func problem(_ status: Int, _ title: String, detail: String? = nil, headers: [ClientHeader] = []) -> ClientResponse {
        var members: [String: JSONValue] = ["type": "about:blank", "title": .string(title), "status": .integer(Int64(status))]
        if let detail { members["detail"] = .string(detail) }
        let body = (try? CanonicalJSON.encoder().encode(JSONValue.object(members))) ?? Data()
        return ClientResponse(status: status, headers: [ClientHeader(name: "Content-Type", value: "application/problem+json")] + headers, body: body)
    }
}
