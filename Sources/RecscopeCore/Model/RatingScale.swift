/// The closed interval ratings live on, such as 1…5 or 0.5…5.
///
/// Estimates are clipped to it, as Surprise does with `clip=True`.
public struct RatingScale: Equatable, Hashable, Sendable, CustomStringConvertible {
  public let lower: Double
  public let upper: Double

  /// - Precondition: both bounds finite and `lower < upper`.
  public init(_ lower: Double, _ upper: Double) {
    precondition(lower.isFinite && upper.isFinite && lower < upper,
                 "RatingScale(\(lower), \(upper)): need finite lower < upper")
    self.lower = lower
    self.upper = upper
  }

  /// Width of the interval; the sensitivity Δ of a single rating.
  public var width: Double { upper - lower }

  public func contains(_ value: Double) -> Bool {
    value >= lower && value <= upper
  }

  public func clip(_ value: Double) -> Double {
    min(upper, max(lower, value))
  }

  /// Parses `"1:5"` or `"0.5:5"`; nil when malformed.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let lo = Double(parts[0]), let hi = Double(parts[1]),
          lo.isFinite, hi.isFinite, lo < hi else { return nil }
    self.init(lo, hi)
  }

  /// The smallest scale with integer bounds that holds every value, the
  /// guess made when the data does not say (1…5 for MovieLens 100K).
  public static func inferred(min: Double, max: Double) -> RatingScale {
    let lo = min.rounded(.down)
    var hi = max.rounded(.up)
    if hi <= lo { hi = lo + 1 }
    return RatingScale(lo, hi)
  }

  public var description: String {
    "\(exact(lower)):\(exact(upper))"
  }
}
