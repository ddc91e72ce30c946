import Glibc
import Synchronization

/// Puts the terminal back when the program ends without calling
/// ``CursesTerminal/stop()``: on a signal, on a crash, or on `exit`.
///
/// `endwin` is not async-signal-safe, so nothing here calls curses from a
/// handler. While the screen is up we keep, prepared in advance:
/// - the terminal modes from before the screen opened (a `termios`), put
///   back with `tcsetattr`;
/// - the bytes that leave the alternate screen, show the cursor, reset
///   colours and turn mouse reporting off (from terminfo), written with
///   `write`.
/// Both calls are async-signal-safe, as are the lock-free atomics that
/// guard the state. The state lives in buffers allocated once and never
/// freed, so a handler on another thread can never see them vanish.
///
/// What each signal does:
/// - **SIGINT, SIGTERM, SIGHUP, SIGQUIT.** If the main loop is waiting in
///   ``CursesTerminal/readKey(timeout:)``, the handler only records the
///   signal; the loop notices within 100 ms, stops the screen the normal
///   way (`endwin`, held messages printed) and exits with 128 + signal.
///   Otherwise (the program is busy, or the signal reached another
///   thread while the loop was not waiting) the handler restores the
///   terminal itself and calls `_exit(128 + signal)`.
/// - **SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP** (a Swift
///   runtime trap is SIGILL or SIGTRAP): the handler restores the
///   terminal, reinstalls whatever handled the signal before (the Swift
///   backtracer, or the default) and returns, so the fault recurs and is
///   reported as usual on a usable terminal.
/// - `exit` without `stop()`: an `atexit` hook restores the terminal.
///
/// SIGTSTP and SIGWINCH stay with ncurses, which suspends and resizes
/// correctly on its own.
enum TerminalRescue {
  static let terminationSignals = [SIGHUP, SIGINT, SIGQUIT, SIGTERM]
  static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

  /// Records the terminal modes before the screen opens. Call once per
  /// start, before curses changes anything.
  static func saveModes(of descriptor: Int32) {
    let saved = tcgetattr(descriptor, rescueModes) == 0
    rescueState.descriptor = descriptor
    rescueState.hasModes = saved
  }

  /// Stores the bytes that undo the screen, then arms the rescue and
  /// installs the handlers.
  static func arm(restoreBytes: [UInt8]) {
    let count = min(restoreBytes.count, rescueCapacity)
    for index in 0..<count { rescueBytes[index] = restoreBytes[index] }
    rescueState.byteCount = count

    if !atExitRegistered.exchange(true, ordering: .acquiringAndReleasing) {
      atexit(rescueAtExit)
    }
    for signal in terminationSignals + crashSignals {
      _ = sigaction(signal, nil, previousActions + Int(signal))
    }
    armed.store(true, ordering: .releasing)
    install(rescueOnTermination, for: terminationSignals)
    install(rescueOnCrash, for: crashSignals)
  }

  /// Disarms the rescue after a normal stop and puts the previous
  /// handlers back.
  static func disarm() {
    armed.store(false, ordering: .releasing)
    for signal in terminationSignals + crashSignals {
      _ = sigaction(signal, previousActions + Int(signal), nil)
    }
  }

  /// Brackets a wait for input, during which termination signals are
  /// left to the loop.
  static func setWaitingForInput(_ waiting: Bool) {
    waitingForInput.store(waiting, ordering: .sequentiallyConsistent)
  }

  /// The termination signal that arrived while waiting, or 0.
  static func takePendingSignal() -> Int32 {
    pendingSignal.exchange(0, ordering: .acquiringAndReleasing)
  }

  private static func install(
    _ handler: @convention(c) (Int32) -> Void, for signals: [Int32]
  ) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    _ = sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    for signal in signals { _ = sigaction(signal, &action, nil) }
  }
}

// Everything below is touched by signal handlers: plain buffers and
// lock-free atomics only, all created before the first handler is
// installed.

private struct RescueState {
  var descriptor: Int32 = STDOUT_FILENO
  var hasModes = false
  var byteCount = 0
}

private let rescueCapacity = 512
nonisolated(unsafe) private var rescueState = RescueState()
nonisolated(unsafe) private let rescueBytes =
  UnsafeMutablePointer<UInt8>.allocate(capacity: rescueCapacity)
nonisolated(unsafe) private let rescueModes =
  UnsafeMutablePointer<termios>.allocate(capacity: 1)
/// Indexed by signal number; every signal we handle is below 32.
nonisolated(unsafe) private let previousActions =
  UnsafeMutablePointer<sigaction>.allocate(capacity: 32)

private let armed = Atomic<Bool>(false)
private let waitingForInput = Atomic<Bool>(false)
private let pendingSignal = Atomic<Int32>(0)
private let atExitRegistered = Atomic<Bool>(false)

/// Restores the terminal once, however many paths ask.
private func rescueTerminal() {
  guard armed.exchange(false, ordering: .acquiringAndReleasing) else {
    return
  }
  let state = rescueState
  var written = 0
  while written < state.byteCount {
    let result = write(
      state.descriptor, rescueBytes + written, state.byteCount - written)
    if result <= 0 { break }
    written += result
  }
  if state.hasModes {
    _ = tcsetattr(state.descriptor, TCSANOW, rescueModes)
  }
}

private func rescueOnTermination(_ signal: Int32) {
  if waitingForInput.load(ordering: .sequentiallyConsistent) {
    pendingSignal.store(signal, ordering: .releasing)
    return
  }
  rescueTerminal()
  _exit(128 + signal)
}

private func rescueOnCrash(_ signal: Int32) {
  rescueTerminal()
  _ = sigaction(signal, previousActions + Int(signal), nil)
}

private func rescueAtExit() {
  rescueTerminal()
}
