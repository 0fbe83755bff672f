import Foundation
import Registry

/// A consistent synthetic city: institutions (the policy's own plus generated ones), their
/// program clusters and programs, teachers, students, enterprises and training bases, as field
/// values ready for the registry's write path. Same scale and seed, same city.
package struct DemoCity: Sendable {
    package enum Scale: String, CaseIterable, Sendable {
        case small, city, national

        /// Institutions, teachers, students, enterprises.
        var size: (institutions: Int, teachers: Int, students: Int, enterprises: Int) {
            switch self {
            case .small: (12, 360, 3_000, 120)
            case .city: (300, 40_000, 500_000, 20_000)
            case .national: (3_000, 400_000, 5_000_000, 200_000)
            }
        }
    }

    package var institutions: [FieldValues] = []
    package var clusters: [FieldValues] = []
    package var programs: [FieldValues] = []
    package var teachers: [FieldValues] = []
    package var students: [FieldValues] = []
    package var enterprises: [FieldValues] = []
    package var trainingBases: [FieldValues] = []
    package var internshipPosts: [FieldValues] = []

    package static func generate(scale: Scale, seed: UInt64, catalog: ReferenceCatalog, thisYear: Int) -> DemoCity {
        var city = DemoCity()
        var people = SyntheticPeople(seed: seed, regionCodes: Array(catalog.divisions.counties.keys).sorted())
        let districts = catalog.divisions.sortedDistricts.map(\.code)
        let size = scale.size

        // Institutions: the policy's named schools first, then generated ones in the same mix as Shenzhen.
        var schools: [(code: String, kind: InstitutionKind, district: String)] = []
        for p in catalog.policyInstitutions {
            schools.append((p.code, p.kind, p.districtCode))
        }
        let kinds: [InstitutionKind] = [.secondaryVocational, .secondaryVocational, .secondaryVocational, .higherVocational, .technicianCollege]
        var serial = 1
        while schools.count < size.institutions {
            let kind = people.rng.pick(kinds)
            let district = people.rng.pick(districts)
            let districtName = catalog.divisions.districts[district]?.name ?? ""
            let code = String(format: "SZ-G-%04d", serial)
            let suffix = switch kind {
            case .secondaryVocational: "职业技术学校"
            case .higherVocational: "职业技术学院"
            default: "技工学校"
            }
            city.institutions.append([
                "code": code, "name": "深圳市\(districtName.replacingOccurrences(of: "区", with: ""))第\(serial)\(suffix)",
                "kind": kind.rawValue, "ownership": people.rng.chance(0.8) ? "public" : "private", "districtCode": district,
            ])
            schools.append((code, kind, district))
            serial += 1
        }

        // Programs and clusters per school, at the school's level.
        var schoolPrograms: [String: [ProgramCatalog.Entry]] = [:]
        let byLevel = Dictionary(grouping: catalog.programs.entries.values.sorted { $0.code < $1.code }, by: \.level)
        for school in schools {
            let level: EducationLevel = switch school.kind {
            case .secondaryVocational: .secondary
            case .vocationalUndergraduate, .appliedUndergraduate: .undergraduate
            default: .associate
            }
            let pool = byLevel[level] ?? []
            let count = min(pool.count, Int.random(in: 6...14, using: &people.rng))
            var chosen: [ProgramCatalog.Entry] = []
            var seen: Set<String> = []
            while chosen.count < count {
                let entry = people.rng.pick(pool)
                if seen.insert(entry.code).inserted { chosen.append(entry) }
            }
            schoolPrograms[school.code] = chosen
            let clusterCount = school.kind == .secondaryVocational ? 1 : 2
            var clusterNames: [String] = []
            for c in 0..<clusterCount {
                let industry = catalog.industryClusters[(serial + c + chosen.count) % catalog.industryClusters.count]
                let name = "\(industry.nameZh)专业群"
                guard !clusterNames.contains(name) else { continue }
                clusterNames.append(name)
                city.clusters.append(["institutionCode": school.code, "name": name, "industryCluster": industry.code])
                serial += 1
            }
            for (i, entry) in chosen.enumerated() {
                var program: FieldValues = ["institutionCode": school.code, "catalogCode": entry.code, "startYear": String(Int.random(in: 2000...2022, using: &people.rng))]
                if i < clusterNames.count * 3 { program["clusterName"] = clusterNames[i % clusterNames.count] }
                city.programs.append(program)
            }
        }

        // Teachers: each school its own mix around the policy's targets, so some meet them and some do not.
        for (index, school) in schools.enumerated() {
            let teachersPerSchool = size.teachers / schools.count + (index < size.teachers % schools.count ? 1 : 0)
            let dualRate = Double.random(in: 0.6...0.95, using: &people.rng)
            let partTimeRate = Double.random(in: 0.15...0.4, using: &people.rng)
            let seniorRate = Double.random(in: 0.35...0.7, using: &people.rng)
            for n in 0..<teachersPerSchool {
                let sex: Sex = people.rng.chance(0.52) ? .female : .male
                let professional = people.rng.chance(0.8)
                let senior = people.rng.chance(seniorRate)
                let title: TitleLevel = senior ? (people.rng.chance(0.3) ? .senior : .associateSenior) : people.rng.pick([.intermediate, .intermediate, .junior, .none])
                city.teachers.append([
                    "institutionCode": school.code, "staffNo": String(format: "T%06d", n + 1), "name": people.name(sex),
                    "idNumber": people.residentID(sex: sex, bornIn: (thisYear - 60)...(thisYear - 24)), "sex": sex.rawValue,
                    "teachesProfessionalCourses": professional ? "true" : "false",
                    "dualQualified": professional && people.rng.chance(dualRate) ? "true" : "false",
                    "enterprisePartTime": people.rng.chance(partTimeRate) ? "true" : "false",
                    "titleLevel": title.rawValue,
                ])
            }
        }

        // Students: spread over each school's programs and the last three intakes.
        // The remainder goes to the first schools so that the city has exactly `size.students`.
        for (index, school) in schools.enumerated() {
            let programs = schoolPrograms[school.code] ?? []
            guard !programs.isEmpty else { continue }
            let studentsHere = size.students / schools.count + (index < size.students % schools.count ? 1 : 0)
            for n in 0..<studentsHere {
                let program = programs[n % programs.count]
                let sex: Sex = people.rng.chance(0.45) ? .female : .male
                let year = thisYear - Int.random(in: 0...2, using: &people.rng)
                let age = program.level == .secondary ? 15 : 18
                let roll = Double.random(in: 0..<1, using: &people.rng)
                var student: FieldValues = [
                    "institutionCode": school.code, "studentNo": String(format: "%d%06d", year, n + 1), "name": people.name(sex),
                    "sex": sex.rawValue, "programCode": program.code, "level": program.level.rawValue, "enrolmentYear": String(year),
                ]
                if roll < 0.015 {
                    student["documentKind"] = "hong_kong_id"
                    student["idNumber"] = people.hongKongID()
                    student["origin"] = "hong_kong"
                } else if roll < 0.025 {
                    student["documentKind"] = "macau_id"
                    student["idNumber"] = people.macauID()
                    student["origin"] = "macau"
                } else {
                    student["idNumber"] = people.residentID(sex: sex, bornIn: (year - age - 1)...(year - age))
                    student["origin"] = "mainland"
                }
                city.students.append(student)
            }
        }

        // Enterprises: mostly manufacturing and ICT, as in Shenzhen; about a fifth above scale.
        let industryPool = catalog.industries.classes.filter { ["C", "I", "M"].contains($0.section) }.map(\.code)
        for n in 0..<size.enterprises {
            let district = people.rng.pick(districts)
            let big = people.rng.chance(0.2)
            let employees = big ? Int.random(in: 300...20_000, using: &people.rng) : Int.random(in: 5...299, using: &people.rng)
            let status: IntegrationStatus = people.rng.chance(0.02) ? .certified : (people.rng.chance(0.05) ? .candidate : .none)
            city.enterprises.append([
                "creditCode": people.creditCode(division: district), "name": "深圳市\(Self.tradeNames[n % Self.tradeNames.count])\(n / Self.tradeNames.count + 1)号科技有限公司",
                "employees": String(employees), "aboveScale": big ? "true" : "false", "industryCode": people.rng.pick(industryPool),
                "districtCode": district, "integrationStatus": status.rawValue,
            ])
        }

        // Training bases: one or two per school, one per fifty enterprises.
        for school in schools {
            for b in 0..<(school.kind == .secondaryVocational ? 1 : 2) {
                city.trainingBases.append([
                    "name": b == 0 ? "校内综合实训中心" : "产教融合实训基地", "kind": b == 0 ? "on_campus" : "production",
                    "ownerKind": "institution", "ownerCode": school.code, "districtCode": school.district,
                    "capacity": String(Int.random(in: 80...1_200, using: &people.rng)),
                ])
            }
        }
        for e in stride(from: 0, to: city.enterprises.count, by: 50) {
            let enterprise = city.enterprises[e]
            city.trainingBases.append([
                "name": "企业实训基地", "kind": "off_campus", "ownerKind": "enterprise", "ownerCode": enterprise["creditCode"] ?? "",
                "districtCode": enterprise["districtCode"] ?? "", "capacity": String(Int.random(in: 20...300, using: &people.rng)),
            ])
        }
        // Internship posts: each enterprise above scale offers one or two posts whose places come
        // to 50–120 % of its 2 % quota, so some are under quota, as in life.
        let associateMajors = catalog.programs.majors(at: .associate).map(\.code)
        for enterprise in city.enterprises where enterprise["aboveScale"] == "true" {
            let employees = Int(enterprise["employees"] ?? "0") ?? 0
            let quota = max(1, (employees * 20 + 999) / 1000)
            let places = max(1, Int(Double(quota) * Double.random(in: 0.5...1.2, using: &people.rng)))
            let postCount = places > 1 && people.rng.chance(0.5) ? 2 : 1
            for n in 0..<postCount {
                let capacity = n == 0 ? places - (postCount - 1) * places / 2 : places / 2
                var post: FieldValues = [
                    "enterpriseCode": enterprise["creditCode"] ?? "", "title": Self.postTitles[(n + Int(people.rng.next() % 7)) % Self.postTitles.count],
                    "capacity": String(max(1, capacity)), "districtCode": enterprise["districtCode"] ?? "",
                    "periodStart": "\(thisYear)-03", "periodEnd": "\(thisYear)-06",
                ]
                if n == 1, post["title"] == city.internshipPosts.last?["title"] { post["title"] = "综合实习岗" }
                if people.rng.chance(0.6) { post["programCodes"] = people.rng.pick(associateMajors) }
                city.internshipPosts.append(post)
            }
        }
        return city
    }

    static let postTitles = ["软件开发实习生", "生产运营实习生", "质量检测实习生", "设备维护实习生", "数据分析实习生", "电子装配实习生", "市场营销实习生"]

    static let tradeNames = ["华创", "鹏城", "前海", "南山智造", "光明新材", "坪山芯", "龙岗通信", "宝安精密", "福田数联", "罗湖云", "盐田港航", "大鹏海洋", "龙华智能", "深蓝", "湾区"]
}
