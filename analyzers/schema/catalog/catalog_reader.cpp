// PostgresCatalogReader: one libpqxx connection, one read-only transaction with statement and
// lock timeouts, nothing but SELECT and SET sent (the integration test reads log_statement=all
// back to prove it). Every pqxx and std exception stops in read(); what leaves is one line with
// the cause first and no password (see redact_url and scrub_message).
#include "analyzers/schema/catalog/catalog_reader.h"

#include <cstdlib>

#include <algorithm>
#include <cctype>
#include <memory>
#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <utility>

namespace schemagate::schema::catalog {

namespace {

using Span = std::pair<size_t, size_t>;  // [begin, end) of a secret inside a text

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The spans of every password in `s`, in order, not overlapping.
std::vector<Span> secret_spans(const std::string& s) {
  std::vector<Span> spans;
  std::string low = lower(s);
  // postgres://user:password@host and postgresql://...: the password runs from the first ':' of
  // the authority to the last '@' before the URL ends (URLs cannot contain raw whitespace, while
  // a password may contain '/', '?' or '@', so the last '@' is the safe choice).
  for (size_t pos = 0; (pos = low.find("postgres", pos)) != std::string::npos; ++pos) {
    size_t start = low.compare(pos, 11, "postgres://") == 0     ? pos + 11
                   : low.compare(pos, 13, "postgresql://") == 0 ? pos + 13
                                                                : std::string::npos;
    if (start == std::string::npos) continue;
    size_t end = start;
    while (end < s.size() && !is_space(s[end])) ++end;
    size_t at = s.rfind('@', end == 0 ? 0 : end - 1);
    if (at == std::string::npos || at < start) continue;
    size_t colon = s.find(':', start);
    if (colon < at) spans.push_back({colon + 1, at});
  }
  // password=... as a URI query parameter (key possibly percent-encoded; the value ends at '&')
  // or as a key=value conninfo pair (value ends at whitespace, or is a '...' quoted string).
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '?' && s[i - 1] != '&' && s[i - 1] != '"' && s[i - 1] != '(') continue;
    bool in_query = i > 0 && (s[i - 1] == '?' || s[i - 1] == '&');
    size_t k = i;
    while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_' || s[k] == '%')) ++k;
    if (k == i || lower(percent_decode(s.substr(i, k - i))) != "password") continue;
    size_t v = k;
    while (v < s.size() && is_space(s[v]) && !in_query) ++v;
    if (v >= s.size() || s[v] != '=') continue;
    ++v;
    while (v < s.size() && is_space(s[v]) && !in_query) ++v;
    size_t end = v;
    if (!in_query && v < s.size() && s[v] == '\'') {
      for (end = v + 1; end < s.size() && s[end] != '\''; ++end)
        if (s[end] == '\\') ++end;
      end = std::min(end + 1, s.size());
    } else {
      while (end < s.size() && !is_space(s[end]) && !(in_query && s[end] == '&')) ++end;
    }
    if (end > v) spans.push_back({v, end});
    i = end;
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const Span& sp : spans)
    if (!merged.empty() && sp.first < merged.back().second)
      merged.back().second = std::max(merged.back().second, sp.second);
    else
      merged.push_back(sp);
  return merged;
}

void replace_all(std::string* s, const std::string& what, const std::string& with) {
  for (size_t pos = 0; (pos = s->find(what, pos)) != std::string::npos; pos += with.size()) s->replace(pos, what.size(), with);
}

// Runs of whitespace (libpq's "\n\t" continuation lines, "ERROR:  ") become one space.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!is_space(c))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has_uri_scheme(const std::string& url) {
  std::string low = lower(url.substr(0, 13));
  return low.starts_with("postgres://") || low.starts_with("postgresql://");
}

struct Failure {
  const char* cause;
  const char* hint;
};

// What libpq's connection error means, in the words a user acts on.
Failure connection_failure(const std::string& libpq_message) {
  std::string m = lower(libpq_message);
  auto has = [&](const char* s) { return m.find(s) != std::string::npos; };
  if (has("connection refused") || has("no such file or directory"))
    return {"connection refused", "check the host and port, and that PostgreSQL is running and accepts connections there"};
  if (has("could not translate host name") || has("name or service not known") || has("name resolution"))
    return {"unknown host", "check the host name in the database URL"};
  if (has("authentication failed") || has("no password supplied") || has("pg_hba.conf"))
    return {"authentication failed", "check the user name and password (PGPASSWORD, ~/.pgpass) and pg_hba.conf"};
  if (has("timeout expired") || has("timed out"))
    return {"connection timed out", "check the host, the port and any firewall between here and the server"};
  if (has("permission denied"))
    return {"permission denied", "grant the role CONNECT on the database"};
  if (has("does not exist"))
    return {"database or role does not exist", "check the database and user names in the URL"};
  return {"connection failed", "check the database URL"};
}

// libpqxx 6 leaves sqlstate() empty for some error classes, so the message text backs it up.
Failure query_failure(const std::string& sqlstate, const std::string& message) {
  std::string m = lower(message);
  auto has = [&](const char* s) { return m.find(s) != std::string::npos; };
  if (sqlstate == "42501" || (sqlstate.empty() && has("permission denied"))) return {"permission denied", "grant the role SELECT on it"};
  if (sqlstate == "57014" || (sqlstate.empty() && has("statement timeout"))) return {"statement timeout (30s)", "retry when the database is less busy"};
  if (sqlstate == "55P03" || (sqlstate.empty() && has("lock timeout"))) return {"lock timeout (5s)", "another session holds a conflicting lock; retry later"};
  return {"query failed", "report this with the server version"};
}

std::vector<TextRow> text_rows(const pqxx::result& result) {
  std::vector<TextRow> rows;
  for (const auto& row : result) {
    TextRow r;
    for (const auto& field : row) r.push_back(field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str()));
    rows.push_back(std::move(r));
  }
  return rows;
}

RelationKind relation_kind(char relkind) {
  switch (relkind) {
    case 'p': return RelationKind::PartitionedTable;
    case 'v': return RelationKind::View;
    case 'm': return RelationKind::MaterializedView;
    case 'f': return RelationKind::ForeignTable;
    case 'S': return RelationKind::Sequence;
    default: return RelationKind::Table;
  }
}

constexpr const char* kUserSchemas =
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname !~ '^pg_(toast_)?temp_'";

void read_catalog(pqxx::transaction_base& tx, int server_version, CatalogSnapshot* out) {
  Schema schema;
  std::vector<std::string> schemas;
  for (const auto& row : tx.exec(std::string("SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE ") + kUserSchemas +
                                 " ORDER BY 1"))
    schemas.push_back(row[0].c_str());
  if (std::find(schemas.begin(), schemas.end(), "public") == schemas.end()) schema.drop_schema("public", false, {});
  for (const std::string& s : schemas) schema.add_schema(s);

  // attgenerated is PostgreSQL 12+, attidentity 10+; older servers have neither kind of column.
  // An identity column has no pg_attrdef row, but an INSERT may omit it: like the migration
  // simulator (ddl.cpp), count it as having a default.
  std::string generated = server_version >= 120000 ? "a.attgenerated <> ''" : "false";
  std::string identity = server_version >= 100000 ? "a.attidentity <> ''" : "false";
  pqxx::result columns = tx.exec(
      "SELECT n.nspname, c.relname, c.relkind, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
      "a.attnotnull, a.atthasdef OR " + identity + ", " + generated + ", " + identity + ", "
      "CASE WHEN t.typtype = 'e' THEN tn.nspname || '.' || t.typname END"
      " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
      " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
      " LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
      " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND " + kUserSchemas +
      " ORDER BY n.nspname, c.relname, a.attnum");
  Relation* current = nullptr;
  const Origin origin{"database", 0};
  for (const auto& row : columns) {
    std::string nsp = row[0].c_str(), name = row[1].c_str();
    if (!current || current->schema != nsp || current->name != name) {
      Relation r;
      r.schema = nsp, r.name = name, r.kind = relation_kind(row[2].c_str()[0]), r.origin = origin;
      current = &schema.add(std::move(r));
    }
    if (row[3].is_null()) continue;  // a relation without columns
    auto flag = [&](int i) { return std::string(row[i].c_str()) == "t"; };
    current->columns.push_back(
        {row[3].c_str(), row[4].c_str(), flag(5), flag(6), flag(7), flag(8), row[9].is_null() ? "" : row[9].c_str(), origin});
  }

  // Unique keys of tables: what INSERT ... ON CONFLICT needs. A partial or expression index is
  // kept as partial; a table with an exclusion constraint has arbiters the model does not follow.
  for (auto& [k, r] : schema.relations())
    if (r.kind == RelationKind::Table || r.kind == RelationKind::PartitionedTable) schema.find(r.schema, r.name)->keys_complete = true;
  for (const auto& row : tx.exec(
           std::string("SELECT n.nspname, c.relname, i.relname, x.indpred IS NOT NULL OR x.indexprs IS NOT NULL, "
                       "(SELECT string_agg(a.attname, chr(31) ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY "
                       "AS k(attnum, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
                       "WHERE k.ord <= x." + std::string(server_version >= 110000 ? "indnkeyatts" : "indnatts") +
                       ") FROM pg_catalog.pg_index x"
                       " JOIN pg_catalog.pg_class c ON c.oid = x.indrelid JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
                       " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE x.indisunique AND ") +
           kUserSchemas)) {
    Relation* r = schema.find(row[0].c_str(), row[1].c_str());
    if (!r) continue;
    UniqueKey key;
    key.name = row[2].c_str();
    key.partial = std::string(row[3].c_str()) == "t";
    std::string cols = row[4].is_null() ? "" : row[4].c_str();
    for (size_t at = 0; !cols.empty();) {
      size_t sep = cols.find('\x1f', at);
      key.columns.push_back(cols.substr(at, sep == std::string::npos ? std::string::npos : sep - at));
      if (sep == std::string::npos) break;
      at = sep + 1;
    }
    key.origin = origin;
    r->unique_keys.push_back(std::move(key));
  }
  for (const auto& row : tx.exec(std::string("SELECT DISTINCT n.nspname, c.relname FROM pg_catalog.pg_constraint x"
                                             " JOIN pg_catalog.pg_class c ON c.oid = x.conrelid"
                                             " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                             " WHERE x.contype = 'x' AND ") + kUserSchemas))
    if (Relation* r = schema.find(row[0].c_str(), row[1].c_str())) r->keys_complete = false;

  // Functions and procedures of the user schemas (those of extensions included): how many
  // arguments a call may pass. prokind is PostgreSQL 11+; before, no procedures.
  std::string procedure = server_version >= 110000 ? "p.prokind = 'p'" : "false";
  for (const auto& row : tx.exec(
           "SELECT n.nspname, p.proname, p.pronargs, p.pronargdefaults, p.provariadic <> 0, " + procedure +
           // The input arguments' names (proargnames lists OUT ones too when proargmodes is set).
           ", p.proargnames IS NOT NULL, (SELECT string_agg(coalesce(p.proargnames[i], ''), chr(31) ORDER BY i)"
           " FROM generate_subscripts(p.proargnames, 1) i"
           " WHERE p.proargmodes IS NULL OR p.proargmodes[i] IN ('i', 'b', 'v'))"
           " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE " + kUserSchemas)) {
    Function f;
    f.schema = row[0].c_str();
    f.name = row[1].c_str();
    f.declared = row[2].as<int>();
    bool variadic = std::string(row[4].c_str()) == "t";
    f.min_args = std::max(0, f.declared - row[3].as<int>());
    f.max_args = variadic ? -1 : f.declared;
    f.procedure = std::string(row[5].c_str()) == "t";
    if (std::string(row[6].c_str()) == "t") {
      std::string names = row[7].is_null() ? "" : row[7].c_str();
      for (size_t at = 0; f.declared > 0;) {
        size_t sep = names.find('\x1f', at);
        f.arg_names.push_back(names.substr(at, sep == std::string::npos ? std::string::npos : sep - at));
        if (sep == std::string::npos) break;
        at = sep + 1;
      }
      f.arg_names_known = f.arg_names.size() == static_cast<size_t>(f.declared);
    } else {
      f.arg_names.assign(static_cast<size_t>(f.declared), "");  // no argument has a name
      f.arg_names_known = true;
    }
    f.origin = origin;
    schema.functions[f.schema + "." + f.name].push_back(std::move(f));
  }
  // Enum types and their labels, in order.
  for (const auto& row : tx.exec(std::string("SELECT n.nspname || '.' || t.typname, e.enumlabel FROM pg_catalog.pg_enum e"
                                             " JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
                                             " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE ") +
                                 kUserSchemas + " ORDER BY 1, e.enumsortorder")) {
    EnumType& e = schema.enums[row[0].c_str()];
    e.origin = origin;
    e.labels.push_back(row[1].c_str());
    e.origins.push_back(origin);
  }

  std::vector<std::string> path;
  for (const auto& row : tx.exec("SELECT s FROM unnest(pg_catalog.current_schemas(false)) WITH ORDINALITY AS p(s, i) ORDER BY i"))
    path.push_back(row[0].c_str());
  out->schema = std::move(schema);
  out->search_path = std::move(path);
}

}  // namespace

std::string connection_string(const std::string& url) {
  constexpr const char* kOptions = "application_name=schemagate";
  // A connect timeout the user chose (in the URL or PGCONNECT_TIMEOUT) is kept; otherwise 10 s,
  // so an unreachable server fails the gate instead of hanging the pipeline.
  const char* env_timeout = std::getenv("PGCONNECT_TIMEOUT");
  bool user_timeout = url.find("connect_timeout") != std::string::npos || (env_timeout && *env_timeout);
  std::string timeout = user_timeout ? "" : "connect_timeout=10";
  if (has_uri_scheme(url))
    return url + (url.find('?') == std::string::npos ? "?" : "&") + kOptions + (timeout.empty() ? "" : "&" + timeout);
  std::string base = url;
  while (!base.empty() && is_space(base.back())) base.pop_back();
  return base + (base.empty() ? "" : " ") + kOptions + (timeout.empty() ? "" : " " + timeout);
}

std::string redact_url(const std::string& text) {
  std::string out = text;
  std::vector<Span> spans = secret_spans(text);
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.replace(it->first, it->second - it->first, "***");
  return out;
}

std::string scrub_message(const std::string& message, const std::string& url) {
  std::string out = redact_url(message);
  for (const Span& sp : secret_spans(url)) {
    std::string secret = url.substr(sp.first, sp.second - sp.first);
    if (secret.size() >= 2 && secret.front() == '\'' && secret.back() == '\'') secret = secret.substr(1, secret.size() - 2);
    for (const std::string& form : {secret, percent_decode(secret)})
      if (form.size() >= 4) replace_all(&out, form, "***");
  }
  return one_line(out);
}

static bool conninfo_values(const std::string& url, std::vector<std::pair<std::string, std::string>>* values) {
  char* errmsg = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &errmsg);
  if (errmsg) PQfreemem(errmsg);  // it quotes the string it could not parse: never printed
  if (!options) return false;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val) values->push_back({o->keyword, o->val});
  PQconninfoFree(options);
  return true;
}

static std::string scrub_connection_values(std::string message, const std::string& url) {
  std::vector<std::pair<std::string, std::string>> values;
  if (!conninfo_values(url, &values)) return message;
  for (auto& [key, value] : values) {
    if (key == "host" || key == "hostaddr" || key == "port" || key == "dbname" || key == "user") continue;
    if (value.size() >= 3) replace_all(&message, value, "***");
  }
  return message;
}

bool PostgresCatalogReader::read(CatalogSnapshot* out, std::string* err) {
  auto fail = [&](const std::string& what, const Failure& f, const std::string& detail) {
    if (err)
      *err = what + ": " + f.cause + " (" + scrub_connection_values(scrub_message(detail, url_), url_) + "); " + f.hint;
    return false;
  };
  // libpq quotes the part of a connection string it cannot parse ("missing \"=\" after
  // \"Secret99\""): with a password containing a blank, or a bare secret given as the URL, that
  // part is the password. Such a URL is rejected here without a word of its text.
  std::vector<std::pair<std::string, std::string>> values;
  if (!conninfo_values(url_, &values)) {
    if (err)
      *err = "cannot connect to the database: the database URL is not a valid connection string (its text is not "
             "printed: it may hold a password); give a postgres://user@host:port/db URL or key=value pairs, quoting "
             "values with blanks as 'a b'";
    return false;
  }
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(connection_string(url_));
  } catch (const std::exception& e) {
    return fail("cannot connect to the database", connection_failure(e.what()), e.what());
  }

  std::string reading = "cannot read the database catalog";
  try {
    pqxx::work tx(*conn);
    tx.exec("SET TRANSACTION READ ONLY");
    tx.exec("SET LOCAL statement_timeout = '30s'");
    tx.exec("SET LOCAL lock_timeout = '5s'");
    CatalogSnapshot snapshot;
    read_catalog(tx, conn->server_version(), &snapshot);

    std::vector<TrackingSource> sources;
    if (!find_tracking_tables(snapshot.schema, options_, &sources, err)) return false;
    for (const TrackingSource& source : sources) {
      reading = "cannot read migration tracking table " + source.schema + "." + source.table;
      TrackingTable table;
      if (!parse_tracking_rows(source, text_rows(tx.exec(source.query)), &table, err)) return false;
      snapshot.tracking.push_back(std::move(table));
    }
    if (!check_tracking_agreement(snapshot.tracking, err)) return false;
    tx.commit();
    *out = std::move(snapshot);
    return true;
  } catch (const pqxx::sql_error& e) {
    return fail(reading, query_failure(e.sqlstate(), e.what()), e.what());
  } catch (const pqxx::broken_connection& e) {
    return fail(reading, {"connection lost", "check the server and the network, then retry"}, e.what());
  } catch (const std::exception& e) {
    return fail(reading, {"unexpected error", "report this with the server version"}, e.what());
  }
}

}  // namespace schemagate::schema::catalog
