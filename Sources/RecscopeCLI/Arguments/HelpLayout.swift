/// The two-column layout shared by command and program help.
enum HelpLayout {
  /// Where descriptions start.
  static let column = 24

  /// A label indented by two, its description from ``column`` on, wrapped
  /// to `width`; a label too long to leave a gap gets a line of its own.
  static func entry(_ label: String, _ description: String,
                    width: Int) -> [String] {
    let head = "  " + label
    let pad = String(repeating: " ", count: column)
    guard !description.isEmpty else { return [head] }
    if head.count + 2 <= column {
      let first = head + String(repeating: " ", count: column - head.count)
      return TextWrapping.wrap(description, width: width, first: first,
                               rest: pad)
    }
    return [head] + TextWrapping.wrap(description, width: width, first: pad,
                                      rest: pad)
  }

  /// " (values: a, b; default: a)", " (default: 40)" or "".
  static func notes(choices: [String], default value: String?) -> String {
    var notes: [String] = []
    if !choices.isEmpty {
      notes.append("values: " + choices.joined(separator: ", "))
    }
    if let value { notes.append("default: " + value) }
    return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
  }

  /// Free text: lines starting with a space kept as written, blank lines
  /// kept, runs of other lines joined and wrapped.
  static func paragraphs(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var paragraph: [Substring] = []
    func flush() {
      if !paragraph.isEmpty {
        lines += TextWrapping.wrap(paragraph.joined(separator: " "),
                                   width: width)
        paragraph = []
      }
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty || line.hasPrefix(" ") {
        flush()
        lines.append(String(line))
      } else {
        paragraph.append(line)
      }
    }
    flush()
    return lines
  }
}
