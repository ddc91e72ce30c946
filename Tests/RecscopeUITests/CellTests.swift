import Testing
@testable import RecscopeUI

@Suite("Cell")
struct CellTests {
  @Test func blankCellIsASpaceInNormalStyle() {
    #expect(Cell.blank.character == " ")
    #expect(Cell.blank.style == .normal)
    #expect(Cell.blank.width == 1)
  }

  @Test func controlCharacterBecomesReplacement() {
    #expect(Cell("\u{1B}").character == TextSanitizer.replacement)
    #expect(Cell("\u{9B}").character == TextSanitizer.replacement)
    #expect(Cell("\r\n").character == TextSanitizer.replacement)
  }

  @Test func wideCharacterTakesTwoColumns() {
    #expect(Cell("日").width == 2)
    #expect(Cell("🙂").width == 2)
    #expect(Cell("é").width == 1)
  }
}
