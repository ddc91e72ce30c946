/// The eight ANSI colours every colour terminal has, by palette index.
///
/// Their exact shades depend on the reader's theme, so we use them only
/// where the hue is a hint and a glyph or attribute carries the meaning.
public enum BasicColor: UInt8, CaseIterable, Sendable {
  case black, red, green, yellow, blue, magenta, cyan, white
}
