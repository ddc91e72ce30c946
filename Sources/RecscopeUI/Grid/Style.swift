/// How a cell looks: foreground and background by role, plus attributes.
///
/// The presets below are the vocabulary panes should use; building a
/// style by hand is for the rare case none of them fits.
public struct Style: Hashable, Sendable {
  public var foreground: ColorRole
  public var background: ColorRole
  public var attributes: Attributes

  public init(
    foreground: ColorRole = .normal,
    background: ColorRole = .normal,
    attributes: Attributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// This style with `extra` attributes added.
  public func adding(_ extra: Attributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }
}

extension Style {
  public static let normal = Style()
  public static let dim = Style(foreground: .dim)
  public static let border = Style(foreground: .border)
  public static let focusBorder = Style(
    foreground: .focusBorder, attributes: .bold)
  public static let header = Style(foreground: .header, attributes: .bold)
  public static let selection = Style(
    foreground: .selectionText, background: .selection)
  public static let error = Style(foreground: .error, attributes: .bold)
  public static let changed = Style(foreground: .changed, attributes: .bold)
  public static let statusBar = Style(
    foreground: .statusText, background: .statusBar)
  public static let statusKey = Style(
    foreground: .statusKey, background: .statusBar, attributes: .bold)
}
