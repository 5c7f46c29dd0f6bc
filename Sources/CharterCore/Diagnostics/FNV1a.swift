/// 64-bit FNV-1a: a small, stable, non-cryptographic hash for change detection and fingerprints that must be the
/// same on every machine and in every run (Swift's `Hasher` is seeded per process). Lint baselines and SARIF
/// fingerprints, and the build plugin's plan check, are computed with it.
public struct FNV1a64: Sendable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash (the offset basis).
    public init() {}

    /// Mixes in `bytes`.
    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
