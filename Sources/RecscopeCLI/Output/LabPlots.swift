import RecscopeCore
import RecscopeUI

/// The plots `recscope lab --plot` draws after its tables.
enum LabPlots {
  /// Train and test RMSE (and validation RMSE) per epoch, per model.
  static func curves(_ curves: [(String, LearningCurve)],
                     validation: Bool) -> LinePlot {
    var series: [PlotSeries] = []
    for (name, curve) in curves {
      let points = curve.points
      series.append(PlotSeries(name: "\(name) train",
                               values: points.map(\.trainRMSE.mean)))
      if validation {
        series.append(PlotSeries(
          name: "\(name) validation",
          values: points.map { $0.validationRMSE?.mean ?? .nan }))
      }
      series.append(PlotSeries(name: "\(name) test",
                               values: points.map(\.testRMSE.mean)))
    }
    return LinePlot(series: series, xTitle: "epoch", yTitle: "RMSE")
  }

  /// Figures against a setting, with ticks at the values and a
  /// logarithmic axis when they are positive and span a factor of 8.
  static func against(_ values: [Double], title: String,
                      series: [PlotSeries]) -> LinePlot {
    let finite = values.filter(\.isFinite)
    let logarithmic = !finite.isEmpty && finite.allSatisfy { $0 > 0 }
      && finite.max()! / finite.min()! >= 8
    return LinePlot(series: series, xTitle: title, yTitle: "RMSE",
                    xScale: logarithmic ? .logarithmic : .linear,
                    xTicks: finite)
  }

  /// Test RMSE of each variant over its setting, the baseline as a flat
  /// line across them.
  static func variants(_ variants: [VariantEvaluation], title: String,
                       name: String) -> LinePlot {
    let shown = variants.dropFirst().filter { $0.setting?.isFinite ?? false }
    let xs = shown.compactMap(\.setting)
    let baseline = variants.first?.summary[.rmse]?.mean ?? .nan
    let series = [
      PlotSeries(name: "\(variants.first?.name ?? "baseline") test",
                 points: xs.map { ($0, baseline) }),
      PlotSeries(name: "\(name) test", points: shown.map {
        ($0.setting!, $0.summary[.rmse]?.mean ?? .nan)
      }),
    ]
    return against(xs, title: title, series: series)
  }
}
