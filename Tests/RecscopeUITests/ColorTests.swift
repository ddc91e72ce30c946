import Testing
@testable import RecscopeUI

@Suite("Colour mode detection")
struct ColorModeDetectionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let option: ColorOption
    let environment: [String: String]
    let reported: Int?
    let expected: ColorMode
    var testDescription: String {
      "\(option) \(environment.sorted { $0.key < $1.key }) "
        + "\(reported.map(String.init) ?? "no terminal") → \(expected)"
    }
  }

  static let table: [Case] = [
    // An explicit choice wins over everything, NO_COLOR included.
    Case(option: .fixed(.trueColor), environment: ["NO_COLOR": "1"],
         reported: 8, expected: .trueColor),
    Case(option: .fixed(.none), environment: ["COLORTERM": "truecolor"],
         reported: 256, expected: .none),
    Case(option: .fixed(.basic8), environment: [:], reported: 0,
         expected: .basic8),
    // NO_COLOR: any non-empty value turns colour off.
    Case(option: .auto, environment: ["NO_COLOR": "1", "COLORTERM": "24bit"],
         reported: 256, expected: .none),
    Case(option: .auto, environment: ["NO_COLOR": "", "TERM": "xterm-256color"],
         reported: 256, expected: .palette256),
    // COLORTERM announces 24-bit colour.
    Case(option: .auto, environment: ["COLORTERM": "truecolor"],
         reported: 256, expected: .trueColor),
    Case(option: .auto, environment: ["COLORTERM": "24BIT"],
         reported: 8, expected: .trueColor),
    Case(option: .auto, environment: ["COLORTERM": "yes"],
         reported: 8, expected: .basic8),
    Case(option: .auto, environment: [:], reported: 1 << 24,
         expected: .trueColor),
    // TERM and the reported count.
    Case(option: .auto, environment: ["TERM": "xterm-256color"],
         reported: 256, expected: .palette256),
    Case(option: .auto, environment: ["TERM": "screen-256color"],
         reported: nil, expected: .palette256),
    Case(option: .auto, environment: ["TERM": "xterm"], reported: 8,
         expected: .basic8),
    Case(option: .auto, environment: ["TERM": "linux"], reported: 8,
         expected: .basic8),
    // No colour capability.
    Case(option: .auto, environment: ["TERM": "xterm-256color"],
         reported: 0, expected: .none),
    Case(option: .auto, environment: ["TERM": "vt100"], reported: -1,
         expected: .none),
    Case(option: .auto, environment: ["TERM": "dumb"], reported: nil,
         expected: .none),
    Case(option: .auto, environment: [:], reported: nil, expected: .none),
    Case(option: .auto, environment: ["TERM": "xterm"], reported: nil,
         expected: .basic8),
  ]

  @Test(arguments: table)
  func detection(_ row: Case) {
    let mode = ColorMode.detect(
      option: row.option, environment: row.environment,
      reportedColors: row.reported)
    #expect(mode == row.expected)
  }

  @Test func optionSpellings() throws {
    #expect(try ColorOption(argument: "auto") == .auto)
    #expect(try ColorOption(argument: "24bit") == .fixed(.trueColor))
    #expect(try ColorOption(argument: "TrueColor") == .fixed(.trueColor))
    #expect(try ColorOption(argument: "256") == .fixed(.palette256))
    #expect(try ColorOption(argument: "8") == .fixed(.basic8))
    #expect(try ColorOption(argument: "none") == .fixed(.none))
  }

  @Test func badOptionQuotesTheValueAndTheChoices() {
    #expect(throws: ColorOptionError(value: "16")) {
      try ColorOption(argument: "16")
    }
    #expect(ColorOptionError(value: "16").description
      == "invalid --color value \"16\"; expected one of auto|24bit|256|8|none")
  }
}

@Suite("256-colour palette")
struct XtermPaletteTests {
  @Test(arguments: [
    (RGB(255, 0, 0), 196), (RGB(0, 255, 0), 46), (RGB(0, 0, 255), 21),
    (RGB(255, 255, 0), 226), (RGB(0, 255, 255), 51), (RGB(255, 0, 255), 201),
    (RGB(255, 255, 255), 231), (RGB(0, 0, 0), 16),
    (RGB(128, 128, 128), 244), (RGB(8, 8, 8), 232), (RGB(238, 238, 238), 255),
    (RGB(95, 135, 175), 67),
  ])
  func pureColorsMapToTheirEntry(_ color: RGB, index: Int) {
    #expect(XtermPalette.nearestIndex(to: color) == UInt8(index))
  }

  @Test func everyEntryMapsToItself() {
    for index in UInt8(16)...255 {
      #expect(XtermPalette.nearestIndex(to: XtermPalette.color(ofIndex: index))
        == index)
    }
  }

  @Test func nearColorsSnapToTheClosestLevel() {
    #expect(XtermPalette.nearestIndex(to: RGB(250, 10, 5)) == 196)
    #expect(XtermPalette.nearestIndex(to: RGB(100, 100, 100)) == 241)
  }
}

@Suite("Palette")
struct PaletteTests {
  @Test func noColorUsesAttributesInstead() {
    let palette = Palette(mode: .none)
    #expect(palette.resolve(.selection) == ResolvedStyle(
      foreground: .terminalDefault, background: .terminalDefault,
      attributes: .reverse))
    #expect(palette.resolve(.focusBorder).attributes == .bold)
    #expect(palette.resolve(.dim).attributes == .dim)
    #expect(palette.resolve(.changed).attributes.contains(.underline))
    #expect(palette.color(.sequential(3)) == .terminalDefault)
  }

  @Test func eachModeResolvesRolesToItsKindOfColor() {
    #expect(Palette(mode: .basic8).color(.error) == .indexed(1))
    #expect(Palette(mode: .basic8).color(.header) == .terminalDefault)
    #expect(Palette(mode: .palette256).color(.error) == .indexed(203))
    #expect(Palette(mode: .trueColor).color(.error) == .rgb(RGB(255, 95, 95)))
    for mode in ColorMode.allCases {
      #expect(Palette(mode: mode).color(.normal) == .terminalDefault)
    }
  }

  @Test func heatmapBinsUseTheRampInEveryColorMode() {
    let ramp = ColorRamp.sequential
    #expect(Palette(mode: .trueColor).color(.sequential(0))
      == .rgb(ramp.color(ofBin: 0)))
    #expect(Palette(mode: .palette256).color(.sequential(15))
      == .indexed(ramp.paletteIndex(ofBin: 15)))
    #expect(Palette(mode: .basic8).color(.diverging(0)) == .indexed(4))
    #expect(Palette(mode: .basic8).color(.diverging(8)) == .terminalDefault)
  }
}
