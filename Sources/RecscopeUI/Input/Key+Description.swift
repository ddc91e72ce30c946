extension Key: CustomStringConvertible {
  /// The key as a ``KeyScript`` token: `a`, `<Enter>`, `<C-r>`,
  /// `<Click 10 5>`. Parsing the token gives the key back.
  public var description: String {
    switch self {
    case .character(" "): "<Space>"
    case .character("<"): "<lt>"
    case .character("#"): "<Hash>"
    case .character(let character): String(character)
    case .up: "<Up>"
    case .down: "<Down>"
    case .left: "<Left>"
    case .right: "<Right>"
    case .pageUp: "<PgUp>"
    case .pageDown: "<PgDn>"
    case .home: "<Home>"
    case .end: "<End>"
    case .enter: "<Enter>"
    case .escape: "<Esc>"
    case .tab: "<Tab>"
    case .backTab: "<S-Tab>"
    case .backspace: "<BS>"
    case .delete: "<Del>"
    case .function(let number): "<F\(number)>"
    case .control(let letter): "<C-\(letter)>"
    case .mouse(let event):
      switch event.kind {
      case .press: "<Click \(event.x) \(event.y)>"
      case .wheelUp: "<WheelUp \(event.x) \(event.y)>"
      case .wheelDown: "<WheelDown \(event.x) \(event.y)>"
      }
    case .resize(let size): "<Resize \(size.width) \(size.height)>"
    case .wait(let steps): steps.map { "<Wait \($0)>" } ?? "<Wait>"
    }
  }

  /// How the status line and help name the key: `Enter`, `C-r`, `q`.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .mouse, .resize, .wait: description
    default: String(description.dropFirst().dropLast())
    }
  }
}
