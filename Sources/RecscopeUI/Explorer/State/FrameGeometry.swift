/// Where each pane's parts landed in the last frame, worked out before
/// drawing: the panes draw from it, and clicks and page keys read it.
struct FrameGeometry {
  var layout: ScreenLayout

  /// Matrix: the cells area (right of the id column, below the headers).
  var matrixCells: Rect = .zero
  var matrixIDWidth = 0
  var matrixRows = 0
  var matrixColumns = 0

  /// Heatmap: the area of heat cells (right of the cursor margin).
  var heatCells: Rect = .zero
  /// Values per visible row and column of the window.
  var heatRows = 0
  var heatColumns = 0

  /// Recommendations: the list area and how many entries fit.
  var recList: Rect = .zero
  var recRows = 0

  init(layout: ScreenLayout) { self.layout = layout }

  /// The cell width of a rating column: `  4.5`.
  static let matrixColumnWidth = 5
}
