// The live database as the gate sees it: every relation code can read or write, its columns, the
// schemas, the effective search path and the migration tracking tables, read in one read-only
// transaction so the picture is consistent. The reader sits behind a small interface (house habit
// 8): the CLI and the checks take a CatalogReader, unit tests pass a MemoryCatalogReader, and only
// PostgresCatalogReader touches libpqxx, whose exceptions stop at its read().
//
// Secrets: a connection URL may carry a password, and libpq's errors may echo parts of the URL.
// Every message that leaves this module went through redact_url() and a scrub of the password.
#pragma once
#include <string>
#include <vector>

#include "analyzers/schema/catalog/tracking.h"
#include "analyzers/schema/schema.h"

namespace schemagate::schema::catalog {

struct CatalogSnapshot {
  /// Relations of kinds r, p, v, m, f in every non-system schema; Origin {"database", 0}.
  Schema schema;
  /// current_schemas(false): the role's search_path with "$user" expanded and missing schemas dropped.
  std::vector<std::string> search_path;
  /// One entry per tracking table found (tracking.h).
  std::vector<TrackingTable> tracking;
};

class CatalogReader {
 public:
  virtual ~CatalogReader() = default;
  /// Reads the whole snapshot. Returns false and sets *err to one line naming the cause.
  virtual bool read(CatalogSnapshot* out, std::string* err) = 0;
};

class PostgresCatalogReader final : public CatalogReader {
 public:
  /// `url` is a postgres:// URL or a key=value conninfo string, passed to libpq as-is (empty:
  /// libpq's defaults, i.e. the PG* variables and ~/.pgpass).
  explicit PostgresCatalogReader(std::string url, TrackingOptions options = {})
      : url_(std::move(url)), options_(std::move(options)) {}
  bool read(CatalogSnapshot* out, std::string* err) override;

 private:
  std::string url_;
  TrackingOptions options_;
};

/// A fixed answer, for tests of everything that consumes a snapshot.
class MemoryCatalogReader final : public CatalogReader {
 public:
  explicit MemoryCatalogReader(CatalogSnapshot snapshot) : snapshot_(std::move(snapshot)) {}
  static MemoryCatalogReader failing(std::string error) {
    MemoryCatalogReader r{CatalogSnapshot{}};
    r.error_ = std::move(error);
    return r;
  }
  bool read(CatalogSnapshot* out, std::string* err) override {
    if (!error_.empty()) {
      if (err) *err = error_;
      return false;
    }
    *out = snapshot_;
    return true;
  }

 private:
  CatalogSnapshot snapshot_;
  std::string error_;
};

/// `url` with application_name=schemagate and connect_timeout=10 (unless the URL or
/// PGCONNECT_TIMEOUT sets a timeout) appended as libpq options: as
/// URI query parameters ('?' or '&') for postgres:// and postgresql:// URLs, as key=value pairs
/// otherwise. Later values win in libpq, so these override the same keys given by the user.
std::string connection_string(const std::string& url);

/// Hides every password `text` may contain: the password of postgres://user:pass@host URLs
/// (also postgresql://, anywhere in the text), "password=..." in URI query strings (the key may
/// be percent-encoded, as libpq allows) and in key=value conninfo (quoted values included).
/// Each becomes "***". Safe on any text, including libpq error messages.
std::string redact_url(const std::string& text);

/// redact_url(message), with any literal occurrence of the password found in `url` (as written
/// and percent-decoded, if at least 4 characters long) also replaced, and newlines and tabs
/// folded so the result is one line.
std::string scrub_message(const std::string& message, const std::string& url);

}  // namespace schemagate::schema::catalog
