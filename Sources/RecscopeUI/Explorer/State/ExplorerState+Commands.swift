import RecscopeCore

/// The `:` command line.
extension ExplorerState {
  /// The commands, for help and for "did you mean".
  static let commands = [
    ":w [file]", ":wq", ":q", ":q!", ":e file", ":e! file",
    ":set name=value …", ":user [id]", ":item [id] [title]", ":undo",
    ":redo", ":predictions on|off", ":train", ":lab", ":help",
  ]

  /// Runs one command line (without its `:`).
  func command(_ line: String) -> ExplorerEffect {
    let words = line.split(separator: " ").map(String.init)
    guard let name = words.first else { return .redraw }
    let rest = Array(words.dropFirst())
    let argument = rest.isEmpty ? nil : rest.joined(separator: " ")
    do throws(ExplorerMessage) {
      switch name {
      case "w", "write":
        say(try save(to: argument))
      case "wq", "x":
        try save(to: argument)
        return finish(discarding: false)
      case "q", "quit":
        return requestQuit()
      case "q!", "quit!":
        return finish(discarding: true)
      case "e", "edit", "e!", "edit!":
        guard let argument else {
          throw ExplorerMessage(":e needs a file or directory, as in "
                                + ":e Samples/essay")
        }
        try edit(path: argument, force: name.hasSuffix("!"))
      case "set", "se":
        try set(rest)
      case "user":
        addUser(argument ?? freshID(prefix: "new", users: true))
      case "item":
        let id = rest.first ?? freshID(prefix: "item", users: false)
        let title = rest.count > 1 ? rest.dropFirst().joined(separator: " ")
          : nil
        addItem(id, title: title)
      case "undo", "u":
        undo()
      case "redo", "red":
        redo()
      case "predictions", "pred":
        showPredictions = argument.map { $0 == "on" || $0 == "1" }
          ?? !showPredictions
        say(showPredictions ? "predictions shown in unrated cells"
            : "predictions hidden")
      case "train", "retrain":
        startRetraining()
      case "lab":
        if lab.isOpen { closeLab() } else { openLab() }
      case "help", "h":
        overlay = lab.isOpen ? .labHelp(top: 0) : .help(pane: focus, top: 0)
      default:
        throw ExplorerMessage("unknown command :\(name); commands are "
          + Self.commands.joined(separator: ", "))
      }
    } catch {
      message = error
    }
    return .redraw
  }

  /// `:set k=20 similarity=pearson`: every assignment applied as one
  /// edit; `:set k` shows a value; `:set` alone opens the settings.
  private func set(_ words: [String]) throws(ExplorerMessage) {
    guard !words.isEmpty else {
      overlay = .settings(cursor: 0)
      return
    }
    var new = engine.settings
    var shown: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      var parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      // `:set algo svd` reads as `:set algo=svd`.
      if parts.count == 1, index < words.count, !words[index].contains("="),
        SettingField.named(words[index]) == nil
      {
        parts.append(words[index])
        index += 1
      }
      guard let field = SettingField.named(parts[0]) else {
        throw ExplorerMessage("there is no setting \"\(parts[0])\"; settings "
          + "are " + SettingField.allCases.map(\.name).joined(separator: ", "))
      }
      if parts.count == 1 {
        shown.append("\(field.name)=\(field.value(in: new))")
      } else {
        new = try field.setting(parts[1], in: new)
      }
    }
    if new != engine.settings {
      changeSettings(new)
    } else if !shown.isEmpty {
      say(shown.joined(separator: " "))
    }
  }
}
