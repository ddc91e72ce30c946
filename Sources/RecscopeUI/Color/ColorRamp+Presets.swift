extension ColorRamp {
  /// For measures in 0...1 (similarities, normalised ratings): viridis.
  ///
  /// Viridis (van der Walt and Smith, matplotlib 1.5, 2015) rises evenly
  /// in lightness from dark purple to yellow and stays readable with the
  /// common colour-vision deficiencies and in greyscale. The anchors are
  /// its 16 published samples. Glyphs go from sparse to dense ink; the
  /// 8-colour rendering walks blue, cyan, green, yellow.
  public static let sequential = ColorRamp(
    name: "viridis",
    domain: 0...1,
    binCount: 16,
    anchors: [
      0x440154, 0x481A6C, 0x472F7D, 0x414487, 0x39568C, 0x31688E,
      0x2A788E, 0x23888E, 0x1F988B, 0x22A884, 0x35B779, 0x54C568,
      0x7AD151, 0xA5DB36, 0xD2E21B, 0xFDE725,
    ].map(RGB.init(hex:)),
    basicColors: [.blue, .cyan, .green, .yellow],
    glyphs: [".", ":", "-", "=", "+", "*", "#", "%", "@"])

  /// For signed measures in -1...1 (correlations, rating deviations):
  /// blue through near-white to red.
  ///
  /// The anchors are ColorBrewer's 11-class RdBu (Brewer, 2002), reversed
  /// so negative is blue; the scheme is rated safe for colour-blind
  /// readers, and its two arms have matching lightness, so neither sign
  /// looks more important. 17 bins put zero alone in the middle one.
  /// Glyphs carry the sign (`-` and `=` below zero, `+` and `#` above) so
  /// the sign never depends on colour.
  public static let diverging = ColorRamp(
    name: "RdBu",
    domain: -1...1,
    binCount: 17,
    anchors: [
      0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
      0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map(RGB.init(hex:)),
    basicColors: [.blue, .blue, nil, .red, .red],
    glyphs: ["=", "-", "·", "+", "#"])
}
