import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `recscope` driven in tmux: start-up, an edit, resizing,
/// colour modes, the mouse, and SIGTERM, SIGINT and SIGHUP, each of which
/// must leave the terminal as it found it and the journal complete.
///
/// Skipped, with the reason, while tmux is missing or the binary does
/// not yet accept `explore`.
@Suite("Explorer end to end", .serialized,
       .enabled(if: EndToEnd.unavailable == nil,
                """
                needs tmux and a recscope that accepts `explore` \
                (`recscope explore --help` must exit 0)
                """))
struct ExplorerEndToEndTests {
  let scratch: String

  init() throws {
    scratch = FileManager.default.temporaryDirectory.path
      + "/recscope-e2e-data-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(
      atPath: scratch, withIntermediateDirectories: true)
  }

  /// A copy of the teaching sample to edit.
  func teaching() throws -> String {
    let target = scratch + "/teaching"
    if !FileManager.default.fileExists(atPath: target) {
      try FileManager.default.copyItem(
        atPath: Fixtures.sample("teaching").path, toPath: target)
    }
    return target
  }

  /// Runs `arguments` in tmux through a shell that, once the program
  /// ends, prints its exit status and the terminal modes. The colour
  /// variables of the test's own environment are dropped first.
  func start(_ arguments: String, environment: String = "TERM=xterm-256color",
             width: Int = 100, height: Int = 30) throws -> TmuxSession {
    let command = "cd \(TmuxSession.quote(Fixtures.packageRoot.path)) && "
      + "env -u NO_COLOR -u COLORTERM \(environment) LANG=C.UTF-8 \(EndToEnd.binary) \(arguments); "
      + "echo exit=$?; stty -a; sleep 30"
    return try #require(TmuxSession(command: command, width: width,
                                    height: height))
  }

  @Test func startsOnTheTeachingSampleWithNoArguments() throws {
    let tmux = try start("")
    let shown = tmux.wait(for: "? help")
    #expect(shown.ok, "\(shown.screen)")
    #expect(shown.screen.contains("Ratings 12×15"))
    #expect(shown.screen.contains("sim(ana, ana) = 1 · cosine"))
    #expect(shown.screen.contains("Recommendations"))
    tmux.send("q")
    #expect(tmux.wait(for: "exit=0").ok)
  }

  @Test func anEditChangesTheRecommendations() throws {
    let data = try teaching()
    let tmux = try start("explore \(data)")
    #expect(tmux.wait(for: "for ana · k-NN basic").ok)
    tmux.send("j", "j", "j", "l", "l", "5")
    let edited = tmux.wait(for: "recommendations moved")
    #expect(edited.ok, "\(edited.screen)")
    #expect(edited.screen.contains("for dev · k-NN basic"))
    #expect(edited.screen.contains(" 3 ↑2  Harbor Lights"))
    #expect(edited.screen.contains(" 5 new Signal Lost"))
    let journal = try String(contentsOfFile: data + "/recscope.journal",
                             encoding: .utf8)
    #expect(journal.contains("+\trate\tdev\tm07\t-\t5"))
    tmux.send(":w", "Enter")
    #expect(tmux.wait(for: "wrote 79 ratings").ok)
    tmux.send("q")
    #expect(tmux.wait(for: "exit=0").ok)
    #expect(!FileManager.default.fileExists(atPath: data + "/recscope.journal"))
  }

  @Test func resizingRelaysOutDownToTooSmall() throws {
    let tmux = try start("explore \(try teaching())")
    #expect(tmux.wait(for: "? help").ok)
    tmux.resize(width: 40, height: 12)
    let tabbed = tmux.wait(for: " 1 Ratings  2 Sim  3 Recs")
    #expect(tabbed.ok, "\(tabbed.screen)")
    tmux.resize(width: 20, height: 5)
    #expect(tmux.wait(for: "Need 24×6, now 20×5").ok)
    tmux.resize(width: 1, height: 1)
    usleep(300_000)
    tmux.resize(width: 120, height: 40)
    let back = tmux.wait(for: "Similarity: users")
    #expect(back.ok, "\(back.screen)")
    tmux.send("q")
    #expect(tmux.wait(for: "exit=0").ok)
  }

  @Test func noColorLeavesOnlyGlyphsAndAttributes() throws {
    let tmux = try start("explore \(try teaching())",
                         environment: "TERM=xterm-256color NO_COLOR=1")
    #expect(tmux.wait(for: "? help").ok)
    let screen = tmux.capture(escapes: true)
    #expect(screen.contains("....::::"))
    for n in 0...7 {
      #expect(!screen.contains("\u{1B}[3\(n)m"), "no foreground colour")
      #expect(!screen.contains("\u{1B}[4\(n)m"), "no background colour")
    }
    #expect(!screen.contains("8;5;"))
    // The selection is reverse video instead.
    #expect(screen.contains("\u{1B}[1;7m m01"))
    #expect(!screen.contains("▀"))
    tmux.send("q")
  }

  @Test func eightColourTerminalGetsTheGlyphRamp() throws {
    let tmux = try start("explore \(try teaching())",
                         environment: "TERM=xterm")
    #expect(tmux.wait(for: "? help").ok)
    let screen = tmux.capture(escapes: true)
    #expect(screen.contains("....::::"))
    #expect(!screen.contains("\u{1B}[38;5;"))
    #expect(!screen.contains("\u{1B}[48;5;"))
    #expect(!screen.contains("▀"))
    // The eight basic colours still tint the frame and the selection.
    #expect(screen.contains("\u{1B}[36m"))
    #expect(screen.contains("\u{1B}[44m m01"))
    tmux.send("q")
  }

  @Test func aClickFocusesAndSelects() throws {
    let tmux = try start("explore \(try teaching())")
    #expect(tmux.wait(for: "? help").ok)
    // Column 60, row 10 is inside the heatmap at 100×30.
    tmux.click(x: 60, y: 10)
    let clicked = tmux.wait(for: "┏ Similarity")
    #expect(clicked.ok, "\(clicked.screen)")
    #expect(!clicked.screen.contains("sim(ana, ana)"))
    tmux.send("q")
  }

  @Test func mouseCanBeTurnedOff() throws {
    let tmux = try start("explore \(try teaching()) --no-mouse")
    #expect(tmux.wait(for: "? help").ok)
    tmux.click(x: 60, y: 10)
    usleep(500_000)
    #expect(tmux.capture().contains("┏ Ratings"))
    tmux.send("q")
  }

  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func aSignalRestoresTheTerminalAndKeepsTheJournal(_ signal: Int32) throws {
    let data = try teaching()
    let log = scratch + "/explorer.log"
    let tmux = try start("explore \(data) --log \(log)")
    #expect(tmux.wait(for: "? help").ok)
    tmux.send("j", "j", "j", "4", "l", "2")
    #expect(tmux.wait(for: "dev × m04: · → 2").ok)
    let pid = try #require(tmux.programPID())
    #expect(kill(pid, signal) == 0)
    // The status first, then the modes `stty -a` prints after it.
    let status = "exit=\(128 + signal)"
    let ended = tmux.wait { $0.contains(status) && $0.contains("icanon") }
    #expect(ended.ok, "\(ended.screen)")
    #expect(ended.screen.contains(" icanon "))
    #expect(ended.screen.contains(" echo "))
    #expect(!ended.screen.contains("? help"))
    #expect(tmux.display("#{alternate_on} #{cursor_flag}") == "0 1")
    let journal = try String(contentsOfFile: data + "/recscope.journal",
                             encoding: .utf8)
    #expect(journal.contains("+\trate\tdev\tm01\t-\t4"))
    #expect(journal.contains("+\trate\tdev\tm04\t-\t2"))
    let logged = try String(contentsOfFile: log, encoding: .utf8)
    #expect(logged.contains("signal \(signal)"))
  }

  @Test func headlessDumpPrintsTheFinalScreen() throws {
    let keys = scratch + "/keys.txt"
    try "jjj 4 <Tab><Tab>\n".write(toFile: keys, atomically: true,
                                   encoding: .utf8)
    let output = EndToEnd.run([
      "explore", try teaching(), "--keys", keys, "--dump-screen",
      "--size", "80x24",
    ])
    #expect(output.status == 0)
    let rows = output.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(rows.count >= 24)
    #expect(output.text.contains("┏ Recommendations"))
    #expect(output.text.contains("for dev · k-NN basic"))
  }
}

/// Finding and probing the built binary.
enum EndToEnd {
  /// The `recscope` next to the test bundle, else in `.build/debug`.
  static let binary: String = {
    var candidates = [Bundle.main.bundleURL,
                      Bundle.main.bundleURL.deletingLastPathComponent()]
    candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug"))
    for directory in candidates {
      let path = directory.appendingPathComponent("recscope").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return Fixtures.packageRoot.appendingPathComponent(".build/debug/recscope")
      .path
  }()

  /// Why the end-to-end tests cannot run here, or nil when they can.
  static let unavailable: String? = {
    guard TmuxSession.isInstalled else { return "tmux is not installed" }
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      return "no built recscope at \(binary)"
    }
    guard run(["explore", "--help"]).status == 0 else {
      return "recscope does not accept `explore` yet"
    }
    return nil
  }()

  /// Runs the binary to completion without a terminal.
  static func run(_ arguments: [String]) -> (status: Int32, text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = Fixtures.packageRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
