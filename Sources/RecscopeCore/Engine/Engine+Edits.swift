/// Live edits. Each updates the data, then only what depends on the
/// edited entry: the moments of its user and item, its similarity row and
/// column (or, for adjusted cosine, the rows whose centring moved), and
/// marks the global quantities (μ, σ, baselines, profiles) to be
/// recomputed when next read. A factor model folds the edited user in
/// when next used; feature edits do not touch it.
extension Engine {
  /// Sets r_ui; returns the previous rating, if any. When the data keeps
  /// rating times, t_ui becomes `time`, by default the current time.
  /// - Throws: ``EngineError/ratingOutsideScale(_:_:)``.
  @discardableResult
  public func setRating(_ u: UserIndex, _ i: ItemIndex, to value: Double,
                        at time: Int64? = nil) throws -> Double? {
    guard value.isFinite, dataset.scale.contains(value) else {
      throw EngineError.ratingOutsideScale(value, dataset.scale)
    }
    let old = dataset.ratings.set(u, i, to: value, at: time)
    ratingsChanged(u, i)
    return old
  }

  /// Removes r_ui; returns the removed rating, if there was one.
  @discardableResult
  public func removeRating(_ u: UserIndex, _ i: ItemIndex) -> Double? {
    guard let old = dataset.ratings.remove(u, i) else { return nil }
    ratingsChanged(u, i)
    return old
  }

  /// Adds a user with no ratings (or returns the existing one).
  @discardableResult
  public func addUser(_ id: String) -> UserIndex {
    let count = ratings.userCount
    let u = dataset.ratings.addUser(id)
    if ratings.userCount > count { noteFactorEdit(user: u.int) }
    userMoments.refresh(u.int, rows: ratings.byUser)
    if settings.basis == .user { growStore(ratings.userCount) }
    refreshCentring()
    return u
  }

  /// Adds an item with no ratings (or returns the existing one).
  @discardableResult
  public func addItem(_ id: String, title: String? = nil) -> ItemIndex {
    let count = ratings.itemCount
    let i = dataset.ratings.addItem(id)
    if ratings.itemCount > count { noteFactorEdit(user: nil) }
    dataset.catalog.resize(to: ratings.itemCount)
    if let title { dataset.catalog.setTitle(title, of: i) }
    itemMoments.refresh(i.int, rows: ratings.byItem)
    if settings.basis == .item { growStore(ratings.itemCount) }
    refreshCentring()
    return i
  }

  /// Sets one feature of w_i; profiles of the item's raters are redone.
  public func setFeature(_ feature: Int, of i: ItemIndex, to value: Double) {
    dataset.catalog.setFeature(feature, of: i, to: value)
    for e in ratings.byItem[i.int] { profiles[e.user.int] = nil }
  }

  /// Renames an item for display.
  public func setTitle(_ title: String?, of i: ItemIndex) {
    dataset.catalog.setTitle(title, of: i)
  }

  /// Adds a feature column, 0 for every item; returns its index.
  @discardableResult
  public func addFeature(named name: String) -> Int {
    let f = dataset.catalog.addFeature(named: name)
    profiles.removeAll()
    return f
  }

  private func ratingsChanged(_ u: UserIndex, _ i: ItemIndex) {
    noteFactorEdit(user: u.int)
    compactByUser?.markStale(u.int)
    userMoments.refresh(u.int, rows: ratings.byUser)
    itemMoments.refresh(i.int, rows: ratings.byItem)
    cachedBaselines = nil
    cachedOverallDeviation = nil
    // Every profile is centred with μ, which just moved.
    profiles.removeAll(keepingCapacity: true)
    let (x, y) = settings.basis == .user ? (u.int, i.int) : (i.int, u.int)
    switch settings.similarity {
    case .pearsonBaseline:
      storeIsStale = true
    case .adjustedCosine:
      refreshCentring()
      let others = settings.basis == .user
        ? ratings.byItem[y].map(\.user.int) : ratings.byUser[y].map(\.item.int)
      store.refresh([x] + others.filter { $0 != x }, ratings)
    case .cosine, .pearson, .msd, .jaccard:
      store.refresh([x], ratings)
    }
  }

  private func growStore(_ width: Int) {
    if !storeIsStale { store.grow(to: width) }
  }

  private func refreshCentring() {
    if !storeIsStale && settings.similarity == .adjustedCosine {
      store.centring = centring()
    }
  }
}
