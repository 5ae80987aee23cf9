import PlinthJSON
import PluginKit

/// `/users/me` and two-factor authentication. Literal `me` routes win over `/users/:id`.
enum MeRoutes {
    static func register(_ host: PluginHost) throws {
        try host.rest("GET", "/users/me") { exchange in
            .json(try exchange.call("users.me/1", ["query": .object(try exchange.query())]))
        }
        try host.rest("PATCH", "/users/me") { exchange in
            .json(try exchange.call("users.me.update/1", ["data": try exchange.body(), "query": .object(try exchange.query())]))
        }
        try host.rest("PATCH", "/users/me/track/page") { exchange in
            _ = try exchange.call("users.me.track_page/1", ["last_page": try exchange.objectBody()["last_page"] ?? .null])
            return Exchange.noContent
        }
        try host.slowRest("POST", "/users/me/tfa/generate") { exchange in
            .data(try exchange.call("users.tfa.generate/1", ["password": try exchange.objectBody()["password"] ?? .null]))
        }
        try host.rest("POST", "/users/me/tfa/enable") { exchange in
            let body = try exchange.objectBody()
            _ = try exchange.call("users.tfa.enable/1", ["secret": body["secret"] ?? .null, "otp": body["otp"] ?? .null])
            return Exchange.noContent
        }
        try host.rest("POST", "/users/me/tfa/disable") { exchange in
            _ = try exchange.call("users.tfa.disable/1", ["otp": try exchange.objectBody()["otp"] ?? .null])
            return Exchange.noContent
        }
        try host.rest("POST", "/users/:id/tfa/disable") { exchange in
            _ = try exchange.call("users.tfa.disable_user/1", ["user": SchemaRoutes.param(exchange, "id")])
            return Exchange.noContent
        }
    }
}

/// The caller's own access: `/permissions/me`, `/policies/me/globals`, `/roles/me`.
enum AccessMeRoutes {
    static func register(_ host: PluginHost) throws {
        try host.rest("GET", "/permissions/me") { exchange in
            .data(try exchange.call("permissions.me/1", [:]))
        }
        try host.rest("GET", "/permissions/me/:collection") { exchange in
            .data(try exchange.call("permissions.me.item/1", ["collection": SchemaRoutes.param(exchange, "collection")]))
        }
        try host.rest("GET", "/permissions/me/:collection/:id") { exchange in
            .data(try exchange.call("permissions.me.item/1", ["collection": SchemaRoutes.param(exchange, "collection"), "id": SchemaRoutes.param(exchange, "id")]))
        }
        try host.rest("GET", "/policies/me/globals") { exchange in
            .data(try exchange.call("policies.me.globals/1", [:]))
        }
        try host.rest("GET", "/roles/me") { exchange in
            .json(try exchange.call("roles.me/1", ["query": .object(try exchange.query())]))
        }
    }
}

/// Invitations and public registration.
enum UserFlowRoutes {
    static func register(_ host: PluginHost) throws {
        try host.slowRest("POST", "/users/invite") { exchange in
            _ = try exchange.call("users.invite/1", ["payload": try exchange.objectBody()])
            return Exchange.noContent
        }
        try host.slowRest("POST", "/users/invite/accept") { exchange in
            _ = try exchange.call("users.invite.accept/1", ["payload": try exchange.objectBody()])
            return Exchange.noContent
        }
        try host.slowRest("POST", "/users/register") { exchange in
            _ = try exchange.call("users.register/1", ["payload": try exchange.objectBody()])
            return Exchange.noContent
        }
        try host.slowRest("GET", "/users/register/verify-email") { exchange in
            let token = QueryString.parse(exchange.request.query)["token"] ?? .null
            let result = try JSON.parse(exchange.call("users.register.verify/1", ["token": token]))
            return Response(status: 302, headers: [("Location", result["location"]?.stringValue ?? "/admin/login")])
        }
    }
}
