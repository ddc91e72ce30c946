#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A colour as 8-bit sRGB channels, the space colormaps are published in
/// and 24-bit terminals accept.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A colour written as `0xRRGGBB`.
  public init(hex: UInt32) {
    self.init(
      UInt8(truncatingIfNeeded: hex >> 16),
      UInt8(truncatingIfNeeded: hex >> 8),
      UInt8(truncatingIfNeeded: hex))
  }

  /// `#rrggbb`, as in style sheets and colormap tables.
  public var description: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for channel in [red, green, blue] {
      text.append(digits[Int(channel >> 4)])
      text.append(digits[Int(channel & 0xF)])
    }
    return text
  }

  /// Relative luminance in 0...1 (Rec. 709 weights on linear light), the
  /// measure behind contrast ratios and our ramp checks.
  public var relativeLuminance: Double {
    0.2126 * Self.linear(red) + 0.7152 * Self.linear(green)
      + 0.0722 * Self.linear(blue)
  }

  /// CIE L* lightness in 0...100: equal steps look equally different,
  /// which is what a perceptually even ramp promises.
  public var lightness: Double {
    let y = relativeLuminance
    return y > 216.0 / 24389.0 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27.0
  }

  /// Black or white, whichever reads better on top of this colour; for
  /// numbers printed over heatmap cells.
  public var contrastingText: RGB {
    relativeLuminance > 0.18 ? RGB(0, 0, 0) : RGB(255, 255, 255)
  }

  /// The colour `fraction` of the way from `self` to `other`, mixed per
  /// channel in sRGB (fine between the close anchors of a ramp).
  public func mixed(with other: RGB, _ fraction: Double) -> RGB {
    let t = min(max(fraction, 0), 1)
    func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
    }
    return RGB(
      channel(red, other.red), channel(green, other.green),
      channel(blue, other.blue))
  }

  /// Squared distance in sRGB, for nearest-colour searches.
  func distanceSquared(to other: RGB) -> Int {
    let dr = Int(red) - Int(other.red)
    let dg = Int(green) - Int(other.green)
    let db = Int(blue) - Int(other.blue)
    return dr * dr + dg * dg + db * db
  }

  private static func linear(_ channel: UInt8) -> Double {
    let c = Double(channel) / 255
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
  }
}
