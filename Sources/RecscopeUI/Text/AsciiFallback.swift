/// ASCII stand-ins for the non-ASCII characters we draw ourselves, for
/// terminals running in a locale that is not UTF-8.
///
/// In such a locale curses cannot show box drawing or blocks at all; the
/// stand-ins keep frames, heatmaps and markers recognisable. Anything
/// else outside ASCII (text from data files) becomes `?`.
public enum AsciiFallback {
  /// The ASCII character to draw for `character`.
  public static func character(for character: Character) -> Character {
    if character.isASCII { return character }
    for (group, stand) in table where group.contains(character) {
      return stand
    }
    return "?"
  }

  private static let table: [(String, Character)] = [
    ("─━═", "-"),
    ("│┃║", "|"),
    ("┌┐└┘┏┓┗┛╔╗╚╝╭╮╰╯├┤┬┴┼", "+"),
    ("▀▄█▓▒", "#"),
    ("░", ":"),
    ("·•", "."),
    ("…", "~"),
    ("×", "x"),
    ("↑▲", "^"),
    ("↓▼", "v"),
    ("←◀", "<"),
    ("→▶", ">"),
  ]
}
