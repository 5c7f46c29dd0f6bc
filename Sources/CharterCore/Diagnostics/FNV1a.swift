/// 64-bit FNV-1a: a small, stable, non-cryptographic hash for change detection and fingerprints that must be the
/// same on every machine and in every run (Swift's `Hasher` is seeded per process). Lint baselines and SARIF
/// fingerprints, and the build plugin's plan check, are computed with it.
public struct FNV1a64: Sendable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty hash (the offset basis).
    public init() {}

    /// Mixes in `bytes`. Contiguous storage (arrays, `Data`, native strings' UTF-8) is read as one buffer:
    /// a generic sequence walked byte by byte through its witness table costs dozens of instructions a byte,
    /// and lint fingerprints every finding (tens of thousands in a large estate).
    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ mix(buffer: UnsafeRawBufferPointer($0)) }) != nil { return }
        for byte in bytes { mix(byte: byte) }
    }

    /// Mixes in the UTF-8 of `text`.
    public mutating func mix(_ text: String) {
        var text = text
        text.withUTF8 { mix(buffer: UnsafeRawBufferPointer($0)) }
    }

    /// Mixes in one byte.
    public mutating func mix(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    private mutating func mix(buffer: UnsafeRawBufferPointer) {
        var hash = value
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* Self.prime }
        value = hash
    }

    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 { buffer[index] = digits.utf8Start[Int((value >> UInt64(60 - 4 * index)) & 0xF)] }
            return 16
        }
    }
}
