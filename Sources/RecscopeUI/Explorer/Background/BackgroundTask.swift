import Foundation

/// Work run on a thread of its own while the explorer stays responsive
/// (training a factor model; any long job that reports steps), with
/// progress that the explorer's thread collects and a way to cancel.
///
/// The work never touches the explorer's state or its engine: it gets
/// what it needs as values (a snapshot) and hands back a value, which the
/// explorer's thread applies. Everything it says goes through a locked
/// mailbox of ``Event``s.
///
/// With ``Pacing/stepped`` the work pauses after each progress report
/// until the explorer's thread lets it go on (``next()``), so a replayed
/// key script sees the same steps on every run.
public final class BackgroundTask: @unchecked Sendable {
  /// How the work advances.
  public enum Pacing: Sendable {
    /// As fast as it can; the explorer polls.
    case free
    /// One progress step each time the explorer's thread asks.
    case stepped
  }

  /// How far the work has come: step of total, and a few words.
  public struct Progress: Equatable, Sendable {
    public var step: Int
    public var total: Int
    /// What a step is: "epoch", "fold".
    public var unit: String
    public var detail: String

    public init(step: Int, total: Int, unit: String = "step",
                detail: String = "") {
      self.step = step
      self.total = total
      self.unit = unit
      self.detail = detail
    }

    /// Done share in 0…1.
    public var fraction: Double {
      total > 0 ? min(1, max(0, Double(step) / Double(total))) : 0
    }
  }

  /// What the work says, in order.
  public enum Event: Sendable {
    case progress(Progress)
    case finished(any Sendable)
    case failed(String)
  }

  /// The work's side: report progress, learn of a cancel.
  public struct Reporter: Sendable {
    let task: BackgroundTask

    /// Posts progress; false once the task is cancelled, when the work
    /// should stop at once.
    public func report(_ progress: Progress) -> Bool {
      task.post(.progress(progress))
      if task.pacing == .stepped { task.gate.wait() }
      return !task.isCancelled
    }

    public var isCancelled: Bool { task.isCancelled }
  }

  /// A name for the status line: "training svd".
  public let title: String
  public let pacing: Pacing
  /// The last progress collected on the explorer's thread.
  public internal(set) var progress: Progress

  private let lock = NSLock()
  private var mailbox: [Event] = []
  private var cancelled = false
  private var ended = false
  /// Signalled once per event posted.
  private let arrived = DispatchSemaphore(value: 0)
  /// Stepped pacing: signalled once per step the work may take.
  private let gate = DispatchSemaphore(value: 0)

  /// Starts `work` on a new thread.
  /// - Parameters:
  ///   - total: the steps a full run takes, for the first progress.
  ///   - work: runs off the explorer's thread; returns its result or
  ///     throws, and should stop soon after `report` returns false.
  public init(title: String, total: Int, unit: String = "step",
              pacing: Pacing,
              work: @escaping @Sendable (Reporter) throws -> any Sendable) {
    self.title = title
    self.pacing = pacing
    progress = Progress(step: 0, total: total, unit: unit)
    let thread = Thread { [self] in
      do {
        post(.finished(try work(Reporter(task: self))))
      } catch {
        post(.failed("\(error)"))
      }
    }
    thread.name = "recscope: \(title)"
    thread.start()
  }

  var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  private func post(_ event: Event) {
    lock.lock()
    mailbox.append(event)
    lock.unlock()
    arrived.signal()
  }

  private func take() -> Event? {
    lock.lock()
    defer { lock.unlock() }
    return mailbox.isEmpty ? nil : mailbox.removeFirst()
  }

  /// The events posted since the last call, without waiting (free pacing).
  public func collect() -> [Event] {
    var out: [Event] = []
    while let event = take() {
      noteEnd(event)
      out.append(event)
    }
    return out
  }

  /// Waits for the next event; with stepped pacing, a progress event
  /// lets the work take one more step. Nil once the work has ended.
  public func next() -> Event? {
    while !hasEnded {
      arrived.wait()
      // A signal whose event ``collect()`` already took: wait again.
      guard let event = take() else { continue }
      noteEnd(event)
      if case .progress = event, pacing == .stepped { gate.signal() }
      return event
    }
    return nil
  }

  private var hasEnded: Bool {
    lock.lock()
    defer { lock.unlock() }
    return ended
  }

  private func noteEnd(_ event: Event) {
    if case .progress = event { return }
    lock.lock()
    ended = true
    lock.unlock()
  }

  /// Asks the work to stop; its result, if any, is never used. With
  /// stepped pacing this waits until the work has ended, so that nothing
  /// outlives a replay.
  public func cancel() {
    lock.lock()
    cancelled = true
    lock.unlock()
    gate.signal()
    guard pacing == .stepped else { return }
    while next() != nil {}
  }
}
