import CharterRuntime
import Foundation

/// What a channel (web, app, marketplace feed) may promise for a SKU, computed from the inventory
/// service's availability — the kind of logic a channel team writes against the generated models.
public struct SellableQuantity: Hashable, Sendable {
    /// The SKU.
    public var sku: String
    /// Units that can be promised now, summed over locations that are in stock.
    public var promisable: Decimal
    /// Units that can be sold from stock on hand, summed over the same locations.
    public var sellable: Decimal
    /// Locations contributing, in the order the service returned them.
    public var locations: [String]
}

extension InventoryV2.SkuAvailability {
    /// Availability across locations, counting only locations the service says can sell.
    public func sellableQuantity() -> SellableQuantity {
        var promisable: Decimal = 0
        var sellable: Decimal = 0
        var locations: [String] = []
        for location in self.locations where location.status != .outOfStock {
            promisable += location.availableToPromise.value
            sellable += location.sellable.value
            locations.append(location.location.locationId)
        }
        return SellableQuantity(sku: sku, promisable: promisable, sellable: sellable, locations: locations)
    }
}

extension OrdersV2.Order {
    /// The order total recomputed from its lines, in the order's currency (exact decimal arithmetic).
    public func linesTotal() -> CommonV1.Money? {
        guard let currency = lines.first?.lineTotal.currency else { return nil }
        var amount: Decimal = 0
        for line in lines {
            guard line.lineTotal.currency == currency else { return nil }
            amount += line.lineTotal.amount
        }
        return CommonV1.Money(amount: amount, currency: currency)
    }
}

/// Decodes contract payloads with the settings the generated types expect (none needed: dates,
/// decimals and UUIDs carry their own wire formats).
public enum RetailCoding {
    /// A decoder for contract payloads.
    public static func decoder() -> JSONDecoder { JSONDecoder() }

    /// An encoder with stable key order.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
