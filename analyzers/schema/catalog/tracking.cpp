// Tracking tables: recognition, row parsing, agreement and classification (see tracking.h for
// the layouts and where each tool's rule comes from). Everything here is pure: the reader runs
// the queries, so these functions are unit-tested on in-memory rows.
#include "analyzers/schema/catalog/tracking.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <nlohmann/json.hpp>

#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::catalog {

namespace {

using migrations::MigrationFile;

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

bool has_columns(const Relation& r, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (!r.find_column(n)) return false;
  return true;
}

std::string column_list(const Relation& r) {
  std::string out;
  for (const Column& c : r.columns) out += (out.empty() ? "" : ", ") + c.name;
  return "(" + out + ")";
}

bool is_true(const std::optional<std::string>& v) { return v && (*v == "t" || *v == "true"); }
std::string text(const std::optional<std::string>& v) { return v ? *v : "NULL"; }

bool is_dotted_number(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// Order of versions across tools: numbers and dotted numbers as numbers ("0003" == "3",
// "1.10" > "1.9"), anything else (Prisma names, negative golang-migrate versions) as text.
int compare_versions(const std::string& a, const std::string& b) {
  if (is_dotted_number(a) && is_dotted_number(b)) return migrations::compare_dotted_versions(a, b);
  return a.compare(b);
}

// Whether a file version and a recorded version name the same migration, as the tool decides:
// dbmate, Supabase, Prisma and Drizzle compare text; the others parse numbers.
bool same_version(const std::string& format, const std::string& file, const std::string& row) {
  if (format == "dbmate" || format == "supabase" || format == "prisma" || format == "drizzle" ||
      format == "sql-migrate")
    return file == row;
  return compare_versions(file, row) == 0;
}

bool compatible(const std::string& file_format, const std::string& table_format) {
  return file_format == table_format || file_format == "plain" ||
         (file_format == "golang-migrate" && table_format == "sqlx") ||
         (file_format == "sqlx" && table_format == "golang-migrate");
}

std::string base_name(const std::string& path) { return std::string(migrations::last_component(path)); }

}  // namespace

const char* migration_status_name(MigrationStatus status) {
  switch (status) {
    case MigrationStatus::Applied: return "applied";
    case MigrationStatus::Pending: return "pending";
    case MigrationStatus::Failed: return "failed";
    case MigrationStatus::Unknown: return "unknown";
  }
  return "unknown";
}

bool find_tracking_tables(const Schema& live, const TrackingOptions& options,
                          std::vector<TrackingSource>* out, std::string* err) {
  for (const auto& entry : live.relations()) {
    const Relation& r = entry.second;  // a named reference: lambdas below capture it
    if (r.kind != RelationKind::Table && r.kind != RelationKind::PartitionedTable) continue;
    std::string from = quote_ident(r.schema) + "." + quote_ident(r.name);
    auto add = [&](const char* format, const std::string& query) {
      out->push_back({format, r.schema, r.name, query});
      return true;
    };
    auto mismatch = [&](const std::string& expected) {
      if (err)
        *err = r.qualified_name() + " is named like a migration tracking table but has columns " +
               column_list(r) + ", not " + expected +
               "; schemagate cannot tell which migrations are applied (rename the table if it is not one)";
      return false;
    };
    bool ok = true;
    if (r.name == "schema_migrations" && r.schema == "supabase_migrations") {
      ok = has_columns(r, {"version"})
               ? add("supabase", "SELECT version::text, " + std::string(r.find_column("name") ? "name" : "NULL::text") +
                                     " FROM " + from + " ORDER BY version")
               : mismatch("the Supabase CLI's (version, name, statements)");
    } else if (r.name == "schema_migrations") {
      if (has_columns(r, {"version", "dirty"}))
        ok = add("golang-migrate", "SELECT version::text, dirty::text FROM " + from);
      else if (has_columns(r, {"version"}))
        ok = add("dbmate", "SELECT version::text FROM " + from + " ORDER BY version");
      else
        ok = mismatch("golang-migrate's (version, dirty) or dbmate's (version)");
    } else if (r.name == "gorp_migrations") {
      // sql-migrate: one row per applied file, id = the file name (its default table name).
      ok = has_columns(r, {"id", "applied_at"})
               ? add("sql-migrate", "SELECT id FROM " + from + " ORDER BY applied_at, id")
               : mismatch("sql-migrate's (id, applied_at)");
    } else if (r.name == "goose_db_version") {
      ok = has_columns(r, {"id", "version_id", "is_applied"})
               ? add("goose", "SELECT version_id::text, is_applied::text FROM " + from + " ORDER BY id")
               : mismatch("goose's (id, version_id, is_applied, tstamp)");
    } else if (r.name == options.flyway_table) {
      ok = has_columns(r, {"installed_rank", "version", "type", "script", "success"})
               ? add("flyway", "SELECT version, script, success::text, type FROM " + from + " ORDER BY installed_rank")
               : mismatch("Flyway's (installed_rank, version, description, type, script, checksum, ..., success)");
    } else if (r.name == "_sqlx_migrations") {
      ok = has_columns(r, {"version", "description", "success"})
               ? add("sqlx", "SELECT version::text, description, success::text FROM " + from + " ORDER BY version")
               : mismatch("sqlx's (version, description, installed_on, success, checksum, execution_time)");
    } else if (r.name == "_prisma_migrations") {
      ok = has_columns(r, {"id", "migration_name", "finished_at", "rolled_back_at", "started_at"})
               ? add("prisma", "SELECT migration_name, (finished_at IS NOT NULL)::text, (rolled_back_at IS NOT NULL)::text FROM " +
                                   from + " ORDER BY started_at, id")
               : mismatch("Prisma's (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)");
    } else if (r.name == "__drizzle_migrations") {
      ok = has_columns(r, {"id", "hash", "created_at"})
               ? add("drizzle", "SELECT created_at::text, hash FROM " + from + " ORDER BY created_at, id")
               : mismatch("drizzle-kit's (id, hash, created_at)");
    }
    if (!ok) return false;
  }
  return true;
}

bool parse_tracking_rows(const TrackingSource& source, const std::vector<TextRow>& rows,
                         TrackingTable* out, std::string* err) {
  out->format = source.format;
  out->table = source.schema + "." + source.table;
  out->rows.clear();
  const std::string& f = source.format;
  size_t width = f == "golang-migrate" || f == "supabase" || f == "drizzle" ? 2
                 : f == "dbmate" || f == "sql-migrate"                       ? 1
                 : f == "goose"                                              ? 2
                 : f == "flyway"                                             ? 4
                                                                             : 3;
  for (const TextRow& row : rows)
    if (row.size() != width) {
      if (err) *err = "reading " + out->table + ": expected " + std::to_string(width) + " columns per row";
      return false;
    }
  auto push = [&](std::string version, std::string name, bool failed, std::string raw, bool covers = false) {
    out->rows.push_back({std::move(version), std::move(name), failed ? AppliedState::Failed : AppliedState::Applied,
                         covers, std::move(raw)});
  };

  if (f == "golang-migrate") {
    // golang-migrate truncates and rewrites one row per run and reads it with LIMIT 1.
    if (!rows.empty())
      push(text(rows[0][0]), "", is_true(rows[0][1]), "version=" + text(rows[0][0]) + " dirty=" + text(rows[0][1]), true);
  } else if (f == "dbmate") {
    for (const TextRow& row : rows) push(text(row[0]), "", false, "version=" + text(row[0]));
  } else if (f == "sql-migrate") {
    for (const TextRow& row : rows) push(text(row[0]), "", false, "id=" + text(row[0]));
  } else if (f == "supabase") {
    for (const TextRow& row : rows) push(text(row[0]), row[1].value_or(""), false, "version=" + text(row[0]));
  } else if (f == "goose") {
    // The latest row (highest id) per version decides; older goose wrote is_applied=false rows
    // on down instead of deleting. Version 0 is goose's bookkeeping row.
    std::map<std::string, bool> applied;
    for (const TextRow& row : rows) applied[text(row[0])] = is_true(row[1]);
    std::vector<std::string> versions;
    for (const auto& [v, on] : applied)
      if (on && v != "0") versions.push_back(v);
    std::sort(versions.begin(), versions.end(),
              [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
    for (const std::string& v : versions) push(v, "", false, "version_id=" + v + " is_applied=true");
  } else if (f == "flyway") {
    for (const TextRow& row : rows) {
      std::string version = row[0].value_or(""), script = text(row[1]), type = text(row[3]);
      if (type == "SCHEMA") continue;  // "<< Flyway Schema Creation >>", not a migration
      // A DELETE row (flyway repair) cancels the earlier rows of its migration.
      auto same = [&](const AppliedMigration& m) {
        return version.empty() ? m.name == script : m.version == version;
      };
      if (type == "DELETE") {
        std::erase_if(out->rows, same);
        continue;
      }
      if (version.empty()) std::erase_if(out->rows, same);  // a repeatable's latest run decides
      push(version, script, !is_true(row[2]),
           "version=" + text(row[0]) + " script=" + script + " success=" + text(row[2]) +
               (type == "BASELINE" ? " type=BASELINE" : ""),
           type == "BASELINE");
    }
  } else if (f == "sqlx") {
    for (const TextRow& row : rows)
      push(text(row[0]), row[1].value_or(""), !is_true(row[2]), "version=" + text(row[0]) + " success=" + text(row[2]));
  } else if (f == "prisma") {
    // One row per attempt. Applied: an attempt finished and was not rolled back. Failed: an
    // attempt neither finished nor was rolled back (Prisma refuses to deploy, P3009).
    std::vector<std::string> order;
    std::map<std::string, std::pair<bool, bool>> seen;  // name -> {applied, failed}
    for (const TextRow& row : rows) {
      std::string name = text(row[0]);
      if (!seen.count(name)) order.push_back(name);
      bool finished = is_true(row[1]), rolled_back = is_true(row[2]);
      seen[name].first |= finished && !rolled_back;
      seen[name].second |= !finished && !rolled_back;
    }
    for (const std::string& name : order) {
      auto [applied, failed] = seen[name];
      if (failed)
        push(name, "", true, "migration_name=" + name + " finished_at=NULL rolled_back_at=NULL");
      else if (applied)
        push(name, "", false, "migration_name=" + name);
    }
  } else if (f == "drizzle") {
    for (const TextRow& row : rows) push(text(row[0]), text(row[1]), false, "created_at=" + text(row[0]) + " hash=" + text(row[1]));
  } else {
    if (err) *err = "unknown tracking format " + f;
    return false;
  }
  return true;
}

bool check_tracking_agreement(const std::vector<TrackingTable>& tables, std::string* err) {
  const TrackingTable* first = nullptr;
  std::string first_head;
  for (const TrackingTable& t : tables) {
    std::string head;
    for (const AppliedMigration& m : t.rows)
      if (!m.version.empty() && (head.empty() || compare_versions(m.version, head) > 0)) head = m.version;
    if (head.empty()) continue;
    if (!first) {
      first = &t, first_head = head;
    } else if (compare_versions(head, first_head) != 0) {
      if (err)
        *err = "migration tracking tables disagree: " + first->table + " (" + first->format + ") is at version " +
               first_head + ", " + t.table + " (" + t.format + ") at version " + head +
               "; drop or rename the table of the tool the project no longer uses";
      return false;
    }
  }
  return true;
}

bool read_drizzle_journal_times(const source::FileSystem& fs, const std::string& root,
                                const std::vector<MigrationFile>& files, DrizzleJournalTimes* out,
                                std::string* err) {
  std::set<std::string> done;
  for (const MigrationFile& f : files) {
    if (f.format != "drizzle") continue;
    size_t slash = f.path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : f.path.substr(0, slash);
    if (!done.insert(dir).second) continue;
    std::string journal = source::join_path(dir, "meta/_journal.json"), content, reason;
    if (!fs.read(source::join_path(root, journal), &content, &reason)) {
      if (err) *err = journal + ": " + reason;
      return false;
    }
    nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("entries") || !j["entries"].is_array()) {
      if (err) *err = journal + ": not a drizzle-kit journal";
      return false;
    }
    for (const nlohmann::json& e : j["entries"])
      if (e.is_object() && e.contains("tag") && e["tag"].is_string() && e.contains("when") && e["when"].is_number_integer())
        (*out)[e["tag"].get<std::string>()] = std::to_string(e["when"].get<long long>());
  }
  return true;
}

std::vector<MigrationState> classify_migrations(const std::vector<MigrationFile>& files,
                                                const std::vector<TrackingTable>& tables,
                                                const DrizzleJournalTimes& drizzle_times) {
  std::vector<MigrationState> result;
  std::vector<std::vector<bool>> matched(tables.size());
  std::vector<bool> used(tables.size(), files.empty() && !tables.empty());
  for (size_t t = 0; t < tables.size(); ++t) matched[t].assign(tables[t].rows.size(), false);

  for (const MigrationFile& f : files) {
    MigrationState state{MigrationStatus::Pending, f.version, f.path, "", ""};
    size_t t = 0;
    while (t < tables.size() && !compatible(f.format, tables[t].format)) ++t;
    if (t == tables.size()) {
      result.push_back(state);
      continue;
    }
    used[t] = true;
    const TrackingTable& table = tables[t];
    state.table = table.table;
    const std::vector<AppliedMigration>& rows = table.rows;

    if (table.format == "drizzle") {
      // drizzle-kit: applied iff the journal's "when" <= the greatest created_at. The hash ties a
      // row to its file when the journal time is not known.
      std::string hash = sha256_hex(f.sql), max_created;
      for (const AppliedMigration& m : rows)
        if (max_created.empty() || migrations::compare_numbers(m.version, max_created) > 0) max_created = m.version;
      auto when = drizzle_times.find(f.version);
      bool applied = false;
      for (size_t i = 0; i < rows.size(); ++i)
        if ((when != drizzle_times.end() && rows[i].version == when->second) || rows[i].name == hash)
          matched[t][i] = true, applied |= rows[i].name == hash;
      if (when != drizzle_times.end())
        applied = !max_created.empty() && migrations::compare_numbers(when->second, max_created) <= 0;
      state.status = applied ? MigrationStatus::Applied : MigrationStatus::Pending;
      result.push_back(state);
      continue;
    }

    const AppliedMigration* exact = nullptr;
    for (size_t i = 0; i < rows.size(); ++i) {
      bool same = f.repeatable ? rows[i].version.empty() && base_name(rows[i].name) == base_name(f.path)
                               : !rows[i].version.empty() && same_version(table.format, f.version, rows[i].version);
      if (same) exact = &rows[i], matched[t][i] = true;
    }
    if (exact) {
      state.status = exact->state == AppliedState::Failed ? MigrationStatus::Failed : MigrationStatus::Applied;
      if (state.status == MigrationStatus::Failed) state.detail = exact->raw;
    } else if (!f.repeatable) {
      for (const AppliedMigration& m : rows)
        if (m.covers_earlier && compare_versions(f.version, m.version) < 0) state.status = MigrationStatus::Applied;
    }
    result.push_back(state);
  }

  for (size_t t = 0; t < tables.size(); ++t) {
    if (!used[t]) continue;
    for (size_t i = 0; i < tables[t].rows.size(); ++i) {
      const AppliedMigration& m = tables[t].rows[i];
      if (matched[t][i] || (tables[t].format == "flyway" && m.covers_earlier)) continue;
      MigrationStatus status = m.state == AppliedState::Failed ? MigrationStatus::Failed : MigrationStatus::Unknown;
      result.push_back({status, m.version, "", tables[t].table, m.raw});
    }
  }
  return result;
}

}  // namespace schemagate::schema::catalog
