import Foundation
import Hummingbird

/// The benchmark peer: a bare Hummingbird 2 server answering `GET /server/ping`
/// exactly as Plinth does, so `bench/run` can report Plinth as a ratio of it.
let port = ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8056
let router = Router()
router.get("/server/ping") { _, _ in
    Response(
        status: .ok,
        headers: [.contentType: "text/html; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: "pong"))
    )
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil))
try await app.runService()
