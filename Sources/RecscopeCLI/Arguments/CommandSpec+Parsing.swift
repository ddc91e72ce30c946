extension CommandSpec {
  /// Whether the tokens ask for this command's help: `--help` or `-h`
  /// anywhere before `--`. Help wins over every other mistake, so that a
  /// user who is stuck can always get it.
  public func asksForHelp(_ tokens: [String]) -> Bool {
    tokens.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
  }

  /// Checks the tokens after the command name against the declarations.
  ///
  /// Options may come in any order and mix with positional arguments; a
  /// value follows its option as the next token, or after `=`; a one-letter
  /// option may also hold its value directly (`-n10`). A token that starts
  /// with `-` is taken as an option, except `-` itself (standard input) and
  /// negative numbers; `--` makes every later token positional.
  /// - Throws: the first mistake, reading from the left.
  public func parse(_ tokens: [String]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments(spec: self)
    var loose: [String] = []
    var index = 0
    var optionsEnded = false
    var bareOptions: [OptionInfo] = []
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      if optionsEnded || !Self.looksLikeOption(token) {
        loose.append(token)
        continue
      }
      if token == "--" {
        optionsEnded = true
        continue
      }
      let (option, spelled, inline) = try resolve(token)
      if option.shape == .flag {
        if let inline { throw .unexpectedValue(option: spelled, got: inline) }
        parsed.flags.insert(option.name)
        continue
      }
      let raw: String
      if let inline {
        raw = inline
      } else if let bare = option.bareValue {
        raw = bare
        bareOptions.append(option)
      } else if index < tokens.count && !Self.looksLikeOption(tokens[index]) {
        raw = tokens[index]
        index += 1
      } else {
        throw .missingValue(option: spelled)
      }
      parsed.values[option.name, default: []] += try check(raw, of: option,
                                                           spelled: spelled)
    }
    do {
      try assignPositionals(loose, to: &parsed)
    } catch .unexpectedArgument(let extra, let suggestion) {
      // `--plot ascii` meant `--plot=ascii`.
      let meant = bareOptions.first { $0.accepts(extra) }
      throw .unexpectedArgument(
        extra, suggestion: meant.map { "\($0.longSpelling)=\(extra)" } ?? suggestion)
    }
    if let missing = optionInfos.first(where: {
      $0.isRequired && parsed.values[$0.name] == nil
    }) {
      throw .missingOption(missing.synopsis)
    }
    return parsed
  }

  /// Whether a token is an option (or `--`) rather than a value.
  static func looksLikeOption(_ token: String) -> Bool {
    token.hasPrefix("-") && token != "-" && Double(token) == nil
  }

  /// The option a token names, the spelling the user typed, and the value
  /// written into the same token, if any.
  private func resolve(_ token: String) throws(UsageError)
    -> (OptionInfo, spelled: String, inline: String?)
  {
    if token.hasPrefix("--") {
      let body = token.dropFirst(2)
      let name = String(body.prefix { $0 != "=" })
      let inline = body.firstIndex(of: "=").map {
        String(body[$0...].dropFirst())
      }
      guard let option = option(named: name) else {
        throw .unknownOption("--" + name, suggestion: suggestOption(for: name))
      }
      return (option, "--" + name, inline)
    }
    let body = token.dropFirst()
    let rest = body.dropFirst()
    let word = String(body.prefix { $0 != "=" })
    if word.count > 1 && optionInfos.contains(where: { $0.name == word }) {
      // `-user` is far likelier a slip for `--user` than `-u ser`.
      throw .unknownOption("-" + word, suggestion: "--" + word)
    }
    guard let letter = body.first, let option = option(short: letter),
          option.shape != .flag || rest.isEmpty
    else {
      throw .unknownOption("-" + word, suggestion: suggestOption(for: word))
    }
    let inline = rest.isEmpty
      ? nil : String(rest.hasPrefix("=") ? rest.dropFirst() : rest)
    return (option, "-" + String(letter), inline)
  }

  /// The raw values an option's text stands for, each checked.
  private func check(_ raw: String, of option: OptionInfo,
                     spelled: String) throws(UsageError) -> [String] {
    let items = option.shape == .list && !raw.isEmpty
      ? raw.split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
      : [raw]
    if items.count > 1 && items.contains(where: \.isEmpty) {
      throw .emptyListItem(option: spelled, got: raw)
    }
    for item in items where !option.accepts(item) {
      throw .invalidValue(
        option: spelled, expected: option.expectation, got: item,
        suggestion: Suggestion.closest(to: item, among: option.choices))
    }
    return items
  }

  /// Hands the positional tokens to the declared arguments in order.
  private func assignPositionals(_ tokens: [String],
                                 to parsed: inout ParsedArguments)
    throws(UsageError)
  {
    var rest = tokens[...]
    for argument in argumentInfos {
      let taken: ArraySlice<String>
      switch argument.arity {
      case .required:
        guard let token = rest.first else {
          throw .missingArgument(argument.synopsis)
        }
        taken = [token]
      case .optional:
        taken = rest.prefix(1)
      case .variadic(let minimum):
        guard rest.count >= minimum else {
          throw .missingArgument("<\(argument.name)>")
        }
        taken = rest
      }
      for token in taken where !argument.accepts(token) {
        throw .invalidValue(
          option: "<\(argument.name)>", expected: argument.expectation,
          got: token,
          suggestion: Suggestion.closest(to: token, among: argument.choices))
      }
      rest = rest.dropFirst(taken.count)
      if !taken.isEmpty { parsed.positionals[argument.name] = Array(taken) }
    }
    if let extra = rest.first {
      let names = optionInfos.map(\.name)
      throw .unexpectedArgument(
        extra, suggestion: Suggestion.closest(to: extra, among: names)
          .map { "--" + $0 })
    }
  }

  /// The spelling of the declared option closest to a mistyped name.
  private func suggestOption(for typed: String) -> String? {
    let stripped = String(typed.drop { $0 == "-" })
    let longs = optionInfos.map(\.name) + ["help"]
    let shorts = optionInfos.compactMap(\.shortName).map(String.init) + ["h"]
    guard let guess = Suggestion.closest(to: stripped, among: longs + shorts)
    else { return nil }
    return longs.contains(guess) ? "--" + guess : "-" + guess
  }
}
