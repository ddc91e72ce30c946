import Foundation

extension CursesTerminal {
  /// Puts `text` on the clipboard with the OSC 52 escape, which xterm,
  /// tmux (with `set-clipboard`), kitty and others honour. It writes to
  /// the terminal directly, between frames; it moves no cursor and draws
  /// nothing, so the screen curses believes in stays true.
  public func copyToClipboard(_ text: String) {
    guard isActive else { return }
    let encoded = Data(text.utf8).base64EncodedString()
    calls.writeOutput(Array("\u{1B}]52;c;\(encoded)\u{07}".utf8))
  }
}
