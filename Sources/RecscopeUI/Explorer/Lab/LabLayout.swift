/// Where the lab view's parts go for one screen size, with the same
/// thresholds as the panes (see ``ScreenLayout``): at 80×20 and up the
/// table and the curve side by side above the sweep; from 24×6 a tab bar
/// and one part at a time; below that only the too-small notice.
///
/// Every rect lies inside the screen and none overlap.
struct LabLayout: Equatable {
  enum Arrangement: Equatable {
    case split, tabbed, tooSmall
  }

  let arrangement: Arrangement
  /// The line saying how the figures were measured and whether they are
  /// current.
  let header: Rect?
  let tabBar: Rect?
  /// Each visible part's box, border included.
  let boxes: [LabSection: Rect]
  let statusLine: Rect?

  init(size: Size, section: LabSection) {
    let screen = Rect(size: size)
    if size.contains(ScreenLayout.splitMinimum) {
      let (status, body) = screen.sliceBottom(1)
      let (header, rest) = body.sliceTop(1)
      let rows = rest.splitRows([1, 1])
      let top = rows[0].splitColumns([45, 55])
      arrangement = .split
      self.header = header
      tabBar = nil
      boxes = [.models: top[0], .curve: top[1], .sweep: rows[1]]
      statusLine = status
    } else if size.contains(ScreenLayout.tabbedMinimum) {
      let (tabs, rest) = screen.sliceTop(1)
      let (header, lower) = rest.sliceTop(1)
      let (status, body) = lower.sliceBottom(1)
      arrangement = .tabbed
      self.header = header
      tabBar = tabs
      boxes = [section: body]
      statusLine = status
    } else {
      arrangement = .tooSmall
      header = nil
      tabBar = nil
      boxes = [:]
      statusLine = nil
    }
  }
}
