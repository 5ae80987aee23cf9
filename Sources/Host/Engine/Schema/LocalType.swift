import SQLPlan

/// Directus's `getLocalType`: the API type of a column from its database type and its `special` flags.
enum LocalType {
    /// The type of a column (`data_type` as the driver's inspector reports it), refined by `special`.
    static func resolve(dataType: String?, precision: Int?, scale: Int?, maxLength: Int?, special: [String]) -> FieldType {
        guard let dataType else { return .alias }
        let key = String(dataType.lowercased().split(separator: "(").first ?? "")
        let mapped = map[key]
        if special.contains("cast-json") { return .json }
        if special.contains("hash") { return .hash }
        if special.contains("cast-csv") { return .csv }
        if special.contains("uuid") || special.contains("file") { return .uuid }
        if special.contains("cast-timestamp") { return .timestamp }
        if special.contains("cast-datetime") { return .dateTime }
        if let mapped, mapped.isGeometry { return special.first.flatMap(FieldType.init(rawValue:)) ?? .geometry }
        if key == "numeric", precision != nil, scale != nil { return .decimal }
        if key == "varchar" || key == "nvarchar", maxLength == nil || maxLength == -1 { return .text }
        if key == "integer" || key == "int", precision == 64 { return .bigInteger }
        return mapped ?? .unknown
    }

    static let map: [String: FieldType] = {
        var map: [String: FieldType] = [:]
        for key in ["boolean", "bool"] { map[key] = .boolean }
        for key in ["tinyint", "smallint", "mediumint", "int", "integer", "serial", "int2", "int4", "serial4", "year", "integerfirst", "number", "numeric"] { map[key] = .integer }
        for key in ["bigint", "bigserial", "int8", "serial8"] { map[key] = .bigInteger }
        map["decimal"] = .decimal
        for key in ["float", "double", "double precision", "real", "float4", "float8", "money", "smallmoney"] { map[key] = .float }
        for key in ["varchar", "char", "character varying", "character", "bpchar", "_varchar", "interval", "nvarchar", "varchar2", "longvarchar"] { map[key] = .string }
        for key in ["text", "clob", "tinytext", "mediumtext", "longtext", "ntext", "citext", "string", "nchar"] { map[key] = .text }
        map["date"] = .date
        for key in ["datetime", "datetime2", "smalldatetime", "timestamp without time zone", "timestamp without local time zone"] { map[key] = .dateTime }
        for key in ["timestamp", "timestamptz", "timestamp with time zone", "timestamp with local time zone", "datetimeoffset"] { map[key] = .timestamp }
        for key in ["time", "timetz", "time with time zone", "time without time zone"] { map[key] = .time }
        for key in ["json", "jsonb"] { map[key] = .json }
        for key in ["uuid", "uniqueidentifier"] { map[key] = .uuid }
        for key in ["blob", "mediumblob", "binary", "varbinary", "image"] { map[key] = .binary }
        for key in ["geometry", "sdo_geometry"] { map[key] = .geometry }
        map["point"] = .geometryPoint
        map["linestring"] = .geometryLineString
        map["polygon"] = .geometryPolygon
        map["multipoint"] = .geometryMultiPoint
        map["multilinestring"] = .geometryMultiLineString
        map["multipolygon"] = .geometryMultiPolygon
        return map
    }()
}
