/// Fits text into a number of columns: truncation with an ellipsis, and
/// padding for aligned table cells.
///
/// Widths are display columns (see ``DisplayWidth``), never character
/// counts, so a title in Japanese truncates as neatly as one in English.
public enum TextFit {
  /// Where padding goes when text is narrower than its column.
  public enum Alignment: Sendable {
    case left, right, center
  }

  /// `text`, sanitised and cut to at most `width` columns. When it does
  /// not fit, the last column shows `ellipsis` so the reader knows more
  /// was there.
  public static func truncate(
    _ text: String, toWidth width: Int, ellipsis: Character = "…"
  ) -> String {
    guard width > 0 else { return "" }
    let graphemes = TextSanitizer.displayGraphemes(text)
    let total = graphemes.reduce(0) { $0 + $1.width }
    if total <= width {
      return String(graphemes.map(\.character))
    }
    var result = ""
    var used = 0
    let room = width - 1
    for (character, columns) in graphemes {
      if used + columns > room { break }
      result.append(character)
      used += columns
    }
    result.append(ellipsis)
    return result
  }

  /// `text` truncated or padded with spaces to exactly `width` columns.
  public static func fit(
    _ text: String, width: Int, alignment: Alignment = .left
  ) -> String {
    guard width > 0 else { return "" }
    let cut = truncate(text, toWidth: width)
    let gap = width - DisplayWidth.of(cut)
    switch alignment {
    case .left:
      return cut + String(repeating: " ", count: gap)
    case .right:
      return String(repeating: " ", count: gap) + cut
    case .center:
      let before = gap / 2
      return String(repeating: " ", count: before) + cut
        + String(repeating: " ", count: gap - before)
    }
  }
}
