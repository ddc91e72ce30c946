/// Moving around: cursors in each pane, focus, search and the mouse.
extension ExplorerState {
  /// Moves the focused pane's cursor by rows (`dy`) and columns (`dx`).
  func move(dx: Int, dy: Int) {
    switch focus {
    case .matrix:
      row = Self.clamp(row + dy, roster.users.count)
      column = Self.clamp(column + dx, roster.items.count)
    case .heatmap:
      setHeatRow(heatRow + dy)
      heatColumn = Self.clamp(heatColumn + dx, basisRoster.count)
    case .recommendations:
      let count = recommendations()?.items.count ?? 0
      recCursor = Self.clamp(recCursor + dy, count)
    }
  }

  /// Moves the heatmap's row, which is the matrix selection on the
  /// basis side: the heatmap and the matrix always agree.
  func setHeatRow(_ position: Int) {
    if basis == .user {
      row = Self.clamp(position, roster.users.count)
    } else {
      column = Self.clamp(position, roster.items.count)
    }
  }

  /// Rows a page key moves in the focused pane.
  var pageSize: Int {
    let rows: Int
    switch focus {
    case .matrix: rows = geometry.matrixRows
    case .heatmap: rows = geometry.heatRows
    case .recommendations: rows = geometry.recRows
    }
    return max(1, rows - 1)
  }

  /// The first (`toEnd` false) or last row of the focused pane.
  func jump(toEnd: Bool) {
    let far = 1 << 30
    move(dx: 0, dy: toEnd ? far : -far)
  }

  func jumpColumn(toEnd: Bool) {
    let far = 1 << 30
    move(dx: toEnd ? far : -far, dy: 0)
  }

  func setFocus(_ pane: Pane) {
    focus = pane
  }

  // MARK: Search

  /// Finds users by id, then items by id or title, ignoring case, and
  /// goes to the first match.
  func startSearch(_ query: String) {
    let q = query.lowercased()
    guard !q.isEmpty else { return }
    var matches: [SearchState.Match] = []
    for u in roster.users where userID(u).lowercased().contains(q) {
      matches.append(.user(u))
    }
    for i in roster.items
    where itemID(i).lowercased().contains(q)
      || (engine.catalog.title(of: .init(i))?.lowercased().contains(q) ?? false)
    {
      matches.append(.item(i))
    }
    // An exact id comes first: "m1" should find m1 before m10.
    if let exact = matches.firstIndex(where: { match in
      switch match {
      case .user(let u): userID(u).lowercased() == q
      case .item(let i): itemID(i).lowercased() == q
      }
    }) {
      matches.insert(matches.remove(at: exact), at: 0)
    }
    search = SearchState(query: query, matches: matches, index: 0)
    guard !matches.isEmpty else {
      fail("no user or item matches \"\(query)\"")
      return
    }
    goToMatch()
  }

  /// The next (`step` 1) or previous (-1) match of the last search.
  func searchAgain(_ step: Int) {
    guard !search.matches.isEmpty else {
      fail(search.query.isEmpty ? "no search yet: / searches"
           : "no user or item matches \"\(search.query)\"")
      return
    }
    let n = search.matches.count
    search.index = ((search.index + step) % n + n) % n
    goToMatch()
  }

  private func goToMatch() {
    let match = search.matches[search.index]
    let place = "\(search.index + 1) of \(search.matches.count)"
    focus = .matrix
    switch match {
    case .user(let u):
      if let r = roster.row(ofUser: u) { row = r }
      say("/\(search.query): user \(userID(u)) (\(place))")
    case .item(let i):
      if let c = roster.column(ofItem: i) { column = c }
      say("/\(search.query): item \(itemID(i)) \(itemName(i)) (\(place))")
    }
  }

  // MARK: Mouse

  /// A click focuses the pane under it and selects what it hit; the
  /// wheel scrolls the pane under the pointer.
  func mouse(_ event: MouseEvent) {
    let layout = geometry.layout
    guard let pane = layout.pane(atX: event.x, y: event.y, focus: focus)
    else { return }
    focus = pane
    switch event.kind {
    case .wheelUp: move(dx: 0, dy: -3)
    case .wheelDown: move(dx: 0, dy: 3)
    case .press: click(pane, x: event.x, y: event.y)
    }
  }

  private func click(_ pane: Pane, x: Int, y: Int) {
    switch pane {
    case .matrix:
      let cells = geometry.matrixCells
      guard y >= cells.y, y < cells.maxY else { return }
      row = Self.clamp(matrixTop + y - cells.y, roster.users.count)
      if x >= cells.x {
        let c = (x - cells.x) / FrameGeometry.matrixColumnWidth
        if c < geometry.matrixColumns {
          column = Self.clamp(matrixLeft + c, roster.items.count)
        }
      }
    case .heatmap:
      let cells = geometry.heatCells
      guard cells.contains(x: x, y: y) else { return }
      heatColumn = Self.clamp(heatLeft + x - cells.x, basisRoster.count)
      let perCell = geometry.heatRows / max(cells.height, 1)
      var target = heatTop + (y - cells.y) * perCell
      // A second click on the same cell picks its lower half.
      if perCell == 2, heatRow == target { target += 1 }
      setHeatRow(target)
    case .recommendations:
      let list = geometry.recList
      guard list.contains(x: x, y: y) else { return }
      let count = recommendations()?.items.count ?? 0
      recCursor = Self.clamp(recTop + y - list.y, count)
    }
  }
}
