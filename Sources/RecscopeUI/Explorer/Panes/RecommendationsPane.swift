import RecscopeCore

/// The selected user's top-N: rank, how the rank moved after the last
/// edit, title, score and the method behind the score. The first row
/// says plainly when a cold-start fallback chose the list.
struct RecommendationsPane {
  let state: ExplorerState
  let content: Rect

  func draw(into grid: inout CellGrid) {
    guard let u = state.selectedUser, let list = state.recommendations() else {
      grid.put("no user selected", x: content.x, y: content.y, style: .dim,
               clip: content)
      return
    }
    let settings = state.engine.settings
    let note = list.note ?? Self.fallbackNote(list, state: state, user: u)
    let head = note.map { "\(state.userID(u)): \($0)" }
      ?? "for \(state.userID(u)) · \(settings.algorithm.title)"
        + (settings.algorithm.isFactorization
          ? " · \(settings.factorization.factorCount(for: settings.algorithm))"
            + " factors"
          : " · \(settings.basis.rawValue)-based "
            + settings.similarity.rawValue)
    grid.put(TextFit.truncate(head, toWidth: content.width), x: content.x,
             y: content.y, style: note == nil ? .dim : .changed,
             clip: content)

    guard !list.items.isEmpty else {
      grid.put("nothing left to recommend", x: content.x, y: content.y + 1,
               style: .dim, clip: content)
      return
    }
    let g = state.geometry
    let moves = state.rankMovesUser == u ? state.rankMoves : [:]
    for r in 0..<g.recRows {
      let position = state.recTop + r
      guard position < list.items.count else { break }
      let rec = list.items[position]
      let y = g.recList.y + r
      let selected = position == state.recCursor
      let base: Style = selected
        ? (state.focus == .recommendations ? .selection : Style(attributes: .reverse))
        : .normal
      let score = rec.source == .popularity
        ? "\(Int(rec.score)) r" : NumberText.short(rec.score, digits: 2)
      let method = Self.methodLabel(rec)
      let titleWidth = content.width - 2 - 1 - 3 - 1 - 1 - 5 - 1 - 8
      let move = moves[rec.item.int]?.label ?? ""

      grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1),
                with: Cell(" ", style: base))
      var x = grid.put(TextFit.fit(String(position + 1), width: 2,
                                   alignment: .right),
                       x: content.x, y: y, style: base.adding(.bold),
                       clip: content)
      x += 1
      let moveStyle: Style = move.hasPrefix("↓") ? base : base.adding(.bold)
      var moveLook = moveStyle
      if !selected && !move.isEmpty { moveLook.foreground = .changed }
      grid.put(TextFit.fit(move, width: 3), x: x, y: y, style: moveLook,
               clip: content)
      x += 4
      let title = state.itemName(rec.item.int)
      grid.put(TextFit.fit(title, width: max(titleWidth, 4)), x: x, y: y,
               style: base, clip: content)
      x += max(titleWidth, 4) + 1
      grid.put(TextFit.fit(score, width: 5, alignment: .right), x: x, y: y,
               style: base, clip: content)
      x += 6
      var methodStyle = base
      if !selected { methodStyle.foreground = .dim }
      grid.put(TextFit.fit(method, width: 8), x: x, y: y,
               style: methodStyle, clip: content)
    }
  }

  /// A plain note when the chosen algorithm could score none of the
  /// listed items itself (a k-NN user with too few ratings to have
  /// neighbours): which fallback filled the list. The engine's own note
  /// covers the most-popular and content-based cases.
  static func fallbackNote(_ list: RecommendationList, state: ExplorerState,
                           user u: Int) -> String? {
    let algorithm = state.engine.settings.algorithm
    guard algorithm.isNeighbourhood, let first = list.items.first,
      list.items.allSatisfy({ $0.source != .knn && $0.source != .hybrid })
    else { return nil }
    let n = state.engine.ratings.byUser[u].count
    return "\(n) rating\(n == 1 ? "" : "s"): k-NN cannot predict yet, "
      + "\(first.source.rawValue) instead"
  }

  /// The method behind a score, short: `k-NN`, `content`, `popular`.
  static func methodLabel(_ rec: Recommendation) -> String {
    switch rec.source {
    case .globalMean: rec.wasImpossible ? "μ (none)" : "mean μ"
    case .baseline: "baseline"
    case .knn: "k-NN"
    case .userMean: "user μ"
    case .itemMean: "item μ"
    case .content: "content"
    case .hybrid: "hybrid"
    case .popularity: "popular"
    case .factorization: rec.wasImpossible ? "biases" : "MF"
    }
  }
}
