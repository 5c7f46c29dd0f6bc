/// Values a command leaves to the end of the process instead of freeing (see
/// ``CommandLineTool/freesResults``).
package enum ProcessLifetime {
    /// Keeps `value` alive until the process exits: its memory is never freed piece by piece.
    package static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    /// A heap box for a value of any type.
    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
