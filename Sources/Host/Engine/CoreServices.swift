import Foundation
import PlinthJSON
import PluginABI

/// The engine services every build has: server info and health, and the extension list.
enum CoreServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        services.register("server.info/1") { context, _ in
            serverInfo(runtime, context?.accountability ?? .system)
        }
        services.register("server.health/1") { context, _ in
            health(runtime, context?.accountability ?? .system)
        }
        services.register("extensions.list/1") { context, _ in
            let accountability = context?.accountability ?? .system
            guard accountability.admin else { throw APIError.forbidden() }
            return .array(runtime.registry.plugins.map(extensionObject))
        }
    }

    static func serverInfo(_ runtime: Runtime, _ accountability: Accountability) -> JSON {
        var info: JSONObject = ["project": .object(ProjectDefaults.object)]
        if accountability.user != nil || accountability.admin {
            info["rateLimit"] = rateLimitObject(runtime.settings.rateLimit.ip)
            info["rateLimitGlobal"] = rateLimitObject(runtime.settings.rateLimit.global)
            info["queryLimit"] = ["default": 100, "max": -1]
            info["websocket"] = false
            info["version"] = .string(PlinthVersion.current)
        }
        return .object(info)
    }

    /// `{"points","duration"}` of an enabled limiter, as Directus reports it; `false` when off.
    static func rateLimitObject(_ window: RateLimitSettings.Window?) -> JSON {
        guard let window else { return false }
        return ["points": .int(window.points), "duration": .double(window.duration)]
    }

    /// Directus's health report: a database round trip timed against DB_HEALTHCHECK_THRESHOLD (ms, default
    /// 150); slower is `warn`, a failure is `error` (HTTP 503). Non-admins see only the status.
    static func health(_ runtime: Runtime, _ accountability: Accountability) -> JSON {
        var checks = JSONObject()
        var status = "ok"
        if let database = runtime.database {
            let threshold = (try? runtime.env.int("DB_HEALTHCHECK_THRESHOLD", default: 150, in: 0...Int.max)) ?? 150
            let started = DispatchTime.now().uptimeNanoseconds
            var check: JSONObject = ["status": "ok", "componentType": "datastore", "observedUnit": "ms"]
            do {
                _ = try database.rows(of: SystemTables.migrations, columns: ["version"], limit: 1)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
                check["observedValue"] = .double((elapsed * 1000).rounded() / 1000)
                check["threshold"] = .int(threshold)
                if elapsed > Double(threshold) { check["status"] = "warn"; status = "warn" }
            } catch {
                check["status"] = "error"
                check["output"] = accountability.admin ? .string("\(error)") : .null
                status = "error"
            }
            checks["\(database.client):responseTime"] = .array([.object(check)])
        }
        guard accountability.admin else { return ["status": .string(status)] }
        return [
            "status": .string(status),
            "releaseId": .string(PlinthVersion.current),
            "serviceId": .string(runtime.env.string("KEY") ?? runtime.serviceID),
            "checks": .object(checks),
        ]
    }

    static func extensionObject(_ plugin: LoadedPlugin) -> JSON {
        let kinds = plugin.kindNames
        let schema: JSONObject = [
            "type": .string(kinds.count == 1 ? kinds[0] : "bundle"),
            "name": .string(plugin.id),
            "version": .string(plugin.version),
            "description": plugin.description.isEmpty ? .null : .string(plugin.description),
            "kinds": .array(kinds.map(JSON.string)),
            "abi": .string("\(plugin.abiMajor).\(plugin.abiMinor)"),
            "toolchain": plugin.toolchain.isEmpty ? .null : .string(plugin.toolchain),
            "local": .bool(!plugin.builtin),
        ]
        let meta: JSONObject = [
            "enabled": true,
            "folder": .string((plugin.path as NSString).lastPathComponent),
            "source": .string(plugin.builtin ? "module" : "local"),
            "bundle": .null,
        ]
        return ["id": .string(plugin.id), "bundle": .null, "schema": .object(schema), "meta": .object(meta)]
    }
}

/// Plinth's release.
public enum PlinthVersion {
    public static let current = "0.1.0"
}

/// The project settings Directus reports before anything was customised.
enum ProjectDefaults {
    static let object: JSONObject = [
        "project_name": "Directus",
        "project_descriptor": .null,
        "project_logo": .null,
        "project_color": "#6644FF",
        "default_appearance": "auto",
        "default_theme_light": .null,
        "default_theme_dark": .null,
        "theme_light_overrides": .null,
        "theme_dark_overrides": .null,
        "default_language": "en-US",
        "public_foreground": .null,
        "public_background": .null,
        "public_favicon": .null,
        "public_note": .null,
        "custom_css": .null,
    ]
}
