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
