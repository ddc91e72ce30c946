import RecscopeCore

/// A ``BackgroundTask`` together with what the explorer does with its
/// result, on the explorer's thread.
struct RunningTask {
  let task: BackgroundTask
  let finish: (any Sendable) -> Void
  /// Runs on the explorer's thread when the work is cancelled.
  let cancelled: (() -> Void)?
  /// Runs on the explorer's thread when the work fails, with why.
  let failed: ((String) -> Void)?
}

/// Owning background work: starting it, collecting its progress, waiting
/// for it in a replay, cancelling it.
extension ExplorerState {
  /// Whether work is running off the explorer's thread (the loop then
  /// wakes often to collect its progress).
  public var hasBackgroundTask: Bool { background != nil }

  /// The running work's title and progress, for the status line.
  var backgroundProgress: (title: String, progress: BackgroundTask.Progress)? {
    background.map { ($0.task.title, $0.task.progress) }
  }

  /// Starts `work` unless something is already running.
  /// - Parameters:
  ///   - finish: runs on the explorer's thread with the work's result;
  ///     never after a cancel.
  ///   - cancelled: runs on the explorer's thread after a cancel, after
  ///     the message saying so, which it may replace.
  ///   - failed: runs on the explorer's thread after a failure, with why.
  /// - Returns: false, with a message, when work is already running.
  @discardableResult
  func startBackground(
    title: String, total: Int, unit: String = "step",
    work: @escaping @Sendable (BackgroundTask.Reporter) throws -> any Sendable,
    finish: @escaping (any Sendable) -> Void,
    cancelled: (() -> Void)? = nil,
    failed: ((String) -> Void)? = nil
  ) -> Bool {
    if let running = background {
      fail("\(running.task.title) is still running; Esc cancels it")
      return false
    }
    let task = BackgroundTask(title: title, total: total, unit: unit,
                              pacing: backgroundPacing, work: work)
    background = RunningTask(task: task, finish: finish, cancelled: cancelled,
                             failed: failed)
    log.write("started \(title)")
    return true
  }

  /// Takes in what the work posted since the last call, without waiting.
  /// - Returns: whether anything changed on screen.
  @discardableResult
  public func collectBackground() -> Bool {
    guard let running = background else { return false }
    let events = running.task.collect()
    for event in events { apply(event, of: running) }
    return !events.isEmpty
  }

  /// Waits until the work has taken `steps` more steps, or has ended
  /// when `steps` is nil (a script's `<Wait>`).
  func waitForBackground(steps: Int?) {
    var left = steps
    while let running = background, left.map({ $0 > 0 }) ?? true {
      guard let event = running.task.next() else { break }
      apply(event, of: running)
      if case .progress = event { left = left.map { $0 - 1 } }
    }
  }

  /// Cancels the running work; its result is dropped.
  func cancelBackground(quietly: Bool = false) {
    guard let running = background else { return }
    background = nil
    running.task.cancel()
    log.write("cancelled \(running.task.title)")
    if !quietly { say("\(running.task.title) cancelled; nothing changed") }
    running.cancelled?()
  }

  /// Stops any work before the explorer closes.
  public func endBackground() {
    cancelBackground(quietly: true)
  }

  private func apply(_ event: BackgroundTask.Event, of running: RunningTask) {
    switch event {
    case .progress(let progress):
      running.task.progress = progress
    case .finished(let value):
      background = nil
      log.write("finished \(running.task.title)")
      running.finish(value)
      followLab()
    case .failed(let why):
      background = nil
      fail("\(running.task.title) failed: \(why)")
      running.failed?(why)
      followLab()
    }
  }
}
