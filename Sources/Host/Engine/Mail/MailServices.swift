import PlinthJSON

/// Registers `mail.send/1` (docs/services.md): admins and the host itself may send email.
enum MailServices {
    static func register(in runtime: Runtime) {
        runtime.services.register("mail.send/1") { context, args in
            guard let engine = runtime.engine else { throw APIError.serviceUnavailable("database") }
            try engine.requireAdmin(context)
            guard let email = args.objectValue else { throw APIError.invalidPayload("The arguments must be an object") }
            let id = try MailService(engine: engine, context: context).send(email)
            return ["messageId": id.map(JSON.string) ?? .null]
        }
    }
}
