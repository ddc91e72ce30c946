import RecscopeCore

/// Everything the explorer knows between two frames: the engine, what is
/// selected where, what is open, what can be undone.
///
/// Keys reach it through ``handle(_:)``, which changes the state and says
/// whether to draw (see ``ExplorerEffect``); ``ExplorerView`` draws it
/// into a ``CellGrid``; a terminal or a headless replay feeds the keys.
/// Nothing here touches a terminal.
///
/// Positions on screen are positions in the ``Roster`` (users as rows,
/// items as columns); the engine's similarity rows are users when the
/// engine is user-based and items when it is item-based, and the heatmap
/// follows whichever it is.
public final class ExplorerState {
  public private(set) var engine: Engine
  public internal(set) var options: ExplorerOptions
  public internal(set) var size: Size
  public let colorMode: ColorMode
  public internal(set) var focus: Pane = .matrix

  var roster: Roster
  /// Matrix cursor (roster positions) and scroll.
  var row = 0
  var column = 0
  var matrixTop = 0
  var matrixLeft = 0
  /// Heatmap: the compared row x′ as a position on the basis side, and
  /// the window's scroll.
  var heatColumn = 0
  var heatTop = 0
  var heatLeft = 0
  /// Recommendations cursor and scroll.
  var recCursor = 0
  var recTop = 0

  var overlay: Overlay?
  var prompt: Prompt?
  public internal(set) var message: ExplorerMessage?
  var history = EditHistory()
  var journal: EditJournal?
  /// Where the journal of this data is: beside it, or where an earlier
  /// run had to put it (see ``ExplorerOptions/fallbackJournalPath``).
  var journalLocation: String?
  let log: ExplorerLog
  /// Bumped by every change to data or settings; caches compare it.
  public private(set) var revision = 0
  /// Bumped by every change to the data or the settings, but not by a
  /// retrained model coming in: what the lab's figures depend on.
  public private(set) var inputRevision = 0
  var showPredictions: Bool

  var recommendationCache: (user: Int, revision: Int, list: RecommendationList)?
  var predictionCache: [Pair: Recommendation] = [:]
  var predictionRevision = -1
  /// Rank moves of the last edit, for the user it was made as.
  var rankMoves: [Int: RankMove] = [:]
  var rankMovesUser: Int?
  /// Similarity pairs (x, x′) and rating cells (u, i) the last edit
  /// changed, marked until the next key or the mark timer.
  var changedPairs: Set<Pair> = []
  var changedCells: Set<Pair> = []
  var search = SearchState()
  /// The digit that just rated the selected cell, so that typing `3.5`
  /// becomes 3.5 rather than 3 and then a prompt holding `.5`.
  var digitJustRated: Character?
  var recentLists: [ListKey: RecommendationList] = [:]
  var idWidthCache: (count: Int, width: Int)?
  var similarityCache: (pair: Pair, revision: Int, value: SimilarityExplanation)?
  public internal(set) var requests: [ExplorerRequest] = []
  var geometry: FrameGeometry
  /// Work running off the explorer's thread, and what to do with its
  /// result; at most one at a time.
  var background: RunningTask?
  /// How background work advances: freely in a terminal, one step per
  /// `<Wait>` in a replayed script.
  public var backgroundPacing: BackgroundTask.Pacing = .free
  /// The lab view and its figures.
  var lab = LabState()
  /// The factor model's training in the background.
  var training = ModelTraining()

  /// An ordered pair of indices, for sets of marked cells.
  struct Pair: Hashable {
    var a: Int
    var b: Int
  }

  struct SearchState {
    var query = ""
    var matches: [Match] = []
    var index = 0

    enum Match: Equatable {
      case user(Int)
      case item(Int)
    }
  }

  /// - Parameters:
  ///   - engine: the engine on the loaded data, with its settings; from
  ///     here on it trains no factor model itself (see
  ///     ``followFactorModel()``).
  ///   - size: the screen; a resize key changes it.
  ///   - colorMode: decides one or two heatmap values per cell.
  public init(engine: Engine, options: ExplorerOptions, size: Size,
              colorMode: ColorMode) {
    self.engine = engine
    self.options = options
    self.size = size
    self.colorMode = colorMode
    self.showPredictions = options.showPredictions
    engine.trainsOnDemand = false
    log = ExplorerLog(path: options.logPath)
    roster = Roster(userCount: engine.ratings.userCount,
                    itemCount: engine.ratings.itemCount)
    geometry = FrameGeometry(layout: ScreenLayout(size: size, focus: .matrix))
    log.write("open \(options.dataPath ?? "data in memory"): "
              + "\(engine.ratings.userCount) users, "
              + "\(engine.ratings.itemCount) items, "
              + "\(engine.ratings.count) ratings, colour \(colorMode)")
    openJournal()
  }

  // MARK: Selection

  /// The engine index of the selected user, if there are users.
  var selectedUser: Int? {
    row < roster.users.count ? roster.users[row] : nil
  }

  var selectedItem: Int? {
    column < roster.items.count ? roster.items[column] : nil
  }

  var basis: Basis { engine.settings.basis }

  /// Engine indices of the heatmap's rows and columns, in screen order.
  var basisRoster: [Int] { basis == .user ? roster.users : roster.items }

  /// The heatmap's x: the selected user or item, as a basis position.
  var heatRow: Int { basis == .user ? row : column }

  /// The heatmap cursor as engine indices (x, x′).
  var heatPair: (x: Int, x2: Int)? {
    let side = basisRoster
    guard heatRow < side.count, heatColumn < side.count else { return nil }
    return (side[heatRow], side[heatColumn])
  }

  func userID(_ u: Int) -> String { engine.ratings.userIDs[u] }
  func itemID(_ i: Int) -> String { engine.ratings.itemIDs[i] }

  /// The item's title, else its id.
  func itemName(_ i: Int) -> String {
    engine.dataset.displayName(of: ItemIndex(i))
  }

  /// The id of an engine similarity row on the current basis.
  func basisID(_ x: Int) -> String {
    basis == .user ? userID(x) : itemID(x)
  }

  // MARK: Derived values, cached per revision

  /// The selected user's top-N list, without hidden items.
  ///
  /// Cached per revision, and also per state of the edit history: an
  /// undo returns to a state whose lists were already computed, and a
  /// top-N at MovieLens 1M size costs more than everything else in a
  /// frame.
  func recommendations() -> RecommendationList? {
    guard let u = selectedUser else { return nil }
    if let cached = recommendationCache, cached.user == u,
      cached.revision == revision
    {
      return cached.list
    }
    let key = ListKey(user: u, state: history.stateKey)
    // A factor model's list is one product per item, and an undo folds
    // the user in anew rather than restoring the trained vector: never
    // reuse an old list for it.
    let reusable = !engine.settings.algorithm.isFactorization
    if reusable, let known = recentLists[key] {
      recommendationCache = (u, revision, known)
      return known
    }
    let count = options.recommendationCount
    var list = engine.recommend(
      for: UserIndex(u), count: count + roster.hiddenItems.count)
    if roster.hasHidden {
      list.items = Array(list.items.filter {
        !roster.hiddenItems.contains($0.item.int)
      }.prefix(count))
    }
    recommendationCache = (u, revision, list)
    guard reusable else { return list }
    if recentLists.count >= 64 { recentLists.removeAll(keepingCapacity: true) }
    recentLists[key] = list
    return list
  }

  /// A user's list in one state of the edit history.
  struct ListKey: Hashable {
    var user: Int
    var state: [Int]
  }

  /// r̂_ui for an unrated cell shown dimmed; cached until the next change.
  func prediction(_ u: Int, _ i: Int) -> Recommendation {
    if predictionRevision != revision {
      predictionCache.removeAll(keepingCapacity: true)
      predictionRevision = revision
    }
    let key = Pair(a: u, b: i)
    if let known = predictionCache[key] { return known }
    let value = engine.estimate(UserIndex(u), ItemIndex(i))
    predictionCache[key] = value
    return value
  }

  /// sim(x, x′) on the current basis.
  func similarity(_ x: Int, _ x2: Int) -> Double {
    engine.similarity(x, x2)
  }

  /// The arithmetic of the heatmap's selected similarity, for the
  /// inspector line and the co-rated highlight; cached per revision.
  func cursorSimilarity() -> SimilarityExplanation? {
    guard let (x, x2) = heatPair else { return nil }
    let key = Pair(a: x, b: x2)
    if let cached = similarityCache, cached.pair == key,
      cached.revision == revision
    {
      return cached.value
    }
    let value = engine.explainSimilarity(x, x2)
    similarityCache = (key, revision, value)
    return value
  }

  /// Whether the selected similarity uses a diverging scale.
  var heatScale: HeatScale {
    engine.settings.similarity.isSigned ? .diverging : .sequential
  }

  /// Marks a change: everything visible may differ.
  /// - Parameter inputs: false when only the model changed, not the data
  ///   or the settings it was trained with.
  func bumpRevision(inputs: Bool = true) {
    revision += 1
    if inputs { inputRevision += 1 }
  }

  /// Swaps in another engine (`:e`), resetting what belonged to the old
  /// data.
  func replaceEngine(_ new: Engine, options newOptions: ExplorerOptions) {
    // Cleared first: a training for the old data is dropped, not held.
    training = ModelTraining()
    cancelBackground(quietly: true)
    journal?.close()
    journal = nil
    new.trainsOnDemand = false
    engine = new
    options = newOptions
    roster = Roster(userCount: new.ratings.userCount,
                    itemCount: new.ratings.itemCount)
    history = EditHistory()
    row = 0; column = 0; matrixTop = 0; matrixLeft = 0
    heatColumn = 0; heatTop = 0; heatLeft = 0; recCursor = 0; recTop = 0
    rankMoves = [:]; rankMovesUser = nil
    changedPairs = []; changedCells = []
    recommendationCache = nil
    recentLists = [:]
    overlay = nil
    lab.evaluation = nil
    lab.sweeps = [:]
    lab.note = nil
    lab.held = nil
    bumpRevision()
    openJournal()
  }

  /// Takes the requests made since the last call.
  public func takeRequests() -> [ExplorerRequest] {
    defer { requests.removeAll() }
    return requests
  }

  /// Whether change marks are showing (the loop clears them on a timer).
  public var hasMarks: Bool { !changedPairs.isEmpty || !changedCells.isEmpty }

  /// Clears the change marks; true if there were any.
  @discardableResult
  public func expireMarks() -> Bool {
    guard hasMarks else { return false }
    changedPairs.removeAll()
    changedCells.removeAll()
    return true
  }

  /// Whether there are edits `:w` has not written.
  public var hasUnsavedEdits: Bool { history.hasUnsavedEdits }

  /// Notes that a signal is ending the program: every edit is already in
  /// the journal, which is left for the next start.
  public func endBySignal(_ signal: Int32) {
    log.write("signal \(signal): leaving the journal for the next start")
    journal?.close()
  }

  func say(_ text: String) { message = ExplorerMessage(text, isError: false) }
  func fail(_ text: String) {
    message = ExplorerMessage(text)
    log.write("error: \(text)")
  }
}
