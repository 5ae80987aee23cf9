import CLibPQ
import Foundation
import PlinthJSON
import SQLCompiler

/// One libpq connection with its prepared-statement cache. Used by one thread at a time.
///
/// Values go as text parameters of unknown type, so the server infers each
/// one from where it is used (a column, a LIMIT…). Where nothing tells it (a
/// value alone in a function taking "any", `$1 IS NULL`), preparing fails
/// with 42P18 and is retried with that parameter typed from its value.
final class PostgresConnection {
    let handle: OpaquePointer
    private var statements: [String: String] = [:]
    private var statementOrder: [String] = []
    private var nextStatement = 0
    private let cacheLimit = 256
    /// Statements run, for the `stats` plan.
    var executed = 0
    /// Bytes the last result took, so the next one's buffer rarely grows.
    var resultSizeHint = 256
    /// Reads compiled by plan shape.
    let reads = ReadCache<PostgresRead>()
    /// Column reads whose results have a type `PostgresRows` does not write (bounded).
    private var jsonReads: Set<String> = []

    init(settings: PostgresSettings) throws {
        handle = try settings.connect()
        PQsetNoticeProcessor(handle, PostgresConnection.ignoreNotice, nil)
        try setUp()
    }

    deinit {
        PQfinish(handle)
    }

    /// Session settings every connection needs, also after a reset: dates are read and written in
    /// UTC, and written as ISO text (PostgresRows reads that form); the server's day/month order
    /// for reading ambiguous dates stays as it is.
    private func setUp() throws {
        try run("SET TimeZone = 'UTC'; SET DateStyle = 'ISO'; SET standard_conforming_strings = on")
    }

    /// Whether the server side is gone (terminated, restarted, network dropped).
    var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// Whether a transaction (implicit or explicit) is open on the connection.
    var inTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    /// Notices a terminated backend left unread, reconnecting when the server went away.
    ///
    /// Reading pending input does not block; it is how libpq learns that the
    /// socket was closed while the connection sat in the pool.
    func revalidate() throws {
        if !isBroken { PQconsumeInput(handle) }
        if isBroken { try reconnect() }
    }

    /// Re-establishes the session with the same parameters; prepared statements are gone with the old one.
    func reconnect() throws {
        PQreset(handle)
        statements = [:]
        statementOrder = []
        guard !isBroken else {
            throw DriverError("connection", "lost the connection to PostgreSQL at \(PostgresSettings.location(handle)) and cannot reconnect: \(errorMessage)")
        }
        try setUp()
    }

    private var errorMessage: String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs SQL without parameters (DDL, transaction control); several statements are allowed.
    func run(_ sql: String) throws {
        executed += 1
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs a statement through the prepared-statement cache and hands its result to `body`.
    func execute<T>(_ sql: SQL, _ body: (OpaquePointer) throws -> T) throws -> T {
        let name = try prepare(sql)
        let texts = sql.parameters.map(PostgresConnection.text)
        let values: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { values.forEach { free($0) } }
        executed += 1
        let result = values.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer {
            PQexecPrepared(handle, name, Int32(texts.count), $0.baseAddress, nil, nil, 0)
        }
        defer { PQclear(result) }
        if let result, !inTransaction, PostgresError.sqlstate(result) == "0A000", PostgresError.message(result).contains("cached plan") {
            // A table changed under a cached statement whose result type depended on it (in a
            // transaction the error has already aborted it, so it is reported instead).
            forget(sql.text)
            return try execute(sql, body)
        }
        try check(result, sql: sql.text)
        return try body(result!)
    }

    /// Runs a query and returns its rows as JSON values typed from the column types.
    func query(_ sql: SQL) throws -> [[JSON]] {
        try execute(sql) { result in
            (0..<PQntuples(result)).map { row in (0..<PQnfields(result)).map { PostgresConnection.value(result, row, $0) } }
        }
    }

    /// Whether the column read `text` is run as its JSON statement instead (PostgresExecutor.read).
    func readsAsJSON(_ text: String) -> Bool {
        !jsonReads.isEmpty && jsonReads.contains(text)
    }

    func readAsJSON(_ text: String) {
        if jsonReads.count >= cacheLimit { jsonReads.removeAll() }
        jsonReads.insert(text)
    }

    private func prepare(_ sql: SQL) throws -> String {
        if let name = statements[sql.text] { return name }
        nextStatement += 1
        let name = "s\(nextStatement)"
        var types = [Oid](repeating: 0, count: sql.parameters.count)
        // A failed prepare aborts an open transaction: retries happen behind a savepoint.
        let guarded = inTransaction
        if guarded { try run("SAVEPOINT plinth_prepare") }
        while true {
            executed += 1
            let result = PQprepare(handle, name, sql.text, Int32(types.count), types)
            defer { PQclear(result) }
            if let result, PQresultStatus(result) == PGRES_COMMAND_OK { break }
            if let result, PostgresError.sqlstate(result) == "42P18", let index = PostgresError.parameterIndex(result),
               types.indices.contains(index - 1), types[index - 1] == 0 {
                types[index - 1] = PostgresConnection.fallbackType(sql.parameters[index - 1])
                if guarded { try run("ROLLBACK TO SAVEPOINT plinth_prepare") }
                continue
            }
            let error = PostgresError.classify(result, connection: self, sql: sql.text)
            if guarded, !isBroken { try? run("ROLLBACK TO SAVEPOINT plinth_prepare; RELEASE SAVEPOINT plinth_prepare") }
            throw error
        }
        if guarded { try run("RELEASE SAVEPOINT plinth_prepare") }
        remember(sql.text, name)
        return name
    }

    private func remember(_ text: String, _ name: String) {
        if statements.count >= cacheLimit, let oldest = statementOrder.first {
            forget(oldest)
        }
        statements[text] = name
        statementOrder.append(text)
    }

    private func forget(_ text: String) {
        guard let name = statements.removeValue(forKey: text) else { return }
        statementOrder.removeAll { $0 == text }
        PQclear(PQexec(handle, "DEALLOCATE \(name)"))
    }

    private func check(_ result: OpaquePointer?, sql: String) throws {
        guard let result else { throw PostgresError.classify(nil, connection: self, sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: throw PostgresError.classify(result, connection: self, sql: sql)
        }
    }

    /// A parameter in libpq's text format (NULL for SQL NULL; bytea in hex).
    static func text(_ value: Bound) -> String? {
        switch value {
        case .null: return nil
        case .integer(let integer): return String(integer)
        case .double(let double): return double.isFinite ? String(double) : (double.isNaN ? "NaN" : double > 0 ? "Infinity" : "-Infinity")
        case .text(let text): return text
        case .blob(let bytes): return "\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// The type for a parameter the server could not infer: int8, float8, bytea or text.
    static func fallbackType(_ value: Bound) -> Oid {
        switch value {
        case .integer: return 20
        case .double: return 701
        case .blob: return 17
        case .null, .text: return 25
        }
    }

    /// A result field as JSON: numbers, booleans and JSON columns keep their type; everything else is text.
    static func value(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> JSON {
        guard PQgetisnull(result, row, column) == 0, let raw = PQgetvalue(result, row, column) else { return .null }
        let text = String(cString: raw)
        switch PQftype(result, column) {
        case 20, 21, 23, 26, 1700: return .number(text)
        case 700, 701: return Double(text)?.isFinite == true ? .number(text) : .string(text)
        case 16: return .bool(text == "t")
        case 114, 3802: return (try? JSON.parse(text)) ?? .string(text)
        default: return .string(text)
        }
    }

    /// The text of column 0 of every row, as a JSON array (the statement already builds each row's JSON).
    static func appendRows(_ result: OpaquePointer, to out: ByteWriter) {
        out.append(UInt8(ascii: "["))
        for row in 0..<PQntuples(result) {
            if row > 0 { out.append(UInt8(ascii: ",")) }
            if PQgetisnull(result, row, 0) != 0 {
                RowWriter.appendNull(to: out)
            } else if let raw = PQgetvalue(result, row, 0) {
                let length = Int(PQgetlength(result, row, 0))
                raw.withMemoryRebound(to: UInt8.self, capacity: length) {
                    appendCompact(UnsafeBufferPointer(start: $0, count: length), to: out)
                }
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Copies JSON text without the whitespace PostgreSQL puts between tokens (`{"a" : 1, "b" : 2}`),
    /// so both databases answer byte-identical JSON. Strings are copied untouched; the text is
    /// copied in runs between the whitespace it drops.
    static func appendCompact(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteWriter) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        out.reserve(count)
        var index = 0
        var runStart = 0
        while index < count {
            switch base[index] {
            case 0x22:
                // A string: on to the byte after its closing quote, stepping over escapes.
                index += 1
                while index < count {
                    let byte = base[index]
                    index += byte == 0x5C ? 2 : 1
                    if byte == 0x22 { break }
                }
            case 0x20, 0x0A, 0x0D, 0x09:
                out.append(base + runStart, count: index - runStart)
                index += 1
                runStart = index
            default:
                index += 1
            }
        }
        out.append(base + runStart, count: min(index, count) - runStart)
    }

    /// Number of rows a command changed.
    static func changes(_ result: OpaquePointer) -> Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    private static let ignoreNotice: PQnoticeProcessor = { _, _ in }
}
