// Tracking tables: recognition, row parsing, agreement and classification (see tracking.h for
// the layouts and where each tool's rule comes from). Everything here is pure: the reader runs
// the queries, so these functions are unit-tested on in-memory rows.
#include "analyzers/schema/catalog/tracking.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/schema/migrations/tracking_layout.h"

namespace schemagate::schema::catalog {

namespace {

using migrations::MigrationFile;

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}


std::string column_list(const Relation& r) {
  std::string out;
  for (const Column& c : r.columns) out += (out.empty() ? "" : ", ") + c.name;
  return "(" + out + ")";
}


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
// some compare text (the layout says so), the others parse numbers.
bool same_version(const std::string& format, const std::string& file, const std::string& row) {
  const migrations::Format* f = migrations::format_named(format);
  if (f && f->tracking && f->tracking->text_versions) return file == row;
  return compare_versions(file, row) == 0;
}

/// Whether files of `file_format` are recorded in a table of `table_format`.
bool compatible(const std::string& file_format, const std::string& table_format) {
  if (file_format == table_format) return true;
  const migrations::Format* f = migrations::format_named(file_format);
  if (!f) return false;
  for (auto other : f->also_tracked_by)
    if (other == "*" || other == table_format) return true;
  return false;
}

std::string base_name(const std::string& path) { return std::string(migrations::last_component(path)); }

// Django: a squashed migration is applied when its own row exists or every migration it
// replaces has one (Django records the replaced names when it applies a squash); those rows are
// its own.
bool django_applied(const MigrationFile& f, const std::vector<AppliedMigration>& rows, std::vector<bool>* matched) {
  auto row_of = [&](const std::string& version) -> long {
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].version == version) return static_cast<long>(i);
    return -1;
  };
  bool applied = false;
  if (long i = row_of(f.version); i >= 0) (*matched)[i] = true, applied = true;
  bool all = !f.replaces.empty();
  for (const std::string& r : f.replaces) {
    long i = row_of(r);
    if (i >= 0) (*matched)[i] = true;
    else all = false;
  }
  return applied || all;
}

// Alembic: the rows are the applied heads; a revision is applied when it is one or an ancestor
// of one (MigrationFile::depends_on holds down_revision and depends_on). Marks the heads found.
std::set<std::string> alembic_applied(const std::vector<MigrationFile>& files, const std::vector<AppliedMigration>& rows,
                                      std::vector<bool>* matched) {
  std::map<std::string, const MigrationFile*> by_version;
  for (const MigrationFile& f : files)
    if (f.format == "alembic") by_version[f.version] = &f;
  std::set<std::string> applied;
  std::vector<std::string> todo;
  for (size_t i = 0; i < rows.size(); ++i)
    if (by_version.count(rows[i].version)) (*matched)[i] = true, todo.push_back(rows[i].version);
  while (!todo.empty()) {
    std::string v = todo.back();
    todo.pop_back();
    if (!applied.insert(v).second) continue;
    if (auto it = by_version.find(v); it != by_version.end())
      for (const std::string& d : it->second->depends_on) todo.push_back(d);
  }
  return applied;
}

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
  struct Candidate {
    const migrations::Format* format;
    const migrations::TrackingLayout* layout;
  };
  auto table_name = [&](const migrations::Format& f) {
    auto it = options.table_names.find(std::string(f.name));
    return it != options.table_names.end() ? it->second : std::string(f.tracking->table);
  };
  for (const auto& entry : live.relations()) {
    const Relation& r = entry.second;
    if (r.kind != RelationKind::Table && r.kind != RelationKind::PartitionedTable) continue;
    // The layouts of this name: those bound to the relation's schema win over those in any.
    std::vector<Candidate> candidates;
    bool schema_bound = false;
    for (const migrations::Format& f : migrations::formats()) {
      if (!f.tracking || table_name(f) != r.name) continue;
      if (!f.tracking->schema.empty() && f.tracking->schema != r.schema) continue;
      if (!f.tracking->schema.empty() && !schema_bound) candidates.clear(), schema_bound = true;
      if (schema_bound && f.tracking->schema.empty()) continue;
      candidates.push_back({&f, f.tracking});
    }
    if (candidates.empty()) continue;
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.layout->columns.size() > b.layout->columns.size();
    });
    const Candidate* chosen = nullptr;
    for (const Candidate& c : candidates) {
      bool all = true;
      for (auto col : c.layout->columns) all = all && r.find_column(std::string(col));
      if (all) {
        chosen = &c;
        break;
      }
    }
    if (!chosen) {
      std::string expected;
      for (size_t i = 0; i < candidates.size(); ++i)
        expected += (i ? " or " : "") + std::string(candidates[i].layout->described);
      if (err)
        *err = r.qualified_name() + " is named like a migration tracking table but has columns " + column_list(r) +
               ", not " + expected +
               "; schemagate cannot tell which migrations are applied (rename the table if it is not one)";
      return false;
    }
    std::string from = quote_ident(r.schema) + "." + quote_ident(r.name);
    out->push_back({std::string(chosen->format->name), r.schema, r.name, chosen->layout->query(from, r)});
  }
  return true;
}

bool parse_tracking_rows(const TrackingSource& source, const std::vector<TextRow>& rows,
                         TrackingTable* out, std::string* err) {
  out->format = source.format;
  out->table = source.schema + "." + source.table;
  out->rows.clear();
  const migrations::Format* f = migrations::format_named(source.format);
  if (!f || !f->tracking) {
    if (err) *err = "unknown tracking format " + source.format;
    return false;
  }
  // A tool that records checksums may give one more column: the checksum (tracking_layout.h).
  for (const TextRow& row : rows)
    if (row.size() != f->tracking->width && !(f->tracking->records_checksum && row.size() == f->tracking->width + 1)) {
      if (err) *err = "reading " + out->table + ": expected " + std::to_string(f->tracking->width) + " columns per row";
      return false;
    }
  const std::string& fmt = source.format;
  // Rows the tool itself would never write (several golang-migrate rows, a NULL or negative
  // version, dirty = 'maybe' in a text column) mean the table is not what it seems: fail closed,
  // naming the table and the row, instead of guessing what is applied.
  auto row_text = [&](const TextRow& row) {
    std::string out;
    for (const auto& v : row) out += (out.empty() ? "" : ", ") + (v ? "'" + *v + "'" : std::string("NULL"));
    return "(" + out + ")";
  };
  auto bad_row = [&](size_t i, const std::string& why) {
    if (err)
      *err = "reading " + out->table + ": row " + std::to_string(i + 1) + " " + row_text(rows[i]) + ": " + why +
             "; the " + fmt + " tracking table holds rows the tool does not write: repair it before checking";
    return false;
  };
  auto digits = [](const std::optional<std::string>& v, bool allow_minus_one = false) {
    if (!v || v->empty() || v->size() > 19) return false;
    if (allow_minus_one && *v == "-1") return true;
    return std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto boolean = [](const std::optional<std::string>& v) {
    return v && (*v == "t" || *v == "f" || *v == "true" || *v == "false");
  };
  auto present = [](const std::optional<std::string>& v) { return v && !v->empty(); };
  if ((fmt == "golang-migrate" || fmt == "maragu-migrate") && rows.size() > 1)
    return bad_row(1, fmt + " keeps exactly one row, found " + std::to_string(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) {
    const TextRow& row = rows[i];
    if (fmt == "golang-migrate") {
      // -1 is golang-migrate's "no version", written only together with dirty = true.
      if (!boolean(row[1])) return bad_row(i, "dirty is not a boolean");
      if (!digits(row[0], migrations::is_true(row[1]))) return bad_row(i, "version is not a non-negative integer");
    } else if (fmt == "dbmate" || fmt == "supabase") {
      if (!digits(row[0])) return bad_row(i, "version is not a string of digits");
    } else if (fmt == "sql-migrate" || fmt == "prisma") {
      if (!present(row[0])) return bad_row(i, "the migration name is empty or NULL");
      if (fmt == "prisma" && (!boolean(row[1]) || !boolean(row[2]))) return bad_row(i, "finished/rolled back is not a boolean");
    } else if (fmt == "goose") {
      if (!digits(row[0])) return bad_row(i, "version_id is not a non-negative integer");
      if (!boolean(row[1])) return bad_row(i, "is_applied is not a boolean");
    } else if (fmt == "flyway") {
      if (!present(row[3])) return bad_row(i, "type is empty or NULL");
      if (migrations::text_or_null(row[3]) != "SCHEMA" && !present(row[1])) return bad_row(i, "script is empty or NULL");
      if (!boolean(row[2])) return bad_row(i, "success is not a boolean");
    } else if (fmt == "sqlx") {
      if (!digits(row[0])) return bad_row(i, "version is not a non-negative integer");
      if (!boolean(row[2])) return bad_row(i, "success is not a boolean");
    } else if (fmt == "drizzle") {
      if (!digits(row[0])) return bad_row(i, "created_at is not a non-negative integer");
      if (!present(row[1])) return bad_row(i, "hash is empty or NULL");
    }
  }
  f->tracking->read(rows, &out->rows);
  return true;
}

bool check_tracking_agreement(const std::vector<TrackingTable>& tables, std::string* err) {
  const TrackingTable* first = nullptr;
  std::string first_head;
  for (const TrackingTable& t : tables) {
    if (t.format == "django" || t.format == "alembic") continue;  // names, not ordered versions
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

    if (table.format == "django") {
      state.status = django_applied(f, rows, &matched[t]) ? MigrationStatus::Applied : MigrationStatus::Pending;
      result.push_back(state);
      continue;
    }
    if (table.format == "alembic") {
      state.status = alembic_applied(files, rows, &matched[t]).count(f.version) ? MigrationStatus::Applied
                                                                                  : MigrationStatus::Pending;
      result.push_back(state);
      continue;
    }
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
      if (state.status == MigrationStatus::Applied && !f.repeatable) state.recorded_checksum = exact->checksum;
      if (state.status == MigrationStatus::Failed) state.detail = exact->raw;
    } else if (!f.repeatable) {
      for (const AppliedMigration& m : rows)
        if (m.covers_earlier && compare_versions(f.version, m.version) < 0) state.status = MigrationStatus::Applied;
    }
    result.push_back(state);
  }

  // Django records the migrations of installed packages too (auth, contenttypes, ...): rows of
  // an app that has no migrations in the repository are not unknown to it.
  std::set<std::string> django_apps;
  for (const MigrationFile& f : files)
    if (f.format == "django") django_apps.insert(f.version.substr(0, f.version.find('.')));
  for (size_t t = 0; t < tables.size(); ++t) {
    if (!used[t]) continue;
    for (size_t i = 0; i < tables[t].rows.size(); ++i) {
      const AppliedMigration& m = tables[t].rows[i];
      if (tables[t].format == "django" && !django_apps.count(m.version.substr(0, m.version.find('.')))) continue;
      const migrations::Format* f = migrations::format_named(tables[t].format);
      bool covered = f && f->tracking && f->tracking->baseline_covers_unlisted && m.covers_earlier;
      if (matched[t][i] || covered) continue;
      MigrationStatus status = m.state == AppliedState::Failed ? MigrationStatus::Failed : MigrationStatus::Unknown;
      result.push_back({status, m.version, "", tables[t].table, m.raw});
    }
  }
  return result;
}

}  // namespace schemagate::schema::catalog
