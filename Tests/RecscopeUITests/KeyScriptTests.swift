import Testing
@testable import RecscopeUI

@Suite("Key scripts")
struct KeyScriptTests {
  @Test func textIsTypedAndNamesAreKeys() throws {
    #expect(try KeyScript.parse("ab<Enter>") == [
      .character("a"), .character("b"), .enter,
    ])
  }

  @Test func whitespaceSeparatesAndSpaceIsNamed() throws {
    #expect(try KeyScript.parse("a b\t<Space>c\n\n d") == [
      .character("a"), .character("b"), .character(" "), .character("c"),
      .character("d"),
    ])
  }

  @Test func commentsStartOnlyAtTokens() throws {
    let script = """
      # a whole-line comment
      x#y   # a trailing comment <Enter>
      <Hash> <lt>
      """
    #expect(try KeyScript.parse(script) == [
      .character("x"), .character("#"), .character("y"),
      .character("#"), .character("<"),
    ])
  }

  @Test func everyNamedKey() throws {
    let script = """
      <Enter> <Return> <Esc> <Tab> <S-Tab> <BackTab> <BS> <Del>
      <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>
      <F1> <F12> <C-r> <c-A>
      """
    #expect(try KeyScript.parse(script) == [
      .enter, .enter, .escape, .tab, .backTab, .backTab, .backspace, .delete,
      .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
      .function(1), .function(12), .control("r"), .control("a"),
    ])
  }

  @Test func namesIgnoreCase() throws {
    #expect(try KeyScript.parse("<ENTER> <esc> <pgdn>")
      == [.enter, .escape, .pageDown])
  }

  @Test func ctrlLettersThatTerminalsSendAsOtherKeys() throws {
    #expect(try KeyScript.parse("<C-i> <C-m> <C-h>")
      == [.tab, .enter, .backspace])
  }

  @Test func mouseAndResize() throws {
    #expect(try KeyScript.parse(
      "<Click 10 5> <WheelUp 0 0> <WheelDown 3 4> <Resize 100 30> <Resize 0 0>"
    ) == [
      .mouse(MouseEvent(.press, x: 10, y: 5)),
      .mouse(MouseEvent(.wheelUp, x: 0, y: 0)),
      .mouse(MouseEvent(.wheelDown, x: 3, y: 4)),
      .resize(Size(width: 100, height: 30)),
      .resize(.zero),
    ])
  }

  @Test func stepsRememberTheirLines() throws {
    let script = try KeyScript(parsing: "a\r\n# skip\n<Up> b")
    #expect(script.steps.map(\.line) == [1, 3, 3])
    #expect(try KeyScript.parse("") == [])
  }

  @Test func formatParsesBackToTheSameKeys() throws {
    let keys: [Key] = [
      .character("q"), .character(" "), .character("#"), .character("<"),
      .character(">"), .character("é"), .character("日"), .up, .pageDown,
      .enter, .escape, .tab, .backTab, .backspace, .delete, .home, .end,
      .function(5), .control("x"),
      .mouse(MouseEvent(.press, x: 1, y: 2)),
      .mouse(MouseEvent(.wheelDown, x: 7, y: 0)),
      .resize(Size(width: 80, height: 24)),
    ]
    #expect(try KeyScript.parse(KeyScript.format(keys)) == keys)
  }

  @Test func labelsForTheStatusLine() {
    #expect(Key.enter.label == "Enter")
    #expect(Key.control("r").label == "C-r")
    #expect(Key.character("q").label == "q")
    #expect(Key.character(" ").label == "Space")
  }
}

@Suite("Key script errors")
struct KeyScriptErrorTests {
  func error(_ script: String) -> KeyScriptError? {
    do {
      _ = try KeyScript(parsing: script)
      return nil
    } catch {
      return error
    }
  }

  @Test func misspeltNameSuggestsTheClosest() {
    let failure = error("a\nb <Entr>")
    #expect(failure?.line == 2)
    #expect(failure?.token == "<Entr>")
    #expect(failure?.description
      == "line 2: \"<Entr>\" is not a key name; did you mean <Enter>?")
    #expect(error("<PgDown>")?.fix == "did you mean <PgDn>?")
  }

  @Test func unrelatedNameListsSomeNames() {
    #expect(error("<Frobnicate>")?.description == "line 1: \"<Frobnicate>\" "
      + "is not a key name; key names include <Enter>, <Esc>, <Up>, <C-r>, <F1>")
    #expect(error("<>")?.token == "<>")
  }

  @Test func missingCloseBracket() {
    let failure = error("x\n\n  ab<Enter more")
    #expect(failure?.description == "line 3: \"<Enter\" has no closing \">\"; "
      + "type a literal \"<\" as <lt>")
  }

  @Test func mouseNeedsTwoNumbers() {
    #expect(error("<Click 10>")?.description == "line 1: \"<Click 10>\" needs "
      + "two whole numbers, column and row; write it as in <Click 10 5>")
    #expect(error("<Click a b>") != nil)
    #expect(error("<Click -1 2>") != nil)
    #expect(error("<Resize 80 24 1>")?.fix == "write it as in <Resize 80 24>")
  }

  @Test func ctrlNeedsALetterAndFunctionKeysHaveARange() {
    #expect(error("<C-1>")?.problem == "is not a Ctrl key")
    #expect(error("<C-ab>")?.problem == "is not a Ctrl key")
    #expect(error("<F0>")?.fix == "function keys go from <F1> to <F63>")
    #expect(error("<F64>") != nil)
  }

  @Test func extraWordsAfterASimpleName() {
    #expect(error("<Enter 3>")?.problem == "is not a key name")
  }
}
