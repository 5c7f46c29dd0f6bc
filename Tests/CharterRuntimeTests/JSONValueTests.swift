import XCTest
@testable import CharterRuntime
