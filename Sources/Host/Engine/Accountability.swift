import PlinthJSON

/// Who is calling and what they may do, resolved once per request.
public struct Accountability: Sendable {
    public var user: String?
    public var role: String?
    /// The user's role and its ancestors.
    public var roles: [String]
    public var policies: [String]
    public var admin: Bool
    public var app: Bool
    public var ip: String?
    public var userAgent: String?
    public var origin: String?
    /// The session (refresh token) of a session-mode JWT, so a password change can end every other session.
    public var session: String?

    public init(user: String? = nil, role: String? = nil, roles: [String] = [], policies: [String] = [], admin: Bool = false, app: Bool = false, ip: String? = nil, userAgent: String? = nil, origin: String? = nil) {
        self.user = user
        self.role = role
        self.roles = roles
        self.policies = policies
        self.admin = admin
        self.app = app
        self.ip = ip
        self.userAgent = userAgent
        self.origin = origin
    }

    /// An unauthenticated caller.
    public static func anonymous(ip: String? = nil) -> Accountability {
        Accountability(ip: ip)
    }

    /// Full access, for the host's own work and plugin calls without a context.
    public static let system = Accountability(admin: true, app: true)

    /// The JSON handed to plugins by `context_accountability`.
    public var json: JSON {
        [
            "user": user.map(JSON.string) ?? .null,
            "role": role.map(JSON.string) ?? .null,
            "roles": .array(roles.map(JSON.string)),
            "policies": .array(policies.map(JSON.string)),
            "admin": .bool(admin),
            "app": .bool(app),
            "ip": ip.map(JSON.string) ?? .null,
        ]
    }
}
