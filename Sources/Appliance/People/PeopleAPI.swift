import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The people's JSON API (docs/openapi.yaml): add a person, change one, a student leaves.
/// Bad input is 422 naming each field (`fields`), refusals 403, unknown people 404.
struct PeopleAPI: Sendable {
    let database: Database
    var people: PeopleDesk { PeopleDesk(database: database) }

    /// A person as `POST` and `PUT /api/v1/people` send them; a member left out is not sent.
    struct Body: Decodable {
        let kind: String?
        let lastName: String?
        let firstName: String?
        let middleName: String?
        let gender: String?
        let birthDate: String?
        let phone: String?
        let email: String?
        let `class`: Int?
        let joinedOn: String?
        let roles: [String]?
        let students: [Int]?
        let relation: String?
        let consentOn: String?
        let consentDocument: String?
        let consentGivenBy: String?
        let electronicAccessRefused: Bool?

        var request: PersonRequest {
            PersonRequest(kind: kind.flatMap(PersonKind.init(rawValue:)),
                          card: CardFields(lastName: lastName, firstName: firstName, middleName: middleName, gender: gender,
                                           birthDate: birthDate, phone: phone, email: email),
                          classID: `class`, joinedOn: joinedOn, roles: roles, students: students, relation: relation,
                          consent: consentOn.map { ConsentFields(givenOn: $0, document: consentDocument ?? "", givenBy: consentGivenBy ?? "") },
                          electronicAccessRefused: electronicAccessRefused)
        }
    }

    var routes: [AppRoute] {
        [
            // Who may add anyone at all (the administrator, a class teacher); the desk checks the class and children named.
            AppRoute(.post, "/api/v1/people", .policy(.editPeople) { $0.actor.map(PeopleDesk.anyOwnClass) ?? .school }) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                return try Self.answering {
                    let added = try people.add(body.request, today: visit.today, by: visit.editor)
                    var json = JSONBytes(capacity: 64)
                    json.object { j in
                        j.field("id", added.id)
                        j.field("login", added.login)
                    }
                    return JSONBody.response(json, status: 201)
                }
            },
            AppRoute(.put, "/api/v1/people/{id:int}", .policy(.editPeople, resource: person)) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                return try Self.answering {
                    try people.update(person: try visit.request.pathParameters.int("id"), body.request, today: visit.today, by: visit.editor)
                    return .noContent
                }
            },
            AppRoute(.post, "/api/v1/people/{id:int}/leave", .policy(.editPeople, resource: person)) { visit in
                struct Leave: Decodable { let date: String?; let reason: String? }
                let body = try JSONBody.decode(Leave.self, from: visit.request)
                return try Self.answering {
                    try people.leave(student: try visit.request.pathParameters.int("id"), date: body.date ?? visit.today.iso, reason: body.reason ?? "",
                                     today: visit.today, by: visit.editor)
                    return .noContent
                }
            },
        ]
    }

    func person(_ visit: Visit) throws -> Resource {
        guard let resource = try people.resource(person: try visit.request.pathParameters.int("id"), today: visit.today) else {
            throw HTTPError(status: 404, message: visit.words.noSuchPerson)
        }
        return resource
    }

    /// The desk's answer, with its field errors as 422 `{"error": "invalid_<field>", "message", "fields": {…}}`.
    static func answering(_ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let DeskError.invalidFields(problems) {
            return invalid(problems)
        } catch let DeskError.invalid(message, field) {
            return invalid([field: message])
        }
    }

    static func invalid(_ problems: [String: String]) -> Response {
        let sorted = problems.sorted { $0.key < $1.key }
        var json = JSONBytes(capacity: 256)
        json.object { j in
            j.field("error", "invalid_" + (sorted.first?.key ?? "input"))
            j.key("fields")
            j.object { j in
                for (field, message) in sorted {
                    j.key(escaping: field)
                    j.string(message)
                }
            }
            j.field("message", sorted.map(\.value).joined(separator: " "))
        }
        return JSONBody.response(json, status: 422)
    }
}
