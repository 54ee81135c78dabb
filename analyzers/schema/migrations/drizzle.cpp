// Drizzle Kit: "<out>/meta/_journal.json" lists the migrations ({"entries": [{"idx": 0,
// "tag": "0000_init", ...}]}) and each is "<out>/<tag>.sql". The journal, not the directory
// listing, decides what runs: a .sql file it does not name never runs, and one it names but is
// missing makes the migrator fail, so that is an error here, as is a journal that does not parse.
// Entries are ordered by idx (drizzle-kit writes them in that order; the sort is stable).
//
// Statements are separated by "--> statement-breakpoint" lines, which are SQL comments and stay.
// The version is the tag (drizzle's tracking table holds a hash and the journal's "when",
// neither of which names the file).
#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

#include "analyzers/schema/catalog/sha256.h"

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"

namespace schemagate::schema::migrations {

namespace {

constexpr const char* kJournal = "meta/_journal.json";

// nlohmann's messages start with "[json.exception.parse_error.101] "; the user needs the rest.
std::string without_exception_id(std::string message) {
  if (!message.empty() && message[0] == '[') {
    size_t close = message.find("] ");
    if (close != std::string::npos) message.erase(0, close + 2);
  }
  return message;
}

struct JournalEntry {
  long long idx = 0;
  std::string tag;
};

bool parse_journal(const std::string& path, const std::string& text,
                   std::vector<JournalEntry>* entries, std::string* err) {
  nlohmann::json journal;
  try {
    journal = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    if (err) *err = path + ": not valid JSON: " + without_exception_id(e.what());
    return false;
  }
  auto it = journal.is_object() ? journal.find("entries") : journal.end();
  if (it == journal.end() || !it->is_array()) {
    if (err) *err = path + ": no \"entries\" array; regenerate the journal with drizzle-kit";
    return false;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& entry = (*it)[i];
    if (!entry.is_object() || !entry.contains("idx") || !entry["idx"].is_number_integer() ||
        !entry.contains("tag") || !entry["tag"].is_string()) {
      if (err)
        *err = path + ": entries[" + std::to_string(i) +
               "] needs an integer \"idx\" and a string \"tag\"; regenerate the journal with drizzle-kit";
      return false;
    }
    entries->push_back({entry["idx"].get<long long>(), entry["tag"].get<std::string>()});
  }
  return true;
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  return fs.is_file(on_disk(root, source::join_path(dir, kJournal)));
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::string journal_path = source::join_path(dir, kJournal);
  std::string text;
  if (!read_migration_text(fs, root, journal_path, &text, err)) return false;
  std::vector<JournalEntry> entries;
  if (!parse_journal(journal_path, text, &entries, err)) return false;
  std::stable_sort(entries.begin(), entries.end(),
                   [](const JournalEntry& a, const JournalEntry& b) { return a.idx < b.idx; });

  std::vector<MigrationFile> files;
  for (const JournalEntry& entry : entries) {
    MigrationFile m;
    m.path = source::join_path(dir, entry.tag + ".sql");
    m.version = entry.tag;
    m.name = std::string(description_after_version(entry.tag));
    m.format = "drizzle";
    std::string reason;
    if (!fs.read(on_disk(root, m.path), &m.sql, &reason)) {
      if (err)
        *err = m.path + ": " + reason + " (listed as \"" + entry.tag + "\" in " + journal_path +
               "; restore the file or remove the entry)";
      return false;
    }
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}


// Drizzle: <schema>.__drizzle_migrations(id, hash, created_at). drizzle-kit's migrator runs a
// journal entry iff its "when" is greater than the greatest created_at, so an entry is applied
// iff when <= max(created_at); hash is sha256 of the file (tracking_applied matches them).
std::string tracking_query(const std::string& from, const Relation&) {
  return "SELECT created_at::text, hash FROM " + from + " ORDER BY created_at, id";
}
void tracking_read(const std::vector<TextRow>& rows, std::vector<AppliedMigration>* out) {
  for (const TextRow& row : rows)
    push_applied(out, text_or_null(row[0]), text_or_null(row[1]), false,
                 "created_at=" + text_or_null(row[0]) + " hash=" + text_or_null(row[1]));
}
std::string tracking_bad_row(const TextRow& row) {
  if (!is_digits(row[0])) return "created_at is not a non-negative integer";
  if (!is_present(row[1])) return "hash is empty or NULL";
  return "";
}
// Applied iff the journal's "when" <= the greatest created_at. The hash ties a row to its file
// when the journal time is not known.
bool tracking_applied(const MigrationFile& f, const TrackingContext& ctx, std::vector<bool>* matched) {
  std::string hash = catalog::sha256_hex(f.sql), max_created;
  for (const AppliedMigration& m : ctx.rows)
    if (max_created.empty() || compare_numbers(m.version, max_created) > 0) max_created = m.version;
  auto when = ctx.keys.find(f.version);
  bool applied = false;
  for (size_t i = 0; i < ctx.rows.size(); ++i)
    if ((when != ctx.keys.end() && ctx.rows[i].version == when->second) || ctx.rows[i].name == hash)
      (*matched)[i] = true, applied |= ctx.rows[i].name == hash;
  if (when != ctx.keys.end()) applied = !max_created.empty() && compare_numbers(when->second, max_created) <= 0;
  return applied;
}
// The journal's "when" of every drizzle migration in `files`, by tag, from each directory's journal.
bool tracking_keys(const source::FileSystem& fs, const std::string& root, const std::vector<MigrationFile>& files,
                   RecordedKeys* out, std::string* err) {
  std::set<std::string> done;
  for (const MigrationFile& f : files) {
    if (f.format != "drizzle") continue;
    size_t slash = f.path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : f.path.substr(0, slash);
    if (!done.insert(dir).second) continue;
    std::string journal = source::join_path(dir, kJournal), content, reason;
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
const TrackingLayout kTracking{.table = "__drizzle_migrations", .schema = "", .columns = {"id", "hash", "created_at"},
                               .described = "drizzle-kit's (id, hash, created_at)", .query = tracking_query, .width = 2,
                               .read = tracking_read, .text_versions = true, .bad_row = tracking_bad_row,
                               .applied = tracking_applied, .recorded_keys = tracking_keys};

}  // namespace

extern const Format kDrizzle{.name = "drizzle", .detect = detect, .load = load, .tracking = &kTracking,
                             .duplicate_versions = DuplicateVersions::NotJudged, .sql_files = true,
                             .apply_command = "npx drizzle-kit migrate"};

}  // namespace schemagate::schema::migrations
