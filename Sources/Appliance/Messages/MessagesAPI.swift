import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The messages' JSON API (docs/openapi.yaml): start a thread (with people, or a class
/// teacher's broadcast to the class's guardians), one's threads, one thread (404 to anyone
/// outside it). Moments are the school's local time, `YYYY-MM-DDTHH:MM`.
struct MessagesAPI: Sendable {
    let database: Database
    let desk: MessagesDesk
    /// The school's offset from UTC, in minutes.
    let offset: Int

    /// `POST /api/v1/messages`: `to` or `class`.
    struct Body: Decodable {
        let to: [Int]?
        let `class`: Int?
        let subject: String
        let body: String
    }

    var routes: [AppRoute] {
        [
            AppRoute(.post, "/api/v1/messages", .school(.sendMessage)) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let thread: Int
                if let classID = body.class {
                    thread = try desk.broadcast(classID: classID, subject: body.subject, body: body.body, by: visit.editor)
                } else {
                    thread = try desk.write(to: body.to ?? [], subject: body.subject, body: body.body, today: visit.today, by: visit.editor)
                }
                var json = JSONBytes(capacity: 16)
                json.object { $0.field("thread", thread) }
                return JSONBody.response(json, status: 201)
            },
            AppRoute(.get, "/api/v1/messages", .school(.readMessages)) { visit in
                let threads = try desk.threads(of: visit.actor!)
                var json = JSONBytes(capacity: 256 + threads.count * 128)
                json.object { j in
                    j.key("threads")
                    j.array(threads) { j, t in
                        j.object { j in
                            j.field("class", t.classID)
                            j.field("last_at", moment(t.lastAt))
                            j.field("subject", t.subject)
                            j.field("thread", t.id)
                            j.field("unread", t.unread)
                            j.key("with")
                            j.array(t.with) { j, name in j.string(name) }
                        }
                    }
                    j.field("unread", threads.reduce(0) { $0 + $1.unread })
                }
                return JSONBody.response(json)
            },
            AppRoute(.get, "/api/v1/messages/{thread:int}", .school(.readMessages)) { visit in
                let me = visit.actor!.personID
                let view = try desk.open(thread: try visit.request.pathParameters.int("thread"), by: visit.editor)
                let others = view.thread.members.filter { $0.id != me }
                var json = JSONBytes(capacity: 1024)
                json.object { j in
                    j.field("class", view.thread.classID)
                    j.key("members")
                    j.array(view.thread.members) { j, m in j.object { j in j.field("id", m.id); j.field("name", m.name) } }
                    j.key("messages")
                    j.array(view.messages) { j, m in
                        j.object { j in
                            j.key("attachments")
                            j.array(m.attachments) { j, a in
                                j.object { j in
                                    j.field("id", a.id)
                                    j.field("name", a.fileName)
                                    j.field("size", a.size)
                                    j.field("type", a.mediaType)
                                    j.field("url", "/messages/files/\(a.id)")
                                }
                            }
                            j.field("at", moment(m.at))
                            j.field("author", m.authorID)
                            j.field("author_name", m.authorName)
                            j.field("body", m.body)
                            j.field("id", m.id)
                            if m.authorID == me {
                                j.key("read_by")
                                j.array(others.filter { $0.readUpTo >= m.id }) { j, r in j.int(r.id) }
                            }
                            j.field("withdrawn", m.withdrawnAt != nil)
                        }
                    }
                    j.field("parent", view.thread.parentID)
                    j.field("subject", view.thread.subject)
                    j.field("thread", view.thread.id)
                }
                return JSONBody.response(json)
            },
        ]
    }

    func moment(_ at: Int) -> String { SchoolDateTime(unixSeconds: at, offsetMinutes: offset).description }
}
