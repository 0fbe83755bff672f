import Testing
@testable import Registry

@Suite("Record validation")
struct RecordValidationTests {
    let catalog = ReferenceCatalog.shenzhen
    let today = CivilDate(year: 2026, month: 11, day: 24)!

    func fields<R: RegistryRecord>(_ type: R.Type, _ values: FieldValues) -> Set<String> {
        switch R.validate(values, catalog: catalog, today: today) {
        case .success: []
        case .failure(let f): Set(f.errors.map(\.field))
        }
    }

    let student: FieldValues = [
        "institutionCode": "SZ-PU-0002", "studentNo": "2025001", "name": "王小明", "idNumber": "11010520070101003X",
        "sex": "男", "programCode": "510201", "level": "高职专科", "enrolmentYear": "2025", "origin": "内地",
    ]

    @Test func aGoodStudentPassesWithLabelsOrCodes() throws {
        // 11010520070101003X: check that this test ID is itself valid
        let digits = "11010520070101003".compactMap(\.wholeNumberValue)
        let id = "11010520070101003" + String(ResidentIDNumber.checkCharacter(for: digits))
        var values = student
        values["idNumber"] = id
        #expect(fields(StudentRecord.self, values).isEmpty)
        values["sex"] = "male"
        values["level"] = "associate"
        values["origin"] = "mainland"
        guard case .success(let record) = StudentRecord.validate(values, catalog: catalog, today: today) else {
            Issue.record("codes are accepted as well as labels"); return
        }
        #expect(record.level == .associate)
        #expect(record.document.birthDate == CivilDate(year: 2007, month: 1, day: 1))
    }

    @Test(arguments: [
        ("studentNo", "", "studentNo"),
        ("name", String(repeating: "名", count: 51), "name"),
        ("idNumber", "110105200701010031", "idNumber"),
        ("programCode", "999999", "programCode"),
        ("level", "博士", "level"),
        ("level", "中职", "level"),          // 510201 is an associate program
        ("enrolmentYear", "1999", "enrolmentYear"),
        ("enrolmentYear", "2028", "enrolmentYear"),
        ("enrolmentYear", "二〇二五", "enrolmentYear"),
        ("origin", "火星", "origin"),
        ("documentKind", "驾照", "documentKind"),
    ])
    func eachBadStudentFieldIsNamed(field: String, value: String, expected: String) {
        var values = student
        let digits = "11010520070101003".compactMap(\.wholeNumberValue)
        values["idNumber"] = "11010520070101003" + String(ResidentIDNumber.checkCharacter(for: digits))
        values[field] = value
        #expect(fields(StudentRecord.self, values).contains(expected))
    }

    @Test func sexMustMatchTheIDAndOriginTheDocument() {
        var values = student
        let digits = "11010520070101003".compactMap(\.wholeNumberValue)
        values["idNumber"] = "11010520070101003" + String(ResidentIDNumber.checkCharacter(for: digits))
        values["sex"] = "女"
        #expect(fields(StudentRecord.self, values) == ["sex"])
        values["sex"] = "男"
        values["documentKind"] = "香港身份证"
        values["idNumber"] = "A123456(3)"
        #expect(fields(StudentRecord.self, values) == ["origin"])
        values["origin"] = "香港"
        #expect(fields(StudentRecord.self, values).isEmpty)
    }

    @Test func enterprisesAreCheckedAgainstEveryList() {
        let good: FieldValues = [
            "creditCode": "914403001922038216", "name": "华为技术有限公司", "employees": "200000", "aboveScale": "是",
            "industryCode": "3921", "districtCode": "龙岗区", "integrationStatus": "已认定",
        ]
        #expect(fields(EnterpriseRecord.self, good).isEmpty)
        guard case .success(let record) = EnterpriseRecord.validate(good, catalog: catalog, today: today) else { return }
        #expect(record.districtCode == "440307") // a district name is turned into its code
        var bad = good
        bad["creditCode"] = "914403001922038217"
        bad["employees"] = "-1"
        bad["aboveScale"] = "maybe"
        bad["industryCode"] = "0000"
        bad["districtCode"] = "440101"
        #expect(fields(EnterpriseRecord.self, bad) == ["creditCode", "employees", "aboveScale", "industryCode", "districtCode"])
    }

    @Test func institutionsTeachersClustersAndBases() {
        #expect(fields(InstitutionRecord.self, ["code": "SZ-1", "name": "学校", "kind": "中职", "ownership": "公办", "districtCode": "440305"]).isEmpty)
        #expect(fields(InstitutionRecord.self, ["code": "sz 1", "name": "学校", "kind": "大学", "ownership": "公办", "districtCode": "440305", "moeCode": "12"]) == ["code", "kind", "moeCode"])
        #expect(fields(ProgramClusterRecord.self, ["institutionCode": "SZ-1", "name": "集成电路专业群", "industryCluster": "集成电路"]).isEmpty)
        #expect(fields(ProgramClusterRecord.self, ["institutionCode": "SZ-1", "name": "x", "industryCluster": "房地产"]) == ["industryCluster"])
        let teacher: FieldValues = [
            "institutionCode": "SZ-1", "staffNo": "T1", "name": "李老师", "idNumber": "11010519491231002X", "sex": "女",
            "teachesProfessionalCourses": "是", "dualQualified": "是", "enterprisePartTime": "否", "titleLevel": "副高级",
        ]
        #expect(fields(TeacherRecord.self, teacher).isEmpty)
        var badTeacher = teacher
        badTeacher["dualQualified"] = "有时"
        badTeacher["titleLevel"] = "教授"
        #expect(fields(TeacherRecord.self, badTeacher) == ["dualQualified", "titleLevel"])
        #expect(fields(TrainingBaseRecord.self, ["name": "基地", "kind": "校内实训基地", "ownerKind": "院校", "ownerCode": "SZ-1", "districtCode": "440305", "capacity": "100"]).isEmpty)
        #expect(fields(TrainingBaseRecord.self, ["name": "基地", "kind": "x", "ownerKind": "院校", "ownerCode": "SZ-1", "districtCode": "440305", "capacity": "-5"]) == ["kind", "capacity"])
    }

    @Test func spreadsheetHeadersMapInChineseOrEnglish() {
        let (mapped, missing) = StudentRecord.columns(for: ["机构代码", "studentNo", "姓名", "备注"])
        #expect(mapped == ["institutionCode", "studentNo", "name", nil])
        #expect(Set(missing.map(\.name)) == ["idNumber", "sex", "programCode", "level", "enrolmentYear", "origin"])
    }
}
