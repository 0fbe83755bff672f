import Foundation
import Testing
@testable import Analytics

@Suite struct CutoffFeaturesTests {
    func value(_ m: FeatureMatrix, student: Int, _ feature: Feature) throws -> Double {
        let row = try #require(m.learners.firstIndex { $0.studentID == student })
        let column = try #require(m.schema.features.firstIndex(of: feature))
        return m.rows[row][column]
    }

    @Test func countsWhatIsKnownByTheCutoff() throws {
        let d = try OULADDataset.read(files: TinyDataset.files())
        let schema = FeatureSchema(levelsFrom: d.enrolments)
        let m = CutoffFeatures.matrix(d, presentationCodes: ["P1"], cutoff: 30, schema: schema)
        // Learner 12 unregistered on day 15: already withdrawn, so not in the matrix.
        #expect(m.learners.map(\.studentID) == [10, 11])
        #expect(m.labels == [false, true])
        #expect(try value(m, student: 10, .assessmentsDue) == 1)
        #expect(try value(m, student: 10, .submitted) == 1)
        #expect(try value(m, student: 11, .late) == 1)
        #expect(try value(m, student: 10, .weightedScore) == 80)
        #expect(try value(m, student: 11, .daysSinceLastSubmission) == 5)
        #expect(try value(m, student: 11, .scoreVersusPresentation) == -20)
        #expect(try value(m, student: 11, .imdBand) == -1)
        #expect(m.groups["imd_band"] == ["20-30%", "unknown"])
    }

    @Test func aSubmissionAfterTheCutoffChangesNothing() throws {
        let before = try OULADDataset.read(files: TinyDataset.files())
        // Learner 11 submits assessment 2 on day 45 with a high score: after a cutoff of 40.
        let after = try OULADDataset.read(files: TinyDataset.files(submissions: TinyDataset.submissions + "2,11,45,0,99\n"))
        let schema = FeatureSchema(levelsFrom: before.enrolments)
        #expect(CutoffFeatures.matrix(before, presentationCodes: ["P1"], cutoff: 40, schema: schema)
            == CutoffFeatures.matrix(after, presentationCodes: ["P1"], cutoff: 40, schema: schema))
        // At day 60 it is known, and the features change.
        #expect(CutoffFeatures.matrix(before, presentationCodes: ["P1"], cutoff: 60, schema: schema)
            != CutoffFeatures.matrix(after, presentationCodes: ["P1"], cutoff: 60, schema: schema))
    }

    @Test func aMissedAssessmentIsCountedOnlyOnceDue() throws {
        let d = try OULADDataset.read(files: TinyDataset.files())
        let schema = FeatureSchema(levelsFrom: d.enrolments)
        #expect(try value(CutoffFeatures.matrix(d, presentationCodes: ["P1"], cutoff: 49, schema: schema), student: 11, .missed) == 0)
        #expect(try value(CutoffFeatures.matrix(d, presentationCodes: ["P1"], cutoff: 50, schema: schema), student: 11, .missed) == 1)
    }

    @Test func csvCarriesLabelAndGroups() throws {
        let d = try OULADDataset.read(files: TinyDataset.files())
        let csv = CutoffFeatures.matrix(d, presentationCodes: ["P1"], cutoff: 30, schema: FeatureSchema(levelsFrom: d.enrolments)).csv()
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("student_id,module,presentation,registration_day,") && lines[0].hasSuffix(",label,group_gender,group_disability,group_imd_band"))
        #expect(lines[2].hasSuffix(",1,M,Y,unknown"))
    }
}
