import Foundation
import RecscopeCore
import RecscopeTerminal
import RecscopeUI

/// `recscope explore` (and `recscope` alone): the three-pane explorer.
enum ExploreCommand: Command {
  static let data = Argument(
    "data", .path, required: false,
    help: "Ratings file or directory, as for the other commands; the "
      + "bundled teaching sample when left out.")
  static let color = Option(
    "color", .choice(["auto", "24bit", "256", "8", "none"], placeholder: "mode"),
    default: "auto",
    help: "Colours: detected from the terminal, or forced. NO_COLOR in the "
      + "environment means none.")
  static let noMouse = Flag("no-mouse", help: "Do not ask the terminal for clicks "
                              + "and the wheel.")
  static let log = Option("log", .path, valueName: "file",
                          help: "Write diagnostics here (nothing is printed "
                            + "while the screen is up).")
  static let journal = Option(
    "journal", .path, valueName: "file",
    help: "Journal of unsaved edits; by default beside the data.")
  static let restore = Option(
    "restore", .choice(ExplorerOptions.RestorePolicy.allCases.map(\.rawValue),
                       placeholder: "policy"),
    default: "ask",
    help: "What to do with unsaved edits found in the journal at start-up.")
  static let predictions = Flag(
    "predictions", help: "Show predicted values, dimmed, in unrated cells.")
  static let keys = Option(
    "keys", .path, valueName: "file",
    help: "Replay this key script without a terminal (see the README for "
      + "its format); goes with --dump-screen.")
  static let dump = Flag(
    "dump-screen", help: "With --keys: print the final screen as text.")
  static let styled = Flag(
    "styled", help: "With --dump-screen: add each row's colours and "
      + "attributes.")
  static let size = Option(
    "size", .text(placeholder: "WxH", expectation: "a size like 100x30"),
    default: "100x30", help: "Screen size for --dump-screen.")

  static let spec = CommandSpec(
    name: "explore",
    abstract: "Open the explorer: ratings, similarity heatmap, live "
      + "recommendations.",
    discussion: """
      Press ? inside for the keys of the focused pane. Edits are journaled \
      as they happen and :w saves them; a later start offers to restore \
      unsaved edits. The journal lies beside the data, or, for the bundled \
      sample and for data where it cannot be written, in \
      $XDG_STATE_HOME/recscope (~/.local/state/recscope).
        recscope explore Samples/teaching --algo knn-means
        recscope explore ml-1m/ --based item --sim adjusted-cosine
      """,
    arguments: [data],
    options: [color, noMouse, log, journal, restore, predictions, keys, dump,
              styled, size] + EngineOptions.all)

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    let environment = ProcessInfo.processInfo.environment
    let colorOption = try ColorOption(argument: a.value(color))
    var options = ExplorerOptions(
      colorOption: colorOption, mouse: !a[noMouse], logPath: a[log],
      journalPath: a[journal],
      restore: ExplorerOptions.RestorePolicy(rawValue: a.value(restore)) ?? .ask,
      environment: environment, showPredictions: a[predictions])
    // A replayed script is its own record: it leaves nothing in the
    // person's state directory.
    if a[keys] == nil { options.stateDirectory = stateDirectory(environment) }
    let engine: Engine
    if let path = a[data] {
      let (dataset, report) = try EngineOptions.load(a, context: context)
      options.dataPath = path
      options.report = report
      engine = try makeEngine(dataset, a)
    } else {
      let (dataset, _) = try BundledSample.load()
      options.builtInDataName = "teaching-sample"
      engine = try makeEngine(dataset, a)
    }
    guard let script = a[keys] else {
      if a[dump] { throw UsageError.message("'--dump-screen' needs '--keys FILE'") }
      let status = ExplorerTerminal.run(engine: engine, options: options)
      // The explorer has restored the terminal and said what went wrong;
      // only its status is left to pass on.
      if status != 0 {
        context.output.flush()
        exit(status)
      }
      return
    }
    guard a[dump] else { throw UsageError.message("'--keys' goes with '--dump-screen'") }
    let text = String(decoding: try context.contents(of: script), as: UTF8.self)
    let parsed: KeyScript
    do { parsed = try KeyScript(parsing: text) } catch {
      throw CommandFailure("'\(script)' \(error)")
    }
    let grid = ExplorerHeadless.run(
      engine: engine, options: options, keys: parsed, size: try screenSize(a),
      colorMode: ColorMode.detect(option: colorOption, environment: environment,
                                  reportedColors: nil))
    let screen = a[styled] ? grid.styledText : grid.text
    context.output.write(screen.hasSuffix("\n") ? screen : screen + "\n")
  }

  /// Where journals go that cannot go beside their data:
  /// `$XDG_STATE_HOME/recscope`, else `~/.local/state/recscope`, as the
  /// XDG base directory specification places state data; nil without
  /// either variable.
  static func stateDirectory(_ environment: [String: String]) -> String? {
    if let base = environment["XDG_STATE_HOME"], base.hasPrefix("/") {
      return DataFiles.join(base, "recscope")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else {
      return nil
    }
    return DataFiles.join(home, ".local/state/recscope")
  }

  /// An engine that leaves training `svd` and `als` to the explorer,
  /// which does it in the background.
  static func makeEngine(_ dataset: Dataset, _ a: ParsedArguments) throws -> Engine {
    do {
      return try Engine(dataset: dataset, settings: EngineOptions.settings(a),
                        trainsOnDemand: false)
    } catch let error as EngineError {
      throw UsageError.message(error.description)
    }
  }

  static func screenSize(_ a: ParsedArguments) throws -> Size {
    let parts = a.value(size).lowercased().split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2, parts.allSatisfy({ $0 >= 0 && $0 <= 1000 }) else {
      throw UsageError.message("'--size' expects a size like 100x30, got '\(a.value(size))'")
    }
    return Size(width: parts[0], height: parts[1])
  }
}
