import CharterRuntime
import Foundation
import RetailModels
import XCTest

/// Real payloads through the models the build-tool plugin generated from the target's contracts.
final class RetailModelsTests: XCTestCase {
    let decoder = RetailCoding.decoder()
    let encoder = RetailCoding.encoder()

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try decoder.decode(T.self, from: Data(json.utf8))
    }

    func roundTrip<T: Codable>(_ type: T.Type, _ json: String) throws -> (T, [String: Any], [String: Any]) {
        let value = try decode(T.self, json)
        let original = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let reencoded = try JSONSerialization.jsonObject(with: encoder.encode(value)) as! [String: Any]
        return (value, original, reencoded)
    }

    static let availability = """
        {"sku": "TSH-CRW-NVY-M", "locations": [
          {"sku": "TSH-CRW-NVY-M", "location": {"locationId": "STR-0142", "locationType": "store"},
           "onHand": {"value": 14, "unitOfMeasure": "each"}, "reserved": {"value": 3, "unitOfMeasure": "each"},
           "inTransit": {"value": 24, "unitOfMeasure": "each"}, "safetyStock": {"value": 2, "unitOfMeasure": "each"},
           "sellable": {"value": 9, "unitOfMeasure": "each"}, "availableToPromise": {"value": 33, "unitOfMeasure": "each"},
           "status": "inStock", "asOf": "2026-11-27T14:03:11Z"},
          {"sku": "TSH-CRW-NVY-M", "location": {"locationId": "DC-NTH-01", "locationType": "warehouse"},
           "onHand": {"value": 0, "unitOfMeasure": "each"}, "reserved": {"value": 0, "unitOfMeasure": "each"},
           "inTransit": {"value": 0, "unitOfMeasure": "each"}, "safetyStock": {"value": 0, "unitOfMeasure": "each"},
           "sellable": {"value": 0, "unitOfMeasure": "each"}, "availableToPromise": {"value": 0, "unitOfMeasure": "each"},
           "status": "outOfStock", "asOf": "2026-11-27T14:03:11.250+01:00"}],
         "totalAvailableToPromise": {"value": 33, "unitOfMeasure": "each"}}
        """

    func testAvailabilityDecodesAndChannelLogicUsesIt() throws {
        let availability = try decode(InventoryV2.SkuAvailability.self, Self.availability)
        let sellable = availability.sellableQuantity()
        XCTAssertEqual(sellable.sku, "TSH-CRW-NVY-M")
        XCTAssertEqual(sellable.promisable, 33)
        XCTAssertEqual(sellable.sellable, 9)
        XCTAssertEqual(sellable.locations, ["STR-0142"])
        // Any offset decodes to the same instant; re-encoding writes UTC.
        XCTAssertEqual(availability.locations[1].asOf, RFC3339.parseDateTime("2026-11-27T13:03:11.25Z"))
        XCTAssertEqual(availability.validationIssues, [])
    }

    static let order = """
        {"orderId": "ORD-1004587125", "status": "inFulfilment", "capturedAt": "2026-11-27T11:02:15.066Z",
         "updatedAt": "2026-11-27T11:02:16.480Z", "channelOrderRef": "W-100238902", "channel": {"channelType": "web", "siteId": "gb-main"},
         "customer": {"customerId": "CUS-20418833", "email": "amelia.hughes@example.co.uk", "givenName": "Amelia", "familyName": "Hughes"},
         "lines": [
           {"lineId": "1", "sku": "JKT-WPF-BLK-10", "description": "Women's waterproof jacket, black, 10", "quantity": 1, "unitPrice": {"amount": "89.00", "currency": "GBP"},
            "lineTotal": {"amount": "79.01", "currency": "GBP"}, "fulfilmentType": "shipFromStore", "deliveryServiceCode": "2-day"},
           {"lineId": "2", "sku": "SCK-WOL-GRY-L", "description": "Wool socks, grey, L", "quantity": 3, "unitPrice": {"amount": "0.10", "currency": "GBP"},
            "lineTotal": {"amount": "0.20", "currency": "GBP"}, "fulfilmentType": "buyOnlinePickupInStore", "deliveryServiceCode": "STD"}],
         "payments": [{"method": "card", "amount": {"amount": "79.21", "currency": "GBP"}, "cardScheme": "visa", "last4": "4242", "pspReference": "PSP-1", "threeDSecure": true}],
         "totals": {"subtotal": {"amount": "89.30", "currency": "GBP"}, "discountTotal": {"amount": "10.09", "currency": "GBP"},
                    "shippingTotal": {"amount": "0", "currency": "GBP"}, "taxTotal": {"amount": "13.20", "currency": "GBP"},
                    "taxIncluded": true, "grandTotal": {"amount": "79.21", "currency": "GBP"}},
         "placedAt": "2026-11-27T11:02:13Z"}
        """

    func testOrderRoundTripsMoneyExactly() throws {
        let json = Self.order
        let (order, _, reencoded) = try roundTrip(OrdersV2.Order.self, json)
        // 79.01 + 0.20 is exactly 79.21 in Decimal (it would not be in Double).
        XCTAssertEqual(order.linesTotal(), CommonV1.Money(amount: Decimal(string: "79.21")!, currency: order.lines[0].lineTotal.currency))
        XCTAssertEqual(order.totals.grandTotal.amount, Decimal(string: "79.21")!)
        let totals = reencoded["totals"] as? [String: Any]
        XCTAssertEqual((totals?["grandTotal"] as? [String: Any])?["amount"] as? String, "79.21", "money stays a decimal string on the wire")
        XCTAssertEqual(order.lines[1].deliveryServiceCode?.rawValue, "STD")
    }

    func testUnknownEnumValuesAndEventKindsSurviveARoundTrip() throws {
        // A status and a movement type added in a later minor version must not break this client.
        let movements = """
            [{"movementId": "90bfeb66-2cfa-4d20-b2cb-96f6dda2c82f", "type": "transferIn", "sku": "TSH-CRW-NVY-M",
              "location": {"locationId": "STR-0142", "locationType": "store"}, "quantity": {"value": 24, "unitOfMeasure": "each"},
              "occurredAt": "2026-11-27T07:05:00Z", "transferId": "TRF-0098231", "origin": {"locationId": "DC-NTH-01", "locationType": "warehouse"}},
             {"movementId": "5f0c0d7e-0b7e-4d8e-9d3a-1f2e3d4c5b6a", "type": "cycleCountCorrection", "sku": "X", "delta": -2}]
            """
        let decoded = try decoder.decode([InventoryV2.StockMovement].self, from: Data(movements.utf8))
        guard case .transferIn(let transfer) = decoded[0] else { return XCTFail("expected a transfer in, got \(decoded[0])") }
        XCTAssertEqual(transfer.quantity.value, 24)
        guard case .unrecognized(let raw) = decoded[1] else { return XCTFail("expected an unrecognized movement, got \(decoded[1])") }
        XCTAssertEqual(raw["type"], "cycleCountCorrection")
        let again = try JSONSerialization.jsonObject(with: encoder.encode(decoded)) as! [[String: Any]]
        XCTAssertEqual(again[1]["delta"] as? Int, -2, "unknown alternatives are re-encoded unchanged")

        let status = try decode([InventoryV2.AvailabilityStatus].self, #"["inStock", "allocatedToMarketplace"]"#)
        XCTAssertEqual(status[1], .unrecognized("allocatedToMarketplace"))
        XCTAssertEqual(String(decoding: try encoder.encode(status), as: UTF8.self), #"["inStock","allocatedToMarketplace"]"#)
    }

    func testAllocationStatusMachineComesFromTheContract() {
        let created = OrdersV2.AllocationStatus.created
        XCTAssertTrue(created.canTransition(to: .allocated))
        XCTAssertFalse(created.canTransition(to: .shipped))
        XCTAssertEqual(OrdersV2.AllocationStatus.delivered.allowedTransitions, [])
    }

    func testValidationReportsContractViolations() throws {
        let decoded = try decode(InventoryV2.SkuAvailability.self, Self.availability)
        // Generated properties are `let`: a changed value is built with the memberwise initialiser
        // (the deprecated network total is left out: reading it would warn, and the test is about `sku`).
        let availability = InventoryV2.SkuAvailability(sku: "", locations: decoded.locations)
        let issues = availability.validationIssues
        XCTAssertFalse(issues.isEmpty)
        XCTAssertTrue(issues.contains { $0.path == "/sku" }, "\(issues)")
        XCTAssertThrowsError(try availability.validate())
    }

    /// A stock-movement message as a store system receives it from the inventory topic.
    static let stockMovementMessage = """
        {"id": "0F8D3C52-7D4B-4B8E-9A51-2F0C6F4F9A10", "type": "StockMovementRecorded", "source": "urn:retail:system:inventory-service",
         "time": "2026-11-27T07:05:00.125Z", "subject": "TSH-CRW-NVY-M", "partitionKey": "TSH-CRW-NVY-M|STR-0142", "dataVersion": "2.0.0",
         "data": {"movementId": "90bfeb66-2cfa-4d20-b2cb-96f6dda2c82f", "type": "transferIn", "sku": "TSH-CRW-NVY-M",
                  "location": {"locationId": "STR-0142", "locationType": "store"}, "quantity": {"value": 24, "unitOfMeasure": "each"},
                  "occurredAt": "2026-11-27T07:05:00Z", "transferId": "TRF-0098231", "origin": {"locationId": "DC-NTH-01", "locationType": "warehouse"}}}
        """

    func testEventsTravelInTheirEnvelope() async throws {
        typealias Movement = InventoryV2.Events.StockMovementRecorded
        actor Inbox {
            var seen: Set<UUID> = []
            var applied: [String] = []
            /// At-least-once delivery: a redelivered id is acknowledged, not applied again.
            func apply(_ envelope: EventEnvelope<Movement>) {
                guard seen.insert(envelope.id).inserted else { return }
                if case .transferIn(let movement) = envelope.data { applied.append("\(movement.location.locationId)+\(movement.quantity.value)") }
            }
        }
        struct StoreSubscriber: EventSubscriber {
            let inbox: Inbox
            func receive(_ envelope: EventEnvelope<Movement>) async throws { await inbox.apply(envelope) }
        }
        let inbox = Inbox()
        let subscriber = StoreSubscriber(inbox: inbox)
        let message = Data(Self.stockMovementMessage.utf8)
        try await subscriber.receive(message: message)
        try await subscriber.receive(message: message)
        let applied = await inbox.applied
        XCTAssertEqual(applied, ["STR-0142+24"])
        XCTAssertEqual(Movement.topic, "inventory.stock-movements.v2")
        XCTAssertEqual(Movement.delivery, .atLeastOnce)
        XCTAssertEqual(Movement.retry?.delayMilliseconds(afterFailedAttempts: 1), 500)

        // Publishing: the envelope derives the partition key from the payload and carries the contract version.
        let envelope = try decoder.decode(EventEnvelope<Movement>.self, from: message)
        XCTAssertEqual(envelope.validationIssues, [])
        let republished = EventEnvelope<Movement>(source: "urn:retail:system:inventory-service", time: envelope.time, data: envelope.data)
        XCTAssertEqual(republished.partitionKey, "TSH-CRW-NVY-M|STR-0142")
        XCTAssertEqual(republished.dataVersion, "2.0.0")
        XCTAssertEqual(InventoryV2.Events.all.map { $0.eventType }, ["StockMovementRecorded", "AvailabilityChanged"])

        // A message from another event's topic is refused rather than read as this one.
        let wrong = Self.stockMovementMessage.replacingOccurrences(of: "StockMovementRecorded", with: "AvailabilityChanged")
        XCTAssertThrowsError(try decoder.decode(EventEnvelope<Movement>.self, from: Data(wrong.utf8)))
    }

    func testClientAndProviderExchangeInMemory() async throws {
        // The order service's side: the Provider protocol generated from orders-v2.json.
        actor Ledger {
            var keys: [String] = []
            func record(_ key: String?) { keys.append(key ?? "none") }
        }
        struct OrderService: OrdersV2.Provider {
            let order: OrdersV2.Order
            let ledger: Ledger
            func getOrder(orderId: OrdersV2.OrderId) async throws -> OrdersV2.GetOrderResponse {
                guard orderId == order.orderId else {
                    return .notFound(CommonV1.Problem(type: URL(string: "about:blank")!, title: "Unknown order", status: 404))
                }
                return .ok(order)
            }
            func cancelOrder(orderId: OrdersV2.OrderId, _ body: OrdersV2.CancellationRequest, idempotencyKey: String?) async throws
                -> OrdersV2.CancelOrderResponse
            {
                await ledger.record(idempotencyKey)
                return .conflict(CommonV1.Problem(type: URL(string: "about:blank")!, title: "Already shipped", status: 409))
            }
            func captureOrder(_ body: OrdersV2.OrderDetails, idempotencyKey: String?) async throws -> OrdersV2.CaptureOrderResponse {
                // The contract says a 201 always carries `Location`: the case cannot be made without it.
                .created(order, location: "/orders/\(order.orderId)")
            }
            func requestAllocation(orderId: OrdersV2.OrderId, _ body: OrdersV2.AllocationRequest, idempotencyKey: String?) async throws
                -> OrdersV2.RequestAllocationResponse
            {
                .undocumented(status: 501, body: Data())
            }
            func getAllocation(allocationId: UUID) async throws -> OrdersV2.GetAllocationResponse { .undocumented(status: 501, body: Data()) }
            func confirmFulfilment(allocationId: UUID, _ body: OrdersV2.FulfilmentConfirmation, idempotencyKey: String?) async throws
                -> OrdersV2.ConfirmFulfilmentResponse
            {
                .undocumented(status: 501, body: Data())
            }
        }
        // The channel's side: the generated Client, whose transport hands each request to the service.
        // The service keeps the answers to keyed writes, so a retried write is answered, not run again.
        struct InMemory: ClientTransport {
            let service: OrderService
            // One channel calls this service, so keys need no caller; a shared service names the caller here.
            let store = InMemoryIdempotencyStore(caller: { _ in nil })
            func send(_ request: ClientRequest, serverURL: URL) async throws -> ClientResponse {
                await service.handle(request, idempotency: store)
            }
        }
        let ledger = Ledger()
        let service = OrderService(order: try decode(OrdersV2.Order.self, Self.order), ledger: ledger)
        // The operations require OAuth tokens: without an authorization the client would send nothing.
        let client = OrdersV2.Client(configuration: ClientConfiguration(
            serverURL: URL(string: "https://oms.example.com/v2")!, transport: InMemory(service: service),
            authorization: BearerAuthorization { _ in "token" }))

        guard case .ok(let order) = try await client.getOrder(orderId: "ORD-1004587125") else { return XCTFail("no order") }
        XCTAssertEqual(order.totals.grandTotal.amount, Decimal(string: "79.21")!)
        guard case .notFound(let problem) = try await client.getOrder(orderId: "ORD-0000000000") else { return XCTFail("found an unknown order") }
        XCTAssertEqual(problem.title, "Unknown order")
        // An id that breaks the contract's pattern never reaches the service: 400, which getOrder does not document.
        guard case .undocumented(status: 400, _) = try await client.getOrder(orderId: "ORD-0") else { return XCTFail("a malformed id was served") }

        // The response header the contract declares reaches the channel typed, beside the body.
        let details = try decode(OrdersV2.OrderDetails.self, Self.order)
        guard case .created(let captured, let location) = try await client.captureOrder(details) else { return XCTFail("not captured") }
        XCTAssertEqual(captured.orderId, order.orderId)
        XCTAssertEqual(location, "/orders/ORD-1004587125")

        let reason = try decode(OrdersV2.CancellationRequest.self, #"{"reason": "customerRequest"}"#)
        guard case .conflict = try await client.cancelOrder(orderId: "ORD-1004587125", reason) else { return XCTFail("not a conflict") }
        _ = try await client.cancelOrder(orderId: "ORD-1004587125", reason, idempotencyKey: "cancel-1")
        // The same write again with its key (a retry after a lost answer): the first answer, and the service not called.
        guard case .conflict = try await client.cancelOrder(orderId: "ORD-1004587125", reason, idempotencyKey: "cancel-1") else {
            return XCTFail("the retry was not answered as the first call")
        }
        let keys = await ledger.keys
        XCTAssertEqual(keys.count, 2)
        XCTAssertNotEqual(keys[0], "none", "the client made an idempotency key for the write")
        XCTAssertEqual(keys[1], "cancel-1")
    }

    func testAVersion1ReceiptIsUpgradedWithNothingDroppedSilently() throws {
        // A warehouse system still on inventory v1 reports a receipt; the stock service works in v2. v2 names
        // the location (a reference, not an id) and counts in quantities with units: the adapter asks for both,
        // and reports the v1 values it did not carry itself (the caller made the new ones from them).
        let receipt = try decode(InventoryV1.ReceiptMovement.self, """
            {"movementId": "73fe3521-4c9f-4d3f-93ea-2f185f315dcb", "type": "receipt", "sku": "KTL-2200-SS",
             "locationId": "DC-NTH-01", "quantity": 240, "occurredAt": "2026-11-27T06:15:00Z",
             "purchaseOrderNumber": "PO-4500123987", "supplierId": "SUP-100482"}
            """)
        let adapted = InventoryV2.ReceiptMovement.adapting(
            receipt,
            location: CommonV1.LocationRef(locationId: receipt.locationId, locationType: .warehouse),
            quantity: CommonV1.Quantity(value: Decimal(Int(receipt.quantity)), unitOfMeasure: .each))
        XCTAssertEqual(adapted.losses.map(\.pointer), ["/locationId", "/quantity"])
        XCTAssertThrowsError(try adapted.lossless())
        let movement = try adapted.accepting(["/locationId", "/quantity"])  // carried over by the caller
        XCTAssertEqual(movement.movementId, receipt.movementId)
        XCTAssertEqual(movement.occurredAt, receipt.occurredAt)
        XCTAssertEqual(movement.location.locationId, "DC-NTH-01")
        XCTAssertNil(movement.asnNumber)

        // And back, for the v1 system's acknowledgement: v2's richer location and quantity are reported lost.
        let back = InventoryV1.ReceiptMovement.adapting(movement, locationId: movement.location.locationId, quantity: receipt.quantity)
        XCTAssertEqual(back.losses.map(\.pointer), ["/location", "/quantity"])
        XCTAssertEqual(try back.accepting(["/location", "/quantity"]), receipt)
    }
}
