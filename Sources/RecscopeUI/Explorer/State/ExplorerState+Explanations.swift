import Foundation
import RecscopeCore

/// The worked arithmetic behind what is selected, and copying it.
extension ExplorerState {
  /// The explanation of the focused pane's selection: a prediction for a
  /// matrix cell or a recommendation, a similarity for a heatmap cell.
  func explanationForSelection() -> ExplanationText? {
    switch focus {
    case .matrix:
      guard let u = selectedUser, let i = selectedItem else { return nil }
      let p = engine.predict(UserIndex(u), ItemIndex(i))
      var lines: [String] = []
      if let r = engine.ratings.rating(UserIndex(u), ItemIndex(i)) {
        lines.append("\(userID(u)) rated \(itemID(i)) \(display(r)); "
                     + "the model's own estimate follows")
      }
      lines += engine.explanationLines(for: p)
      return ExplanationText(
        title: "Prediction for \(userID(u)) × \(itemID(i)) \(itemName(i))",
        lines: lines)
    case .heatmap:
      guard let (x, x2) = heatPair else { return nil }
      let s = engine.explainSimilarity(x, x2)
      return ExplanationText(
        title: "Similarity of \(basisID(x)) and \(basisID(x2))",
        lines: engine.explanationLines(for: s))
    case .recommendations:
      guard let u = selectedUser, let list = recommendations(),
        recCursor < list.items.count
      else { return nil }
      let r = list.items[recCursor]
      var lines: [String] = []
      if let note = list.note { lines.append("list      \(note)") }
      if r.source == .popularity {
        lines.append("rank      by number of ratings: \(display(r.score))")
      }
      lines += engine.explanationLines(for: engine.predict(UserIndex(u), r.item))
      return ExplanationText(
        title: "Recommendation \(recCursor + 1) for \(userID(u)): "
          + "\(itemID(r.item.int)) \(itemName(r.item.int))",
        lines: lines)
    }
  }

  /// Copies an explanation: OSC 52 where the terminal passes it to the
  /// clipboard, else a file whose name the status line gives.
  func copy(_ text: ExplanationText) {
    if options.copiesWithEscape {
      requests.append(.clipboard(text.plain))
      say("copied the explanation (\(text.lines.count + 1) lines) "
          + "to the clipboard")
      return
    }
    let path = options.copyPath
      ?? DataFiles.join(NSTemporaryDirectory(), "recscope-explanation.txt")
    do {
      try Data(text.plain.utf8).write(to: URL(fileURLWithPath: path),
                                      options: .atomic)
      say("wrote the explanation to \(path)")
    } catch {
      fail("cannot write the explanation to \(path)")
    }
  }
}
