import Testing
@testable import RecscopeUI

@Suite("Heatmap ramps")
struct RampTests {
  let sequential = ColorRamp.sequential
  let diverging = ColorRamp.diverging

  @Test func sequentialLuminanceRisesWithEveryBin() {
    let luminance = (0..<sequential.binCount).map {
      sequential.color(ofBin: $0).relativeLuminance
    }
    for (lower, higher) in zip(luminance, luminance.dropFirst()) {
      #expect(lower < higher)
    }
  }

  @Test func sequentialLightnessStepsAreEven() {
    let lightness = (0..<sequential.binCount).map {
      sequential.color(ofBin: $0).lightness
    }
    let steps = zip(lightness, lightness.dropFirst()).map { $1 - $0 }
    let smallest = steps.min() ?? 0
    let largest = steps.max() ?? 0
    #expect(smallest > 0)
    #expect(largest / smallest < 1.5, "steps \(steps)")
  }

  @Test func divergingLightnessIsSymmetricAboutZero() {
    let last = diverging.binCount - 1
    for bin in 0..<diverging.binCount {
      let a = diverging.color(ofBin: bin).lightness
      let b = diverging.color(ofBin: last - bin).lightness
      #expect(abs(a - b) < 5, "bins \(bin) and \(last - bin)")
    }
  }

  @Test func divergingArmsAreBlueBelowAndRedAbove() {
    let centre = diverging.binCount / 2
    for bin in 0..<centre {
      let negative = diverging.color(ofBin: bin)
      let positive = diverging.color(ofBin: diverging.binCount - 1 - bin)
      #expect(negative.blue > negative.red)
      #expect(positive.red > positive.blue)
    }
    #expect(diverging.color(ofBin: centre) == RGB(hex: 0xF7F7F7))
  }

  @Test func divergingLightensTowardZero() {
    let centre = diverging.binCount / 2
    for bin in 0..<centre {
      #expect(diverging.color(ofBin: bin).lightness
        < diverging.color(ofBin: bin + 1).lightness)
    }
  }

  @Test func binsAreFixedIntervalsAndClamp() {
    #expect(sequential.bin(for: 0) == 0)
    #expect(sequential.bin(for: 0.0624) == 0)
    #expect(sequential.bin(for: 0.0626) == 1)
    #expect(sequential.bin(for: 1) == 15)
    #expect(sequential.bin(for: 7) == 15)
    #expect(sequential.bin(for: -.infinity) == 0)
    #expect(sequential.bin(for: .nan) == nil)
    #expect(diverging.bin(for: 0) == 8)
    #expect(diverging.bin(for: -1) == 0)
    #expect(diverging.bin(for: 1) == 16)
    #expect(sequential.range(ofBin: 1) == 0.0625...0.125)
  }

  @Test func divergingBinsMirrorNegatedValues() {
    for step in 1..<200 {
      let value = Double(step) / 200
      guard let up = diverging.bin(for: value),
        let down = diverging.bin(for: -value)
      else {
        Issue.record("no bin for ±\(value)")
        continue
      }
      #expect(up + down == diverging.binCount - 1, "value ±\(value)")
    }
  }

  @Test func glyphsCarryTheSignAndGrowWithMagnitude() {
    let glyphs = (0..<diverging.binCount).map(diverging.glyph(ofBin:))
    #expect(glyphs.first == "=")
    #expect(glyphs[diverging.binCount / 2] == "·")
    #expect(glyphs.last == "#")
    for bin in 0..<diverging.binCount / 2 {
      #expect(["=", "-", "·"].contains(glyphs[bin]))
      let mirrored = glyphs[diverging.binCount - 1 - bin]
      #expect(["·", "+", "#"].contains(mirrored))
      #expect((glyphs[bin] == "·") == (mirrored == "·"))
    }
    let order: [Character] = [".", ":", "-", "=", "+", "*", "#", "%", "@"]
    let ranks = (0..<sequential.binCount).compactMap {
      order.firstIndex(of: sequential.glyph(ofBin: $0))
    }
    #expect(ranks.count == sequential.binCount)
    #expect(ranks == ranks.sorted())
    #expect(ranks.first == 0 && ranks.last == order.count - 1)
  }

  @Test func palette256KeepsNeighbouringBinsApart() {
    for ramp in [sequential, diverging] {
      let indices = (0..<ramp.binCount).map(ramp.paletteIndex(ofBin:))
      for (a, b) in zip(indices, indices.dropFirst()) {
        #expect(a != b, "\(ramp.name) \(indices)")
      }
    }
    let lightness = (0..<sequential.binCount).map {
      XtermPalette.color(ofIndex: sequential.paletteIndex(ofBin: $0)).lightness
    }
    #expect(lightness == lightness.sorted())
  }

  @Test func palette256StaysCloseToTheTrueColors() {
    for ramp in [sequential, diverging] {
      for bin in 0..<ramp.binCount {
        let entry = XtermPalette.color(ofIndex: ramp.paletteIndex(ofBin: bin))
        #expect(entry.distanceSquared(to: ramp.color(ofBin: bin)) < 70 * 70)
      }
    }
  }
}

@Suite("Heatmap cells")
struct HeatmapPainterTests {
  @Test func colorModesPaintTheBackground() {
    let painter = HeatmapPainter(scale: .sequential, mode: .trueColor)
    #expect(painter.cell(for: 0.5)
      == Cell(" ", style: Style(background: .sequential(8))))
    #expect(painter.cell(for: nil) == .blank)
    #expect(painter.cell(for: .nan) == .blank)
    #expect(painter.valuesPerCell == 2)
  }

  @Test func glyphModesShowTheBinGlyph() {
    let mono = HeatmapPainter(scale: .diverging, mode: .none)
    #expect(mono.cell(for: -0.9) == Cell("="))
    #expect(mono.cell(for: 0.02) == Cell("·"))
    #expect(mono.cell(for: 0.95) == Cell("#"))
    #expect(mono.valuesPerCell == 1)
    let basic = HeatmapPainter(scale: .diverging, mode: .basic8)
    #expect(basic.cell(for: 0.95)
      == Cell("#", style: Style(foreground: .diverging(16))))
  }

  @Test func halfBlockStacksTwoValues() {
    let painter = HeatmapPainter(scale: .sequential, mode: .palette256)
    #expect(painter.halfBlock(top: 0, bottom: 1) == Cell(
      "▀", style: Style(foreground: .sequential(0), background: .sequential(15))))
    #expect(painter.halfBlock(top: 0, bottom: nil)
      == Cell("▀", style: Style(foreground: .sequential(0))))
    #expect(painter.halfBlock(top: nil, bottom: 1)
      == Cell("▄", style: Style(foreground: .sequential(15))))
    #expect(painter.halfBlock(top: nil, bottom: .nan) == .blank)
  }

  @Test func halfBlockWithoutColorShowsTheMean() {
    let painter = HeatmapPainter(scale: .sequential, mode: .none)
    #expect(painter.halfBlock(top: 0, bottom: 1) == painter.cell(for: 0.5))
    #expect(painter.halfBlock(top: nil, bottom: 1) == painter.cell(for: 1))
  }

  @Test func legendSweepsTheRamp() {
    let painter = HeatmapPainter(scale: .sequential, mode: .none)
    let glyphs = painter.legend(width: 12).map(\.character)
    #expect(glyphs.first == ".")
    #expect(glyphs.last == "@")
    let order = Array(".:-=+*#%@")
    let ranks = glyphs.compactMap { order.firstIndex(of: $0) }
    #expect(ranks == ranks.sorted() && ranks.count == 12)
    #expect(painter.legend(width: 0).isEmpty)
    #expect(painter.legend(width: 1).count == 1)
  }
}
