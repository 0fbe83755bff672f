import Foundation
import Testing
@testable import Analytics

/// A tiny dataset in the OULAD layout: one module "M1" in presentations "P1" and "P2".
enum TinyDataset {
    static let courses = "code_module,code_presentation,module_presentation_length\nM1,P1,200\nM1,P2,210\n"
    static let assessments = "code_module,code_presentation,id_assessment,assessment_type,date,weight\nM1,P1,1,TMA,20,50\nM1,P1,2,TMA,50,50\nM1,P1,3,Exam,,100\nM1,P2,4,TMA,20,50\n"
    static let submissions = "id_assessment,id_student,date_submitted,is_banked,score\n1,10,18,0,80\n1,11,25,0,40\n2,10,49,0,70\n"
    static let info = "code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result\nM1,P1,10,F,East,HE Qualification,20-30%,35-55,0,60,N,Pass\nM1,P1,11,M,West,A Level or Equivalent,,0-35,1,120,Y,Fail\nM1,P1,12,M,West,A Level or Equivalent,0-10%,0-35,0,60,N,Withdrawn\n"
    static let registration = "code_module,code_presentation,id_student,date_registration,date_unregistration\nM1,P1,10,-30,\nM1,P1,11,-5,\nM1,P1,12,-10,15\n"

    static func files(submissions: String = submissions, info: String = info, assessments: String = assessments) -> [String: Data] {
        ["courses.csv": Data(courses.utf8), "assessments.csv": Data(assessments.utf8), "studentAssessment.csv": Data(submissions.utf8),
         "studentInfo.csv": Data(info.utf8), "studentRegistration.csv": Data(registration.utf8)]
    }
}

@Suite struct DatasetReaderTests {
    @Test func readsTypedRecords() throws {
        let d = try OULADDataset.read(files: TinyDataset.files())
        #expect(d.courses.count == 2)
        #expect(d.assessments.count == 4)
        #expect(d.assessments[2].kind == .exam && d.assessments[2].dueDay == nil)
        #expect(d.submissions.count == 3)
        #expect(d.enrolments.count == 3)
        let withdrawn = try #require(d.enrolments.first { $0.studentID == 12 })
        #expect(withdrawn.unregistrationDay == 15 && withdrawn.registrationDay == -10 && withdrawn.outcome == .withdrawn)
        let noIMD = try #require(d.enrolments.first { $0.studentID == 11 })
        #expect(noIMD.demographics.imdBand == nil && noIMD.demographics.disability == "Y" && noIMD.demographics.previousAttempts == 1)
        #expect(d.presentationCodes == ["P1"])
    }

    @Test func badNumberNamesFileLineAndColumn() {
        let bad = TinyDataset.submissions + "2,11,abc,0,50\n"
        #expect(throws: DatasetError.self) { try OULADDataset.read(files: TinyDataset.files(submissions: bad)) }
        do {
            _ = try OULADDataset.read(files: TinyDataset.files(submissions: bad))
        } catch {
            #expect(error.file == "studentAssessment.csv" && error.line == 5 && error.column == "date_submitted")
            #expect(error.description.contains("studentAssessment.csv line 5 column date_submitted"))
        }
    }

    @Test func unknownOutcomeAndMissingColumnAreRefused() {
        let badOutcome = TinyDataset.info.replacingOccurrences(of: ",Fail\n", with: ",Maybe\n")
        do {
            _ = try OULADDataset.read(files: TinyDataset.files(info: badOutcome))
            Issue.record("an unknown final_result was accepted")
        } catch {
            #expect(error.file == "studentInfo.csv" && error.line == 3 && error.column == "final_result")
        }
        let noWeight = "code_module,code_presentation,id_assessment,assessment_type,date\nM1,P1,1,TMA,20\n"
        do {
            _ = try OULADDataset.read(files: TinyDataset.files(assessments: noWeight))
            Issue.record("a missing column was accepted")
        } catch {
            #expect(error.file == "assessments.csv" && error.line == 1 && error.column == "weight")
        }
    }
}
