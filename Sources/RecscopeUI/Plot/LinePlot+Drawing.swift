extension LinePlot {
  /// Draws the plot into `rect` of `grid`, clipped to both.
  public func draw(into grid: inout CellGrid, in rect: Rect) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    grid.withRegion(area) { region in draw(into: &region) }
  }

  /// The points of series `n` on the axes' scales, non-finite ones nil.
  func scaledPoints(_ n: Int) -> [(x: Double, y: Double)?] {
    series[n].points.map { p in
      let x = xScale == .logarithmic ? Self.logarithm(p.x) : p.x
      return x.isFinite && p.y.isFinite ? (x, p.y) : nil
    }
  }

  /// The data's extent on the scaled axes, padded where it is a point.
  func ranges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    let all = series.indices.flatMap { scaledPoints($0).compactMap { $0 } }
    let ticks = (xTicks ?? []).compactMap { t -> Double? in
      let x = xScale == .logarithmic ? Self.logarithm(t) : t
      return x.isFinite ? x : nil
    }
    let xs = all.map(\.x) + ticks, ys = all.map(\.y)
    return (Self.padded(xs.min(), xs.max()), Self.padded(ys.min(), ys.max()))
  }

  /// [low, high], or a range around a single value (±5 % of it, ±1 for 0),
  /// or [0, 1] without values.
  static func padded(_ low: Double?, _ high: Double?) -> ClosedRange<Double> {
    guard let low, let high else { return 0...1 }
    if low < high { return low...high }
    let pad = low == 0 ? 1 : abs(low) * 0.05
    return (low - pad)...(low + pad)
  }

  /// log₁₀ x for x > 0, else not a number.
  static func logarithm(_ x: Double) -> Double {
    x > 0 && x.isFinite ? log10(x) : .nan
  }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
