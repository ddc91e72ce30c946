/// How many terminal columns a grapheme occupies: 0, 1 or 2.
///
/// Terminals lay text out in columns, and most characters take one. East
/// Asian wide and fullwidth characters (CJK ideographs, kana, Hangul
/// syllables, fullwidth forms) and emoji with emoji presentation take two.
/// We measure rather than replace them, so item titles in any script stay
/// readable and every column after them stays aligned.
///
/// The table below is deliberately small: it lists the blocks that are
/// wide as a whole, and emoji come from the scalar's `isEmojiPresentation`
/// property. East Asian *ambiguous* characters (box drawing, `░`, `·`, `…`)
/// count as one column, which is what a UTF-8 locale outside CJK gives.
///
/// TODO(width): a few scattered wide scalars outside these blocks (for
/// example U+2329, U+232A) count as one column here; generating the table
/// from EastAsianWidth.txt would close the gap. The terminal adapter
/// checks each wide or unusual character against the C library's
/// `wcwidth` before drawing, so a disagreement costs a replacement glyph,
/// never a shifted row.
public enum DisplayWidth {
  /// Columns taken by `character` when drawn on its own.
  ///
  /// A grapheme is as wide as its first scalar; combining marks and
  /// variation selectors after it take no room. A pair of regional
  /// indicators (a flag) counts as two.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value < 0x7F {
      return first.value >= 0x20 ? 1 : 0
    }
    if isRegionalIndicator(first), scalars.count > 1 { return 2 }
    return of(first)
  }

  /// Columns taken by `string` once sanitised for the grid.
  public static func of(_ string: String) -> Int {
    TextSanitizer.displayGraphemes(string).reduce(0) { $0 + $1.width }
  }

  /// Columns taken by a single scalar: 0 for marks and format characters
  /// that attach to what precedes them, 2 for wide ones, otherwise 1.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value >= 0x20 ? 1 : 0 }
    if value < 0xA0 { return 0 }
    // Common one-column ranges answered without property lookups, which
    // dominate drawing a heatmap: Latin-1 and Latin Extended (less the
    // soft hyphen), punctuation, arrows, box drawing, blocks and shapes
    // up to the first emoji among them (U+25FD).
    switch value {
    case 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E,
      0x2190...0x21FF, 0x2500...0x25FC:
      return 1
    default:
      break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    // Hangul vowel and final-consonant jamo join the preceding syllable.
    if (0x1160...0x11FF).contains(value) { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return isInWideBlock(value) ? 2 : 1
  }

  static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// Blocks whose characters are all East Asian Wide or Fullwidth.
  static let wideBlocks: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul initial consonants
    0x2E80...0x303E,  // CJK radicals, ideographic punctuation and space
    0x3041...0x33FF,  // kana, bopomofo, CJK compatibility
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility and small forms
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x18CFF,  // Tangut, Khitan
    0x1B000...0x1B2FF,  // kana supplement and extensions, Nushu
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B to F
    0x30000...0x3FFFD,  // CJK extensions G and H
  ]

  static func isInWideBlock(_ value: UInt32) -> Bool {
    if value < 0x1100 { return false }
    var low = 0
    var high = wideBlocks.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let block = wideBlocks[middle]
      if value < block.lowerBound {
        high = middle - 1
      } else if value > block.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
