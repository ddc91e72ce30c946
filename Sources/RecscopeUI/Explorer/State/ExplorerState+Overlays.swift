import RecscopeCore

/// Keys inside overlays and prompts.
extension ExplorerState {
  func overlayKey(_ key: Key) -> ExplorerEffect {
    guard let overlay else { return .none }
    if key == .escape {
      self.overlay = nil
      return .redraw
    }
    if case .mouse = key { return .none }
    switch overlay {
    case .help(let pane, let top):
      switch key {
      case .character("q"), .character("?"), .function(1), .enter:
        self.overlay = nil
      default:
        let lines = HelpText.lines(for: pane).count
        self.overlay = .help(pane: pane, top: scrolled(top, key, lines))
      }
    case .labHelp(let top):
      switch key {
      case .character("q"), .character("?"), .function(1), .enter:
        self.overlay = nil
      default:
        let lines = HelpText.labLines.count
        self.overlay = .labHelp(top: scrolled(top, key, lines))
      }
    case .explanation(var text):
      switch key {
      case .character("q"), .enter:
        self.overlay = nil
      case .character("y"):
        copy(text)
      default:
        text.top = scrolled(text.top, key, text.lines.count)
        self.overlay = .explanation(text)
      }
    case .features(let item, let cursor):
      return featuresKey(key, item: item, cursor: cursor)
    case .settings(let cursor):
      return settingsKey(key, cursor: cursor)
    case .question:
      return .none
    }
    return .redraw
  }

  /// A scroll position after a movement key, within `count` lines.
  private func scrolled(_ top: Int, _ key: Key, _ count: Int) -> Int {
    let page = max(1, size.height - 8)
    var new = top
    switch key {
    case .up, .character("k"): new -= 1
    case .down, .character("j"): new += 1
    case .pageUp: new -= page
    case .pageDown, .character(" "): new += page
    case .home, .character("g"): new = 0
    case .end, .character("G"): new = count
    default: break
    }
    return Self.clamp(new, count)
  }

  /// ↑/↓ choose a feature; Space, Enter or `x` toggle it between 0 and
  /// 1; a digit sets it; `=` asks for any value.
  ///
  /// TODO(features): no key adds a feature column; the engine can add
  /// one but not remove it, so it could not be undone. An engine call to
  /// drop a column would let `+` add one here.
  private func featuresKey(_ key: Key, item: Int, cursor: Int) -> ExplorerEffect {
    let count = engine.catalog.featureCount
    var cursor = cursor
    switch key {
    case .up, .character("k"): cursor -= 1
    case .down, .character("j"): cursor += 1
    case .home, .character("g"): cursor = 0
    case .end, .character("G"): cursor = count - 1
    case .character("q"), .character("f"):
      overlay = nil
      return .redraw
    case .character(" "), .enter, .character("x"):
      let value = engine.catalog.features(of: ItemIndex(item))[cursor]
      setFeature(cursor, of: item, to: value == 0 ? 1 : 0)
    case .character(let c) where c.isASCII && c.isNumber:
      setFeature(cursor, of: item, to: Double(String(c))!)
    case .character("="), .character("r"):
      prompt = Prompt(
        purpose: .featureValue(item: item, feature: cursor),
        label: "\(itemID(item)) \(engine.catalog.featureNames[cursor]) = ")
    default:
      return .none
    }
    overlay = .features(item: item, cursor: Self.clamp(cursor, count))
    return .redraw
  }

  /// ↑/↓ choose a setting, ←/→ step it (live), Enter asks for a value.
  private func settingsKey(_ key: Key, cursor: Int) -> ExplorerEffect {
    let fields = SettingField.allCases
    var cursor = cursor
    switch key {
    case .up, .character("k"): cursor -= 1
    case .down, .character("j"): cursor += 1
    case .left, .character("h"), .character("-"):
      changeSettings(fields[cursor].stepped(engine.settings, by: -1))
    case .right, .character("l"), .character("+"):
      changeSettings(fields[cursor].stepped(engine.settings, by: 1))
    case .enter, .character("="):
      let field = fields[cursor]
      prompt = Prompt(purpose: .settingValue(field), label: "\(field.name) = ",
                      text: field.value(in: engine.settings))
    case .character("u"):
      undo()
    case .control("r"):
      redo()
    case .character("q"), .character("s"):
      overlay = nil
      return .redraw
    default:
      return .none
    }
    overlay = .settings(cursor: Self.clamp(cursor, fields.count))
    return .redraw
  }

  // MARK: Prompts

  func promptKey(_ key: Key) -> ExplorerEffect {
    guard var prompt else { return .none }
    switch key {
    case .escape:
      self.prompt = nil
    case .backspace:
      if prompt.text.isEmpty {
        self.prompt = nil
      } else {
        prompt.text.removeLast()
        self.prompt = prompt
      }
    case .control("u"):
      prompt.text = ""
      self.prompt = prompt
    case .character(let c):
      prompt.text.append(c)
      self.prompt = prompt
    case .enter:
      self.prompt = nil
      return submit(prompt)
    default:
      return .none
    }
    return .redraw
  }

  private func submit(_ prompt: Prompt) -> ExplorerEffect {
    let text = prompt.text
    message = nil
    switch prompt.purpose {
    case .command:
      return command(text)
    case .search:
      startSearch(text)
    case .rating(let u, let i):
      guard let value = Double(text.trimmingSpaces) else {
        fail("a rating is a number on the scale \(engine.dataset.scale), "
             + "not \"\(text)\"")
        return .redraw
      }
      guard u == selectedUser, i == selectedItem else { return .redraw }
      rateSelected(value)
    case .newUser:
      addUser(text)
    case .newItem:
      let id = text.trimmingSpaces
      guard !id.isEmpty else {
        fail("an item needs an id")
        return .redraw
      }
      guard engine.ratings.item(id) == nil else {
        fail("there is already an item \"\(id)\"")
        return .redraw
      }
      self.prompt = Prompt(purpose: .newItemTitle(id: id),
                           label: "title of \(id) (optional): ")
    case .newItemTitle(let id):
      let title = text.trimmingSpaces
      addItem(id, title: title.isEmpty ? nil : title)
    case .featureValue(let item, let feature):
      guard let value = Double(text.trimmingSpaces), value.isFinite else {
        fail("a feature value is a number, not \"\(text)\"")
        return .redraw
      }
      setFeature(feature, of: item, to: value)
    case .settingValue(let field):
      do {
        changeSettings(try field.setting(text.trimmingSpaces,
                                         in: engine.settings))
      } catch {
        message = error
      }
    }
    return .redraw
  }
}
