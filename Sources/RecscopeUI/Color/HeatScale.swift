/// Which ramp a heatmap uses.
public enum HeatScale: Sendable {
  /// Values in 0...1, on ``ColorRamp/sequential``.
  case sequential
  /// Values in -1...1 centred on 0, on ``ColorRamp/diverging``.
  case diverging

  public var ramp: ColorRamp {
    switch self {
    case .sequential: ColorRamp.sequential
    case .diverging: ColorRamp.diverging
    }
  }

  /// The colour role of `bin` on this scale.
  public func role(ofBin bin: Int) -> ColorRole {
    switch self {
    case .sequential: .sequential(bin)
    case .diverging: .diverging(bin)
    }
  }
}
