import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A detached tmux session running one command, for driving the real
/// binary as a person would: keys in, screen text out.
///
/// Each session has its own socket and an empty configuration, so runs
/// in parallel and a person's tmux settings never interfere. The server
/// is started with `system()`: started through `Process`, the daemonised
/// server inherits the descriptor Foundation watches the child with, and
/// the wait never ends.
final class TmuxSession {
  let socket: String
  private let config: String
  static let name = "e2e"

  /// Starts `command` in a `width`×`height` window. The window stays
  /// after the command exits, so its last screen can still be read.
  init?(command: String, width: Int, height: Int) {
    let base = FileManager.default.temporaryDirectory.path
      + "/recscope-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    socket = base + ".sock"
    config = base + ".conf"
    _ = FileManager.default.createFile(
      atPath: config, contents: Data("set -g remain-on-exit on\n".utf8))
    let line = "tmux -S '\(socket)' -f '\(config)' new-session -d -s "
      + "\(Self.name) -x \(width) -y \(height) \(Self.quote(command))"
    guard system(line) == 0 else { return nil }
  }

  deinit {
    _ = run(["kill-server"])
    unlink(socket)
    unlink(config)
  }

  static var isInstalled: Bool {
    system("command -v tmux >/dev/null 2>&1") == 0
  }

  /// The screen as text; with `escapes`, with its colour escapes.
  func capture(escapes: Bool = false) -> String {
    run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", Self.name])
  }

  /// Types keys: tmux key names (`Enter`, `Up`) or text with `literal`.
  func send(_ keys: String..., literal: Bool = false) {
    _ = run(["send-keys", "-t", Self.name] + (literal ? ["-l"] : []) + keys)
  }

  /// A primary-button click at column `x`, row `y` (from 0), as an
  /// xterm sends it in SGR mouse mode.
  func click(x: Int, y: Int) {
    send("\u{1B}[<0;\(x + 1);\(y + 1)M", literal: true)
    send("\u{1B}[<0;\(x + 1);\(y + 1)m", literal: true)
  }

  func resize(width: Int, height: Int) {
    _ = run(["resize-window", "-t", Self.name, "-x", "\(width)",
             "-y", "\(height)"])
  }

  /// A tmux format about the pane, such as `#{alternate_on}`.
  func display(_ format: String) -> String {
    run(["display-message", "-p", "-t", Self.name, format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen every 100 ms until `done` holds or 10 s pass;
  /// returns the last screen either way.
  @discardableResult
  func wait(escapes: Bool = false, timeout: Double = 10,
            until done: (String) -> Bool) -> (ok: Bool, screen: String) {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = capture(escapes: escapes)
    while !done(screen) {
      if Date() > deadline { return (false, screen) }
      usleep(100_000)
      screen = capture(escapes: escapes)
    }
    return (true, screen)
  }

  @discardableResult
  func wait(for text: String, timeout: Double = 10) -> (ok: Bool, screen: String) {
    wait(timeout: timeout) { $0.contains(text) }
  }

  /// The pid of the command's own child: the binary run by the wrapper
  /// shell.
  func programPID() -> Int32? {
    guard let shell = Int32(display("#{pane_pid}")) else { return nil }
    let path = "/proc/\(shell)/task/\(shell)/children"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    return text.split(separator: " ").first.flatMap { Int32($0) }
  }

  private func run(_ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "-S", socket] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
