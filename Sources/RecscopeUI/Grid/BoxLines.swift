/// The line style of a box.
///
/// The focused pane uses ``heavy`` lines, so focus shows by shape as well
/// as by colour.
public enum BoxLines: Sendable {
  case light, heavy, double, rounded

  /// Top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
  var glyphs: [Character] {
    switch self {
    case .light: ["┌", "┐", "└", "┘", "─", "│"]
    case .heavy: ["┏", "┓", "┗", "┛", "━", "┃"]
    case .double: ["╔", "╗", "╚", "╝", "═", "║"]
    case .rounded: ["╭", "╮", "╰", "╯", "─", "│"]
    }
  }
}
