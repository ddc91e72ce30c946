/// The parts of the screen that belong to no pane: frames, tabs, the
/// status line and the too-small notice.
extension ScreenLayout {
  /// The area inside a pane's frame, where the pane draws its content.
  public func content(of pane: Pane) -> Rect? {
    panes[pane]?.inset(by: 1)
  }

  /// Draws everything but the panes' contents: each visible pane's frame
  /// with its title (heavy lines and the focus colour for `focus`), the
  /// tab bar, the status line and the notice.
  public func drawChrome(
    into grid: inout CellGrid, focus: Pane, status: StatusLine
  ) {
    for pane in Pane.allCases {
      guard let rect = panes[pane] else { continue }
      let focused = pane == focus && arrangement == .split
      grid.drawBox(
        rect, title: pane.title,
        lines: focused ? .heavy : .light,
        style: focused ? .focusBorder : .border)
    }
    if let tabBar { drawTabs(into: &grid, rect: tabBar, focus: focus) }
    if let statusLine { status.draw(into: &grid, rect: statusLine) }
    if let notice {
      let x = (notice.rect.width - DisplayWidth.of(notice.text)) / 2
      grid.put(notice.text, x: notice.rect.x + max(x, 0), y: notice.rect.y,
               style: .error, clip: notice.rect)
    }
  }

  /// The pane at (`x`, `y`), counting its frame and, in the tabbed
  /// arrangement, its tab; for mouse clicks.
  public func pane(atX x: Int, y: Int, focus: Pane) -> Pane? {
    if let pane = Pane.allCases.first(where: {
      panes[$0]?.contains(x: x, y: y) ?? false
    }) {
      return pane
    }
    guard let tabBar else { return nil }
    return tabs(in: tabBar, focus: focus)
      .first { $0.rect.contains(x: x, y: y) }?.pane
  }

  /// Tabs numbered like the keys that select them: ` 1 Ratings `. Titles
  /// shorten as the bar narrows; at the narrowest only the focused tab
  /// keeps a title.
  func drawTabs(into grid: inout CellGrid, rect: Rect, focus: Pane) {
    grid.fill(rect, with: Cell(" ", style: .statusBar))
    for (pane, label, tab) in tabs(in: rect, focus: focus) {
      let style: Style = pane == focus ? .selection.adding(.bold) : .statusBar
      grid.put(label, x: tab.x, y: tab.y, style: style, clip: rect)
    }
  }

  /// Each tab's label and where it goes in `rect`.
  private func tabs(
    in rect: Rect, focus: Pane
  ) -> [(pane: Pane, label: String, rect: Rect)] {
    let labelSets: [[String]] = [
      Pane.allCases.map { " \($0.rawValue + 1) \($0.title) " },
      Pane.allCases.map { " \($0.rawValue + 1) \($0.shortTitle) " },
      Pane.allCases.map {
        $0 == focus
          ? " \($0.rawValue + 1) \($0.shortTitle) " : " \($0.rawValue + 1) "
      },
    ]
    let labels = labelSets.first {
      $0.reduce(0) { $0 + DisplayWidth.of($1) } <= rect.width
    } ?? labelSets[labelSets.count - 1]

    var x = rect.x
    return zip(Pane.allCases, labels).map { pane, label in
      let width = DisplayWidth.of(label)
      defer { x += width }
      let tab = Rect(x: x, y: rect.y, width: width, height: 1)
      return (pane, label, tab.intersection(rect))
    }
  }
}
