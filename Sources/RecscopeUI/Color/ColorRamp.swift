/// A colour scale for heatmaps, quantised into a fixed number of bins.
///
/// Values map to bins, never straight to colours: a bin keeps its colour
/// and glyph across edits and recomputations, so "this cell got darker"
/// always means the value crossed a bin boundary. Each bin has four
/// renderings, one per depth of ``ColorMode``: a 24-bit colour, a
/// 256-palette entry, one of the eight ANSI colours, and a glyph. The
/// glyph is what keeps meaning out of colour alone in 8-colour and
/// monochrome terminals.
public struct ColorRamp: Sendable {
  /// A short name for legends and dumps.
  public let name: String
  /// The values the ramp spans; values outside are clamped.
  public let domain: ClosedRange<Double>
  /// How many bins the domain is cut into, all of equal width.
  public let binCount: Int
  /// The published colours the ramp interpolates, lowest value first.
  public let anchors: [RGB]

  private let binColors: [RGB]
  private let paletteIndices: [UInt8]
  private let basicColors: [BasicColor?]
  private let glyphs: [Character]

  /// - Parameters:
  ///   - anchors: sRGB colours spaced evenly over `domain`.
  ///   - basicColors: the eight-colour rendering, spread evenly over the
  ///     bins; `nil` means the terminal's own foreground.
  ///   - glyphs: the glyph rendering, spread evenly over the bins, in
  ///     order of the value they stand for.
  public init(
    name: String,
    domain: ClosedRange<Double>,
    binCount: Int,
    anchors: [RGB],
    basicColors: [BasicColor?],
    glyphs: [Character]
  ) {
    precondition(binCount >= 2, "ColorRamp: binCount \(binCount) < 2")
    precondition(anchors.count >= 2, "ColorRamp: fewer than 2 anchors")
    precondition(
      !basicColors.isEmpty && !glyphs.isEmpty,
      "ColorRamp: basicColors and glyphs must not be empty")
    self.name = name
    self.domain = domain
    self.binCount = binCount
    self.anchors = anchors
    self.basicColors = basicColors
    self.glyphs = glyphs
    let colors = (0..<binCount).map { bin in
      Self.interpolate(anchors, at: Double(bin) / Double(binCount - 1))
    }
    binColors = colors
    paletteIndices = XtermPalette.rampIndices(for: colors)
  }

  /// The bin holding `value`, or `nil` for NaN.
  ///
  /// Bins are half-open intervals of equal width; values beyond the
  /// domain fall into the first or last bin.
  public func bin(for value: Double) -> Int? {
    guard !value.isNaN else { return nil }
    let span = domain.upperBound - domain.lowerBound
    let fraction = (value - domain.lowerBound) / span
    let scaled = (fraction * Double(binCount)).rounded(.down)
    return Int(min(max(scaled, 0), Double(binCount - 1)))
  }

  /// The values bin `bin` covers, for legends.
  public func range(ofBin bin: Int) -> ClosedRange<Double> {
    let width = (domain.upperBound - domain.lowerBound) / Double(binCount)
    let low = domain.lowerBound + Double(bin) * width
    return low...(low + width)
  }

  /// The 24-bit colour of `bin`: the anchors interpolated, first bin on
  /// the first anchor and last bin on the last.
  public func color(ofBin bin: Int) -> RGB { binColors[clamped(bin)] }

  /// The 256-palette entry of `bin` (see ``XtermPalette/rampIndices(for:)``).
  public func paletteIndex(ofBin bin: Int) -> UInt8 {
    paletteIndices[clamped(bin)]
  }

  /// The ANSI colour of `bin`, or `nil` for the terminal's foreground.
  public func basicColor(ofBin bin: Int) -> BasicColor? {
    basicColors[spread(bin, over: basicColors.count)]
  }

  /// The glyph of `bin`, denser or more emphatic for more extreme bins.
  public func glyph(ofBin bin: Int) -> Character {
    glyphs[spread(bin, over: glyphs.count)]
  }

  /// The continuous colour at `fraction` (0...1) along the anchors.
  public func color(at fraction: Double) -> RGB {
    Self.interpolate(anchors, at: fraction)
  }

  private func clamped(_ bin: Int) -> Int { min(max(bin, 0), binCount - 1) }

  /// Which of `count` equal groups `bin` falls in, measured at the bin's
  /// centre. With an odd bin count and an odd group count no centre lands
  /// on a boundary, so the grouping is symmetric about the middle bin.
  private func spread(_ bin: Int, over count: Int) -> Int {
    let centre = Double(clamped(bin)) + 0.5
    return min(Int(centre * Double(count) / Double(binCount)), count - 1)
  }

  private static func interpolate(
    _ anchors: [RGB], at fraction: Double
  ) -> RGB {
    let position = min(max(fraction, 0), 1) * Double(anchors.count - 1)
    let index = min(Int(position), anchors.count - 2)
    return anchors[index].mixed(
      with: anchors[index + 1], position - Double(index))
  }
}
