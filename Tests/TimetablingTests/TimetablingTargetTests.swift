import Testing
@testable import Timetabling

@Suite struct TimetablingTargetTests {
    @Test func targetLinks() { #expect(String(describing: Timetabling.self) == "Timetabling") }
}
