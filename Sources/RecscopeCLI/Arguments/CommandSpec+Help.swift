extension CommandSpec {
  /// The help text, wrapped to `width` columns: abstract, usage,
  /// discussion, arguments, then options, each option with its allowed
  /// values and default.
  /// - Parameter program: the name the command is run under, such as
  ///   `recscope`.
  public func helpText(program: String, width: Int = 80) -> String {
    var lines = TextWrapping.wrap(abstract, width: width)
    lines.append("")
    lines += usage(program: program, width: width)
    if let discussion {
      lines.append("")
      lines += HelpLayout.paragraphs(discussion, width: width)
    }
    if !argumentInfos.isEmpty {
      lines += ["", "arguments:"]
      for argument in argumentInfos {
        let keyword = argument.arity == .required
          && argument.choices.count == 1
        lines += HelpLayout.entry(
          keyword ? argument.choices[0] : "<\(argument.name)>",
          argument.help + (keyword ? "" : HelpLayout.notes(
            choices: argument.choices, default: nil)),
          width: width)
      }
    }
    lines += ["", "options:"]
    for option in optionInfos + [Self.helpOption] {
      let label = option.shortName.map { "-\($0), " } ?? ""
      lines += HelpLayout.entry(
        label + option.synopsis,
        option.help + HelpLayout.notes(choices: option.choices,
                                       default: option.defaultDescription),
        width: width)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `usage: recscope generate --users <n> [--seed <n>] <file>`, wrapped
  /// with later lines aligned under the first option.
  func usage(program: String, width: Int) -> [String] {
    var words: [String] = []
    for option in optionInfos {
      words.append(option.isRequired ? option.synopsis : "[\(option.synopsis)]")
    }
    words += argumentInfos.map(\.synopsis)
    let head = "usage: \(program) \(name)"
    let indent = String(repeating: " ", count: min(head.count + 1, width / 2))
    return TextWrapping.wrap(words: words, width: width, first: head + " ",
                             rest: indent)
      .map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }
  }
}
