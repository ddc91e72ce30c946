/// One named line of a ``LinePlot``: points joined in the order given.
///
/// A point whose x or y is not finite is left out and breaks the line
/// there, so a missing value shows as a gap, not as a straight stretch
/// that was never measured.
public struct PlotSeries: Sendable, Equatable {
  public var name: String
  public var points: [(x: Double, y: Double)]

  public init(name: String, points: [(x: Double, y: Double)]) {
    self.name = name
    self.points = points
  }

  /// y over x = 1, 2, 3, …
  public init(name: String, values: [Double]) {
    self.init(name: name,
              points: values.enumerated().map { (Double($0 + 1), $1) })
  }

  public static func == (a: PlotSeries, b: PlotSeries) -> Bool {
    a.name == b.name && a.points.count == b.points.count
      && zip(a.points, b.points).allSatisfy {
        $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern
      }
  }
}
