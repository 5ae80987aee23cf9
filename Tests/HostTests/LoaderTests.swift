import PluginABI
import Foundation
import Testing
@testable import Host

/// The loader accepts good plugins and refuses each kind of bad one with one line naming the file, what it expected and what it found.
@Suite struct LoaderTests {
    let plugins = TestSupport.temporaryDirectory("builtin")
    let extensions = TestSupport.temporaryDirectory("extensions")

    private func load(_ defines: [String], file: String = "bad.so", extra: [String: String] = [:]) throws -> (Runtime, String) {
        let path = try TestSupport.buildFixture(file, in: extensions, defines: defines)
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions, extra: extra)
        try runtime.loadPlugins()
        return (runtime, path)
    }

    @Test func goodPluginLoadsAndRegistersItsRoute() throws {
        let (runtime, path) = try load([], file: "good.so")
        #expect(runtime.refusals.isEmpty)
        let plugin = try #require(runtime.registry.plugin(id: "fixture.good"))
        #expect(plugin.path == path)
        #expect(plugin.version == "0.0.1")
        #expect(plugin.kindNames == ["endpoint"])
        #expect(plugin.builtin == false)
        let match = try #require(runtime.registry.router.match(method: "GET", path: "/fixture/ping"))
        #expect(match.route.plugin === plugin)
    }

    @Test func fileThatIsNotASharedObjectIsRefused() throws {
        let path = extensions.appendingPathComponent("notes.so").path
        try "not an ELF file".write(toFile: path, atomically: true, encoding: .utf8)
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions)
        try runtime.loadPlugins()
        let refusal = try #require(runtime.refusals.first)
        #expect(refusal.file == path)
        #expect(refusal.description.hasPrefix("Refused plugin \(path): expected a loadable shared object, found one dlopen cannot load ("))
        #expect(runtime.registry.plugins.isEmpty)
    }

    @Test func pluginWithoutTheEntrySymbolIsRefusedNamingWhatItExports() throws {
        let (runtime, path) = try load(["FIXTURE_ENTRY_V2"])
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(path): expected entry symbol plinth_extension_v1, found plinth_extension_v2 (ABI major 2) (not a Plinth plugin, or built for another ABI major)",
        ])
    }

    @Test func wrongABIMajorInTheDescriptorIsRefused() throws {
        let (runtime, path) = try load(["FIXTURE_MAJOR=2"])
        #expect(runtime.refusals.map(\.description) == ["Refused plugin \(path): expected ABI major 1, found 2"])
    }

    @Test func descriptorLargerThanTheHostKnowsIsRefused() throws {
        let (runtime, path) = try load(["FIXTURE_EXTRA=16"])
        let known = MemoryLayout<plinth_descriptor>.size
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(path): expected a descriptor of at most \(known) bytes (ABI 1.\(PLINTH_ABI_MINOR)), found struct_size \(known + 16) (built for ABI 1.0)",
        ])
    }

    @Test func failingRegisterIsRefusedWithThePluginsMessage() throws {
        let (runtime, path) = try load(["FIXTURE_FAIL_REGISTER"])
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(path): expected register to succeed, found status -11: fixture cannot reach its database",
        ])
        #expect(runtime.registry.plugins.isEmpty)
    }

    @Test func duplicateIdIsRefusedNamingTheFirstFile() throws {
        let first = try TestSupport.buildFixture("a.so", in: extensions, defines: ["FIXTURE_ROUTE=\"/a\""])
        let second = try TestSupport.buildFixture("b.so", in: extensions, defines: ["FIXTURE_ROUTE=\"/b\""])
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions)
        try runtime.loadPlugins()
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(second): expected a unique id, found \"fixture.good\" already loaded from \(first)",
        ])
        #expect(runtime.registry.router.match(method: "GET", path: "/b") == nil)
    }

    @Test func swiftPluginFromAnotherToolchainIsRefused() throws {
        let (runtime, path) = try load(["FIXTURE_TOOLCHAIN=\"swift-5.10\""])
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(path): expected a Swift plugin built with \(HostToolchain.current) (the host's toolchain), found swift-5.10; rebuild it with the host's toolchain",
        ])
    }

    @Test func invalidIdIsRefused() throws {
        let (runtime, path) = try load(["FIXTURE_ID=\"Bad Id\""])
        #expect(runtime.refusals.map(\.description) == [
            "Refused plugin \(path): expected an id matching [a-z0-9._-]{1,64}, found \"Bad Id\"",
        ])
    }

    @Test func conflictingRouteFailsRegistrationOfTheSecondPlugin() throws {
        _ = try TestSupport.buildFixture("a.so", in: extensions, defines: ["FIXTURE_ID=\"fixture.a\""])
        let second = try TestSupport.buildFixture("b.so", in: extensions, defines: ["FIXTURE_ID=\"fixture.b\""])
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions)
        try runtime.loadPlugins()
        #expect(runtime.refusals.map(\.description) == ["Refused plugin \(second): expected register to succeed, found status -8"])
        #expect(runtime.registry.plugins.map(\.id) == ["fixture.a"])
    }

    @Test func builtinsLoadBeforeExtensionsAndAreMarkedBuiltin() throws {
        _ = try TestSupport.buildFixture("core.so", in: plugins, defines: ["FIXTURE_ID=\"fixture.core\"", "FIXTURE_ROUTE=\"/core\""])
        _ = try TestSupport.buildFixture("ext.so", in: extensions, defines: ["FIXTURE_ID=\"fixture.ext\""])
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions)
        try runtime.loadPlugins()
        #expect(runtime.registry.plugins.map(\.id) == ["fixture.core", "fixture.ext"])
        #expect(runtime.registry.plugins.map(\.builtin) == [true, false])
    }

    @Test func mustLoadTurnsTheFirstRefusalIntoAnError() throws {
        let path = try TestSupport.buildFixture("bad.so", in: extensions, defines: ["FIXTURE_MAJOR=3"])
        let runtime = try TestSupport.runtime(plugins: plugins, extensions: extensions, extra: ["EXTENSIONS_MUST_LOAD": "true"])
        #expect(throws: LoadRefusal.self) { try runtime.loadPlugins() }
        #expect(runtime.refusals.first?.description == "Refused plugin \(path): expected ABI major 1, found 3")
    }

    @Test func registeringOutsideRegisterIsRejected() throws {
        let (runtime, _) = try load([], file: "good.so")
        let plugin = try #require(runtime.registry.plugin(id: "fixture.good"))
        var table = plinth_hook_v1()
        table.struct_size = UInt32(MemoryLayout<plinth_hook_v1>.size)
        let status = withUnsafePointer(to: &table) { runtime.loader.register(plugin, capability: PLINTH_CAP_HOOK, table: UnsafeRawPointer($0)) }
        #expect(status == PLINTH_ERR_INVALID)
    }
}

