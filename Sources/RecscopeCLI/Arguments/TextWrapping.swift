/// Greedy word wrapping for help text.
enum TextWrapping {
  /// `text` broken at spaces into lines of at most `width` characters
  /// (a longer word gets a line of its own), the first line prefixed by
  /// `first` and the others by `rest`.
  static func wrap(_ text: String, width: Int, first: String = "",
                   rest: String = "") -> [String] {
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    return wrap(words: words.map(String.init), width: width, first: first,
                rest: rest, separator: " ")
  }

  /// Whole `words` (which may contain spaces) packed into lines.
  static func wrap(words: [String], width: Int, first: String, rest: String,
                   separator: String = " ") -> [String] {
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    for word in words {
      let candidate = lineHasWord ? line + separator + word : line + word
      if lineHasWord && candidate.count > width {
        lines.append(line)
        line = rest + word
      } else {
        line = candidate
      }
      lineHasWord = true
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines
  }
}
