/// The names a ``KeyScript`` accepts between angle brackets.
enum KeyName {
  static let simple: [String: Key] = [
    "enter": .enter, "return": .enter, "cr": .enter,
    "esc": .escape, "escape": .escape,
    "tab": .tab, "s-tab": .backTab, "backtab": .backTab,
    "bs": .backspace, "backspace": .backspace,
    "del": .delete, "delete": .delete,
    "up": .up, "down": .down, "left": .left, "right": .right,
    "pgup": .pageUp, "pageup": .pageUp,
    "pgdn": .pageDown, "pagedown": .pageDown,
    "home": .home, "end": .end,
    "space": .character(" "), "lt": .character("<"),
    "hash": .character("#"), "wait": .wait(steps: nil),
  ]

  /// Names offered when a name is misspelt, in the form to write them.
  static let suggestions = [
    "Enter", "Esc", "Tab", "S-Tab", "BS", "Del", "Up", "Down", "Left",
    "Right", "PgUp", "PgDn", "Home", "End", "Space", "lt", "Hash", "F1",
    "C-r", "Click 10 5", "WheelUp 10 5", "WheelDown 10 5", "Resize 80 24",
    "Wait", "Wait 3",
  ]

  static func key(
    named name: String, line: Int, token: String
  ) throws(KeyScriptError) -> Key {
    let words = name.split(separator: " ").map { $0.lowercased() }
    guard let head = words.first else {
      throw unknown(token, line: line, head: "")
    }
    if words.count == 1, let key = simple[head] { return key }

    switch head {
    case "wait":
      guard words.count == 2, let steps = Int(words[1]), steps >= 1 else {
        throw KeyScriptError(
          line: line, token: token,
          problem: "needs one whole number of steps, 1 or more",
          fix: "write <Wait> to wait for the end, or <Wait 3> for 3 steps")
      }
      return .wait(steps: steps)
    case "click", "wheelup", "wheeldown", "resize":
      return try withNumbers(head, words.dropFirst(), line: line, token: token)
    default:
      break
    }
    guard words.count == 1 else { throw unknown(token, line: line, head: head) }

    if head.hasPrefix("c-") {
      let letter = head.dropFirst(2)
      guard letter.count == 1, let character = letter.first,
        let ascii = character.asciiValue, (0x61...0x7A).contains(ascii),
        let key = Key.fromControlCode(ascii - 0x60)
      else {
        throw KeyScriptError(
          line: line, token: token,
          problem: "is not a Ctrl key",
          fix: "Ctrl goes with one letter a–z, as in <C-r>")
      }
      return key
    }
    if head.hasPrefix("f"), let number = Int(head.dropFirst()) {
      guard (1...63).contains(number) else {
        throw KeyScriptError(
          line: line, token: token,
          problem: "is not a function key",
          fix: "function keys go from <F1> to <F63>")
      }
      return .function(number)
    }
    throw unknown(token, line: line, head: head)
  }

  private static func withNumbers(
    _ head: String, _ arguments: ArraySlice<String>, line: Int, token: String
  ) throws(KeyScriptError) -> Key {
    let numbers = arguments.compactMap { Int($0) }.filter { $0 >= 0 }
    guard arguments.count == 2, numbers.count == 2 else {
      let example = head == "resize" ? "<Resize 80 24>" : "<Click 10 5>"
      let what = head == "resize"
        ? "width and height" : "column and row"
      throw KeyScriptError(
        line: line, token: token,
        problem: "needs two whole numbers, \(what)",
        fix: "write it as in \(example)")
    }
    let (first, second) = (numbers[0], numbers[1])
    switch head {
    case "click": return .mouse(MouseEvent(.press, x: first, y: second))
    case "wheelup": return .mouse(MouseEvent(.wheelUp, x: first, y: second))
    case "wheeldown":
      return .mouse(MouseEvent(.wheelDown, x: first, y: second))
    default: return .resize(Size(width: first, height: second))
    }
  }

  private static func unknown(
    _ token: String, line: Int, head: String
  ) -> KeyScriptError {
    // Closest by edit distance; on a tie, the longer shared beginning
    // wins, so "pgdown" suggests PgDn rather than Down.
    func rank(_ name: String) -> (Int, Int) {
      let word = firstWord(name)
      let shared = zip(head, word).prefix { $0 == $1 }.count
      return (editDistance(head, word), -shared)
    }
    let closest = suggestions.min { rank($0) < rank($1) }
    var fix = "key names include <Enter>, <Esc>, <Up>, <C-r>, <F1>"
    if let closest, !head.isEmpty, rank(closest).0 <= 2 {
      fix = "did you mean <\(closest)>?"
    }
    return KeyScriptError(
      line: line, token: token, problem: "is not a key name", fix: fix)
  }

  private static func firstWord(_ name: String) -> String {
    String(name.split(separator: " ").first ?? "").lowercased()
  }

  /// Levenshtein distance, for "did you mean".
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}
