/// Makes text from data files safe to put on screen.
///
/// Ids, titles and messages come from files we do not control. A stray
/// control character would move the cursor, change colours or ring the
/// bell; a bidirectional override would make `item42` display as
/// something else. Every string the grid accepts passes through here, and
/// each such character becomes a visible ``replacement`` so the problem in
/// the data shows instead of hiding.
///
/// What is replaced:
/// - C0 controls U+0000–U+001F (tab and newline included: a cell holds no
///   layout), DEL U+007F and C1 controls U+0080–U+009F;
/// - bidirectional formatting: U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069;
/// - line and paragraph separators U+2028, U+2029;
/// - any grapheme that would take no column on its own, such as a
///   combining mark with nothing to combine with, or a lone zero-width
///   space or byte-order mark.
///
/// An emoji variation selector (U+FE0F) after a character that is text by
/// default is dropped: terminals disagree on whether such a pair takes one
/// column or two, and the plain character is unambiguous.
public enum TextSanitizer {
  /// Shown in place of anything unsafe or invisible.
  public static let replacement: Character = "\u{FFFD}"

  /// Whether `scalar` must never reach the terminal.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F:
      return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      return true
    case 0x2028, 0x2029:
      return true
    default:
      return false
    }
  }

  /// `string` with every unsafe or zero-width grapheme replaced.
  public static func sanitize(_ string: String) -> String {
    if isPrintableASCII(string) { return string }
    var result = ""
    for (character, _) in displayGraphemes(string) {
      result.append(character)
    }
    return result
  }

  /// The graphemes of `string` as the grid will draw them, each with its
  /// width in columns (always 1 or 2).
  public static func displayGraphemes(
    _ string: String
  ) -> [(character: Character, width: Int)] {
    if isPrintableASCII(string) {
      return string.map { ($0, 1) }
    }
    var scalars = String.UnicodeScalarView()
    for scalar in string.unicodeScalars {
      scalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(scalars).map { character in
      let plain = droppingTextVariationSelector(character)
      let width = DisplayWidth.of(plain)
      return width == 0 ? (replacement, 1) : (plain, width)
    }
  }

  /// `character` itself if it is safe to draw as one cell, otherwise the
  /// replacement. Used for single cells, where a string of several
  /// graphemes cannot be split.
  static func cellCharacter(_ character: Character) -> Character {
    if let ascii = character.asciiValue {
      return (0x20..<0x7F).contains(ascii) ? character : replacement
    }
    if character.unicodeScalars.contains(where: isUnsafe) {
      return replacement
    }
    let plain = droppingTextVariationSelector(character)
    return DisplayWidth.of(plain) == 0 ? replacement : plain
  }

  private static func droppingTextVariationSelector(
    _ character: Character
  ) -> Character {
    let scalars = character.unicodeScalars
    guard scalars.count > 1, scalars.contains("\u{FE0F}"),
      let first = scalars.first, !first.properties.isEmojiPresentation
    else { return character }
    var kept = String.UnicodeScalarView()
    for scalar in scalars where scalar != "\u{FE0F}" {
      kept.append(scalar)
    }
    return Character(String(kept))
  }

  static func isPrintableASCII(_ string: String) -> Bool {
    string.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
  }
}
