import Foundation
import Logging
import PlinthJSON
import PluginABI

/// The `plinth_host_api` function table handed to every plugin.
///
/// One static table serves all plugins: each function finds its way back to
/// the runtime through the handle it is given (plugin, context, response
/// or call).
enum HostTable {
    static let pointer: UnsafePointer<plinth_host_api> = {
        let table = UnsafeMutablePointer<plinth_host_api>.allocate(capacity: 1)
        table.initialize(to: plinth_host_api(
            struct_size: UInt32(MemoryLayout<plinth_host_api>.size),
            abi_major: UInt32(PLINTH_ABI_MAJOR),
            abi_minor: UInt32(PLINTH_ABI_MINOR),
            reserved: 0,
            supports: supports,
            log: log,
            config_get: configGet,
            register_capability: registerCapability,
            emit_filter: emitFilter,
            emit_action: emitAction,
            service_call: serviceCall,
            context_accountability: contextAccountability,
            response_set_status: PluginResponse.setStatus,
            response_add_header: PluginResponse.addHeader,
            response_set_body: PluginResponse.setBody,
            response_take_body: PluginResponse.takeBody,
            response_complete: PluginResponse.complete,
            call_complete: callComplete
        ))
        return UnsafePointer(table)
    }()

    static let capabilities: Set<String> = [
        PLINTH_CAP_ENDPOINT, PLINTH_CAP_HOOK, PLINTH_CAP_STORAGE, PLINTH_CAP_SQL_DRIVER,
        PLINTH_CAP_AUTH_PROVIDER, PLINTH_CAP_OPERATION, PLINTH_CAP_TRANSFORMER,
    ]

    private static let supports: @convention(c) (OpaquePointer?, plinth_str) -> plinth_status = { self_, id in
        let name = ABIText.string(id)
        if capabilities.contains(name) { return PLINTH_OK }
        if let plugin = LoadedPlugin.from(self_), plugin.runtime.services.supports(name) { return PLINTH_OK }
        return PLINTH_ERR_UNSUPPORTED
    }

    private static let log: @convention(c) (OpaquePointer?, Int32, plinth_str) -> plinth_status = { self_, level, message in
        guard let plugin = LoadedPlugin.from(self_) else { return PLINTH_ERR_INVALID }
        let swiftLevel: Logger.Level
        switch level {
        case PLINTH_LOG_TRACE: swiftLevel = .trace
        case PLINTH_LOG_DEBUG: swiftLevel = .debug
        case PLINTH_LOG_INFO: swiftLevel = .info
        case PLINTH_LOG_WARN: swiftLevel = .warning
        case PLINTH_LOG_ERROR: swiftLevel = .error
        default: return PLINTH_ERR_INVALID
        }
        plugin.runtime.logger.log(level: swiftLevel, "\(ABIText.string(message))", metadata: ["plugin": "\(plugin.id)"])
        return PLINTH_OK
    }

    private static let configGet: @convention(c) (OpaquePointer?, plinth_str, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { self_, key, out in
        guard let plugin = LoadedPlugin.from(self_), let out else { return PLINTH_ERR_INVALID }
        guard let value = plugin.runtime.env.string(ABIText.string(key)) else { return PLINTH_ERR_NOT_FOUND }
        out.pointee = OwnedBuffer.make(value)
        return PLINTH_OK
    }

    private static let registerCapability: @convention(c) (OpaquePointer?, plinth_str, UnsafeRawPointer?) -> plinth_status = { self_, capability, table in
        guard let plugin = LoadedPlugin.from(self_), let table else { return PLINTH_ERR_INVALID }
        return plugin.runtime.loader.register(plugin, capability: ABIText.string(capability), table: table)
    }

    private static let emitFilter: @convention(c) (OpaquePointer?, OpaquePointer?, plinth_str, plinth_str, plinth_str, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { self_, context, event, payload, meta, outPayload, outError in
        guard let plugin = LoadedPlugin.from(self_) else { return PLINTH_ERR_INVALID }
        do {
            let result = try plugin.runtime.bus.filter(ABIText.string(event), payload: bytes(payload, default: "null"), meta: bytes(meta, default: "{}"), context: CallContext.from(context))
            outPayload?.pointee = OwnedBuffer.make(result)
            return PLINTH_OK
        } catch let rejection as HookRejection {
            outError?.pointee = OwnedBuffer.make(rejection.error.abiJSON)
            return PLINTH_ERR_REJECTED
        } catch {
            outError?.pointee = OwnedBuffer.make("\(error)")
            return PLINTH_ERR_FAILED
        }
    }

    private static let emitAction: @convention(c) (OpaquePointer?, OpaquePointer?, plinth_str, plinth_str, plinth_str) -> plinth_status = { self_, context, event, payload, meta in
        guard let plugin = LoadedPlugin.from(self_) else { return PLINTH_ERR_INVALID }
        plugin.runtime.bus.action(ABIText.string(event), payload: bytes(payload, default: "null"), meta: bytes(meta, default: "{}"), context: CallContext.from(context))
        return PLINTH_OK
    }

    private static let serviceCall: @convention(c) (OpaquePointer?, OpaquePointer?, plinth_str, plinth_str, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { self_, context, service, args, outResult, outError in
        guard let plugin = LoadedPlugin.from(self_) else { return PLINTH_ERR_INVALID }
        do {
            let result = try plugin.runtime.services.call(ABIText.string(service), context: CallContext.from(context), args: bytes(args, default: "{}"))
            outResult?.pointee = OwnedBuffer.make(result)
            return PLINTH_OK
        } catch let error as APIError {
            outError?.pointee = OwnedBuffer.make(error.abiJSON)
            return error.code == "ROUTE_NOT_FOUND" ? PLINTH_ERR_NOT_FOUND : error.abiStatus
        } catch let rejection as HookRejection {
            outError?.pointee = OwnedBuffer.make(rejection.error.abiJSON)
            return PLINTH_ERR_REJECTED
        } catch let failure as DatabaseError {
            let context = CallContext.from(context)
            let error = failure.apiError(admin: context?.accountability.admin ?? true)
            if error.status >= 500 {
                plugin.runtime.logger.error("database error", metadata: ["service": "\(ABIText.string(service))", "error": "\(failure.message)"])
            }
            outError?.pointee = OwnedBuffer.make(error.abiJSON)
            return error.abiStatus
        } catch {
            plugin.runtime.logger.error("service call failed", metadata: ["service": "\(ABIText.string(service))", "error": "\(error)"])
            outError?.pointee = OwnedBuffer.make(APIError.internalError().abiJSON)
            return PLINTH_ERR_FAILED
        }
    }

    private static let contextAccountability: @convention(c) (OpaquePointer?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { context, out in
        guard let context = CallContext.from(context), let out else { return PLINTH_ERR_INVALID }
        out.pointee = OwnedBuffer.make(context.accountability.json.encoded())
        return PLINTH_OK
    }

    private static let callComplete: @convention(c) (OpaquePointer?, plinth_status, plinth_buffer, plinth_buffer) -> plinth_status = { handle, status, payload, error in
        guard let call = PendingCall.from(handle), call.complete(status: status, payload: payload, error: error) else {
            OwnedBuffer.release(payload)
            OwnedBuffer.release(error)
            return PLINTH_ERR_INVALID
        }
        return PLINTH_OK
    }

    private static func bytes(_ view: plinth_str, default fallback: String) -> [UInt8] {
        guard let ptr = view.ptr, view.len > 0 else { return Array(fallback.utf8) }
        return Array(UnsafeBufferPointer(start: ptr, count: Int(view.len)))
    }
}
