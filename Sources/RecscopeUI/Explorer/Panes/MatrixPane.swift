import RecscopeCore

/// The ratings matrix: users as rows, items as columns, with the user ids
/// and item ids frozen while the cells scroll under them.
///
/// Row one names the selected cell in full (ids, title, rating or
/// prediction), since a five-column cell has no room for a title. An
/// unrated cell is a dim dot, or its prediction, dimmed, when those are
/// shown. The cell an edit just changed is marked; when the heatmap has
/// the focus, the co-rated entries behind its selected similarity are
/// highlighted.
struct MatrixPane {
  let state: ExplorerState
  let content: Rect

  func draw(into grid: inout CellGrid) {
    let g = state.geometry
    let roster = state.roster
    drawCaption(into: &grid)
    guard !roster.users.isEmpty else {
      grid.put("no users yet: a adds one", x: content.x, y: content.y + 2,
               style: .dim, clip: content)
      return
    }
    let highlight = coRatedHighlight()
    let columns = visibleColumns(g)
    drawHeader(columns, highlight: highlight, into: &grid)

    let width = FrameGeometry.matrixColumnWidth
    for r in 0..<g.matrixRows {
      let position = state.matrixTop + r
      guard position < roster.users.count else { break }
      let u = roster.users[position]
      let y = g.matrixCells.y + r
      let selectedRow = position == state.row

      var values: [Int: Double] = [:]
      for entry in state.engine.ratings.byUser[u] {
        if let c = roster.column(ofItem: entry.item.int), columns.contains(c) {
          values[c] = entry.value
        }
      }
      // The cells are written as one ASCII run and then restyled cell by
      // cell, with the dots of unrated cells set on top: sanitising and
      // measuring each cell apart costs more than the rest of the frame.
      let id = TextFit.fit(state.userID(u), width: g.matrixIDWidth - 1)
      var text = ""
      var styles: [(Int, Style)] = []
      var dots: [Int] = []
      for c in columns {
        let i = roster.items[c]
        var style = Style.normal
        var cell: String
        if let value = values[c] {
          cell = NumberText.short(value, digits: 2)
        } else if state.showPredictions {
          cell = NumberText.short(state.prediction(u, i).score, digits: 1)
          style = .dim
        } else {
          cell = " "
          dots.append(c)
          style = .dim
        }
        if highlight.rows.contains(u) && highlight.columns.contains(i)
          && values[c] != nil
        {
          style.background = .highlight
        }
        if state.changedCells.contains(.init(a: u, b: i)) {
          style = .changed
        }
        if selectedRow && c == state.column {
          style = .selection.adding(.bold)
        }
        text += " " + Self.rightAligned(cell, width: width - 1)
        if style != .normal { styles.append((c, style)) }
      }
      grid.put(id, x: content.x, y: y,
               style: selectedRow ? .selection.adding(.bold) : .header,
               clip: content)
      grid.put(text, x: g.matrixCells.x, y: y, clip: content)
      for c in dots {
        let x = g.matrixCells.x + (c - state.matrixLeft + 1) * width - 1
        grid.set(Self.dot, x: x, y: y, clip: content)
      }
      for (c, style) in styles {
        let x = g.matrixCells.x + (c - state.matrixLeft) * width + 1
        grid.setStyle(style, in: Rect(x: x, y: y, width: width - 1, height: 1)
                        .intersection(content))
      }
    }
  }

  /// An unrated cell's mark, made once.
  private static let dot = Cell("·", style: .dim)

  /// `text` right-aligned in `width` columns; numbers and the dot are
  /// one column a character, so counting characters is measuring.
  static func rightAligned(_ text: String, width: Int) -> String {
    let count = text.count
    if count > width { return TextFit.fit(text, width: width, alignment: .right) }
    return String(repeating: " ", count: width - count) + text
  }

  private func visibleColumns(_ g: FrameGeometry) -> Range<Int> {
    let first = state.matrixLeft
    return first..<min(state.roster.items.count, first + g.matrixColumns)
  }

  /// `ana × m04 Orbit of Ash: 4`, or the prediction when unrated.
  private func drawCaption(into grid: inout CellGrid) {
    guard let u = state.selectedUser, let i = state.selectedItem else {
      let text = state.roster.items.isEmpty ? "no items yet: A adds one" : ""
      grid.put(text, x: content.x, y: content.y, style: .dim, clip: content)
      return
    }
    var x = grid.put("\(state.userID(u)) × \(state.itemID(i)) ",
                     x: content.x, y: content.y, style: .header, clip: content)
    let rating = state.engine.ratings.rating(UserIndex(u), ItemIndex(i))
    let value = rating.map { "rated \(display($0))" }
      ?? "r̂ \(display(state.prediction(u, i).score, digits: 2))"
    x = grid.put(value, x: x, y: content.y,
                 style: rating == nil ? .dim : Style(attributes: .bold),
                 clip: content)
    grid.put(" " + state.itemName(i), x: x, y: content.y, clip: content)
  }

  private func drawHeader(_ columns: Range<Int>,
                          highlight: (rows: Set<Int>, columns: Set<Int>),
                          into grid: inout CellGrid) {
    let g = state.geometry
    let y = content.y + 1
    let scale = state.engine.dataset.scale
    grid.put(TextFit.fit(scale.description, width: g.matrixIDWidth - 1),
             x: content.x, y: y, style: .dim, clip: content)
    let width = FrameGeometry.matrixColumnWidth
    for c in columns {
      let i = state.roster.items[c]
      var style = Style.header
      if highlight.columns.contains(i) { style.background = .highlight }
      if c == state.column { style = .selection.adding(.bold) }
      let x = g.matrixCells.x + (c - state.matrixLeft) * width
      grid.put(TextFit.fit(state.itemID(i), width: width - 1, alignment: .right),
               x: x + 1, y: y, style: style, clip: content)
    }
  }

  /// The users and items to highlight: the two rows compared by the
  /// heatmap's selected similarity and the entries they share, when the
  /// heatmap has the focus.
  private func coRatedHighlight() -> (rows: Set<Int>, columns: Set<Int>) {
    guard state.focus == .heatmap,
      let s = state.cursorSimilarity(), s.x != s.otherX
    else { return ([], []) }
    let shared = Set(s.entries.map(\.other))
    if s.basis == .user {
      return ([s.x, s.otherX], shared)
    }
    return (shared, [s.x, s.otherX])
  }
}
