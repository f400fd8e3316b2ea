// libFuzzer target: the router's path matching (Sources/HTTP/Router.swift) over the app's route
// table (`routeTable`, written by run.sh from the AppRoute declarations in Sources). The first
// byte picks the method, the rest is the path. A match must put its parameters back into the
// pattern and give the path again.

let router: Router = {
    var r = Router()
    precondition(routeTable.count > 50, "run.sh found too few routes in Sources")
    for (method, pattern) in routeTable { r.add(method, pattern) { _ in Response(status: 200) } }
    return r
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let method = Method.allCases[Int(data[0]) % Method.allCases.count]
    let path = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    switch router.match(method, path) {
    case let .found(route, params):
        var rebuilt: [String] = []
        for segment in route.pattern.split(separator: "/") {
            guard segment.hasPrefix("{") else { rebuilt.append(String(segment)); continue }
            let name = String(segment.dropFirst().dropLast().split(separator: ":")[0])
            guard let value = params[name] else { preconditionFailure("parameter \(name) not bound") }
            if segment.hasSuffix(":int}") { precondition((try? params.int(name)) != nil, "int parameter \(value) not an Int") }
            rebuilt.append(value)
        }
        let given = path.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
        precondition(rebuilt.map { Array($0.utf8) } == given, "\(path) matched \(route.pattern)")
        precondition(route.method == method || (method == .head && route.method == .get))
    case let .methodNotAllowed(allowed):
        precondition(!allowed.isEmpty && !allowed.contains(method))
    case .notFound:
        break
    }
    return 0
}
