/// The three panes of the explorer.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
  /// Users × items, the ratings as loaded and as edited.
  case matrix
  /// Similarities between users or items, as colours.
  case heatmap
  /// The current user's top-N list, recomputed as ratings change.
  case recommendations

  /// The title in the pane's border and tab.
  public var title: String {
    switch self {
    case .matrix: "Ratings"
    case .heatmap: "Similarity"
    case .recommendations: "Recommendations"
    }
  }

  /// A shorter title for narrow tab bars.
  public var shortTitle: String {
    switch self {
    case .matrix: "Ratings"
    case .heatmap: "Sim"
    case .recommendations: "Recs"
    }
  }

  /// The pane after this one, in Tab order.
  public var next: Pane { Pane(rawValue: (rawValue + 1) % 3) ?? .matrix }

  /// The pane before this one, in Tab order.
  public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3) ?? .matrix }
}
