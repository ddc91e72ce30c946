import Testing
@testable import RecscopeUI

@Test func blankCellIsSpace() { #expect(Cell().character == " ") }
