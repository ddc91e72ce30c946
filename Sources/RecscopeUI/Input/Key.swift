/// One input event: a key press, a mouse action or a resize.
///
/// Both the terminal adapter and ``KeyScript`` produce these, so a pane
/// cannot tell a person from a replayed script.
public enum Key: Hashable, Sendable {
  /// A printable character, typed as itself (space included).
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// Function key F*n*, 1...63.
  case function(Int)
  /// Ctrl with a lowercase letter a–z, except the ones terminals send as
  /// other keys (see ``fromControlCode(_:)``).
  case control(Character)
  case mouse(MouseEvent)
  /// The terminal now has this size.
  case resize(Size)
  /// In a replayed script only, never from a terminal: let background
  /// work advance by this many progress steps (nil: until it ends), so
  /// that a replay with a training in it gives the same screens each run.
  case wait(steps: Int?)

  /// The key a terminal sends as byte `code` below 0x20, or DEL.
  ///
  /// Terminals cannot tell Ctrl-I from Tab, Ctrl-M from Enter, Ctrl-[
  /// from Esc, or Ctrl-H from Backspace; this is the one place that
  /// decides, for the adapter and scripts alike.
  public static func fromControlCode(_ code: UInt8) -> Key? {
    switch code {
    case 0x08, 0x7F: .backspace
    case 0x09: .tab
    case 0x0D: .enter
    case 0x1B: .escape
    case 0x01...0x1A: .control(Character(Unicode.Scalar(code + 0x60)))
    default: nil
    }
  }
}
