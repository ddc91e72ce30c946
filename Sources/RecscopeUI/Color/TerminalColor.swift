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
