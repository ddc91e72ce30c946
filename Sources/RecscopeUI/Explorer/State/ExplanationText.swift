/// The text an explanation overlay shows and `y` copies.
struct ExplanationText {
  var title: String
  var lines: [String]
  var top = 0

  var plain: String { ([title, ""] + lines).joined(separator: "\n") + "\n" }
}
