import RecscopeCore

/// Names what changed between two settings, in the words of `:set`.
enum SettingsDiff {
  static func describe(_ old: EngineSettings, _ new: EngineSettings) -> String {
    var parts: [String] = []
    for field in SettingField.allCases
    where field.value(in: old) != field.value(in: new) {
      parts.append("\(field.name)=\(field.value(in: new))")
    }
    return parts.isEmpty ? "settings unchanged" : parts.joined(separator: " ")
  }
}
