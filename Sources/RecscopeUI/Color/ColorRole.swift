/// What a colour means on screen, rather than which hue it is.
///
/// Panes name colours by role; a ``Palette`` turns roles into terminal
/// colours for the current ``ColorMode``. That keeps the meaning stable
/// when the mode changes, gives every role a monochrome fallback, and lets
/// tests compare screens without caring about colour depth.
public enum ColorRole: Hashable, Sendable {
  /// The terminal's own colours.
  case normal
  /// Secondary text: units, placeholders, missing values.
  case dim
  /// Lines around a pane that does not have the focus.
  case border
  /// Lines around the pane that receives keys.
  case focusBorder
  /// Column and row headers, pane titles.
  case header
  /// Background of the selected row or cell.
  case selection
  /// Text drawn on ``selection``.
  case selectionText
  /// Something went wrong; the message says what.
  case error
  /// Marks a value that changed since the last recomputation.
  case changed
  /// Background of cells tied to the selection in another pane: the
  /// co-rated entries behind the selected similarity.
  case highlight
  /// Background of the status and tab bars.
  case statusBar
  /// Ordinary text on ``statusBar``.
  case statusText
  /// Key names in the status bar (`?`, `q`, `Tab`).
  case statusKey
  /// Bin of the sequential heatmap ramp (see ``ColorRamp/sequential``).
  case sequential(Int)
  /// Bin of the diverging heatmap ramp (see ``ColorRamp/diverging``).
  case diverging(Int)
  /// The n-th line of a plot (see ``LinePlot``); the colours repeat
  /// after six, and the line's pattern tells series apart without them.
  case series(Int)

  /// A short stable name for screen dumps: `focusBorder`, `seq3`, `div12`.
  public var name: String {
    switch self {
    case .normal: "normal"
    case .dim: "dim"
    case .border: "border"
    case .focusBorder: "focusBorder"
    case .header: "header"
    case .selection: "selection"
    case .selectionText: "selectionText"
    case .error: "error"
    case .changed: "changed"
    case .highlight: "highlight"
    case .statusBar: "statusBar"
    case .statusText: "statusText"
    case .statusKey: "statusKey"
    case .sequential(let bin): "seq\(bin)"
    case .diverging(let bin): "div\(bin)"
    case .series(let n): "ser\(n)"
    }
  }
}
