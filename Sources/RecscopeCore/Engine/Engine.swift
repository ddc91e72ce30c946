/// Errors the engine reports for requests it cannot carry out.
public enum EngineError: Error, Equatable, CustomStringConvertible {
  case invalidSettings(String)
  case ratingOutsideScale(Double, RatingScale)
  case unknownFeature(String)

  public var description: String {
    switch self {
    case .invalidSettings(let why): return why
    case .ratingOutsideScale(let value, let scale):
      return "rating \(exact(value)) lies outside the scale \(scale)"
    case .unknownFeature(let name): return "there is no feature named '\(name)'"
    }
  }
}

/// The recommendation engine: ratings, item features and settings, with
/// everything derived from them (similarities, means, baselines, content
/// profiles) computed on demand and kept current across live edits.
///
/// An edit recomputes only what it touches: the edited user's or item's
/// similarity row and column, their means, their profile. What depends on
/// every rating (the baselines) is refitted when next needed. Results
/// equal those of an engine built afresh on the edited data.
public final class Engine {
  public internal(set) var dataset: Dataset
  public private(set) var settings: EngineSettings

  var userMoments: RowMoments
  var itemMoments: RowMoments
  var cachedBaselines: Baselines?
  var cachedOverallDeviation: Double?
  private var currentStore: SimilarityStore
  /// Set when an edit changed something every similarity depends on
  /// (the baselines of Pearson-baseline); the store is rebuilt on next use.
  var storeIsStale = false
  var profiles: [Int: [Double]] = [:]
  /// A flat copy of the users' rating lists for the top-N sweep; nil when
  /// not built yet or when ratings are not exact as `Float`.
  var compactByUser: CompactRows?
  var compactByUserImpossible = false
  /// Top-N picks an item's k nearest straight from its raters when it has
  /// at most this many times k; the sweep fills the more popular ones.
  /// Three measured best at MovieLens 1M size, two and four close behind.
  var directPickFactor = 3
  /// The model of `svd` and `als`, trained when first needed.
  var factors = FactorState()
  /// The most bytes of similarity rows kept when they are computed on
  /// demand (1 GiB); the least recently read go first.
  var similarityBudget = 1 << 30 {
    didSet { currentStore.budget = similarityBudget }
  }
  /// Whether `svd` and `als` train their model on the caller's thread
  /// when it is first needed for the current settings, as a command that
  /// must answer at once does. Off, nothing here trains: until a model
  /// trained through ``factorTraining()`` comes in by ``install(_:)``,
  /// estimates fall back to the baseline μ + b_u + b_i with the reason
  /// recorded, so that a front end can train in the background and stay
  /// responsive.
  public var trainsOnDemand: Bool

  /// - Parameter trainsOnDemand: see ``trainsOnDemand``; with `svd` or
  ///   `als` and true, the model is trained here.
  /// - Throws: ``EngineError/invalidSettings(_:)`` for out-of-range settings.
  public init(dataset: Dataset, settings: EngineSettings = EngineSettings(),
              trainsOnDemand: Bool = true) throws {
    if let problem = settings.problem { throw EngineError.invalidSettings(problem) }
    self.dataset = dataset
    self.settings = settings
    self.trainsOnDemand = trainsOnDemand
    userMoments = RowMoments(rows: dataset.ratings.byUser)
    itemMoments = RowMoments(rows: dataset.ratings.byItem)
    currentStore = SimilarityStore(
      basis: settings.basis, measure: settings.similarity,
      minSupport: settings.minSupport, shrinkage: settings.shrinkage,
      centring: .none, width: 0)
    storeIsStale = true
    if settings.algorithm.isFactorization && trainsOnDemand {
      _ = currentFactorModel()
    }
  }

  /// The similarity rows, rebuilt first if an edit left them stale.
  var store: SimilarityStore {
    if storeIsStale {
      currentStore = makeStore()
      storeIsStale = false
    }
    return currentStore
  }

  public var ratings: RatingMatrix { dataset.ratings }
  public var catalog: ItemCatalog { dataset.catalog }

  /// Replaces the settings; similarities are rebuilt only when a setting
  /// they depend on changed.
  public func apply(_ new: EngineSettings) throws {
    if let problem = new.problem { throw EngineError.invalidSettings(problem) }
    let old = settings
    settings = new
    if old.baselines != new.baselines { cachedBaselines = nil }
    if old.basis != new.basis || old.similarity != new.similarity
      || old.minSupport != new.minSupport || old.shrinkage != new.shrinkage
      || (new.similarity.needsBaselines && old.baselines != new.baselines) {
      storeIsStale = true
    }
  }

  // MARK: Derived quantities

  /// μ, or the middle of the scale when there are no ratings at all.
  public var globalMean: Double {
    ratings.globalMean ?? (dataset.scale.lower + dataset.scale.upper) / 2
  }

  /// b_u and b_i for the current ratings.
  public var baselines: Baselines {
    if let b = cachedBaselines { return b }
    let b = Baselines(fitting: ratings, options: settings.baselines)
    cachedBaselines = b
    return b
  }

  /// σ of all ratings, used for rows whose own σ is 0.
  var overallDeviation: Double {
    if let s = cachedOverallDeviation { return s }
    let s = numpyMoments(ratings.byUser.flatMap { $0.map(\.value) }).deviation
    cachedOverallDeviation = s
    return s
  }

  /// Moments of the compared side (x) and of the other side (y).
  func moments(_ basis: Basis) -> RowMoments {
    basis == .user ? userMoments : itemMoments
  }

  func makeStore() -> SimilarityStore {
    let width = settings.basis == .user ? ratings.userCount : ratings.itemCount
    let store = SimilarityStore(
      basis: settings.basis, measure: settings.similarity,
      minSupport: settings.minSupport, shrinkage: settings.shrinkage,
      centring: centring(), width: width)
    store.budget = similarityBudget
    return store
  }

  /// The centring the current measure needs, from current means/baselines.
  func centring() -> ValueCentring {
    switch settings.similarity {
    case .adjustedCosine:
      return .otherMean(moments(settings.basis.other).means)
    case .pearsonBaseline:
      let b = baselines
      return settings.basis == .user
        ? .baseline(globalMean: b.globalMean, x: b.user, y: b.item)
        : .baseline(globalMean: b.globalMean, x: b.item, y: b.user)
    case .cosine, .pearson, .msd, .jaccard:
      return .none
    }
  }

  // MARK: Similarity

  /// Number of rows on the compared side (users when user-based).
  public var similarityWidth: Int { store.width }

  /// sim(x, x′) on the current basis and measure.
  public func similarity(_ x: Int, _ x2: Int) -> Double {
    store.value(x, x2, ratings)
  }

  /// The row sim(x, ·).
  public func similarityRow(_ x: Int) -> [Double] { store.row(x, ratings) }

  /// Computes every similarity row now (for tasks that need them all).
  public func buildSimilarities() { store.buildAll(ratings) }

  /// The `count` most similar rows to x (similarity > 0), best first, ties
  /// in index order.
  public func nearest(to x: Int, count: Int) -> [(index: Int, similarity: Double)] {
    let row = similarityRow(x)
    var out: [(index: Int, similarity: Double)] = []
    for (x2, s) in row.enumerated() where x2 != x && s > 0 { out.append((x2, s)) }
    out.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity
                                               : $0.index < $1.index }
    return Array(out.prefix(count))
  }

  /// The id of row x on the compared side.
  public func id(ofRow x: Int) -> String {
    settings.basis == .user ? ratings.userIDs[x] : ratings.itemIDs[x]
  }
}
