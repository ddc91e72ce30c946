/// A line of input on the status row: the command line, a search, or a
/// value the explorer asked for.
struct Prompt {
  enum Purpose: Equatable {
    case command
    case search
    case rating(user: Int, item: Int)
    case newUser
    case newItem
    case newItemTitle(id: String)
    case featureValue(item: Int, feature: Int)
    case settingValue(SettingField)
  }

  var purpose: Purpose
  var label: String
  var text: String = ""
}
