import Testing
@testable import RecscopeUI

@Suite("Sanitising text from data files")
struct SanitizerTests {
  @Test func escapeSequencesCannotReachTheTerminal() {
    #expect(TextSanitizer.sanitize("a\u{1B}[31mb") == "a\u{FFFD}[31mb")
  }

  @Test func c0DelAndC1ControlsAreReplaced() {
    #expect(TextSanitizer.sanitize("a\tb\u{7F}c\u{85}d\u{9B}") == "a�b�c�d�")
    #expect(TextSanitizer.sanitize("line\r\nnext") == "line��next")
    #expect(TextSanitizer.sanitize("\u{0}") == "�")
  }

  @Test func bidiOverridesAreReplaced() {
    #expect(TextSanitizer.sanitize("abc\u{202E}fed") == "abc�fed")
    #expect(TextSanitizer.sanitize("\u{2066}x\u{2069}") == "�x�")
    #expect(TextSanitizer.sanitize("\u{200F}") == "�")
  }

  @Test func invisibleGraphemesAreReplaced() {
    #expect(TextSanitizer.sanitize("\u{301}x") == "�x")
    #expect(TextSanitizer.sanitize("a\u{200B}b") == "a�b")
    #expect(TextSanitizer.sanitize("\u{FEFF}id") == "�id")
  }

  @Test func ordinaryTextIsUntouched() {
    for text in ["item 42", "Amélie", "日本語", "e\u{301}", "👩‍👩‍👧", ""] {
      #expect(TextSanitizer.sanitize(text) == text)
    }
  }

  @Test func textVariationSelectorIsDropped() {
    #expect(TextSanitizer.sanitize("❤\u{FE0F}") == "❤")
    #expect(DisplayWidth.of("❤\u{FE0F}") == 1)
  }

  @Test func gridReceivesSanitisedText() {
    var grid = CellGrid(width: 8, height: 1)
    grid.put("id\u{7}1\u{202E}", x: 0, y: 0)
    #expect(grid.textRows == ["id�1�"])
  }
}

@Suite("Display width")
struct DisplayWidthTests {
  @Test(arguments: [
    ("a", 1), ("é", 1), ("e\u{301}", 1), ("─", 1), ("…", 1), ("ｱ", 1),
    ("日", 2), ("한", 2), ("あ", 2), ("Ａ", 2), ("🙂", 2), ("🇫🇷", 2),
    ("\u{3000}", 2),
  ])
  func character(_ text: String, columns: Int) {
    #expect(DisplayWidth.of(Character(text)) == columns)
  }

  @Test func stringWidthAddsGraphemes() {
    #expect(DisplayWidth.of("ab日本") == 6)
    #expect(DisplayWidth.of("a\u{1B}") == 2)
    #expect(DisplayWidth.of("") == 0)
  }
}

@Suite("Fitting text to columns")
struct TextFitTests {
  @Test func truncationEndsInEllipsis() {
    #expect(TextFit.truncate("Recommendations", toWidth: 6) == "Recom…")
    #expect(TextFit.truncate("short", toWidth: 6) == "short")
    #expect(TextFit.truncate("abc", toWidth: 0) == "")
    #expect(TextFit.truncate("abc", toWidth: 1) == "…")
  }

  @Test func truncationCountsColumnsNotCharacters() {
    #expect(TextFit.truncate("日本語", toWidth: 5) == "日本…")
    #expect(TextFit.truncate("日本語", toWidth: 4) == "日…")
  }

  @Test func fitPadsToExactWidth() {
    #expect(TextFit.fit("4.5", width: 5, alignment: .right) == "  4.5")
    #expect(TextFit.fit("ab", width: 5, alignment: .center) == " ab  ")
    #expect(TextFit.fit("日本語", width: 5) == "日本…")
    #expect(TextFit.fit("日本語", width: 4) == "日… ")
  }

  @Test func asciiFallbackKeepsFramesRecognisable() {
    let frame = "┏━┓│▀·…日"
    let ascii = String(frame.map(AsciiFallback.character(for:)))
    #expect(ascii == "+-+|#.~?")
  }
}
