import Courses
import Foundation
import Registry
import Vapor

/// `/courses`: my courses (learners: progress and launch), a course's page, the teacher's import
/// of a cmi5 package. The same store and policy as the API.
enum CoursePageController {
    /// The pages, and the cmi5 endpoints an AU uses outside the LRS.
    static func register(_ pages: any RoutesBuilder, app: Application) {
        CMI5Controller.register(app, pages: pages)
        pages.get("courses", use: list)
        pages.get("courses", "import", use: importForm)
        pages.upload("courses", "import", maxBytes: CourseStore.maxPackageBytes, admits: AccessPolicy.canImportCourses(caller:), use: importPackage)
        pages.get("courses", ":id", use: show)
        pages.post("courses", ":id", "enrolment", use: enrol)
        pages.post("courses", ":id", "aus", ":position", "launch", use: launch)
    }

    static func layout(_ req: Request, _ caller: Caller, _ zh: String, _ en: String) -> PageLayout {
        let l = Language(req)
        return PageLayout(title: l.t(zh, en), language: l, caller: caller)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let store = try CourseAPIController.store(req)
        let courses = try await store.list()
        return .html(CourseListPage(layout: layout(req, store.caller, "在线课程", "Online courses"), courses: courses,
                                    canImport: AccessPolicy.canImportCourses(caller: store.caller.scope)).render())
    }

    @Sendable static func importForm(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canImportCourses(caller: caller.scope) else { throw AppError.forbidden }
        return .html(CourseImportPage(layout: layout(req, caller, "导入课程包", "Import a cmi5 package")).render())
    }

    struct ImportForm: Content {
        var title: String?
        var kind: String?
        var programCode: String?
        var enrolmentYear: String?
        var package: File?
    }

    @Sendable static func importPackage(req: Request) async throws -> Response {
        let store = try CourseAPIController.store(req)
        guard AccessPolicy.canImportCourses(caller: store.caller.scope) else { throw AppError.forbidden }
        let form = try req.content.decode(ImportForm.self)
        let page = layout(req, store.caller, "导入课程包", "Import a cmi5 package")
        let typed = CourseImportPage.Typed(title: form.title ?? "", kind: form.kind ?? "open", programCode: form.programCode ?? "", enrolmentYear: form.enrolmentYear ?? "")
        do {
            guard let file = form.package, file.data.readableBytes > 0 else {
                throw AppError.validation([FieldError(field: "package", zh: "请选择 cmi5 课程包", en: "choose a cmi5 package")])
            }
            var audience = CourseAudience.open
            if form.kind == "class" {
                guard let school = store.caller.scope.institutionID else {
                    throw AppError.validation([FieldError(field: "kind", zh: "班级课只能由学校教师或管理员开设", en: "a class course is opened by a school's teacher or administrator")])
                }
                let program = form.programCode?.trimmingCharacters(in: .whitespaces)
                let yearText = form.enrolmentYear?.trimmingCharacters(in: .whitespaces) ?? ""
                var year: Int?
                if !yearText.isEmpty {
                    guard let y = Int(yearText), (2000...2100).contains(y) else {
                        throw AppError.validation([FieldError(field: "enrolmentYear", zh: "入学年份应为 2000–2100 之间的年份", en: "must be a year within 2000–2100")])
                    }
                    year = y
                }
                audience = .schoolClass(institutionID: school, programCode: program?.isEmpty == false ? program : nil, enrolmentYear: year)
            }
            let type = file.contentType.map { "\($0.type)/\($0.subType)" }
            let id = try await store.importCourse(Data(buffer: file.data), fileName: file.filename, contentType: type, title: form.title, audience: audience)
            return req.redirect(to: CourseViews.path(id))
        } catch AppError.validation(let errors) {
            return .html(CourseImportPage(layout: page, typed: typed, errors: errors).render(), status: .unprocessableEntity)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let store = try CourseAPIController.store(req)
        let detail = try await store.detail(try CourseAPIController.id(req))
        return .html(CoursePage(layout: layout(req, store.caller, detail.course.title, detail.course.title), detail: detail).render())
    }

    @Sendable static func enrol(req: Request) async throws -> Response {
        let store = try CourseAPIController.store(req)
        let id = try CourseAPIController.id(req)
        _ = try await store.enrol(id)
        return req.redirect(to: CourseViews.path(id))
    }

    /// Launches the AU and sends the browser to its launch URL.
    @Sendable static func launch(req: Request) async throws -> Response {
        let store = try CourseAPIController.store(req)
        let id = try CourseAPIController.id(req)
        guard let position = req.parameters.get("position").flatMap(Int.init) else { throw AppError.notFound }
        do {
            let launch = try await CMI5Launcher(store: store).launch(courseID: id, position: position, mode: .normal)
            return req.redirect(to: launch.launchUrl)
        } catch AppError.conflict(let error) {
            let detail = try await store.detail(id)
            return .html(CoursePage(layout: layout(req, store.caller, detail.course.title, detail.course.title), detail: detail, errors: [error]).render(), status: .conflict)
        }
    }
}
