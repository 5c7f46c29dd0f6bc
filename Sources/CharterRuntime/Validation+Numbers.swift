import Foundation

/// Number types the bound checks in ``Validation`` accept: the integer types,
/// `Double`, `Float` and `Decimal`.
public protocol ValidationNumber: Comparable, Sendable {}

extension Int: ValidationNumber {}
extension Int8: ValidationNumber {}
extension Int16: ValidationNumber {}
extension Int32: ValidationNumber {}
extension Int64: ValidationNumber {}
extension UInt: ValidationNumber {}
extension UInt8: ValidationNumber {}
extension UInt16: ValidationNumber {}
extension UInt32: ValidationNumber {}
extension UInt64: ValidationNumber {}
extension Double: ValidationNumber {}
extension Float: ValidationNumber {}
extension Decimal: ValidationNumber {}

extension Validation {
    /// `minimum`: `value >= limit`.
    public static func minimum<T: ValidationNumber>(
        _ value: T, _ limit: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard !(value >= limit) else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "minimum", message: "must be greater than or equal to \(limit) (is \(value))"
        ))
    }

    /// `maximum`: `value <= limit`.
    public static func maximum<T: ValidationNumber>(
        _ value: T, _ limit: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard !(value <= limit) else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "maximum", message: "must be less than or equal to \(limit) (is \(value))"
        ))
    }

    /// `exclusiveMinimum`: `value > limit`.
    public static func exclusiveMinimum<T: ValidationNumber>(
        _ value: T, _ limit: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard !(value > limit) else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "exclusiveMinimum", message: "must be greater than \(limit) (is \(value))"
        ))
    }

    /// `exclusiveMaximum`: `value < limit`.
    public static func exclusiveMaximum<T: ValidationNumber>(
        _ value: T, _ limit: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard !(value < limit) else { return }
        issues.append(ValidationIssue(
            path: path, keyword: "exclusiveMaximum", message: "must be less than \(limit) (is \(value))"
        ))
    }

    /// `multipleOf` for integers, exact. A divisor of zero is reported as an
    /// issue (JSON Schema requires a positive divisor); a negative one is used
    /// by magnitude.
    public static func multipleOf<T: BinaryInteger>(
        _ value: T, _ divisor: T, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard divisor != 0 else {
            issues.append(invalidDivisor(divisor, at: path))
            return
        }
        guard value.magnitude % divisor.magnitude != 0 else { return }
        issues.append(notMultiple(value, divisor, at: path))
    }

    /// `multipleOf` for decimals, exact: `19.99` is a multiple of `0.01`,
    /// `0.3` of `0.1`. A divisor of zero or NaN is reported as an issue.
    public static func multipleOf(
        _ value: Decimal, _ divisor: Decimal, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard divisor != 0, !divisor.isNaN else {
            issues.append(invalidDivisor(divisor, at: path))
            return
        }
        if !value.isNaN {
            var quotient = value / divisor
            var whole = Decimal()
            NSDecimalRound(&whole, &quotient, 0, .plain)
            if whole == quotient, whole * divisor == value { return }
        }
        issues.append(notMultiple(value, divisor, at: path))
    }

    /// `multipleOf` for binary floating point, with a relative tolerance of
    /// 1e-12 on the quotient so that `19.99` counts as a multiple of `0.01`
    /// although neither is exact in binary. Use `Decimal` where exactness
    /// matters. A divisor of zero or non-finite is reported as an issue.
    public static func multipleOf(
        _ value: Double, _ divisor: Double, at path: String, into issues: inout [ValidationIssue]
    ) {
        guard divisor != 0, divisor.isFinite else {
            issues.append(invalidDivisor(divisor, at: path))
            return
        }
        let quotient = value / divisor
        if quotient.isFinite, abs(quotient - quotient.rounded()) <= max(abs(quotient), 1) * 1e-12 { return }
        issues.append(notMultiple(value, divisor, at: path))
    }

    private static func invalidDivisor<T>(_ divisor: T, at path: String) -> ValidationIssue {
        ValidationIssue(path: path, keyword: "multipleOf", message: "cannot be checked: divisor \(divisor) is not a positive number")
    }

    private static func notMultiple<T>(_ value: T, _ divisor: T, at path: String) -> ValidationIssue {
        ValidationIssue(path: path, keyword: "multipleOf", message: "must be a multiple of \(divisor) (is \(value))")
    }
}
