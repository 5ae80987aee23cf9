/// Directus field types, as the API reports them and as plans carry them.
public enum FieldType: String, Sendable, CaseIterable {
    case string, text, integer, bigInteger, float, decimal, boolean, uuid, json, csv
    case date, time, dateTime, timestamp, hash, binary, alias, unknown
    case geometry
    case geometryPoint = "geometry.Point"
    case geometryLineString = "geometry.LineString"
    case geometryPolygon = "geometry.Polygon"
    case geometryMultiPoint = "geometry.MultiPoint"
    case geometryMultiLineString = "geometry.MultiLineString"
    case geometryMultiPolygon = "geometry.MultiPolygon"

    /// Whether values of this type are numbers.
    public var isNumeric: Bool {
        switch self {
        case .integer, .bigInteger, .float, .decimal: return true
        default: return false
        }
    }

    /// Whether values of this type are dates or times.
    public var isTemporal: Bool {
        switch self {
        case .date, .time, .dateTime, .timestamp: return true
        default: return false
        }
    }

    public var isGeometry: Bool { rawValue.hasPrefix("geometry") }
}
