/// A type whose values can be checked against their schema's constraints
/// (lengths, bounds, patterns, item counts). Generated types conform; their
/// `collectIssues` checks their own properties with ``Validation`` helpers and
/// forwards to nested values with `Validation.path(_:_:)`.
public protocol Validatable {
    /// Appends every violation found in this value to `issues`; `path` is the
    /// JSON pointer of this value within the instance being validated.
    func collectIssues(at path: String, into issues: inout [ValidationIssue])
}

extension Validatable {
    /// Throws ``ValidationError`` listing every issue, if there is any.
    public func validate() throws(ValidationError) {
        let issues = validationIssues
        if !issues.isEmpty { throw ValidationError(issues: issues) }
    }

    /// Every issue in this value (empty when valid), paths relative to it.
    public var validationIssues: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        collectIssues(at: "", into: &issues)
        return issues
    }
}

extension Validation {
    /// What a body breaks: `check`'s findings when it is given (a body whose type cannot check itself: an alias with
    /// constraints of its own, a list, map or scalar with constraints written in the operation), else the value's own
    /// when it is ``Validatable``, else nothing.
    static func contractIssues<Value>(of value: Value, checking check: ((Value) -> [ValidationIssue])?) -> [ValidationIssue] {
        check.map { $0(value) } ?? (value as? any Validatable)?.validationIssues ?? []
    }
}

extension Array: Validatable where Element: Validatable {
    /// Validates each element at `path/index`.
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        for (index, element) in enumerated() {
            element.collectIssues(at: Validation.path(path, index), into: &issues)
        }
    }
}

extension Optional: Validatable where Wrapped: Validatable {
    /// Validates the wrapped value, if any, at the same path.
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        if let wrapped = self { wrapped.collectIssues(at: path, into: &issues) }
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    /// Validates each value at `path/key` (key escaped per RFC 6901), in key
    /// order so the issue list is deterministic.
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        for key in keys.sorted() {
            self[key]!.collectIssues(at: Validation.path(path, key), into: &issues)
        }
    }
}

extension Nullable: Validatable where Wrapped: Validatable {
    /// Validates the wrapped value, if not null, at the same path.
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        if case .value(let wrapped) = self { wrapped.collectIssues(at: path, into: &issues) }
    }
}

extension Indirect: Validatable where Value: Validatable {
    /// Validates the boxed value at the same path.
    public func collectIssues(at path: String, into issues: inout [ValidationIssue]) {
        value.collectIssues(at: path, into: &issues)
    }
}
