#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Code-point exact string comparison and hashing, as JSON wants them.
///
/// Swift's `String ==` compares by canonical equivalence ("é" precomposed equals
/// "e" + combining acute), but JSON strings and object keys are sequences of
/// code points and RFC 8259 §8.3 compares them code unit by code unit. These
/// helpers compare the UTF-8 bytes, which is equivalent to comparing scalars.
enum ExactString {
    /// Whether `a` and `b` hold exactly the same Unicode scalars.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        if count == 0 { return true }
        let fast: Bool?? = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                memcmp(pa.baseAddress!, pb.baseAddress!, count) == 0
            }
        }
        if let fast, let fast { return fast }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Feeds the exact UTF-8 bytes of `s` (and a terminator) into `hasher`.
    @inline(__always)
    static func hash(_ s: String, into hasher: inout Hasher) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { p in
            hasher.combine(bytes: UnsafeRawBufferPointer(p))
        }
        if done == nil {
            for byte in s.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)  // never occurs in UTF-8: separates consecutive strings
    }

    /// Orders strings by Unicode scalar value (equivalently, by UTF-8 bytes).
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// A dictionary key that compares a string by its exact scalars.
struct ExactKey: Hashable {
    var string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool { ExactString.equal(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) { ExactString.hash(string, into: &hasher) }
}
