import Indicators
import Registry
import SQLKit
import Vapor

/// 区教育局首页: the district's schools, each opening its dashboard, and the district's targets.
enum DistrictHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        guard let district = data.scope.districtCode else { return [] }
        let schools = try await data.sql.select().columns("code", "name").from("institutions")
            .where("district_code", .equal, district).orderBy("name").all()
            .map { (code: try $0.decode(column: "code", as: String.self), name: try $0.decode(column: "name", as: String.self)) }
        let dashboard = "/supervision/districts/\(district)"
        return [
            HomeSection(zh: "本区目标", en: "The district's targets", figures: try await data.indicatorFigures(SupervisionScope(level: .district, code: district), path: dashboard)),
            HomeSection(zh: "本区数据", en: "The district's records", figures: [
                HomeFigure(zh: "本区学校", en: "Schools", value: String(schools.count), path: dashboard),
                try await data.registryFigure(StudentResource.self),
                try await data.registryFigure(TeacherResource.self),
                try await data.registryFigure(EnterpriseResource.self),
            ]),
            HomeSection(zh: "实习分配", en: "Internship allocation", figures: try await data.roundFigures()),
            HomeSection(zh: "本区学校督导", en: "Schools' dashboards", figures: schools.map {
                HomeFigure(zh: $0.name, en: $0.name, value: $0.code, path: "/supervision/schools/\($0.code)")
            }),
        ].filter { !$0.figures.isEmpty }
    }
}
