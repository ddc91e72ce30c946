import RecscopeCore

/// The explorer without a terminal: replays a key script at a fixed size
/// and returns the last frame, for tests and `--dump-screen`.
public enum ExplorerHeadless {
  /// Replays `keys` on a fresh explorer and returns the final screen.
  ///
  /// A key that quits ends the replay; the rest are ignored. Read the
  /// result with `textRows` or `styledText`.
  public static func run(engine: Engine, options: ExplorerOptions,
                         keys: KeyScript, size: Size,
                         colorMode: ColorMode) -> CellGrid {
    let state = ExplorerState(engine: engine, options: options, size: size,
                              colorMode: colorMode)
    defer { state.endBackground() }
    return replay(keys.keys, on: state)
  }

  /// Replays `keys` on an existing state, drawing after each as the
  /// terminal loop does (so scrolling and clicks see the same frames),
  /// and returns the final screen.
  ///
  /// Background work started here (a training, which `svd` or `als`
  /// start by themselves before the first frame and after a change of
  /// settings; a lab run) advances only at a `<Wait>` key, one step per
  /// `<Wait n>`, so that every run shows the same frames; work still
  /// running when the keys end is left to the caller
  /// (``ExplorerState/endBackground()`` stops it).
  public static func replay(_ keys: [Key], on state: ExplorerState) -> CellGrid {
    state.backgroundPacing = .stepped
    state.followFactorModel()
    var frame = ExplorerView.render(state)
    for key in keys {
      let effect = state.handle(key)
      _ = state.takeRequests()
      if case .quit = effect { break }
      frame = ExplorerView.render(state)
    }
    return frame
  }
}
