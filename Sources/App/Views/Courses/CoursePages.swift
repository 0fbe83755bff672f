import Foundation
import Plot
import Registry

enum CourseViews {
    static func path(_ id: UUID) -> String { "/courses/\(id.uuidString.lowercased())" }

    static func kindLabel(_ kind: String, _ l: Language) -> String {
        kind == "class" ? l.t("班级课", "Class course") : l.t("公开课", "Open course")
    }

    static func progress(_ c: CourseSummary, _ l: Language) -> String {
        guard c.enrolled else { return l.t("未选课", "Not enrolled") }
        if c.satisfied { return l.t("已完成", "Completed") }
        return l.t("进行中 \(c.satisfiedAUs)/\(c.auCount)", "In progress \(c.satisfiedAUs)/\(c.auCount)")
    }

    /// Why an action on the course page was refused, in the page's language (the page has no
    /// form fields to place them by).
    static func errors<C: HTML.BodyContext>(_ errors: [FieldError], _ l: Language) -> Node<C> {
        .forEach(errors) { e in .p(.class("error"), .attribute(named: "role", value: "alert"), .text(safe: l.t(e.reasonZh, e.reasonEn))) }
    }
}

/// 我的课程: the courses the caller may see — for a learner with progress and what is done —
/// as a list that reads on a phone (no wide table).
struct CourseListPage {
    let layout: PageLayout
    let courses: [CourseSummary]
    let canImport: Bool

    func render() -> String {
        let l = layout.language
        let enrolled = courses.filter(\.enrolled), others = courses.filter { !$0.enrolled }
        func item(_ c: CourseSummary) -> Node<HTML.ListContext> {
            .li(.class("course"), .a(.href(safe: CourseViews.path(c.id)), .text(safe: c.title)),
                .text(safe: " · \(CourseViews.kindLabel(c.kind, l)) · "),
                .span(.class(safe: c.satisfied ? "status status-satisfied" : "status"), .text(safe: CourseViews.progress(c, l))))
        }
        return layout.render(.div(
            .if(canImport, .p(.a(.id("import-course"), .href("/courses/import"), .text(safe: l.t("导入 cmi5 课程包", "Import a cmi5 package"))))),
            .h2(.text(safe: l.t("我的课程", "My courses"))),
            .if(enrolled.isEmpty, .p(.id("no-enrolments"), .text(safe: l.t("尚未选课。", "No courses yet.")))),
            .ul(.id("my-courses"), .forEach(enrolled, item)),
            .h2(.text(safe: l.t("可选课程", "Courses open to you"))),
            .if(others.isEmpty, .p(.text(safe: l.t("暂无。", "None.")))),
            .ul(.id("other-courses"), .forEach(others, item))
        ))
    }
}

/// 课程: its units with the learner's progress and a launch button each, the enrol button,
/// the completion (满足) of the course.
struct CoursePage {
    let layout: PageLayout
    let detail: CourseDetail
    var errors: [FieldError] = []

    func render() -> String {
        let l = layout.language
        let c = detail.course
        let base = CourseViews.path(c.id)
        let csrf: Node<HTML.FormContext> = .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? ""))
        let status: Node<HTML.BodyContext> = .unwrap(detail.enrolment) { e in
            .p(.id("course-status"), .class(safe: e.satisfied ? "status status-satisfied" : "status"),
               .text(safe: e.satisfied ? l.t("课程已完成（\(e.satisfiedAt?.prefix(10) ?? "")）", "Course completed (\(e.satisfiedAt?.prefix(10) ?? ""))")
                                       : l.t("进行中", "In progress")))
        }
        let enrol: Node<HTML.BodyContext> = .if(detail.enrolment == nil && detail.canEnrol,
            .form(.id("enrol-form"), .method(.post), .action(safe: base + "/enrolment"), csrf,
                  .button(.type(.submit), .id("enrol"), .text(safe: l.t("选课", "Enrol")))))
        func unit(_ au: CourseAUView) -> Node<HTML.ListContext> {
            let state = au.satisfied ? l.t("已满足", "Satisfied") : (au.completed || au.passed ? l.t("已学习", "Studied") : l.t("未完成", "Not done"))
            let rule = l.t("通过条件：\(au.moveOn)", "Move on: \(au.moveOn)") + (au.masteryScore.map { l.t("，掌握分数 \($0)", ", mastery \($0)") } ?? "")
            return .li(.class("au"), .strong(.text(safe: au.title)), .br(), .small(.text(safe: rule)), .br(),
                       .span(.class(safe: au.satisfied ? "status status-satisfied" : "status"), .id(safe: "au-\(au.position)-status"), .text(safe: state)),
                       .if(detail.enrolment != nil,
                           .form(.class("inline"), .method(.post), .action(safe: "\(base)/aus/\(au.position)/launch"), csrf,
                                 .button(.type(.submit), .id(safe: "launch-\(au.position)"), .text(safe: l.t("开始学习", "Launch"))))))
        }
        return layout.render(.div(
            .p(.text(safe: "\(CourseViews.kindLabel(c.kind, l)) · \(l.t("版本", "version")) \(c.version) · \(c.owner)")),
            CourseViews.errors(errors, l), status, enrol,
            .h2(.text(safe: l.t("学习单元", "Units"))),
            .ol(.id("course-aus"), .forEach(detail.aus, unit))
        ))
    }
}

/// 导入课程包: a teacher uploads a cmi5 package as an open course or a class course of the
/// school. Refused, the form comes back with what was typed and each reason by its field (the
/// package must be chosen again: a browser never refills a file input).
struct CourseImportPage {
    let layout: PageLayout
    var typed = Typed()
    var errors: [FieldError] = []

    /// The form's fields as typed.
    struct Typed {
        var title = ""
        var kind = "open"
        var programCode = ""
        var enrolmentYear = ""
    }

    /// The control that holds each field; the school a class course is for is chosen by its kind.
    static let controls = ["title": "course-title", "kind": "course-kind", "institutionId": "course-kind", "programCode": "course-program",
                           "enrolmentYear": "course-year", "package": "course-package"]

    func render() -> String {
        let l = layout.language
        let labels = ["title": l.t("课程名称", "Title"), "kind": l.t("课程类型", "Kind"), "institutionId": l.t("课程类型", "Kind"),
                      "programCode": l.t("专业代码", "Program code"), "enrolmentYear": l.t("入学年份", "Enrolment year"), "package": l.t("课程包", "Package")]
        func messages(_ fields: String...) -> Node<HTML.FormContext> {
            .forEach(fields) { FormErrors.message(errors, field: $0, l) }
        }
        let form: Node<HTML.BodyContext> = .form(.id("import-form"), .method(.post), .action("/courses/import"), .enctype(.multipartData),
            .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
            .label(.for("course-title"), .text(safe: l.t("课程名称（留空则取课程包中的名称）", "Title (blank: the package's)"))),
            messages("title"),
            .input(.type(.text), .id("course-title"), .name("title"), .attribute(named: "maxlength", value: "200"), .value(safe: typed.title), FormErrors.invalid(errors, "title")),
            .label(.for("course-kind"), .text(safe: l.t("课程类型", "Kind"))),
            messages("kind", "institutionId"),
            .select(.id("course-kind"), .attribute(named: "name", value: "kind"),
                    .option(.value("open"), .label(safe: l.t("公开课（所有学习者）", "Open course (any learner)")), .isSelected(typed.kind != "class")),
                    .option(.value("class"), .label(safe: l.t("班级课（本校班级）", "Class course (a class of your school)")), .isSelected(typed.kind == "class"))),
            .label(.for("course-program"), .text(safe: l.t("班级：专业代码（可选）", "Class: program code (optional)"))),
            messages("programCode"),
            .input(.type(.text), .id("course-program"), .name("programCode"), .value(safe: typed.programCode), FormErrors.invalid(errors, "programCode")),
            .label(.for("course-year"), .text(safe: l.t("班级：入学年份（可选）", "Class: enrolment year (optional)"))),
            messages("enrolmentYear"),
            // Text, not a number input: what was typed comes back with its reason.
            .input(.type(.text), .id("course-year"), .name("enrolmentYear"), .attribute(named: "inputmode", value: "numeric"), .value(safe: typed.enrolmentYear),
                   FormErrors.invalid(errors, "enrolmentYear")),
            .label(.for("course-package"), .text(safe: l.t("cmi5 课程包（ZIP 或 cmi5.xml；被退回时须重新选择）", "cmi5 package (ZIP or cmi5.xml; choose it again after a refusal)"))),
            messages("package"),
            .input(.type(.file), .id("course-package"), .name("package"), .attribute(named: "accept", value: ".zip,.xml"), FormErrors.invalid(errors, "package")),
            .div(.button(.type(.submit), .id("import"), .text(safe: l.t("导入", "Import")))))
        return layout.render(.div(FormErrors.summary(errors, labels: labels, l, controls: Self.controls), form))
    }
}
