import Foundation
import RecscopeCore

/// How the explorer is opened: what the command line decided, plus the
/// environment it reads colour and clipboard support from.
public struct ExplorerOptions: Sendable {
  /// What to do with a journal of unsaved edits found at start-up.
  public enum RestorePolicy: String, Sendable, CaseIterable {
    /// Show a one-line prompt and let the person choose.
    case ask
    /// Replay the edits without asking (headless runs, scripts).
    case restore
    /// Delete the journal and start from the file as it is.
    case discard
  }

  /// The `--color` choice.
  public var colorOption: ColorOption
  /// Whether clicks and the wheel are reported (`--no-mouse` turns it off).
  public var mouse: Bool
  /// Where diagnostics go; nothing is written while the screen is up
  /// otherwise.
  public var logPath: String?
  /// The journal of unsaved edits; nil puts it beside the data (see
  /// ``resolvedJournalPath``).
  public var journalPath: String?
  /// The file or directory the data came from; `:w` writes back to it.
  public var dataPath: String?
  /// What the loader found, so saving keeps the format it came in.
  public var report: LoadReport?
  public var restore: RestorePolicy
  /// The process environment (colour detection, `NO_COLOR`, clipboard).
  public var environment: [String: String]
  /// How many recommendations the pane lists.
  public var recommendationCount: Int
  /// Whether unrated matrix cells start out showing predictions.
  public var showPredictions: Bool
  /// Whether `y` may copy with OSC 52; nil decides from the environment.
  public var clipboardEscape: Bool?
  /// Where `y` writes when OSC 52 is not used; nil picks a temporary file.
  public var copyPath: String?
  /// Whether edits are journaled at all (off for benchmarks).
  public var journaling: Bool
  /// Where a journal goes when the data has no place of its own for one:
  /// data built into the program, or a location that cannot be written
  /// (an installed sample). Nil leaves such edits unjournaled, with a
  /// message.
  public var stateDirectory: String?
  /// The name of data built into the program, for its journal's name.
  public var builtInDataName: String?
  /// Whether the screen shows characters outside ASCII (a UTF-8 locale).
  /// The terminal turns every such character it cannot show into an ASCII
  /// stand-in; drawings with no good stand-in, such as braille plots,
  /// choose ASCII themselves when this is false.
  public var unicode: Bool

  public init(
    colorOption: ColorOption = .auto,
    mouse: Bool = true,
    logPath: String? = nil,
    journalPath: String? = nil,
    dataPath: String? = nil,
    report: LoadReport? = nil,
    restore: RestorePolicy = .ask,
    environment: [String: String] = [:],
    recommendationCount: Int = 10,
    showPredictions: Bool = false,
    clipboardEscape: Bool? = nil,
    copyPath: String? = nil,
    journaling: Bool = true,
    unicode: Bool = true
  ) {
    self.colorOption = colorOption
    self.mouse = mouse
    self.logPath = logPath
    self.journalPath = journalPath
    self.dataPath = dataPath
    self.report = report
    self.restore = restore
    self.environment = environment
    self.recommendationCount = recommendationCount
    self.showPredictions = showPredictions
    self.clipboardEscape = clipboardEscape
    self.copyPath = copyPath
    self.journaling = journaling
    self.unicode = unicode
  }

  /// The journal's path: the given one, else `recscope.journal` inside a
  /// data directory or `<ratings file>.journal` beside a ratings file;
  /// for data built into the program, ``fallbackJournalPath``; nil for
  /// data from standard input, which no later start can read again.
  public var resolvedJournalPath: String? {
    guard journaling else { return nil }
    if let journalPath { return journalPath }
    guard let dataPath else { return fallbackJournalPath }
    guard dataPath != "-" else { return nil }
    if DataFiles.kind(of: dataPath) == .directory {
      return DataFiles.join(dataPath, "recscope.journal")
    }
    return dataPath + ".journal"
  }

  /// Where the journal goes in ``stateDirectory`` when its own place
  /// cannot be written: named after the data, so each data set keeps its
  /// own (`usr-share-recscope-teaching-5f1c09ab.journal`).
  public var fallbackJournalPath: String? {
    guard journaling, journalPath == nil, let stateDirectory else {
      return nil
    }
    guard let dataPath else {
      return builtInDataName.map {
        DataFiles.join(stateDirectory, $0 + ".journal")
      }
    }
    guard dataPath != "-" else { return nil }
    let absolute = URL(fileURLWithPath: dataPath).standardizedFileURL.path
    return DataFiles.join(stateDirectory, Self.journalName(for: absolute))
  }

  /// A file name for the journal of the data at `path`: its components
  /// joined by `-` (at most 100 characters, only letters, digits, `.`,
  /// `_` and `-`), then a hash of the whole path, so that two paths that
  /// read alike still get two journals.
  static func journalName(for path: String) -> String {
    var readable = ""
    for scalar in path.unicodeScalars.drop(while: { $0 == "/" }) {
      let c = Character(scalar)
      readable.append(scalar == "/" ? "-"
        : (c.isASCII && (c.isLetter || c.isNumber || ".-_".contains(c)))
          ? c : "_")
    }
    var hash: UInt32 = 0x811C_9DC5
    for byte in path.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(readable.prefix(100)) + "-"
      + String(repeating: "0", count: 8 - hex.count) + hex + ".journal"
  }

  /// Whether OSC 52 reaches a clipboard here: terminals known to honour
  /// it, and tmux and screen, which pass it on.
  var copiesWithEscape: Bool {
    if let clipboardEscape { return clipboardEscape }
    let term = environment["TERM"]?.lowercased() ?? ""
    let known = ["xterm", "tmux", "screen", "kitty", "alacritty", "foot",
                 "wezterm", "rxvt"]
    return known.contains { term.hasPrefix($0) }
      || environment["TERM_PROGRAM"] != nil
  }
}
