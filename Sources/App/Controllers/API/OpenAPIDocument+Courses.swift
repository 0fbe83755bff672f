import Courses
import Foundation

/// The course endpoints of the OpenAPI document: cmi5 packages as courses, enrolment, launches.
extension OpenAPIDocument {
    static func addCourses(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], integer: Object = ["type": "integer"], boolean: Object = ["type": "boolean"]
        let uuid: Object = ["type": "string", "format": "uuid"], time: Object = ["type": "string", "format": "date-time"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        let tag = "courses"
        let courseID: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        let query: (String, Object) -> Object = { name, schema in ["name": name, "in": "query", "required": false, "schema": schema] }
        let moveOn: Object = ["type": "string", "enum": MoveOn.allCases.map(\.rawValue)]

        schemas["CourseSummary"] = object(["id", "title", "kind", "owner", "version", "publisherId", "auCount", "createdAt", "enrolled", "satisfied", "satisfiedAUs"], [
            "id": uuid, "title": string, "kind": ["type": "string", "enum": ["open", "class"]], "institutionId": uuid, "classProgramCode": string,
            "classEnrolmentYear": integer, "owner": string, "version": integer, "publisherId": string, "auCount": integer, "createdAt": time,
            "enrolled": boolean, "satisfied": boolean, "satisfiedAUs": integer,
        ])
        schemas["CourseList"] = object(["items"], ["items": array(ref("CourseSummary"))])
        schemas["CourseAU"] = object(["position", "publisherId", "title", "moveOn", "launchMethod", "completed", "passed", "waived", "satisfied"], [
            "position": integer, "publisherId": string, "title": string, "moveOn": moveOn, "masteryScore": string,
            "launchMethod": ["type": "string", "enum": LaunchMethod.allCases.map(\.rawValue)],
            "completed": boolean, "passed": boolean, "waived": boolean, "satisfied": boolean,
        ])
        schemas["CourseEnrolment"] = object(["registration", "enrolledAt", "satisfied"], [
            "registration": uuid, "enrolledAt": time, "satisfied": boolean, "satisfiedAt": time,
        ])
        schemas["CourseDetail"] = object(["course", "aus", "canManage", "canEnrol"], [
            "course": ref("CourseSummary"), "aus": array(ref("CourseAU")), "enrolment": ref("CourseEnrolment"), "canManage": boolean, "canEnrol": boolean,
        ])
        schemas["CourseLaunchRequest"] = object([], ["launchMode": ["type": "string", "enum": LaunchMode.allCases.map(\.rawValue)]])
        schemas["CourseLaunch"] = object(["sessionId", "launchUrl", "launchMode", "activityId", "registration", "expiresAt"], [
            "sessionId": uuid, "launchUrl": string, "launchMode": string, "activityId": string, "registration": uuid, "expiresAt": time,
        ])
        let package: Object = [
            "application/zip": ["schema": ["type": "string", "format": "binary"]],
            "application/x-zip-compressed": ["schema": ["type": "string", "format": "binary"]],
            "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
            "application/xml": ["schema": ["type": "string"]], "text/xml": ["schema": ["type": "string"]],
        ]
        let maxMiB = CourseStore.maxPackageBytes >> 20

        paths["/courses"] = [
            "get": operation("listCourses", "The courses the caller may see: open courses, a learner's class courses, a school's own; for a learner with enrolment and completion",
                             tag: tag, responses: ["200": jsonResponse("Courses", ref("CourseList")), "401": problem]),
            "post": operation("importCourse", "Import a cmi5 package (ZIP with cmi5.xml at its root, or a course structure XML whose AU urls are absolute; at most \(maxMiB) MiB) as a new course: open (any learner) or a class course of the caller's school (program code and enrolment year narrow it). A package the cmi5 rules refuse is 422 with every reason in Chinese and English. Teachers, school administrators and the city; audited",
                              tag: tag, parameters: [
                                query("title", ["type": "string", "maxLength": 200]), query("kind", ["type": "string", "enum": ["open", "class"]]),
                                query("programCode", ["type": "string", "maxLength": 20]), query("enrolmentYear", ["type": "integer", "minimum": 2000, "maximum": 2100]),
                                query("fileName", ["type": "string", "maxLength": 200]),
                              ], rawBody: package,
                              responses: ["201": jsonResponse("Imported", ref("CourseDetail")), "401": problem, "403": problem, "413": problem, "422": problem]),
        ]
        paths["/courses/{id}"] = [
            "get": operation("getCourse", "A course with its assignable units and the caller's progress (a course the caller may not see is 404)", tag: tag, parameters: [courseID],
                             responses: ["200": jsonResponse("Course", ref("CourseDetail")), "401": problem, "404": problem]),
        ]
        paths["/courses/{id}/versions"] = [
            "post": operation("addCourseVersion", "Import a cmi5 package as the course's next version; enrolments keep their registrations and launch the new version from now on. Those who manage the course; audited",
                              tag: tag, parameters: [courseID, query("fileName", ["type": "string", "maxLength": 200])], rawBody: package,
                              responses: ["201": jsonResponse("Imported", ref("CourseDetail")), "401": problem, "403": problem, "404": problem, "413": problem, "422": problem]),
        ]
        paths["/courses/{id}/enrolment"] = [
            "post": operation("enrolInCourse", "Enrol the calling learner (any learner in an open course; a learner of the class in a class course) with a new cmi5 registration; enrolling again answers 200 with the enrolment there is; audited",
                              tag: tag, parameters: [courseID],
                              responses: ["200": jsonResponse("Already enrolled", ref("CourseEnrolment")), "201": jsonResponse("Enrolled", ref("CourseEnrolment")),
                                          "401": problem, "403": problem, "404": problem]),
        ]
        paths["/courses/{id}/aus/{position}/launch"] = [
            "post": operation("launchCourseAU", "Launch an assignable unit (its position in the course, from 1) per cmi5: a new AU session, any open session of the registration recorded as abandoned, LMS.LaunchData written to the State document, the LMS's launched statement in the LRS; answers the launch URL with endpoint, fetch, actor, registration and activityId. The body (optional) chooses the launch mode. The enrolled learner; audited",
                              tag: tag, parameters: [courseID, ["name": "position", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1]]],
                              body: ref("CourseLaunchRequest"),
                              responses: ["200": jsonResponse("Launched", ref("CourseLaunch")), "400": problem, "401": problem, "404": problem, "409": problem, "422": problem]),
        ]
    }
}
