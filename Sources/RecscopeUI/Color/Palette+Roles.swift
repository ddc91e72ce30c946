extension Palette {
  /// One role at every colour depth.
  struct Look {
    /// The 24-bit colour; `nil` keeps the terminal's own.
    var rgb: RGB?
    /// The ANSI colour in 8-colour mode; `nil` keeps the terminal's own.
    var basic: BasicColor?
    /// Attributes added in 8-colour mode, where the eight shades cannot
    /// say everything.
    var basicExtra: Attributes = []
    /// Attributes added when there is no colour at all.
    var monochrome: Attributes = []
  }

  /// The role table. Colours with their own background (selection, status
  /// bar) pair with an explicit text colour, so they read the same on
  /// light and dark terminal themes.
  static func look(of role: ColorRole) -> Look {
    switch role {
    case .normal:
      Look()
    case .dim:
      Look(rgb: RGB(138, 138, 138), basicExtra: .dim, monochrome: .dim)
    case .border:
      Look(rgb: RGB(98, 98, 98))
    case .focusBorder:
      Look(rgb: RGB(95, 175, 255), basic: .cyan, monochrome: .bold)
    case .header:
      Look(rgb: RGB(215, 175, 95), basicExtra: .bold, monochrome: .bold)
    case .selection:
      Look(rgb: RGB(38, 79, 120), basic: .blue, monochrome: .reverse)
    case .selectionText:
      Look(rgb: RGB(255, 255, 255), basic: .white)
    case .error:
      Look(rgb: RGB(255, 95, 95), basic: .red, monochrome: .bold)
    case .changed:
      Look(rgb: RGB(255, 175, 0), basic: .magenta, monochrome: .underline)
    case .highlight:
      Look(rgb: RGB(95, 95, 0), basic: .yellow, basicExtra: .underline,
           monochrome: .underline)
    case .statusBar:
      Look(rgb: RGB(48, 48, 48), basicExtra: .reverse, monochrome: .reverse)
    case .statusText:
      Look(rgb: RGB(208, 208, 208))
    case .statusKey:
      Look(rgb: RGB(255, 215, 95), basicExtra: .bold, monochrome: .bold)
    case .sequential(let bin):
      Look(
        rgb: ColorRamp.sequential.color(ofBin: bin),
        basic: ColorRamp.sequential.basicColor(ofBin: bin))
    case .diverging(let bin):
      Look(
        rgb: ColorRamp.diverging.color(ofBin: bin),
        basic: ColorRamp.diverging.basicColor(ofBin: bin))
    case .series(let n):
      seriesLooks[((n % seriesLooks.count) + seriesLooks.count)
                  % seriesLooks.count]
    }
  }

  /// Plot lines: the Okabe–Ito colours, told apart with most kinds of
  /// colour blindness, each with the nearest ANSI colour.
  static let seriesLooks: [Look] = [
    Look(rgb: RGB(86, 180, 233), basic: .cyan),
    Look(rgb: RGB(230, 159, 0), basic: .yellow),
    Look(rgb: RGB(0, 158, 115), basic: .green),
    Look(rgb: RGB(204, 121, 167), basic: .magenta),
    Look(rgb: RGB(0, 114, 178), basic: .blue),
    Look(rgb: RGB(213, 94, 0), basic: .red),
  ]
}
