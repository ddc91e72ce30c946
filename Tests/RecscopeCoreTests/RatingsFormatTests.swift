import Foundation
import Testing
@testable import RecscopeCore

@Suite struct RatingsFormatTests {
  func detect(_ text: String) -> RatingsFormat? {
    RatingsFormat.detect(Data(text.utf8))
  }

  @Test func namesRoundTrip() {
    #expect(RatingsFormat.allCases.map(\.name)
            == ["ml-100k", "ml-1m", "ml-latest", "csv", "tsv"])
    for format in RatingsFormat.allCases {
      #expect(RatingsFormat(name: format.name) == format)
    }
    #expect(RatingsFormat(name: "ML-100K") == .movieLens100K)
    #expect(RatingsFormat(name: " tsv ") == .tsv)
    #expect(RatingsFormat(name: "movielens") == nil)
  }

  @Test func detectsMovieLens100K() {
    #expect(detect("196\t242\t3\t881250949\n") == .movieLens100K)
  }

  @Test func tabsWithHeaderOrThreeFieldsAreTSV() {
    #expect(detect("user\titem\trating\tts\n1\t2\t3\t4\n") == .tsv)
    #expect(detect("1\t2\t3\n") == .tsv)
  }

  @Test func detectsMovieLens1M() {
    #expect(detect("1::1193::5::978300760\n") == .movieLens1M)
  }

  @Test func detectsMovieLensLatestByItsHeader() {
    #expect(detect("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n")
            == .movieLensLatest)
    #expect(detect("user,item,rating,timestamp\n1,1,4.0,9\n") == .csv)
  }

  @Test func commasWithOrWithoutHeaderAreCSV() {
    #expect(detect("a,b,4\n") == .csv)
    #expect(detect("\u{FEFF}\r\n\"u\",\"i\",\"r\"\r\n") == .csv)
  }

  @Test func aMalformedFirstLineDoesNotHideTheLayout() {
    #expect(detect("a,b,c,d,e\nx,y,4\n") == .csv)
  }

  @Test func unknownSeparatorIsNil() {
    #expect(detect("a;b;4\n") == nil)
    #expect(detect("") == nil)
    #expect(detect("\n \n") == nil)
  }
}
