/// Where everything goes for one terminal size.
///
/// Three arrangements, chosen by size:
/// - **split** (at least ``splitMinimum``): the ratings matrix on the
///   left, similarity heatmap above recommendations on the right, and a
///   status line at the bottom;
/// - **tabbed** (at least ``tabbedMinimum``): a tab bar, the focused pane
///   alone, and the status line;
/// - **too small**: one line saying the size needed.
///
/// Every rect lies inside the screen and none overlap, at any size down
/// to 0×0.
public struct ScreenLayout: Equatable, Sendable {
  public enum Arrangement: Equatable, Sendable {
    case split, tabbed, tooSmall
  }

  /// 80×20: the matrix gets 44 columns (room for a user id and six
  /// rating columns), the heatmap and recommendations 36 columns and
  /// about 9 rows each.
  public static let splitMinimum = Size(width: 80, height: 20)

  /// 24×6: a tab bar, a pane with a border and at least three rows
  /// inside it, and the status line.
  public static let tabbedMinimum = Size(width: 24, height: 6)

  public let size: Size
  public let arrangement: Arrangement
  /// The rect of each visible pane, border included.
  public let panes: [Pane: Rect]
  /// The tab bar, in the tabbed arrangement.
  public let tabBar: Rect?
  /// The status line, unless the screen is too small.
  public let statusLine: Rect?
  /// The one-line notice when the screen is too small.
  public let notice: Notice?

  /// What to say, and where, when nothing else fits.
  public struct Notice: Equatable, Sendable {
    public let text: String
    public let rect: Rect
  }

  /// The layout for a terminal of `size` with `focus` the pane receiving
  /// keys (the one shown when only one fits).
  public init(size: Size, focus: Pane) {
    self.size = size
    let screen = Rect(size: size)
    if size.contains(Self.splitMinimum) {
      let (status, body) = screen.sliceBottom(1)
      let columns = body.splitColumns([55, 45])
      let right = columns[1].splitRows([1, 1])
      arrangement = .split
      panes = [.matrix: columns[0], .heatmap: right[0],
               .recommendations: right[1]]
      tabBar = nil
      statusLine = status
      notice = nil
    } else if size.contains(Self.tabbedMinimum) {
      let (tabs, rest) = screen.sliceTop(1)
      let (status, body) = rest.sliceBottom(1)
      arrangement = .tabbed
      panes = [focus: body]
      tabBar = tabs
      statusLine = status
      notice = nil
    } else {
      arrangement = .tooSmall
      panes = [:]
      tabBar = nil
      statusLine = nil
      let text = Self.tooSmallText(for: size)
      let row = Rect(x: 0, y: size.height / 2, width: size.width, height: 1)
      notice = Notice(text: text, rect: size.height > 0 ? row : .zero)
    }
  }

  /// Every rect in the layout, for checks that nothing overlaps.
  public var allRects: [Rect] {
    Pane.allCases.compactMap { panes[$0] }
      + [tabBar, statusLine, notice?.rect].compactMap { $0 }
  }

  /// The longest of a few wordings that fits `size.width`.
  static func tooSmallText(for size: Size) -> String {
    let need = tabbedMinimum
    let wordings = [
      "Terminal too small: need at least \(need), now \(size)",
      "Too small: need \(need), now \(size)",
      "Need \(need), now \(size)",
      "Need \(need)",
      "\(need)",
    ]
    return wordings.first { DisplayWidth.of($0) <= size.width }
      ?? TextFit.truncate(wordings[wordings.count - 1], toWidth: size.width)
  }
}
