import Foundation
import XCTest
@testable import CharterRuntime

/// `ProviderIdempotency.serve` over `InMemoryIdempotencyStore`: a write sent again with its key is answered from the
/// store and not run again; the key with another request is refused; answers that say nothing was written are not kept.
final class ProviderIdempotencyTests: XCTestCase {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 1_700_000_000)
        var now: Date { lock.withLock { time } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    /// Counts the runs of the write and answers with the status it is told.
    final class Write: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var runs = 0
        var status = 201
        func run() -> ClientResponse {
            lock.withLock {
                runs += 1
                return ClientResponse(status: status, headers: [ClientHeader(name: "Location", value: "/r/\(runs)")], body: Data("run \(runs)".utf8))
            }
        }
    }

    static func request(_ body: String, key: String? = "k1", path: String = "/reservations") -> ClientRequest {
        ClientRequest(method: "POST", path: path, headers: key.map { [ClientHeader(name: "Idempotency-Key", value: $0)] } ?? [], body: Data(body.utf8))
    }

    /// Rows, in order against one store: the request → the answer's status, its body, whether it was replayed, and
    /// how many times the write has run by then.
    func testRetriesAreAnsweredFromTheStore() async {
        let clock = Clock()
        let store = InMemoryIdempotencyStore(caller: { _ in nil }, now: { clock.now })
        let write = Write()
        let rows: [(label: String, request: ClientRequest, before: () -> Void, status: Int, body: String, replayed: Bool, runs: Int)] = [
            ("first request runs", Self.request("{\"a\":1}"), {}, 201, "run 1", false, 1),
            ("the retry is answered from the store", Self.request("{\"a\":1}"), {}, 201, "run 1", true, 1),
            ("the key with another body is refused", Self.request("{\"a\":2}"), {}, 422, "", false, 1),
            ("the key on another path is refused", Self.request("{\"a\":1}", path: "/reservations/x"), {}, 422, "", false, 1),
            ("another key runs", Self.request("{\"a\":2}", key: "k2"), {}, 201, "run 2", false, 2),
            ("no key: runs every time", Self.request("{\"a\":1}", key: nil), {}, 201, "run 3", false, 3),
            ("still kept just before the retention ends", Self.request("{\"a\":1}"), { clock.advance(3_599) }, 201, "run 1", true, 3),
            ("after the retention the key is new again", Self.request("{\"a\":1}"), { clock.advance(2) }, 201, "run 4", false, 4),
            ("a 503 is not kept", Self.request("{}", key: "k3"), { write.status = 503 }, 503, "run 5", false, 5),
            ("so its retry runs", Self.request("{}", key: "k3"), { write.status = 201 }, 201, "run 6", false, 6),
            ("a 429 is not kept either", Self.request("{}", key: "k4"), { write.status = 429 }, 429, "run 7", false, 7),
            ("a 409 (the write's own answer) is kept", Self.request("{}", key: "k5"), { write.status = 409 }, 409, "run 8", false, 8),
            ("and replayed", Self.request("{}", key: "k5"), { write.status = 201 }, 409, "run 8", true, 8),
            // The implementation may have written before it failed: its 500 is the key's outcome, as Stripe keeps it.
            ("a 500 is kept", Self.request("{}", key: "k6"), { write.status = 500 }, 500, "run 9", false, 9),
            ("and replayed too", Self.request("{}", key: "k6"), { write.status = 201 }, 500, "run 9", true, 9),
            ("an empty key is no key", Self.request("{}", key: ""), {}, 201, "run 10", false, 10),
            ("nor is it kept", Self.request("{}", key: ""), {}, 201, "run 11", false, 11),
        ]
        for row in rows {
            row.before()
            let response = await ProviderIdempotency.serve(row.request, store: store, operation: "createReservation", keyHeader: "Idempotency-Key", retention: 3_600) {
                write.run()
            }
            XCTAssertEqual(response.status, row.status, row.label)
            if !row.body.isEmpty { XCTAssertEqual(String(decoding: response.body, as: UTF8.self), row.body, row.label) }
            XCTAssertEqual(response.header(ProviderIdempotency.replayedHeader), row.replayed ? "true" : nil, row.label)
            XCTAssertEqual(write.runs, row.runs, row.label)
            if row.replayed { XCTAssertEqual(response.header("Location"), "/r/\(row.body.dropFirst(4))", row.label) }
        }
    }

    /// Keys of different operations never meet, and without a store every request runs.
    func testKeysAreScopedToTheOperationAndTheStoreIsOptional() async {
        let store = InMemoryIdempotencyStore(caller: { _ in nil })
        let write = Write()
        for operation in ["createReservation", "captureOrder"] {
            let response = await ProviderIdempotency.serve(Self.request("{}"), store: store, operation: operation, keyHeader: "Idempotency-Key", retention: 60) { write.run() }
            XCTAssertEqual(response.status, 201)
        }
        XCTAssertEqual(write.runs, 2)
        for _ in 0..<2 {
            _ = await ProviderIdempotency.serve(Self.request("{}"), store: nil, operation: "createReservation", keyHeader: "Idempotency-Key", retention: 60) { write.run() }
        }
        XCTAssertEqual(write.runs, 4)
    }

    /// With `caller`, one caller's key never answers another's request: the same key from another caller runs.
    func testKeysCanBePerCaller() async {
        let store = InMemoryIdempotencyStore(caller: { $0.header("X-Caller") })
        let write = Write()
        var answers: [String] = []
        for caller in ["pos-1", "pos-2", "pos-1"] {
            var request = Self.request("{}")
            request.headers.append(ClientHeader(name: "X-Caller", value: caller))
            let response = await ProviderIdempotency.serve(request, store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 60) { write.run() }
            answers.append(String(decoding: response.body, as: UTF8.self) + (response.header(ProviderIdempotency.replayedHeader) == nil ? "" : " (replayed)"))
        }
        XCTAssertEqual(answers, ["run 1", "run 2", "run 1 (replayed)"])
    }

    /// While the key's first request runs, a retry with it is refused with 409 and does not run.
    func testARetryWhileTheFirstRunsIsRefused() async {
        let store = InMemoryIdempotencyStore(caller: { _ in nil })
        let write = Write()
        let inner = await ProviderIdempotency.serve(Self.request("{}"), store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 60) {
            // The first request is still running when its retry arrives.
            let retry = await ProviderIdempotency.serve(Self.request("{}"), store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 60) { write.run() }
            XCTAssertEqual(retry.status, 409)
            XCTAssertEqual(retry.header("Retry-After"), "1")
            XCTAssertTrue(String(decoding: retry.body, as: UTF8.self).contains("still being processed"))
            return write.run()
        }
        XCTAssertEqual(inner.status, 201)
        XCTAssertEqual(write.runs, 1)
    }

    /// A claim still running after `staleAfter` no longer holds its key: the next request with it runs, and the stale
    /// request's late finish does not overwrite that run's answer.
    func testAStaleClaimGivesWayAndItsLateFinishIsIgnored() async {
        let clock = Clock()
        let store = InMemoryIdempotencyStore(caller: { _ in nil }, staleAfter: 30, now: { clock.now })
        let key = IdempotencyKey(operation: "op", key: "k")
        let request = Self.request("{}")
        let print = ProviderIdempotency.fingerprint(request)
        guard case .proceed(let stale) = await store.claim(key, request: request, fingerprint: print) else { return XCTFail("not claimed") }
        let waiting = await store.claim(key, request: request, fingerprint: print)
        XCTAssertEqual(waiting, .inFlight)
        clock.advance(31)
        guard case .proceed(let fresh) = await store.claim(key, request: request, fingerprint: print) else { return XCTFail("the stale claim still holds") }
        await store.finish(key, lease: stale, request: request, response: ClientResponse(status: 201, body: Data("stale".utf8)), retention: 60)
        let stillRunning = await store.claim(key, request: request, fingerprint: print)
        XCTAssertEqual(stillRunning, .inFlight, "the stale request's finish ended the fresh claim")
        await store.finish(key, lease: fresh, request: request, response: ClientResponse(status: 201, body: Data("fresh".utf8)), retention: 60)
        let replay = await store.claim(key, request: request, fingerprint: print)
        XCTAssertEqual(replay, .replay(ClientResponse(status: 201, body: Data("fresh".utf8))))
    }

    /// Rows: two requests with one key → whether the second is the same request. The header parameters the
    /// operation declares count, every field line of them; other headers (a renewed token) do not; the query's
    /// order does.
    func testFingerprintRows() {
        func request(_ headers: [ClientHeader], query: [ClientHeader] = []) -> ClientRequest {
            ClientRequest(method: "POST", path: "/prices", query: query, headers: headers, body: Data("{}".utf8))
        }
        let eur = ClientHeader(name: "X-Currency", value: "EUR")
        let rows: [(label: String, first: ClientRequest, second: ClientRequest, same: Bool)] = [
            ("same declared header", request([eur]), request([ClientHeader(name: "x-currency", value: "EUR")]), true),
            ("declared header changed", request([eur]), request([ClientHeader(name: "X-Currency", value: "USD")]), false),
            ("declared header dropped", request([eur]), request([]), false),
            ("declared header empty vs absent", request([ClientHeader(name: "X-Currency", value: "")]), request([]), false),
            ("another token", request([eur, ClientHeader(name: "Authorization", value: "Bearer a")]), request([eur, ClientHeader(name: "Authorization", value: "Bearer b")]), true),
            // A declared header's field lines are one list (RFC 9110 §5.3): all of them count, however split.
            ("one list on two field lines", request([ClientHeader(name: "X-Currency", value: "EUR, USD")]),
             request([eur, ClientHeader(name: "x-currency", value: "USD")]), true),
            ("second field line changed", request([eur, ClientHeader(name: "X-Currency", value: "USD")]),
             request([eur, ClientHeader(name: "X-Currency", value: "GBP")]), false),
            ("second field line dropped", request([eur, ClientHeader(name: "X-Currency", value: "USD")]), request([eur]), false),
            ("query order", request([], query: [ClientHeader(name: "a", value: "1"), ClientHeader(name: "b", value: "2")]),
             request([], query: [ClientHeader(name: "b", value: "2"), ClientHeader(name: "a", value: "1")]), false),
        ]
        for row in rows {
            let same = ProviderIdempotency.fingerprint(row.first, headers: ["X-Currency"]) == ProviderIdempotency.fingerprint(row.second, headers: ["X-Currency"])
            XCTAssertEqual(same, row.same, row.label)
        }
    }

    /// Rows, for an operation that declares a JSON body (the default): two bodies with one key, each with its
    /// `Content-Type` (nil: none) → whether the second is the same request.
    /// A body the provider reads as JSON (labelled `application/json` or a `+json` type, any case and parameters, or not
    /// labelled at all) counts by the value the provider reads: member order, whitespace, escapes and how a number is
    /// written (`1`, `1.0`, `1e0`) do not count; anything the provider would read differently does. A body of another
    /// media type, and one that is not JSON, counts by its bytes; a body read as JSON never matches one counted by its bytes.
    func testBodyFingerprintRows() {
        let json = "application/json"
        let rows: [(label: String, first: (String, String?), second: (String, String?), same: Bool)] = [
            ("members in another order", (#"{"sku":"A1","qty":2}"#, json), (#"{"qty":2,"sku":"A1"}"#, json), true),
            ("nested members in another order", (#"{"a":{"x":1,"y":[1,{"p":1,"q":2}]}}"#, json), (#"{"a":{"y":[1,{"q":2,"p":1}],"x":1}}"#, json), true),
            ("other whitespace", (#"{"sku":"A1","qty":2}"#, json), ("{\n  \"sku\" : \"A1\",\n  \"qty\" : 2\n}\n", json), true),
            ("an escape for the same character", (#"{"sku":"A1"}"#, json), (#"{"sku":"\u00411"}"#, json), true),
            ("a whole number with a fraction or an exponent", (#"{"qty":2}"#, json), (#"{"qty":2.0}"#, json), true),
            ("the same number in an exponent", (#"{"qty":2}"#, json), (#"{"qty":0.2e1}"#, json), true),
            ("trailing zeros of a fraction", (#"{"price":1.5}"#, json), (#"{"price":1.50}"#, json), true),
            ("a number past Int64 written out and in an exponent", (#"{"n":1500000000000000000000000000000}"#, json), (#"{"n":15e29}"#, json), true),
            ("a fraction in an exponent", (#"{"n":0.125}"#, json), (#"{"n":125.0e-3}"#, json), true),
            ("zero and negative zero", (#"{"n":0}"#, json), (#"{"n":-0.0}"#, json), true),
            ("a +json type with parameters, in another case", (#"{"a":1,"b":2}"#, "application/merge-patch+json"), (#"{"b":2,"a":1}"#, "Application/JSON; charset=utf-8"), true),
            ("a member name repeated: the first is read, as the provider reads it", (#"{"a":1,"a":2}"#, json), (#"{"a":1,"a":3}"#, json), true),
            ("another value", (#"{"sku":"A1","qty":2}"#, json), (#"{"sku":"A1","qty":3}"#, json), false),
            ("another number's fraction", (#"{"price":1.5}"#, json), (#"{"price":1.05}"#, json), false),
            ("a number and a string", (#"{"qty":2}"#, json), (#"{"qty":"2"}"#, json), false),
            ("items in another order", (#"[1,2]"#, json), (#"[2,1]"#, json), false),
            ("a member added", (#"{"a":1}"#, json), (#"{"a":1,"b":null}"#, json), false),
            ("a name in another normalisation (é precomposed, then decomposed)", ("{\"caf\u{E9}\":1}", json), ("{\"cafe\u{301}\":1}", json), false),
            ("not JSON: its bytes, the same", ("{sku: A1", json), ("{sku: A1", json), true),
            ("not JSON: its bytes, other whitespace", ("{sku: A1", json), ("{sku:  A1", json), false),
            ("another media type: its bytes", (#"{"a":1,"b":2}"#, "text/plain"), (#"{"b":2,"a":1}"#, "text/plain"), false),
            ("no media type: read as JSON, members in another order", (#"{"a":1,"b":2}"#, nil), (#"{"b":2,"a":1}"#, nil), true),
            ("no media type: read as JSON, a number written otherwise", (#"{"qty":2}"#, nil), (#"{ "qty": 2.0 }"#, nil), true),
            ("no media type and JSON: the same value", (#"{"a":1,"b":2}"#, nil), (#"{"b":2,"a":1}"#, json), true),
            ("no media type: another value", (#"{"a":1}"#, nil), (#"{"a":2}"#, nil), false),
            ("no media type, the same bytes", (#"{"a":1}"#, nil), (#"{"a":1}"#, nil), true),
            ("no media type, not JSON: its bytes, the same", ("{sku: A1", nil), ("{sku: A1", nil), true),
            ("no media type, not JSON: its bytes, other whitespace", ("{sku: A1", nil), ("{sku:  A1", nil), false),
            ("no media type, read as JSON, and text/plain: never alike", (#"{"a":1}"#, nil), (#"{"a":1}"#, "text/plain"), false),
            ("the canonical text, once as JSON and once as text", (#"{"a":1}"#, json), (#"{"a":1}"#, "text/plain"), false),
        ]
        for row in rows {
            func request(_ body: (String, String?)) -> ClientRequest {
                ClientRequest(method: "POST", path: "/reservations", headers: body.1.map { [ClientHeader(name: "Content-Type", value: $0)] } ?? [], body: Data(body.0.utf8))
            }
            let same = ProviderIdempotency.fingerprint(request(row.first)) == ProviderIdempotency.fingerprint(request(row.second))
            XCTAssertEqual(same, row.same, row.label)
        }
    }

    /// Rows: the operation's declared request `contentType` (nil: it declares no request body) and two bodies with one
    /// key, each with its `Content-Type` (nil: none) → whether the second is the same request. A body counts by what the
    /// provider reads from it, and it reads every body it accepts as JSON, whatever type the contract declares: one
    /// labelled with the declared type (parameters and case aside), labelled JSON or not labelled counts by its value
    /// (under any of those labels alike); one the operation does not declare is not read and counts by its bytes, as
    /// does one with another label (refused with 415) and one that is not JSON (400) — a form's fields included.
    func testBodyFingerprintFollowsTheDeclaredRequestTypeRows() {
        let json = "application/json", text = "text/plain", form = "application/x-www-form-urlencoded", binary = "application/octet-stream"
        let patch = "application/merge-patch+json"
        let rows: [(label: String, declared: String?, first: (String, String?), second: (String, String?), same: Bool)] = [
            // JSON, the default.
            ("json: members in another order", json, (#"{"a":1,"b":2}"#, json), (#"{"b":2,"a":1}"#, json), true),
            ("json: another value", json, (#"{"a":1}"#, json), (#"{"a":2}"#, json), false),
            ("json: a text/plain label is refused (415), so its bytes", json, (#"{"a":1}"#, json), (#"{"a":1}"#, text), false),
            // A +json type declared.
            ("merge-patch: members in another order", patch, (#"{"a":1,"b":null}"#, patch), (#"{"b":null,"a":1}"#, patch), true),
            ("merge-patch: labelled application/json, the same value", patch, (#"{"a":1}"#, patch), (#"{ "a": 1.0 }"#, json), true),
            // text/plain declared: read as JSON under its label.
            ("text: members in another order", text, (#"{"a":1,"b":2}"#, text), (#"{"b":2,"a":1}"#, text), true),
            ("text: a number written otherwise", text, (#"{"qty":2}"#, text), (#"{"qty":2.0}"#, text), true),
            ("text: the label in another case, with parameters", text, (#"{"a":1,"b":2}"#, text), (#"{"b":2,"a":1}"#, "Text/Plain; charset=utf-8"), true),
            ("text: labelled text and labelled JSON, the same value", text, (#"{"a":1,"b":2}"#, text), (#"{"b":2,"a":1}"#, json), true),
            ("text: labelled text and unlabelled, the same value", text, (#"{"a":1,"b":2}"#, text), (#"{"b":2,"a":1}"#, nil), true),
            ("text: a JSON string, another escape for the same character", text, (#""A1""#, text), (#""\u00411""#, text), true),
            ("text: another value", text, (#"{"a":1}"#, text), (#"{"a":2}"#, text), false),
            ("text: not JSON (refused with 400): its bytes, the same", text, ("plain words", text), ("plain words", text), true),
            ("text: not JSON: its bytes, other whitespace", text, ("plain words", text), ("plain  words", text), false),
            ("text: not JSON, and the JSON string of the same text", text, ("plain words", text), (#""plain words""#, text), false),
            ("text: another label (refused with 415): its bytes", text, (#"{"a":1,"b":2}"#, "text/csv"), (#"{"b":2,"a":1}"#, "text/csv"), false),
            ("text: another label and the declared one, the same bytes", text, (#"{"a":1}"#, "text/csv"), (#"{"a":1}"#, text), false),
            // A form declared: read as JSON too; a form's fields are not read, so field order is bytes.
            ("form: a JSON body in another order", form, (#"{"a":1,"b":2}"#, form), (#"{"b":2,"a":1}"#, form + "; charset=utf-8"), true),
            ("form: fields in another order (not read: its bytes)", form, ("a=1&b=2", form), ("b=2&a=1", form), false),
            ("form: the same fields, the same bytes", form, ("a=1&b=2", form), ("a=1&b=2", form), true),
            ("form: a field spelt otherwise (not read: its bytes)", form, ("a=x+y", form), ("a=x%20y", form), false),
            // Binary declared: a JSON string under that label (a base64 string schema), read as JSON.
            ("binary: a JSON string with another escape", binary, (#""aGk=""#, binary), (#""\u0061Gk=""#, binary), true),
            ("binary: another string", binary, (#""aGk=""#, binary), (#""aGo=""#, binary), false),
            ("binary: raw bytes, not JSON: the same bytes", binary, ("\u{1}\u{2}", binary), ("\u{1}\u{2}", binary), true),
            ("binary: raw bytes, not JSON: other bytes", binary, ("\u{1}\u{2}", binary), ("\u{2}\u{1}", binary), false),
            // No request body declared: a body is not read, so it counts by its bytes, whatever its label.
            ("none: JSON in another order", nil, (#"{"a":1,"b":2}"#, json), (#"{"b":2,"a":1}"#, json), false),
            ("none: unlabelled JSON in another order", nil, (#"{"a":1,"b":2}"#, nil), (#"{"b":2,"a":1}"#, nil), false),
            ("none: the same bytes, labelled and not", nil, (#"{"a":1}"#, json), (#"{"a":1}"#, nil), true),
            ("none: an empty body and none", nil, ("", nil), ("", json), true),
        ]
        func request(_ body: (String, String?)) -> ClientRequest {
            ClientRequest(method: "POST", path: "/notes", headers: body.1.map { [ClientHeader(name: "Content-Type", value: $0)] } ?? [], body: Data(body.0.utf8))
        }
        for row in rows {
            let first = ProviderIdempotency.fingerprint(request(row.first), declaredContentType: row.declared)
            let second = ProviderIdempotency.fingerprint(request(row.second), declaredContentType: row.declared)
            XCTAssertEqual(first == second, row.same, row.label)
        }
        // Unsaid, the declared type is JSON: callers that do not pass one count as before.
        for body in [(#"{"b":2,"a":1}"#, json), (#"{"a":1}"#, text), (#"{"a":1}"#, nil), ("plain", nil)] as [(String, String?)] {
            XCTAssertEqual(ProviderIdempotency.fingerprint(request(body)), ProviderIdempotency.fingerprint(request(body), declaredContentType: json), body.0)
        }
    }

    /// A JSON body re-serialised by a retry is replayed, not refused as another request, whenever the provider reads it
    /// as JSON. Rows: the operation's declared request `contentType` and the body's `Content-Type` (nil: none).
    func testARetryReserialisingItsJSONIsReplayed() async {
        let rows: [(declared: String, contentType: String?)] = [
            ("application/json", "application/json"), ("application/json", nil), ("text/plain", "text/plain"),
            ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        for (declared, contentType) in rows {
            let store = InMemoryIdempotencyStore(caller: { _ in nil })
            let write = Write()
            func send(_ body: String) async -> ClientResponse {
                var request = Self.request(body)
                if let contentType { request.headers.append(ClientHeader(name: "Content-Type", value: contentType)) }
                return await ProviderIdempotency.serve(
                    request, store: store, operation: "op", keyHeader: "Idempotency-Key", declaredContentType: declared, retention: 60) { write.run() }
            }
            let label = "\(declared): " + (contentType ?? "no Content-Type")
            let first = await send(#"{"sku":"A1","qty":2}"#)
            let retry = await send("{ \"qty\": 2.0, \"sku\": \"A1\" }")
            let other = await send(#"{"sku":"A1","qty":3}"#)
            XCTAssertEqual([first.status, retry.status, other.status], [201, 201, 422], label)
            XCTAssertEqual(retry.header(ProviderIdempotency.replayedHeader), "true", label)
            XCTAssertEqual(write.runs, 1, label)
        }
    }

    /// Expired answers are dropped as keys are claimed, so the store does not grow without bound.
    func testExpiredAnswersAreDropped() async {
        let clock = Clock()
        let store = InMemoryIdempotencyStore(caller: { _ in nil }, now: { clock.now })
        let write = Write()
        for index in 0..<100 {
            _ = await ProviderIdempotency.serve(Self.request("{}", key: "k\(index)"), store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 10) { write.run() }
        }
        let full = await store.count
        XCTAssertEqual(full, 100)
        clock.advance(11)
        for index in 0..<64 {
            _ = await ProviderIdempotency.serve(Self.request("{}", key: "n\(index)"), store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 10) { write.run() }
        }
        let swept = await store.count
        XCTAssertLessThanOrEqual(swept, 64)
    }

    /// Past its capacity the store drops the oldest kept answer (its key's retry runs again) and keeps the newer ones;
    /// a claim still running is never dropped, and a key kept again moves to the back of the queue.
    func testCapacityDropsTheOldestAnswers() async {
        let store = InMemoryIdempotencyStore(caller: { _ in nil }, capacity: 2)
        let write = Write()
        func send(_ key: String) async -> ClientResponse {
            await ProviderIdempotency.serve(Self.request("{}", key: key), store: store, operation: "op", keyHeader: "Idempotency-Key", retention: 3_600) {
                write.run()
            }
        }
        // Rows in order: the key sent → whether the answer was replayed, and the answers held after it.
        let rows: [(key: String, replayed: Bool, count: Int)] = [
            ("a", false, 1), ("b", false, 2),
            ("a", true, 2),      // kept
            ("c", false, 2),     // a, the oldest, is dropped
            ("b", true, 2), ("c", true, 2),
            ("a", false, 2),     // runs again, kept again; b is dropped
            ("c", true, 2), ("a", true, 2), ("b", false, 2),
        ]
        for (index, row) in rows.enumerated() {
            let response = await send(row.key)
            XCTAssertEqual(response.header(ProviderIdempotency.replayedHeader) == "true", row.replayed, "row \(index): \(row.key)")
            let count = await store.count
            XCTAssertEqual(count, row.count, "row \(index): \(row.key)")
        }
        XCTAssertEqual(write.runs, 5)

        // A running claim holds its key whatever the capacity.
        guard case .proceed(let lease) = await store.claim(IdempotencyKey(operation: "op", key: "slow"), request: Self.request("{}", key: "slow"), fingerprint: Data([1])) else {
            return XCTFail("a new key is claimed")
        }
        _ = await send("d")
        _ = await send("e")
        let again = await store.claim(IdempotencyKey(operation: "op", key: "slow"), request: Self.request("{}", key: "slow"), fingerprint: Data([1]))
        XCTAssertEqual(again, .inFlight)
        await store.finish(IdempotencyKey(operation: "op", key: "slow"), lease: lease, request: Self.request("{}", key: "slow"), response: nil, retention: 60)
    }
}
