import Foundation
import RecscopeCore
import RecscopeUI

/// `recscope bench`: the engine's speed and memory on generated data of
/// MovieLens sizes, in one run.
enum BenchCommand: Command {
  /// A generated data set shaped like a MovieLens release.
  struct Size: Sendable {
    let name: String
    let users: Int
    let items: Int
    let ratings: Int
    /// Edits timed; fewer at 20M, where each top-N scans 20M ratings.
    let edits: Int
    /// Whether a full n × n similarity build is in scope at this size
    /// (and the explorer is timed: its heatmap wants whole rows).
    let fullBuild: Bool
    /// Which figures of `--lab` are timed at this size.
    var lab: Set<LabFigure> = []
    /// Whether the size runs when `--sizes` is not given.
    var byDefault = true
  }

  /// What the explorer is timed on: moves, ratings, a removal, undo and
  /// redo, and focus changes, ten times over, at 160 × 50.
  static let explorerScript = Array(
    repeating: "j l 4 l 2 x u <C-r> j 5 <Tab><Tab><Tab>", count: 10
  ).joined(separator: " ")

  static let sizes: [Size] = [
    Size(name: "2k", users: 100, items: 200, ratings: 2_000, edits: 1_000,
         fullBuild: true, lab: Set(LabFigure.allCases), byDefault: false),
    Size(name: "100k", users: 943, items: 1_682, ratings: 100_000, edits: 1_000,
         fullBuild: true, lab: Set(LabFigure.allCases)),
    Size(name: "1m", users: 6_040, items: 3_706, ratings: 1_000_000, edits: 1_000,
         fullBuild: true, lab: [.sgdEpoch, .alsIteration, .foldIn]),
    Size(name: "20m", users: 138_493, items: 26_744, ratings: 20_000_263,
         edits: 1_000, fullBuild: false),
  ]

  static let only = ListOption(
    "sizes", .choice(sizes.map(\.name), placeholder: "size"),
    default: sizes.filter(\.byDefault).map(\.name),
    help: "Which sizes to run; 2k, a quick check, only when named.")
  static let lab = Flag(
    "lab",
    help: "Add the factorization and evaluation figures: an SGD epoch of "
      + "svd and an iteration of als (100k and 1m), a user's fold-in (100k "
      + "and 1m) and 5-fold cross-validation (100k).")
  static let edits = Option(
    "edits", .integer(atLeast: 1),
    help: "Random edits timed per size; 1000 by default.")
  static let seed = Option("seed", .integer(atLeast: 0), default: 1,
                           help: "Seed of the generated data, the edits and the "
                             + "lab models' starting factors.")
  static let directory = Option(
    "dir", .path, valueName: "dir",
    help: "Where to write the generated files; a temporary directory, "
      + "removed afterwards, by default.")

  static let spec = CommandSpec(
    name: "bench",
    abstract: "Measure load, similarity, edit and top-N times and memory.",
    discussion: """
      For each size: generate the data and write it as CSV, then time \
      loading it, a full similarity build (not at 20m, where no n × n \
      matrix is kept), the first top-10 for one user, and random edits \
      each followed by the edited user's new top-10 (median and 99th \
      percentile); then, below 20m, the explorer headless at 160 × 50: \
      its first frame and the key-to-frame times of edit keys. Peak \
      memory is the process's resident peak during those figures.

      '--lab' adds columns, timed after the others on the same loaded \
      data: sgd_epoch_s, one epoch of svd (biased MF by SGD with \
      Surprise's defaults: 100 factors, lr 0.005, reg 0.02), the median \
      of 3; als_iteration_s, one (items, users) iteration of als with its \
      default 20 factors, the median of 3; fold_in_median_ms, folding one \
      user's ratings into the svd model, the median over up to 1000 \
      users; cv5_s, 5-fold cross-validation with the engine options \
      ('--algo', '--based', '--sim', '--k') as 'recscope evaluate --folds \
      5 --seed 0 --train-sample 1' runs it, split and all, on every core. \
      An empty cell was not timed.
      """,
    options: [only, edits, seed, directory, lab, Flag.json,
              EngineOptions.algorithm, EngineOptions.basis,
              EngineOptions.similarity, EngineOptions.k])

  static func run(_ a: ParsedArguments, context: CommandContext) throws {
    var settings = EngineSettings()
    settings.algorithm = a.value(EngineOptions.algorithm)
    settings.basis = a.value(EngineOptions.basis)
    settings.similarity = a.value(EngineOptions.similarity)
    settings.k = a.value(EngineOptions.k)
    let root = a[directory] ?? NSTemporaryDirectory() + "recscope-bench-\(getpid())"
    defer { if a[directory] == nil { try? FileManager.default.removeItem(atPath: root) } }
    let withLab = a[lab]
    var table = Table(columns: [
      "size", "users", "items", "ratings", "load_s", "build_s", "top10_ms",
      "edit_median_ms", "edit_p99_ms", "frame_first_s", "frame_edit_median_ms",
      "frame_edit_p99_ms", "peak_mb",
    ] + (withLab ? LabFigure.allCases.map(\.column) : []))
    let chosen = Set(a[only])
    for size in sizes where chosen.contains(size.name) {
      let row = try measure(size, settings: settings, seed: UInt64(a.value(seed)),
                            edits: a[edits] ?? size.edits,
                            directory: root + "/" + size.name, lab: withLab,
                            context: context)
      table.append(row)
    }
    table.write(to: context.output, as: OutputFormat(json: a[Flag.json]))
    context.output.writeLine(
      a[Flag.json] ? "" : "# \(settings.algorithm.rawValue), "
        + "\(settings.basis.rawValue)-based \(settings.similarity.rawValue), "
        + "k=\(settings.k); \(ProcessInfo.processInfo.activeProcessorCount) cores")
  }

  /// One size's row: the engine figures, then with `lab` the lab figures.
  static func measure(_ size: Size, settings: EngineSettings, seed: UInt64, edits: Int,
                      directory: String, lab: Bool,
                      context: CommandContext) throws -> [JSONValue] {
    context.errorOutput.writeLine("bench \(size.name): generating")
    let recipe = SyntheticData(users: size.users, items: size.items,
                               ratings: size.ratings, seed: seed, features: 18)
    let generated = try recipe.generate()
    do {
      try DatasetWriter().write(generated, toDirectory: directory)
    } catch {
      throw CommandFailure(error.description)
    }
    context.errorOutput.writeLine("bench \(size.name): measuring")
    ProcessMemory.resetPeak()

    let (dataset, load) = try Stopwatch.time {
      do { return try DatasetLoader().load(directory).dataset } catch {
        throw CommandFailure("\(error)")
      }
    }
    var row: [JSONValue] = [
      .string(size.name), .integer(size.users), .integer(size.items),
      .integer(size.ratings), .number(rounded(load, 3))]
    // The engine goes out of scope before the lab figures take memory.
    row += try engineFigures(size, dataset, settings: settings, seed: seed,
                             edits: edits)
    row.append(ProcessMemory.peakBytes.map { .number(Double($0) / 1e6) } ?? .null)
    if lab {
      context.errorOutput.writeLine("bench \(size.name): lab figures")
      row += try labFigures(size.lab, dataset, settings: settings, seed: seed)
    }
    return row
  }

  /// Build, top-N, edit and explorer times on a fresh engine.
  static func engineFigures(_ size: Size, _ dataset: Dataset,
                            settings: EngineSettings, seed: UInt64,
                            edits: Int) throws -> [JSONValue] {
    let engine = try Engine(dataset: dataset, settings: settings)
    var build: Double?
    if size.fullBuild {
      build = Stopwatch.time { engine.buildSimilarities() }.1
    }
    var g = SeededGenerator(seed: seed ^ 0x5EED)
    let first = UserIndex(Int(g.next() % UInt64(engine.ratings.userCount)))
    let top = Stopwatch.time { engine.recommend(for: first, count: 10) }.1

    var times: [Double] = []
    times.reserveCapacity(edits)
    let scale = dataset.scale
    for _ in 0..<edits {
      let u = UserIndex(Int(g.next() % UInt64(engine.ratings.userCount)))
      let i = ItemIndex(Int(g.next() % UInt64(engine.ratings.itemCount)))
      let value = scale.lower + Double(g.next() % UInt64(scale.width + 1))
      let watch = Stopwatch()
      if g.next() % 5 == 0 { engine.removeRating(u, i) } else {
        try engine.setRating(u, i, to: value)
      }
      _ = engine.recommend(for: u, count: 10)
      times.append(watch.seconds)
    }
    var frames: [JSONValue] = [.null, .null, .null]
    if size.fullBuild {
      // A fresh engine, so the first frame pays for what it shows.
      let f = try explorerFrames(try Engine(dataset: dataset, settings: settings))
      frames = [.number(rounded(f.first, 3)), .number(rounded(f.median * 1e3, 2)),
                .number(rounded(f.p99 * 1e3, 2))]
    }
    return [
      build.map { .number(rounded($0, 3)) } ?? .null,
      .number(rounded(top * 1e3, 2)), .number(rounded(quantile(times, 0.5) * 1e3, 2)),
      .number(rounded(quantile(times, 0.99) * 1e3, 2))] + frames
  }

  /// The explorer's first frame, and key-to-frame times of its edit keys
  /// (rate, remove, undo, redo), headless.
  static func explorerFrames(_ engine: Engine) throws
    -> (first: Double, median: Double, p99: Double)
  {
    let keys = try KeyScript.parse(explorerScript)
    let report = ExplorerTiming.measure(
      engine: engine, options: ExplorerOptions(), keys: keys,
      size: RecscopeUI.Size(width: 160, height: 50))
    let seconds = { (d: Duration) in
      Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    let edits = zip(keys, report.keys).filter { key, _ in
      switch key {
      case .character(let c): return "0123456789xu".contains(c)
      case .control("r"): return true
      default: return false
      }
    }.map { seconds($0.1) }
    return (seconds(report.firstFrame), quantile(edits, 0.5), quantile(edits, 0.99))
  }

  static func rounded(_ value: Double, _ digits: Int) -> Double {
    let p = pow(10, Double(digits))
    return (value * p).rounded() / p
  }
}
