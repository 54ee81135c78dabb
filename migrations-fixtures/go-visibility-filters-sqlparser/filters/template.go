package filters

// Shared with the archival query parsers, which wrap the filter the same way.
const QueryTemplate = "select * from dummy where %s"
