/// An array's elements written one by one, each under the constraints of its position: a `prefixItems` tuple's first
/// elements under their own (``IRConstraints/prefixElements``), the elements after them under `items`'
/// (``IRConstraints/elements``). Shared by a value's wire form (`SwiftTypeMapper.toWire`) and the texts of an array
/// parameter's or header's items (`SwiftClientBuilder.parameterLines`, `SwiftProviderBuilder.headerList`).
enum SwiftElementMap {
    /// The expression mapping the array `array` through `write(constraints, element)`: `array` itself when each element
    /// is written as it is, a `map` when every position is written as the elements after the prefix are, else an
    /// `enumerated().map` switching on the offset, with a case for each position written otherwise. When a write
    /// throws (starts with `try `) and `throwing` names an error type, the closure says it throws that type (Swift
    /// infers `any Error` otherwise); the caller puts the `try` before the expression.
    static func map(
        _ array: String, constraints: IRConstraints, throwing: String? = nil, write: (IRConstraints, String) -> String
    ) -> String {
        let elements = constraints.elements?.value ?? IRConstraints()
        let typed = throwing != nil && ([elements] + constraints.prefixElements).contains { write($0, "$0").hasPrefix("try ") }
        let name = typed ? "item" : "$0"
        let head = typed ? "(item) throws(\(throwing!)) in " : ""
        guard let positional = positional(name, constraints: constraints, write: write) else {
            let each = write(elements, name)
            return each == name ? array : "\(array).map { \(head)\(each) }"
        }
        return "\(array).enumerated().map { \(head)\(positional) }"
    }

    /// Whether some `prefixItems` position of `constraints` is written otherwise than the elements after the prefix:
    /// then an array's elements are mapped by ``map(_:constraints:throwing:write:)`` position by position.
    static func isPositional(constraints: IRConstraints, write: (IRConstraints, String) -> String) -> Bool {
        positional("$0", constraints: constraints, write: write) != nil
    }

    /// The `switch` on the offset of the enumerated element `name` writing each position, or nil when every position
    /// is written as the elements after the prefix are.
    private static func positional(_ name: String, constraints: IRConstraints, write: (IRConstraints, String) -> String) -> String? {
        let rest = write(constraints.elements?.value ?? IRConstraints(), name + ".element")
        let positions = constraints.prefixElements.map { write($0, name + ".element") }
        guard positions.contains(where: { $0 != rest }) else { return nil }
        let cases = positions.enumerated().filter { $0.element != rest }.map { "case \($0.offset): \($0.element); " }.joined()
        return "switch \(name).offset { \(cases)default: \(rest) }"
    }
}
