import Foundation
import RecscopeCore

/// The journal at start-up, `:w` and `:e`.
extension ExplorerState {
  /// Opens the journal beside the data (or where an earlier run had to
  /// put it), first asking about (or acting on) unsaved edits a previous
  /// run left in it.
  func openJournal() {
    guard let primary = options.resolvedJournalPath else { return }
    let places = [primary, options.fallbackJournalPath].compactMap { $0 }
    let path = places.first { DataFiles.kind(of: $0) == .file } ?? primary
    journalLocation = path
    if let found = EditJournal.read(path),
      !found.steps.isEmpty || found.badLine != nil
    {
      log.write("journal \(path): \(found.steps.count) unsaved steps")
      switch options.restore {
      case .ask:
        overlay = .question(.restore(steps: found.steps, badLine: found.badLine))
        return
      case .restore:
        restore(found.steps, badLine: found.badLine)
        return
      case .discard:
        setJournalAside()
      }
    }
    startJournal(path)
  }

  func startJournal(_ path: String) {
    // The fallback's directory is made on the first write, also when the
    // journal belongs there in the first place (the bundled sample's).
    journal = EditJournal(path: path, fallbackPath: options.fallbackJournalPath,
                          dataPath: options.dataPath)
  }

  /// Writes one step to the journal; returns, once, why it cannot.
  @discardableResult
  func journalStep(_ step: EditJournal.Step) -> ExplorerMessage? {
    do {
      try journal?.append(step)
      return nil
    } catch {
      log.write(error.text)
      let problem = ExplorerMessage(error.text + "; edits are not journaled")
      message = problem
      return problem
    }
  }

  /// Replays the journal's steps as if they were made now, then rewrites
  /// the journal so it holds exactly what was replayed.
  func restore(_ steps: [EditJournal.Step], badLine: Int?) {
    guard let path = journalLocation else { return }
    var done = 0
    var failure: String?
    for step in steps {
      do {
        if step.undo {
          _ = history.popUndo()
          try apply(step.edit, inverse: true)
        } else {
          try apply(step.edit, inverse: false)
          history.record(step.edit)
        }
        done += 1
      } catch {
        failure = error.text
        break
      }
    }
    bumpRevision()
    clampCursors()
    journal?.close()
    unlink(path)
    startJournal(path)
    for step in steps.prefix(done) { journalStep(step) }
    log.write("restored \(done) of \(steps.count) journal steps")
    if let failure {
      fail("restored \(done) of \(steps.count) edits; stopped: \(failure)")
    } else if let badLine {
      fail("restored \(done) edits; journal line \(badLine) was unreadable")
    } else {
      say("restored \(done) unsaved edit\(done == 1 ? "" : "s") "
          + "from \(path)")
    }
  }

  /// Keeps an unwanted journal as `….discarded` rather than deleting it.
  func setJournalAside() {
    guard let path = journalLocation else { return }
    let aside = path + ".discarded"
    unlink(aside)
    rename(path, aside)
    log.write("journal set aside as \(aside)")
  }

  /// Answers the start-up question.
  func answerRestore(_ yes: Bool, steps: [EditJournal.Step], badLine: Int?) {
    overlay = nil
    if yes {
      restore(steps, badLine: badLine)
    } else {
      setJournalAside()
      if let path = journalLocation { startJournal(path) }
      say("started from the file; the old journal is kept as "
          + "\((journalLocation ?? "") + ".discarded")")
    }
  }

  // MARK: Saving

  /// Where `:w` writes and in what format.
  struct SaveTarget {
    var ratingsPath: String
    var itemsPath: String?
    var format: RatingsFormat
    /// Whether this is the file the data came from.
    var isSource: Bool
  }

  func saveTarget(_ argument: String?) throws(ExplorerMessage) -> SaveTarget {
    let report = options.report
    let loadedFormat = report?.format ?? .csv
    guard let argument, !argument.isEmpty else {
      guard let dataPath = options.dataPath, dataPath != "-" else {
        throw ExplorerMessage("the data has no file to write back to; "
                              + "name one, as in :w ratings.csv")
      }
      var ratingsPath: String
      var format = loadedFormat
      if let from = report?.ratingsPath, from != "-" {
        ratingsPath = from
      } else if DataFiles.kind(of: dataPath) == .directory {
        format = .csv
        ratingsPath = DataFiles.join(dataPath, "ratings.csv")
      } else {
        ratingsPath = dataPath
      }
      return SaveTarget(ratingsPath: ratingsPath,
                        itemsPath: itemsPath(beside: ratingsPath),
                        format: format, isSource: true)
    }
    if argument.hasSuffix("/") || DataFiles.kind(of: argument) == .directory {
      let path = DataFiles.join(argument, loadedFormat.fileName)
      return SaveTarget(ratingsPath: path,
                        itemsPath: DataFiles.join(argument, "items.csv"),
                        format: loadedFormat,
                        isSource: path == report?.ratingsPath)
    }
    let name = argument.lowercased()
    let format: RatingsFormat
    if name.hasSuffix(".tsv") {
      format = .tsv
    } else if name.hasSuffix(".dat") {
      format = .movieLens1M
    } else if name.hasSuffix(".data") {
      format = .movieLens100K
    } else if name.hasSuffix(".csv") {
      format = loadedFormat == .movieLensLatest ? .movieLensLatest : .csv
    } else {
      format = loadedFormat
    }
    return SaveTarget(ratingsPath: argument,
                      itemsPath: itemsPath(beside: argument),
                      format: format,
                      isSource: argument == report?.ratingsPath)
  }

  /// The items file to write with ratings at `path`: the one loaded if
  /// it is our feature table, else `items.csv` beside the ratings when
  /// there is anything to put in it.
  private func itemsPath(beside path: String) -> String? {
    if let report = options.report, let loaded = report.itemsPath,
      path == report.ratingsPath
    {
      if report.itemsFormat == .features { return loaded }
      // A MovieLens items file stays as it is unless items were edited,
      // which only our feature table can hold; the loader prefers that
      // table beside MovieLens ratings, so the edits are read back.
      guard hasItemEdits else { return nil }
    }
    let catalog = engine.catalog
    let hasInfo = catalog.featureCount > 0
      || catalog.titles.contains { $0 != nil }
    guard hasInfo else { return nil }
    return DataFiles.join(DataFiles.directory(of: path), "items.csv")
  }

  /// Whether any edit in force added an item or changed a feature.
  var hasItemEdits: Bool {
    history.undoStack.contains {
      switch $0.edit {
      case .addItem, .feature: true
      default: false
      }
    }
  }

  /// Writes the ratings (and items) atomically; returns what it wrote.
  @discardableResult
  func save(to argument: String?) throws(ExplorerMessage) -> String {
    let target = try saveTarget(argument)
    let dataset = datasetToSave()
    let writer = DatasetWriter(format: target.format)
    do {
      try writer.writeRatings(dataset.ratings, to: target.ratingsPath)
      if let items = target.itemsPath {
        try writer.writeItems(dataset, to: items)
      }
    } catch {
      throw ExplorerMessage("\(error)")
    }
    var wrote = "wrote \(dataset.ratings.count) ratings to \(target.ratingsPath)"
    if let items = target.itemsPath { wrote += " and items to \(items)" }
    if target.isSource || argument == nil {
      history.markSaved()
      journal?.truncate()
    }
    log.write(wrote)
    return wrote
  }

  /// The engine's data less the users and items whose adding was undone.
  func datasetToSave() -> Dataset {
    let data = engine.dataset
    guard roster.hasHidden else { return data }
    let times = data.ratings.timesByUser
    var matrix = RatingMatrix(keepingTimes: times != nil)
    for u in roster.users { matrix.addUser(data.ratings.userIDs[u]) }
    var catalog = ItemCatalog(featureNames: data.catalog.featureNames)
    for i in roster.items {
      let item = matrix.addItem(data.ratings.itemIDs[i])
      catalog.setTitle(data.catalog.title(of: ItemIndex(i)), of: item)
      catalog.setFeatures(data.catalog.features(of: ItemIndex(i)), of: item)
    }
    for u in roster.users {
      let user = matrix.user(data.ratings.userIDs[u])!
      for (p, entry) in data.ratings.byUser[u].enumerated() {
        let item = matrix.item(data.ratings.itemIDs[entry.item.int])!
        matrix.set(user, item, to: entry.value, at: times?[u][p])
      }
    }
    return Dataset(ratings: matrix, catalog: catalog, scale: data.scale)
  }

  /// `:e FILE`: loads other data with the current settings.
  func edit(path: String, force: Bool) throws(ExplorerMessage) {
    if hasUnsavedEdits && !force {
      throw ExplorerMessage("\(history.unsavedCount) unsaved edits: :w them "
                            + "first, or :e! \(path) to drop them")
    }
    let loaded: (dataset: Dataset, report: LoadReport)
    do {
      loaded = try DatasetLoader().load(path)
    } catch {
      throw ExplorerMessage("\(error)")
    }
    let engine: Engine
    do {
      engine = try Engine(dataset: loaded.dataset,
                          settings: self.engine.settings,
                          trainsOnDemand: false)
    } catch {
      throw ExplorerMessage("\(error)")
    }
    if force { journal?.remove() }
    var newOptions = options
    newOptions.dataPath = path
    newOptions.report = loaded.report
    newOptions.journalPath = nil
    replaceEngine(engine, options: newOptions)
    log.write("opened \(path)")
    if overlay == nil {
      say("opened \(path): \(loaded.report.userCount) users, "
          + "\(loaded.report.itemCount) items, "
          + "\(loaded.report.ratingCount) ratings")
    }
  }

  /// Leaves the explorer: a clean quit removes the journal, since
  /// nothing in it is unsaved.
  func finish(discarding: Bool) -> ExplorerEffect {
    if discarding || !hasUnsavedEdits {
      journal?.remove()
      journal = nil
    }
    log.write("quit")
    return .quit(0)
  }
}
