import RecscopeCore

/// The key map: which key does what, in which pane and overlay.
extension ExplorerState {
  /// Handles one key, mouse action or resize.
  ///
  /// A question or a prompt takes every key while it is open, then an
  /// overlay, then the lab view when it is open, then the focused pane.
  /// Change marks from the last edit last until the next key. Afterwards
  /// a factor model the settings lack starts training, and the lab, if
  /// open, starts measuring whatever the key made stale.
  public func handle(_ key: Key) -> ExplorerEffect {
    let effect = dispatch(key)
    followFactorModel()
    followLab()
    return effect
  }

  private func dispatch(_ key: Key) -> ExplorerEffect {
    if case .resize(let new) = key {
      size = new
      return .redraw
    }
    if case .wait(let steps) = key {
      waitForBackground(steps: steps)
      return .redraw
    }
    expireMarks()
    if case .question(let question)? = overlay {
      return answer(question, key)
    }
    if prompt != nil { return promptKey(key) }
    if overlay != nil { return overlayKey(key) }
    message = nil
    if lab.isOpen { return labViewKey(key) }
    if case .mouse(let event) = key {
      guard options.mouse else { return .none }
      mouse(event)
      return .redraw
    }
    return mainKey(key)
  }

  private func mainKey(_ key: Key) -> ExplorerEffect {
    let digit = digitJustRated
    digitJustRated = nil
    if key == .character("."), let digit, focus == .matrix,
      let u = selectedUser, let i = selectedItem
    {
      prompt = Prompt(purpose: .rating(user: u, item: i),
                      label: ratingLabel(u, i), text: "\(digit).")
      return .redraw
    }
    if moveKey(key) { return .redraw }
    switch key {
    case .character("q"):
      return requestQuit()
    case .character("?"), .function(1):
      overlay = .help(pane: focus, top: 0)
    case .character(":"):
      prompt = Prompt(purpose: .command, label: ":")
    case .character("/"):
      prompt = Prompt(purpose: .search, label: "/")
    case .character("n"):
      searchAgain(1)
    case .character("N"):
      searchAgain(-1)
    case .tab:
      focus = focus.next
    case .backTab:
      focus = focus.previous
    case .character(let c) where focus != .matrix && "123".contains(c):
      focus = Pane(rawValue: Int(String(c))! - 1) ?? focus
    case .character("u"):
      undo()
    case .control("r"):
      redo()
    case .character("s"):
      overlay = .settings(cursor: 0)
    case .character("t"):
      var new = engine.settings
      new.basis = new.basis.other
      changeSettings(new)
    case .character("p"):
      showPredictions.toggle()
      say(showPredictions ? "predictions shown in unrated cells"
          : "predictions hidden")
    case .character("a"):
      prompt = Prompt(purpose: .newUser, label: "new user id: ",
                      text: freshID(prefix: "new", users: true))
    case .character("A"):
      prompt = Prompt(purpose: .newItem, label: "new item id: ",
                      text: freshID(prefix: "item", users: false))
    case .character("y"):
      if let text = explanationForSelection() { copy(text) }
    case .enter:
      if let text = explanationForSelection() {
        overlay = .explanation(text)
      }
    case .character("R"):
      startRetraining()
    case .character("L"):
      openLab()
    case .escape:
      cancelBackground()
    default:
      return focus == .matrix ? matrixKey(key) : .none
    }
    return .redraw
  }

  /// Arrows, hjkl, pages, g/G and Home/End, in any pane.
  private func moveKey(_ key: Key) -> Bool {
    switch key {
    case .up, .character("k"): move(dx: 0, dy: -1)
    case .down, .character("j"): move(dx: 0, dy: 1)
    case .left, .character("h"): move(dx: -1, dy: 0)
    case .right, .character("l"): move(dx: 1, dy: 0)
    case .pageUp, .control("b"): move(dx: 0, dy: -pageSize)
    case .pageDown, .control("f"): move(dx: 0, dy: pageSize)
    case .home, .character("g"): jump(toEnd: false)
    case .end, .character("G"): jump(toEnd: true)
    case .character("^"): jumpColumn(toEnd: false)
    case .character("$"): jumpColumn(toEnd: true)
    default: return false
    }
    return true
  }

  /// Digits rate the selected cell; `r`, `=` or `.` ask for any value;
  /// `x` and Delete remove the rating; `f` opens the item's features.
  private func matrixKey(_ key: Key) -> ExplorerEffect {
    switch key {
    case .character(let c) where c.isASCII && c.isNumber:
      rateSelected(Double(String(c))!)
      if message?.isError == false { digitJustRated = c }
    case .character("r"), .character("="), .character("."):
      guard let u = selectedUser, let i = selectedItem else { return .none }
      prompt = Prompt(purpose: .rating(user: u, item: i),
                      label: ratingLabel(u, i),
                      text: key == .character(".") ? "." : "")
    case .character("x"), .delete:
      unrateSelected()
    case .character("f"):
      guard let i = selectedItem else { return .none }
      guard engine.catalog.featureCount > 0 else {
        fail("the data has no item features")
        return .redraw
      }
      overlay = .features(item: i, cursor: 0)
    default:
      return .none
    }
    return .redraw
  }

  private func ratingLabel(_ u: Int, _ i: Int) -> String {
    "rate \(userID(u)) × \(itemID(i)) (\(engine.dataset.scale)): "
  }

  /// `q`: quits at once, or asks when there are unsaved edits.
  func requestQuit() -> ExplorerEffect {
    guard hasUnsavedEdits else { return finish(discarding: false) }
    overlay = .question(.quit)
    return .redraw
  }

  private func answer(_ question: Question, _ key: Key) -> ExplorerEffect {
    switch question {
    case .restore(let steps, let badLine):
      switch key {
      case .character("y"), .character("Y"), .enter:
        answerRestore(true, steps: steps, badLine: badLine)
      case .character("n"), .character("N"), .escape:
        answerRestore(false, steps: steps, badLine: badLine)
      default:
        return .none
      }
    case .quit:
      switch key {
      case .character("w"), .character("y"):
        overlay = nil
        do {
          try save(to: nil)
          return finish(discarding: false)
        } catch {
          message = error
        }
      case .character("d"), .character("!"):
        overlay = nil
        return finish(discarding: true)
      case .escape, .character("n"), .character("q"):
        overlay = nil
        message = nil
      default:
        return .none
      }
    }
    return .redraw
  }
}
