/// Turns colour roles into terminal colours for one ``ColorMode``.
///
/// Every role has a rendering at each depth: a 24-bit colour (also the
/// source of its 256-palette entry), an ANSI colour or the terminal's own,
/// and the attributes that stand in for colour where it is missing. In
/// ``ColorMode/none`` the selection is reverse video, the focused border
/// bold, a changed value underlined, and so on, so no role depends on
/// colour alone.
public struct Palette: Sendable {
  public let mode: ColorMode

  public init(mode: ColorMode) { self.mode = mode }

  /// The terminal colour for `role`.
  public func color(_ role: ColorRole) -> TerminalColor {
    switch mode {
    case .none:
      return .terminalDefault
    case .basic8:
      return Self.look(of: role).basic.map { .indexed($0.rawValue) }
        ?? .terminalDefault
    case .palette256:
      switch role {
      case .sequential(let bin):
        return .indexed(ColorRamp.sequential.paletteIndex(ofBin: bin))
      case .diverging(let bin):
        return .indexed(ColorRamp.diverging.paletteIndex(ofBin: bin))
      default:
        return Self.look(of: role).rgb.map {
          .indexed(XtermPalette.nearestIndex(to: $0))
        } ?? .terminalDefault
      }
    case .trueColor:
      return Self.look(of: role).rgb.map { .rgb($0) } ?? .terminalDefault
    }
  }

  /// Colours and attributes for `style`, with the stand-in attributes of
  /// both roles added.
  public func resolve(_ style: Style) -> ResolvedStyle {
    var attributes = style.attributes
    let foreground = Self.look(of: style.foreground)
    let background = Self.look(of: style.background)
    switch mode {
    case .none:
      attributes.formUnion(foreground.monochrome)
      attributes.formUnion(background.monochrome)
    case .basic8:
      attributes.formUnion(foreground.basicExtra)
      attributes.formUnion(background.basicExtra)
    case .palette256, .trueColor:
      break
    }
    return ResolvedStyle(
      foreground: color(style.foreground),
      background: color(style.background),
      attributes: attributes)
  }
}
