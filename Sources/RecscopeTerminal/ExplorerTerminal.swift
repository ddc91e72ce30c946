import RecscopeCore
import RecscopeUI

#if canImport(Glibc)
import Glibc
#endif

/// The interactive explorer: one loop that draws a frame, reads a key,
/// hands it to the state and draws again.
///
/// The terminal is restored on every way out: a quit, a signal
/// (SIGINT, SIGTERM, SIGHUP: see `TerminalRescue`), a crash, or an error
/// before the screen opens, which is printed to standard error only
/// then. Every edit is already in the journal when its frame is drawn,
/// so a signal loses nothing.
public enum ExplorerTerminal {
  /// How long the marks on values an edit changed stay up.
  static let markDuration = Duration.milliseconds(1500)
  /// How often progress of background work is collected and drawn.
  static let pollInterval = Duration.milliseconds(100)

  /// Runs the explorer on `engine` until the person quits; returns the
  /// exit status (0 after a quit, 1 when the screen cannot open).
  public static func run(engine: Engine, options: ExplorerOptions) -> Int32 {
    let terminal = CursesTerminal()
    do {
      try terminal.start(TerminalOptions(
        color: options.colorOption, environment: options.environment,
        mouse: options.mouse))
    } catch {
      terminal.hold("recscope: \(error)")
      return 1
    }
    var options = options
    options.unicode = terminal.unicode
    let state = ExplorerState(engine: engine, options: options,
                              size: terminal.size,
                              colorMode: terminal.colorMode)
    terminal.beforeSignalExit = { signal in state.endBySignal(signal) }
    state.followFactorModel()

    var status: Int32 = 0
    let clock = ContinuousClock()
    var marksEnd: ContinuousClock.Instant?
    while terminal.isActive {
      terminal.draw(ExplorerView.render(state))
      for request in state.takeRequests() {
        switch request {
        case .clipboard(let text): terminal.copyToClipboard(text)
        }
      }
      if state.hasMarks, marksEnd == nil { marksEnd = clock.now + markDuration }
      if !state.hasMarks { marksEnd = nil }
      // Wake often while work runs in the background, to show progress.
      var timeout = marksEnd.map { max(.zero, $0 - clock.now) }
      if state.hasBackgroundTask {
        timeout = min(timeout ?? pollInterval, pollInterval)
      }
      let key = terminal.readKey(timeout: timeout)
      state.collectBackground()
      if let end = marksEnd, clock.now >= end {
        state.expireMarks()
        marksEnd = nil
      }
      guard let key else { continue }
      if case .quit(let code) = state.handle(key) {
        status = code
        break
      }
      marksEnd = nil
    }
    state.endBackground()
    terminal.stop()
    return status
  }
}
