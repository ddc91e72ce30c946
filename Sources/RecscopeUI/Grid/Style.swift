/// Text attributes a terminal can combine with colour.
///
/// In ``ColorMode/none`` they are all that distinguishes roles, so the
/// palette adds some of them there (reverse for the selection, for one).
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let reverse = Attributes(rawValue: 1 << 2)
  public static let underline = Attributes(rawValue: 1 << 3)

  /// `bold+underline`, or empty, for screen dumps.
  public var names: String {
    var parts: [String] = []
    if contains(.bold) { parts.append("bold") }
    if contains(.dim) { parts.append("dim") }
    if contains(.reverse) { parts.append("reverse") }
    if contains(.underline) { parts.append("underline") }
    return parts.joined(separator: "+")
  }
}

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
