import CNcursesw
import RecscopeUI

/// The one place that talks to ncursesw.
public enum CursesTerminal {
  public static var colorCount: Int32 { rs_colors() }
}
