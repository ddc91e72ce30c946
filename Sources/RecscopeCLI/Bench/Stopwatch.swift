import Dispatch

/// Wall-clock timing for benchmarks.
struct Stopwatch {
  private let start = DispatchTime.now().uptimeNanoseconds

  /// Seconds since the stopwatch was made.
  var seconds: Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// Runs `body` and returns its result with the seconds it took.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let watch = Stopwatch()
    let value = try body()
    return (value, watch.seconds)
  }
}

/// The q-quantile (0…1) of some measurements, nearest rank.
func quantile(_ values: [Double], _ q: Double) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
  return sorted[min(sorted.count - 1, max(0, rank))]
}
