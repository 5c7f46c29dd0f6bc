import Foundation
import RetailCommon
import RetailInventory
import RetailOrders
import XCTest

/// The three modules together: `CommonV1` is one type (no `'CommonV1' is ambiguous`), so a value of RetailCommon's
/// passes into RetailOrders' and RetailInventory's types, and one decoded by RetailOrders goes on to RetailInventory.
final class SharedContractsTests: XCTestCase {
    func testOneCommonV1AcrossTheModules() throws {
        let money = CommonV1.Money(amount: Decimal(string: "79.00")!, currency: "GBP")
        let payment = OrdersV2.CardPayment(amount: money, cardScheme: .mastercard, last4: "5100", pspReference: "PSP-8812745530")
        XCTAssertEqual(payment.amount, money)

        let json = #"{"lineId": "1", "sku": "JKT-WPF-BLK-10", "description": "Jacket", "quantity": 1, "unitPrice": {"amount": "89.00", "currency": "GBP"}, "lineTotal": {"amount": "79.00", "currency": "GBP"}, "fulfilmentType": "buyOnlinePickupInStore", "collectionLocation": {"locationId": "STR-0388", "locationType": "store"}}"#
        let line = try JSONDecoder().decode(OrdersV2.OrderLine.self, from: Data(json.utf8))
        XCTAssertEqual(line.lineTotal, money)
        let store: CommonV1.LocationRef = try XCTUnwrap(line.collectionLocation)
        let one = CommonV1.Quantity(value: 1, unitOfMeasure: .each)
        let availability = InventoryV2.LocationAvailability(
            sku: line.sku, location: store, onHand: one, reserved: one, inTransit: one, safetyStock: one, sellable: one,
            availableToPromise: one, status: .inStock, asOf: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(availability.location, CommonV1.LocationRef(locationId: "STR-0388", locationType: .store))
        XCTAssertEqual(availability.validationIssues, [])
    }
}
