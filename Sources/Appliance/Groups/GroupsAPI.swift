import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The groups' JSON API (docs/openapi.yaml): create a group (of a class, or across classes),
/// read it, rename it, give it a teacher, set its students, move one student in or out.
struct GroupsAPI: Sendable {
    let database: Database
    let desk: GroupsDesk

    /// `POST /api/v1/groups` and `PUT /api/v1/groups/{id}`: every member optional but those `POST` needs.
    struct Body: Decodable {
        let `class`: Int?
        let subject: Int?
        let name: String?
        let teacher: Int?
        let students: [Int]?
        /// Whether `teacher` was sent (`null` takes the teacher away; absent leaves it).
        let hasTeacher: Bool

        enum CodingKeys: String, CodingKey { case `class`, subject, name, teacher, students }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            `class` = try c.decodeIfPresent(Int.self, forKey: .class)
            subject = try c.decodeIfPresent(Int.self, forKey: .subject)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            teacher = try c.decodeIfPresent(Int.self, forKey: .teacher)
            students = try c.decodeIfPresent([Int].self, forKey: .students)
            hasTeacher = c.contains(.teacher)
        }
    }

    var routes: [AppRoute] {
        [
            AppRoute(.post, "/api/v1/groups", .policy(.manageGroups) { visit in
                // A class's group is its class's business; a cross-class group the school's.
                try JSONBody.decode(Body.self, from: visit.request).class.map { .schoolClass($0) } ?? .school
            }) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                guard let subject = body.subject, let name = body.name else {
                    throw HTTPError(status: 422, message: visit.words.groupFieldsMissing, code: "invalid")
                }
                let id = try desk.create(classID: body.class, subjectID: subject, name: name, teacher: body.teacher, students: body.students ?? [],
                                         by: visit.editor)
                var json = JSONBytes(capacity: 16)
                json.object { $0.field("id", id) }
                return JSONBody.response(json, status: 201)
            },
            AppRoute(.get, "/api/v1/groups/{id:int}", .policy(.manageGroups, resource: group)) { visit in
                guard let g = try database.read({ try $0.studyGroup(try visit.request.pathParameters.int("id")) }) else { throw HTTPError.notFound }
                return JSONBody.response(GroupBody(group: g))
            },
            AppRoute(.put, "/api/v1/groups/{id:int}", .policy(.manageGroups, resource: group)) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                try desk.update(try visit.request.pathParameters.int("id"), name: body.name, teacher: body.hasTeacher ? .some(body.teacher) : nil,
                                students: body.students, by: visit.editor)
                return .noContent
            },
            AppRoute(.put, "/api/v1/groups/{id:int}/students/{student:int}", .policy(.manageGroups, resource: group)) { visit in
                try desk.addStudent(try visit.request.pathParameters.int("student"), to: try visit.request.pathParameters.int("id"), by: visit.editor)
                return .noContent
            },
            AppRoute(.delete, "/api/v1/groups/{id:int}/students/{student:int}", .policy(.manageGroups, resource: group)) { visit in
                try desk.removeStudent(try visit.request.pathParameters.int("student"), from: try visit.request.pathParameters.int("id"), by: visit.editor)
                return .noContent
            },
        ]
    }

    /// The group of the path, as the policy sees it: its class, or the school for a cross-class group.
    func group(_ visit: Visit) throws -> Resource {
        guard let g = try database.read({ try $0.studyGroupRecord(try visit.request.pathParameters.int("id")) }) else {
            throw HTTPError(status: 404, message: visit.words.noSuchGroup)
        }
        return g.classID.map { .schoolClass($0) } ?? .school
    }
}

/// `GET /api/v1/groups/{id}`.
struct GroupBody: JSONWritable {
    let group: StudyGroup

    func write(to json: inout JSONBytes) {
        json.object { j in
            j.field("class", group.classID)
            j.field("id", group.id)
            j.field("name", group.name)
            j.key("students")
            j.array(group.members) { j, m in
                j.object { j in
                    j.field("class", m.classID)
                    j.field("id", m.id)
                    j.field("name", m.name)
                }
            }
            j.field("subject", group.subjectID)
            j.field("teacher", group.teacherIDs.first)
        }
    }
}
