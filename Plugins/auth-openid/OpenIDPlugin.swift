import PluginKit

/// `auth.openid`: redirect logins through OpenID Connect (`openid`) and OAuth 2 (`oauth2`) identity providers.
///
/// The drivers behave as Directus's: users are matched on
/// `external_identifier`, registered when `ALLOW_PUBLIC_REGISTRATION` allows,
/// and given `DEFAULT_ROLE_ID` or the `ROLE_MAPPING` role of their groups; the
/// provider's refresh token is kept in `auth_data`.
final class OpenIDPlugin: Plugin {
    static let info = PluginInfo(id: "auth.openid", version: "1.0.0", kinds: [.authProvider],
                                 description: "OpenID Connect and OAuth 2 single sign-on")

    init(host: PluginHost) throws {
        try host.authProvider("openid", OpenIDDriver.self)
        try host.authProvider("oauth2", OAuth2Driver.self)
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: OpenIDPlugin.self)
}
