// Tracking tables: recognition, row parsing, agreement and classification (see tracking.h for
// the layouts and where each tool's rule comes from). Everything here is pure: the reader runs
// the queries, so these functions are unit-tested on in-memory rows.
#include "analyzers/schema/catalog/tracking.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

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
    auto it = f.tracking->table_setting.empty() ? options.table_names.end()
                                                : options.table_names.find(std::string(f.tracking->table_setting));
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
  if (f->tracking->one_row && rows.size() > 1)
    return bad_row(1, fmt + " keeps exactly one row, found " + std::to_string(rows.size()));
  if (f->tracking->bad_row)
    for (size_t i = 0; i < rows.size(); ++i)
      if (std::string why = f->tracking->bad_row(rows[i]); !why.empty()) return bad_row(i, why);
  f->tracking->read(rows, &out->rows);
  return true;
}

bool check_tracking_agreement(const std::vector<TrackingTable>& tables, std::string* err) {
  const TrackingTable* first = nullptr;
  std::string first_head;
  for (const TrackingTable& t : tables) {
    const migrations::Format* f = migrations::format_named(t.format);
    if (f && f->tracking && f->tracking->names_not_ordered) continue;
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

bool read_recorded_keys(const source::FileSystem& fs, const std::string& root, const std::vector<MigrationFile>& files,
                        RecordedKeys* out, std::string* err) {
  for (const migrations::Format& f : migrations::formats())
    if (f.tracking && f.tracking->recorded_keys && !f.tracking->recorded_keys(fs, root, files, out, err)) return false;
  return true;
}

std::vector<MigrationState> classify_migrations(const std::vector<MigrationFile>& files,
                                                const std::vector<TrackingTable>& tables,
                                                const RecordedKeys& keys) {
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

    const migrations::Format* layout_of = migrations::format_named(table.format);
    if (layout_of && layout_of->tracking && layout_of->tracking->applied) {
      migrations::TrackingContext ctx{files, rows, keys};
      state.status = layout_of->tracking->applied(f, ctx, &matched[t]) ? MigrationStatus::Applied : MigrationStatus::Pending;
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

  for (size_t t = 0; t < tables.size(); ++t) {
    if (!used[t]) continue;
    for (size_t i = 0; i < tables[t].rows.size(); ++i) {
      const AppliedMigration& m = tables[t].rows[i];
      const migrations::Format* f = migrations::format_named(tables[t].format);
      if (f && f->tracking && f->tracking->foreign_row && f->tracking->foreign_row(m, files)) continue;
      bool covered = f && f->tracking && f->tracking->baseline_covers_unlisted && m.covers_earlier;
      if (matched[t][i] || covered) continue;
      MigrationStatus status = m.state == AppliedState::Failed ? MigrationStatus::Failed : MigrationStatus::Unknown;
      result.push_back({status, m.version, "", tables[t].table, m.raw});
    }
  }
  return result;
}

}  // namespace schemagate::schema::catalog
