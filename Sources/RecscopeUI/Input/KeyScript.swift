/// A list of keys written as text, for replaying input without a
/// terminal: in tests, and in headless runs that dump the screen.
///
/// The format, line by line:
///
///     # Select the third user and ask for recommendations.
///     <Down> <Down> <Enter>     # keys named in angle brackets
///     /alice<Enter>             # text is typed, then Enter
///     <C-r> <S-Tab> <F1>
///     <Click 10 5> <WheelDown 10 5> <Resize 100 30>
///
/// - Whitespace separates tokens and is never typed; `<Space>` types a
///   space.
/// - Outside angle brackets, each character is typed as itself, so
///   `abc<Enter>` is four keys.
/// - `#` at the start of a token comments out the rest of the line;
///   inside a token it is typed. `<Hash>` types `#` anywhere and `<lt>`
///   types `<`.
/// - Key names are case-insensitive: `Enter` (or `Return`, `CR`), `Esc`,
///   `Tab`, `S-Tab` (or `BackTab`), `BS` (or `Backspace`), `Del` (or
///   `Delete`), `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`,
///   `End`, `Space`, `F1`…`F63`, `C-a`…`C-z`.
/// - `Click x y`, `WheelUp x y` and `WheelDown x y` are mouse actions at
///   column `x`, row `y` (from 0); `Resize w h` resizes to `w`×`h`.
/// - `Wait` lets background work (a model training) run to its end, and
///   `Wait n` lets it take n steps (epochs); without them, work started
///   in a replay does not advance, so every run shows the same screens.
///
/// Errors name the line and the token (see ``KeyScriptError``).
public struct KeyScript: Equatable, Sendable {
  /// One key and the line it came from, so a replay can say where it was.
  public struct Step: Equatable, Sendable {
    public let key: Key
    public let line: Int
  }

  public let steps: [Step]

  public var keys: [Key] { steps.map(\.key) }

  /// Parses a whole script.
  ///
  /// - Throws: ``KeyScriptError`` for the first token that is not valid.
  public init(parsing text: String) throws(KeyScriptError) {
    var steps: [Step] = []
    let lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, line) in lines.enumerated() {
      let number = offset + 1
      for key in try Self.parseLine(Array(line), number: number) {
        steps.append(Step(key: key, line: number))
      }
    }
    self.steps = steps
  }

  /// The keys of `text`.
  public static func parse(_ text: String) throws(KeyScriptError) -> [Key] {
    try KeyScript(parsing: text).keys
  }

  /// A one-line script that parses back to `keys`.
  public static func format(_ keys: [Key]) -> String {
    keys.map(\.description).joined(separator: " ")
  }

  private static func parseLine(
    _ line: [Character], number: Int
  ) throws(KeyScriptError) -> [Key] {
    var keys: [Key] = []
    var index = 0
    var atTokenStart = true
    while index < line.count {
      let character = line[index]
      if character.isWhitespace {
        atTokenStart = true
        index += 1
        continue
      }
      if character == "#", atTokenStart { break }
      atTokenStart = false
      guard character == "<" else {
        keys.append(.character(character))
        index += 1
        continue
      }
      guard let close = line[index...].firstIndex(of: ">") else {
        throw KeyScriptError(
          line: number, token: token(in: line, from: index),
          problem: "has no closing \">\"",
          fix: "type a literal \"<\" as <lt>")
      }
      let name = String(line[(index + 1)..<close])
      keys.append(
        try KeyName.key(named: name, line: number, token: "<\(name)>"))
      index = close + 1
    }
    return keys
  }

  /// The run of non-whitespace starting at `start`, for error messages.
  private static func token(in line: [Character], from start: Int) -> String {
    let end = line[start...].firstIndex(where: \.isWhitespace) ?? line.count
    return String(line[start..<end])
  }
}
