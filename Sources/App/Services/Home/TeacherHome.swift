import Registry
import Vapor

/// 教师首页: the school's students the teacher teaches (the registry holds no class lists yet,
/// so the list is the school's), their placements and learning records.
enum TeacherHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        [
            HomeSection(zh: "我的学生", en: "My students", figures: [
                try await data.registryFigure(StudentResource.self),
                HomeFigure(zh: "学习记录", en: "Learning records", value: data.t("查看", "Open"), path: "/learning-records"),
                try await data.registryFigure(TeacherResource.self),
            ]),
            HomeSection(zh: "学生实习", en: "Students' placements", figures: try await data.roundFigures()),
            HomeSection(zh: "实习岗位", en: "Internship posts", figures: [try await data.registryFigure(InternshipPostResource.self)]),
        ].filter { !$0.figures.isEmpty }
    }
}
