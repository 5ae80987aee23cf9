import Foundation
import PluginABI
import Testing
@testable import Host

/// Filters run in order and may change or veto a payload; actions run after and never block the caller.
@Suite struct EventBusTests {
    let runtime = try! TestSupport.runtime(plugins: TestSupport.temporaryDirectory(), extensions: TestSupport.temporaryDirectory())

    /// A hook whose behaviour is a Swift closure: payload in, (status, replacement, error) out.
    final class Behaviour {
        let body: (String) -> (plinth_status, String?, String?)
        init(_ body: @escaping (String) -> (plinth_status, String?, String?)) { self.body = body }
    }

    private static let run: plinth_hook_fn = { ctx, event, call, outPayload, outError in
        let behaviour = Unmanaged<Behaviour>.fromOpaque(ctx!).takeUnretainedValue()
        let payload = ABIText.string(event!.pointee.payload)
        if payload == "\"pending\"" {
            let address = UInt(bitPattern: call)
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) {
                _ = PendingCall.from(OpaquePointer(bitPattern: address))!.complete(status: PLINTH_OK, payload: OwnedBuffer.make("\"completed later\""), error: plinth_buffer())
            }
            return PLINTH_PENDING
        }
        let (status, replacement, error) = behaviour.body(payload)
        if let replacement { outPayload!.pointee = OwnedBuffer.make(replacement) }
        if let error { outError!.pointee = OwnedBuffer.make(error) }
        return status
    }

    private func add(_ type: Int32, _ event: String, priority: Int32 = 0, _ body: @escaping (String) -> (plinth_status, String?, String?)) {
        let plugin = LoadedPlugin(descriptor: plinth_descriptor(), path: "test", builtin: true, runtime: runtime)
        let ctx = Unmanaged.passRetained(Behaviour(body)).toOpaque()
        runtime.bus.add(HookEntry(plugin: plugin, type: type, mayBlock: false, priority: priority, event: event, run: Self.run, ctx: ctx))
    }

    /// Appends `tag` inside a JSON string payload.
    private func appending(_ tag: String) -> (String) -> (plinth_status, String?, String?) {
        { payload in (PLINTH_OK, String(payload.dropLast()) + tag + "\"", nil) }
    }

    private func filter(_ event: String, _ payload: String) throws -> String {
        String(decoding: try runtime.bus.filter(event, payload: Array(payload.utf8), meta: Array("{}".utf8), context: nil), as: UTF8.self)
    }

    @Test func filtersRunByPriorityThenRegistrationOrderEachSeeingThePreviousPayload() throws {
        add(PLINTH_HOOK_FILTER, "items.create", priority: 10, appending("A"))
        add(PLINTH_HOOK_FILTER, "items.create", priority: 0, appending("B"))
        add(PLINTH_HOOK_FILTER, "items.create", priority: 0, appending("C"))
        add(PLINTH_HOOK_FILTER, "other.event", appending("X"))
        #expect(try filter("items.create", "\"\"") == "\"BCA\"")
        #expect(try filter("nobody.listens", "\"same\"") == "\"same\"")
    }

    @Test func filterThatKeepsThePayloadLeavesItUnchanged() throws {
        add(PLINTH_HOOK_FILTER, "e") { _ in (PLINTH_OK, nil, nil) }
        #expect(try filter("e", "{\"a\":1}") == "{\"a\":1}")
    }

    @Test func vetoStopsTheChainWithTheHooksDirectusError() throws {
        var laterRan = false
        add(PLINTH_HOOK_FILTER, "items.delete", priority: 0) { _ in
            (PLINTH_ERR_REJECTED, nil, "{\"message\":\"Deleting is disabled.\",\"code\":\"FORBIDDEN\",\"status\":403,\"collection\":\"articles\"}")
        }
        add(PLINTH_HOOK_FILTER, "items.delete", priority: 1) { _ in
            laterRan = true
            return (PLINTH_OK, nil, nil)
        }
        do {
            _ = try filter("items.delete", "[1]")
            Issue.record("expected a veto")
        } catch let rejection as HookRejection {
            #expect(rejection.error.code == "FORBIDDEN")
            #expect(rejection.error.status == 403)
            #expect(rejection.error.message == "Deleting is disabled.")
            #expect(rejection.error.extensions["collection"] == "articles")
        }
        #expect(!laterRan)
    }

    @Test func plainTextVetoBecomesAnInvalidPayloadError() throws {
        add(PLINTH_HOOK_FILTER, "e") { _ in (PLINTH_ERR_REJECTED, nil, "title is required") }
        #expect(throws: HookRejection.self) { try filter("e", "{}") }
        do { _ = try filter("e", "{}") } catch let rejection as HookRejection {
            #expect(rejection.error.envelope == Array(#"{"errors":[{"message":"title is required","extensions":{"code":"INVALID_PAYLOAD"}}]}"#.utf8))
        }
    }

    @Test func pendingFilterIsWaitedFor() throws {
        add(PLINTH_HOOK_FILTER, "e") { _ in (PLINTH_OK, nil, nil) }
        #expect(try filter("e", "\"pending\"") == "\"completed later\"")
    }

    @Test func actionsRunOnThePoolWithoutBlockingTheCaller() throws {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        add(PLINTH_HOOK_ACTION, "items.create") { payload in
            started.signal()
            release.wait()
            #expect(payload == "{\"key\":1}")
            finished.signal()
            return (PLINTH_OK, nil, nil)
        }
        runtime.bus.action("items.create", payload: Array("{\"key\":1}".utf8), meta: Array("{}".utf8), context: nil)
        // The caller is back while the hook is still blocked.
        #expect(started.wait(timeout: .now() + 5) == .success)
        release.signal()
        #expect(finished.wait(timeout: .now() + 5) == .success)
    }

    @Test func initHooksRunInRegistrationOrder() {
        var order: [String] = []
        add(PLINTH_HOOK_INIT, "routes.before") { _ in order.append("first"); return (PLINTH_OK, nil, nil) }
        add(PLINTH_HOOK_INIT, "routes.before") { _ in order.append("second"); return (PLINTH_ERR_FAILED, nil, "logged, not fatal") }
        add(PLINTH_HOOK_INIT, "routes.before") { _ in order.append("third"); return (PLINTH_OK, nil, nil) }
        runtime.bus.runInit("routes.before")
        #expect(order == ["first", "second", "third"])
    }

    @Test func filterRegisteredByACPluginChangesThePayload() throws {
        let extensions = TestSupport.temporaryDirectory()
        _ = try TestSupport.buildFixture("filter.so", in: extensions, defines: ["FIXTURE_FILTER"])
        let runtime = try TestSupport.runtime(plugins: TestSupport.temporaryDirectory(), extensions: extensions)
        try runtime.loadPlugins()
        let result = try runtime.bus.filter("fixture.event", payload: Array("\"hello\"".utf8), meta: Array("{}".utf8), context: nil)
        #expect(String(decoding: result, as: UTF8.self) == "\"hello+fixture\"")
    }

    @Test func scheduleHookFiresOnMatchingTicks() throws {
        let fired = DispatchSemaphore(value: 0)
        let plugin = LoadedPlugin(descriptor: plinth_descriptor(), path: "test", builtin: true, runtime: runtime)
        let ctx = Unmanaged.passRetained(Behaviour { _ in fired.signal(); return (PLINTH_OK, nil, nil) }).toOpaque()
        runtime.bus.add(HookEntry(plugin: plugin, type: PLINTH_HOOK_SCHEDULE, mayBlock: true, priority: 0, event: "*/5 * * * * *", run: Self.run, ctx: ctx))
        let scheduler = Scheduler(bus: runtime.bus, logger: runtime.logger)
        scheduler.tick(Date(timeIntervalSince1970: 1_700_000_001))
        #expect(fired.wait(timeout: .now() + 0.3) == .timedOut)
        scheduler.tick(Date(timeIntervalSince1970: 1_700_000_005))
        #expect(fired.wait(timeout: .now() + 5) == .success)
    }
}
