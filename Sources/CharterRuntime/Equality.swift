/// The comparison generated `==` implementations call for each stored member.
///
/// Generated structs write out `==` and `hash(into:)` over exactly the members their memberwise
/// initialiser assigns (so none can be left out: the initialiser would not compile). Each member is
/// compared through this one generic signature rather than the `==` operator, whose many overloads the
/// type checker would weigh for every member of every type. On a 100-type contract the written-out
/// form compiles about 5% faster than derived `Equatable`/`Hashable`, debug and release
/// (BENCHMARKS.md). `@inlinable`, so optimised builds compare as directly as derived code.
public enum Equality {
    /// `lhs == rhs`.
    @inlinable
    public static func same<T: Equatable>(_ lhs: T, _ rhs: T) -> Bool {
        lhs == rhs
    }
}
