/// Turns measures into heatmap cells for one ``ColorMode``.
///
/// With 256 colours or more a bin is a background colour, and
/// ``halfBlock(top:bottom:)`` fits two values in one cell, stacked. With
/// fewer colours each cell shows its bin's glyph (tinted in 8-colour
/// mode), one value per cell, so no reading depends on colour. Missing
/// values (`nil` or NaN) are blank cells.
public struct HeatmapPainter: Sendable {
  public let scale: HeatScale
  public let mode: ColorMode

  public init(scale: HeatScale, mode: ColorMode) {
    self.scale = scale
    self.mode = mode
  }

  /// How many values one cell shows vertically: 2 with half blocks, 1
  /// with glyphs. Panes size their viewport with it.
  public var valuesPerCell: Int { mode.distinguishesBins ? 2 : 1 }

  /// A cell showing one value.
  public func cell(for value: Double?) -> Cell {
    guard let bin = bin(for: value) else { return .blank }
    let role = scale.role(ofBin: bin)
    switch mode {
    case .palette256, .trueColor:
      return Cell(" ", style: Style(background: role))
    case .basic8:
      return Cell(scale.ramp.glyph(ofBin: bin), style: Style(foreground: role))
    case .none:
      return Cell(scale.ramp.glyph(ofBin: bin))
    }
  }

  /// A cell showing `top` in its upper half and `bottom` in its lower
  /// half: `▀` in the top value's colour over the bottom value's.
  ///
  /// Without enough colours for that, the cell shows the mean of the
  /// values present; panes that care use ``valuesPerCell`` to avoid it.
  public func halfBlock(top: Double?, bottom: Double?) -> Cell {
    let topBin = bin(for: top)
    let bottomBin = bin(for: bottom)
    guard mode.distinguishesBins else {
      let present = [top, bottom].compactMap { $0 }.filter { !$0.isNaN }
      guard !present.isEmpty else { return .blank }
      return cell(for: present.reduce(0, +) / Double(present.count))
    }
    // Copies of ready-made cells: a heatmap draws thousands a frame, and
    // making each from its character sanitises and measures it again.
    var cell: Cell
    switch (topBin, bottomBin) {
    case (nil, nil):
      return .blank
    case (let upper?, nil):
      cell = Self.upperHalf
      cell.style = Style(foreground: scale.role(ofBin: upper))
    case (nil, let lower?):
      cell = Self.lowerHalf
      cell.style = Style(foreground: scale.role(ofBin: lower))
    case (let upper?, let lower?):
      cell = Self.upperHalf
      cell.style = Style(
        foreground: scale.role(ofBin: upper),
        background: scale.role(ofBin: lower))
    }
    return cell
  }

  private static let upperHalf = Cell("▀")
  private static let lowerHalf = Cell("▄")

  /// `width` cells sweeping the ramp from its lowest bin to its highest,
  /// for a legend beside the heatmap.
  public func legend(width: Int) -> [Cell] {
    guard width > 0 else { return [] }
    let ramp = scale.ramp
    return (0..<width).map { column in
      let bin = width == 1
        ? ramp.binCount / 2 : column * (ramp.binCount - 1) / (width - 1)
      let middle = ramp.range(ofBin: bin)
      return cell(for: (middle.lowerBound + middle.upperBound) / 2)
    }
  }

  private func bin(for value: Double?) -> Int? {
    value.flatMap { scale.ramp.bin(for: $0) }
  }
}
