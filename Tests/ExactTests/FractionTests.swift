import Testing
@testable import Exact

@Suite struct FractionTests {
    @Test func reducesAndKeepsTheSignOnTheNumerator() {
        #expect(Fraction(6, 4) == Fraction(3, 2))
        #expect(Fraction(3, -6).numerator == -1)
        #expect(Fraction(3, -6).denominator == 2)
    }

    @Test func thirdsAddUpExactly() {
        let third = Fraction(1, 3)
        #expect(third + third + third == Fraction(1))
        #expect(Fraction(10, 3) + Fraction(5, 6) == Fraction(25, 6))
        #expect(Fraction(7) - Fraction(5, 2) == Fraction(9, 2))
    }

    @Test func whatDescriptionWritesParsesBack() {
        for f in [Fraction(7, 10), Fraction(-3, 4), Fraction(5), Fraction(0)] { #expect(Fraction(exact: f.description) == f) }
        #expect(Fraction(exact: "6/8") == Fraction(3, 4))
        for bad in ["", "1/0", "1/-2", "a/2", "1/2/3", "0.5"] { #expect(Fraction(exact: bad) == nil, "\(bad)") }
    }

    @Test func divisionByZeroIsNil() {
        #expect(Fraction(5) / .zero == nil)
        #expect(Fraction(5) / Fraction(2) == Fraction(5, 2))
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(Fraction(25, 6).decimal(places: 1) == "4.2")
        #expect(Fraction(1, 4).decimal(places: 1) == "0.3")
        #expect(Fraction(-1, 4).decimal(places: 1) == "-0.3")
        #expect(Fraction(3).decimal(places: 2) == "3")
        #expect(Fraction(1, 3).decimal(places: 2) == "0.33")
        #expect(Fraction(-1, 100).decimal(places: 1) == "0")
    }

    @Test func ordersByValue() {
        #expect(Fraction(2, 3) < Fraction(3, 4))
        #expect(Fraction(-1, 2) < .zero)
    }
}
