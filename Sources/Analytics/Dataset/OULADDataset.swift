import Foundation
import Spreadsheet

/// A dataset in the Open University Learning Analytics Dataset layout (OULAD 格式数据集): five CSV
/// files, read into typed records. Module and presentation codes are whatever the files hold.
public struct OULADDataset: Sendable {
    public var courses: [Course]
    public var assessments: [Assessment]
    public var submissions: [Submission]
    public var enrolments: [Enrolment]

    public init(courses: [Course], assessments: [Assessment], submissions: [Submission], enrolments: [Enrolment]) {
        self.courses = courses
        self.assessments = assessments
        self.submissions = submissions
        self.enrolments = enrolments
    }

    /// The file names of the layout.
    public static let fileNames = ["courses.csv", "assessments.csv", "studentAssessment.csv", "studentInfo.csv", "studentRegistration.csv"]

    /// Reads the five files from a directory.
    public static func read(directory: String) throws(DatasetError) -> OULADDataset {
        var files: [String: Data] = [:]
        for name in fileNames {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DatasetError(file: name, line: 0, column: "", zh: "无法读取文件 \(path)", en: "cannot read \(path)")
            }
            files[name] = data
        }
        return try read(files: files)
    }

    /// Reads the five files from their contents, keyed by file name.
    public static func read(files: [String: Data]) throws(DatasetError) -> OULADDataset {
        let courses = try rows("courses.csv", files, columns: ["code_module", "code_presentation", "module_presentation_length"]) { (row) throws(DatasetError) in
            Course(presentation: Presentation(module: try row.text("code_module"), code: try row.text("code_presentation")),
                   lengthDays: try row.integer("module_presentation_length"))
        }
        let assessments = try rows("assessments.csv", files, columns: ["code_module", "code_presentation", "id_assessment", "assessment_type", "date", "weight"]) { (row) throws(DatasetError) in
            Assessment(id: try row.integer("id_assessment"),
                       presentation: Presentation(module: try row.text("code_module"), code: try row.text("code_presentation")),
                       kind: Assessment.Kind(code: try row.text("assessment_type")),
                       dueDay: try row.optionalInteger("date"),
                       weight: try row.number("weight"))
        }
        let submissions = try rows("studentAssessment.csv", files, columns: ["id_assessment", "id_student", "date_submitted", "is_banked", "score"]) { (row) throws(DatasetError) in
            Submission(assessmentID: try row.integer("id_assessment"), studentID: try row.integer("id_student"),
                       day: try row.integer("date_submitted"), isBanked: try row.integer("is_banked") != 0,
                       score: try row.optionalNumber("score"))
        }
        // Registration days by (presentation, learner), joined onto the demographics and outcome.
        var registrations: [RegistrationKey: (Int?, Int?)] = [:]
        let registrationRows = try rows("studentRegistration.csv", files, columns: ["code_module", "code_presentation", "id_student", "date_registration", "date_unregistration"]) { (row) throws(DatasetError) in
            (RegistrationKey(presentation: Presentation(module: try row.text("code_module"), code: try row.text("code_presentation")), studentID: try row.integer("id_student")),
             try row.optionalInteger("date_registration"), try row.optionalInteger("date_unregistration"))
        }
        for (key, registered, unregistered) in registrationRows { registrations[key] = (registered, unregistered) }
        let enrolments = try rows("studentInfo.csv", files, columns: ["code_module", "code_presentation", "id_student", "gender", "highest_education", "imd_band", "age_band", "num_of_prev_attempts", "studied_credits", "disability", "final_result"]) { (row) throws(DatasetError) in
            let presentation = Presentation(module: try row.text("code_module"), code: try row.text("code_presentation"))
            let student = try row.integer("id_student")
            let resultText = try row.text("final_result")
            guard let outcome = FinalOutcome(rawValue: resultText) else {
                throw row.error("final_result", zh: "最终结果应为 Pass、Distinction、Fail 或 Withdrawn，而不是「\(resultText)」", en: "final_result must be Pass, Distinction, Fail or Withdrawn, not '\(resultText)'")
            }
            let demographics = Demographics(
                gender: try row.text("gender"), disability: try row.text("disability"), imdBand: row.optionalText("imd_band"),
                ageBand: try row.text("age_band"), highestEducation: try row.text("highest_education"),
                studiedCredits: try row.integer("studied_credits"), previousAttempts: try row.integer("num_of_prev_attempts"))
            let days = registrations[RegistrationKey(presentation: presentation, studentID: student)]
            return Enrolment(presentation: presentation, studentID: student, registrationDay: days?.0 ?? nil,
                             unregistrationDay: days?.1 ?? nil, demographics: demographics, outcome: outcome)
        }
        return OULADDataset(courses: courses, assessments: assessments, submissions: submissions, enrolments: enrolments)
    }

    /// The presentation codes present (e.g. "2013J", "2014J"), sorted.
    public var presentationCodes: [String] { Array(Set(enrolments.map(\.presentation.code))).sorted() }

    struct RegistrationKey: Hashable {
        var presentation: Presentation
        var studentID: Int
    }

    static func rows<T>(_ file: String, _ files: [String: Data], columns: [String], _ make: (DatasetRow) throws(DatasetError) -> T) throws(DatasetError) -> [T] {
        guard let data = files[file] else { throw DatasetError(file: file, line: 0, column: "", zh: "缺少文件", en: "file missing") }
        let table: Table
        do { table = try CSVReader.read(data) } catch {
            throw DatasetError(file: file, line: 0, column: "", zh: error.messageZh, en: error.messageEn)
        }
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() { index[name.trimmingCharacters(in: .whitespaces)] = i }
        for column in columns where index[column] == nil {
            throw DatasetError(file: file, line: 1, column: column, zh: "表头缺少该列", en: "the header lacks this column")
        }
        var result: [T] = []
        result.reserveCapacity(table.rows.count)
        for (i, cells) in table.rows.enumerated() {
            result.append(try make(DatasetRow(file: file, line: Table.spreadsheetRow(ofDataIndex: i), cells: cells, index: index)))
        }
        return result
    }
}

/// One data row of a file, with typed cell access whose errors name the file, line and column.
struct DatasetRow {
    var file: String
    var line: Int
    var cells: [String]
    var index: [String: Int]

    func error(_ column: String, zh: String, en: String) -> DatasetError {
        DatasetError(file: file, line: line, column: column, zh: zh, en: en)
    }

    func optionalText(_ column: String) -> String? {
        guard let i = index[column], i < cells.count else { return nil }
        let text = cells[i].trimmingCharacters(in: .whitespaces)
        return text.isEmpty || text == "?" ? nil : text
    }

    func text(_ column: String) throws(DatasetError) -> String {
        guard let text = optionalText(column) else { throw error(column, zh: "该单元格为空", en: "the cell is empty") }
        return text
    }

    func optionalInteger(_ column: String) throws(DatasetError) -> Int? {
        guard let text = optionalText(column) else { return nil }
        guard let value = Int(text) else { throw error(column, zh: "「\(text)」不是整数", en: "'\(text)' is not a whole number") }
        return value
    }

    func integer(_ column: String) throws(DatasetError) -> Int {
        guard let value = try optionalInteger(column) else { throw error(column, zh: "该单元格为空", en: "the cell is empty") }
        return value
    }

    func optionalNumber(_ column: String) throws(DatasetError) -> Double? {
        guard let text = optionalText(column) else { return nil }
        guard let value = Double(text), value.isFinite else { throw error(column, zh: "「\(text)」不是数字", en: "'\(text)' is not a number") }
        return value
    }

    func number(_ column: String) throws(DatasetError) -> Double {
        guard let value = try optionalNumber(column) else { throw error(column, zh: "该单元格为空", en: "the cell is empty") }
        return value
    }
}
