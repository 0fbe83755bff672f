import Courses
import Foundation
import Registry
import Vapor

/// `/api/v1/courses`: online courses from cmi5 packages (在线课程). Teachers and school
/// administrators import a package (the ZIP or a course structure XML as the body) as an open
/// course or a class course of their school; learners the course is for enrol (one cmi5
/// registration each) and launch its assignable units, which then report to the platform's LRS
/// through the fetch URL's token. Who may do what is the access policy's (`AccessPolicy+Courses`).
enum CourseAPIController {
    static func register(_ api: any RoutesBuilder) {
        api.get("courses", use: list)
        api.upload("courses", maxBytes: CourseStore.maxPackageBytes, admits: AccessPolicy.canImportCourses(caller:), use: importCourse)
        api.get("courses", ":id", use: show)
        api.upload("courses", ":id", "versions", maxBytes: CourseStore.maxPackageBytes, admits: AccessPolicy.canImportCourses(caller:), use: addVersion)
        api.post("courses", ":id", "enrolment", use: enrol)
        api.post("courses", ":id", "aus", ":position", "launch", use: launch)
    }

    static func store(_ req: Request) throws -> CourseStore { CourseStore(req, caller: try req.requireCaller()) }

    static func id(_ req: Request) throws -> UUID {
        guard let text = req.parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    @Sendable static func list(req: Request) async throws -> CourseList {
        CourseList(items: try await store(req).list())
    }

    @Sendable static func show(req: Request) async throws -> CourseDetail {
        try await store(req).detail(try id(req))
    }

    /// The audience from the query: `kind=open` (default) or `kind=class` with optional
    /// `programCode` and `enrolmentYear`, for the caller's school.
    static func audience(_ req: Request, caller: Caller) throws -> CourseAudience {
        let kind = req.query[String.self, at: "kind"] ?? "open"
        switch kind {
        case "open": return .open
        case "class":
            guard let school = caller.scope.institutionID else {
                throw AppError.validation([FieldError(field: "kind", zh: "班级课只能由学校教师或管理员开设", en: "a class course is opened by a school's teacher or administrator")])
            }
            let program = req.query[String.self, at: "programCode"]?.trimmingCharacters(in: .whitespaces)
            let year = req.query[Int.self, at: "enrolmentYear"]
            if let year, !(2000...2100).contains(year) {
                throw AppError.validation([FieldError(field: "enrolmentYear", zh: "入学年份应在 2000–2100 之间", en: "enrolmentYear must be within 2000–2100")])
            }
            return .schoolClass(institutionID: school, programCode: program?.isEmpty == false ? program : nil, enrolmentYear: year)
        default:
            throw AppError.validation([FieldError(field: "kind", zh: "只能是 open 或 class", en: "must be open or class")])
        }
    }

    static func packageBody(_ req: Request) throws -> Data {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw AppError.validation([FieldError(field: "package", zh: "请求体应为 cmi5 课程包（ZIP 或 cmi5.xml）", en: "the body must be a cmi5 package (ZIP or cmi5.xml)")])
        }
        return Data(buffer: buffer)
    }

    @Sendable static func importCourse(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canImportCourses(caller: store.caller.scope) else { throw AppError.forbidden }
        let audience = try audience(req, caller: store.caller)
        let fileName = req.query[String.self, at: "fileName"] ?? "package"
        let id = try await store.importCourse(try packageBody(req), fileName: fileName, contentType: req.headers.first(name: .contentType),
                                              title: req.query[String.self, at: "title"], audience: audience)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/courses/\(id.uuidString.lowercased())")
        try response.content.encode(try await store.detail(id))
        return response
    }

    @Sendable static func addVersion(req: Request) async throws -> Response {
        let store = try store(req)
        let id = try id(req)
        _ = try await store.addVersion(id, try packageBody(req), fileName: req.query[String.self, at: "fileName"] ?? "package",
                                       contentType: req.headers.first(name: .contentType))
        let response = Response(status: .created)
        try response.content.encode(try await store.detail(id))
        return response
    }

    @Sendable static func enrol(req: Request) async throws -> Response {
        let (enrolment, created) = try await store(req).enrol(try id(req))
        let response = Response(status: created ? .created : .ok)
        try response.content.encode(enrolment)
        return response
    }

    struct LaunchRequest: Content {
        var launchMode: String?
    }

    @Sendable static func launch(req: Request) async throws -> CourseLaunch {
        let store = try store(req)
        let id = try id(req)
        guard let position = req.parameters.get("position").flatMap(Int.init) else { throw AppError.notFound }
        var mode = LaunchMode.normal
        if req.body.data.map({ $0.readableBytes > 0 }) == true {
            try req.checkDocumentedBody()
            let input: LaunchRequest
            do { input = try req.content.decode(LaunchRequest.self) } catch {
                throw AppError.badRequest(zh: "请求体应为含 launchMode 的JSON对象", en: "the body must be a JSON object with launchMode")
            }
            if let text = input.launchMode {
                guard let chosen = LaunchMode(rawValue: text) else {
                    throw AppError.validation([FieldError(field: "launchMode", zh: "只能是 Normal、Browse 或 Review", en: "must be Normal, Browse or Review")])
                }
                mode = chosen
            }
        }
        return try await CMI5Launcher(store: store).launch(courseID: id, position: position, mode: mode)
    }
}
