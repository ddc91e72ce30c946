import RecscopeCore

/// How long the explorer takes from a key to its finished frame, for a
/// benchmark to report medians and tails.
public enum ExplorerTiming {
  /// What one replay measured.
  public struct Report: Sendable {
    /// From opening the explorer to its first finished frame.
    public var firstFrame: Duration
    /// One entry per key: from handing the key over to the frame drawn.
    public var keys: [Duration]

    /// The `p`-th percentile (0…100) of the key times, nearest rank.
    public func percentile(_ p: Double) -> Duration {
      guard !keys.isEmpty else { return .zero }
      let sorted = keys.sorted()
      let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
      return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    public var median: Duration { percentile(50) }
  }

  /// Replays `keys` headless on `engine` at `size`, timing each key to
  /// its finished frame. Journaling is off, so the disk is not timed.
  public static func measure(engine: Engine, options: ExplorerOptions,
                             keys: [Key], size: Size,
                             colorMode: ColorMode = .palette256) -> Report {
    var options = options
    options.journaling = false
    options.restore = .discard
    let clock = ContinuousClock()
    let start = clock.now
    let state = ExplorerState(engine: engine, options: options, size: size,
                              colorMode: colorMode)
    _ = ExplorerView.render(state)
    let first = clock.now - start
    var times: [Duration] = []
    times.reserveCapacity(keys.count)
    for key in keys {
      let before = clock.now
      let effect = state.handle(key)
      _ = ExplorerView.render(state)
      times.append(clock.now - before)
      if case .quit = effect { break }
    }
    return Report(firstFrame: first, keys: times)
  }
}
