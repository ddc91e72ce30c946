extension JSONValue {
  /// The document as text, without a final newline.
  ///
  /// An array or object that holds only scalars is written on one line;
  /// one that holds containers puts each element on a line of its own,
  /// indented by two. An array of records thus prints one record a line,
  /// which suits both people and line-oriented tools.
  public func rendered() -> String {
    var text = ""
    render(into: &text, indent: "")
    return text
  }

  private func render(into text: inout String, indent: String) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .integer(let value): text += String(value)
    case .number(let value):
      text += value.isFinite ? NumberFormat.shortest(value) : "null"
    case .string(let value): Self.quote(value, into: &text)
    case .array(let elements):
      renderContainer(elements.map { (nil, $0) }, open: "[", close: "]",
                      into: &text, indent: indent)
    case .object(let members):
      renderContainer(members.map { ($0.key, $0.value) }, open: "{",
                      close: "}", into: &text, indent: indent)
    }
  }

  private func renderContainer(_ elements: [(String?, JSONValue)],
                               open: String, close: String,
                               into text: inout String, indent: String) {
    let flat = elements.allSatisfy { $0.1.isScalar }
    let inner = flat ? "" : indent + "  "
    text += open
    for (position, (key, value)) in elements.enumerated() {
      if position > 0 { text += flat ? ", " : "," }
      if !flat { text += "\n" + inner }
      if let key {
        Self.quote(key, into: &text)
        text += ": "
      }
      value.render(into: &text, indent: inner)
    }
    if !flat && !elements.isEmpty { text += "\n" + indent }
    text += close
  }

  /// A JSON string literal (RFC 8259): quote, backslash and control
  /// characters escaped, and the two Unicode line separators too, since
  /// some JavaScript readers choke on them.
  static func quote(_ string: String, into text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
