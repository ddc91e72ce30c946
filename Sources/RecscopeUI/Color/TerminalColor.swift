/// A colour in the terms a terminal understands, after a ``Palette`` has
/// resolved a role for one ``ColorMode``.
public enum TerminalColor: Hashable, Sendable {
  /// The terminal's own foreground or background, which respects the
  /// reader's theme (light or dark).
  case terminalDefault
  /// An entry of the terminal palette: 0–7 in ``ColorMode/basic8``,
  /// 16–255 in ``ColorMode/palette256``.
  case indexed(UInt8)
  /// A 24-bit colour, in ``ColorMode/trueColor``.
  case rgb(RGB)
}

/// The eight ANSI colours every colour terminal has, by palette index.
///
/// Their exact shades depend on the reader's theme, so we use them only
/// where the hue is a hint and a glyph or attribute carries the meaning.
public enum BasicColor: UInt8, CaseIterable, Sendable {
  case black, red, green, yellow, blue, magenta, cyan, white
}
