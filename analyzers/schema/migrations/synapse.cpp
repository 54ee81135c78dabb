// Synapse's schema folder (synapse/storage/schema/): the project's own runner,
// synapse/storage/prepare_database.py, builds one PostgreSQL database from several folders, and
// this format reads that folder whole because the runner interleaves its parts:
//   - common/schema_version.sql runs first, on every start (its tables track the rest);
//   - a new database starts from the newest full schema no newer than SCHEMA_VERSION (the
//     folder's __init__.py): full_schemas/<N>/ of common/ and of each data store (main/, state/),
//     every file together sorted by file name, then by path;
//   - then, for each version V after N up to SCHEMA_VERSION, the files of common/delta/V/ and of
//     each data store's delta/V/, again sorted together by file name, then by path.
// A `.sql` file runs on every engine, `.sql.postgres` on PostgreSQL only, `.sql.sqlite` not here.
// PostgresEngine.executescript replaces `$%AUTO_INCREMENT_PRIMARY_KEY%$` with an identity key
// before running a file. A `.py` delta runs its run_create(cur, database_engine) in Python: a
// step this format does not follow, so the words of its strings become uncertain names.
//
// Synapse records the version in schema_version and applied deltas in applied_schema_deltas
// (version, "V/file"); this format reads no tracking table (the live commands judge a Synapse
// database by its catalog).
#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations {

namespace {

/// What PostgresEngine.executescript puts in place of Synapse's auto-increment placeholder.
constexpr std::string_view kAutoIncrement = "$%AUTO_INCREMENT_PRIMARY_KEY%$";
constexpr std::string_view kIdentityKey = "BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

/// The numbered subdirectories of root/dir, in numeric order.
std::vector<std::string> numbered_dirs(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> out;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
    if (e.is_dir && all_digits(e.name)) out.push_back(e.name);
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return compare_numbers(a, b) < 0; });
  return out;
}

/// The folders the runner reads: common/ first, then every data store (main/, state/) that has
/// full schemas or deltas. By default all of a deployment's data stores share one database.
std::vector<std::string> store_dirs(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> out;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir))) {
    if (!e.is_dir) continue;
    std::string d = source::join_path(dir, e.name);
    if (fs.is_dir(on_disk(root, d + "/full_schemas")) || fs.is_dir(on_disk(root, d + "/delta"))) out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// SCHEMA_VERSION in the folder's __init__.py, or "" when it does not say.
std::string schema_version(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::string text, err;
  if (!fs.read(on_disk(root, source::join_path(dir, "__init__.py")), &text, &err)) return "";
  for (size_t at = text.find("SCHEMA_VERSION"); at != std::string::npos; at = text.find("SCHEMA_VERSION", at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    size_t k = at + 14;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size() || text[k] != '=') continue;
    ++k;
    while (k < text.size() && text[k] == ' ') ++k;
    std::string_view digits = leading_digits(std::string_view(text).substr(k));
    if (!digits.empty()) return std::string(digits);
  }
  return "";
}

bool detect(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  if (!fs.is_file(on_disk(root, source::join_path(dir, "common/schema_version.sql")))) return false;
  for (const std::string& store : store_dirs(fs, root, dir))
    for (const std::string& v : numbered_dirs(fs, root, store + "/full_schemas"))
      for (const source::DirEntry& e : fs.list(on_disk(root, store + "/full_schemas/" + v)))
        if (e.name.ends_with(".sql.postgres")) return true;
  return false;
}

/// The lower-cased words of the string literals of a Python file ('...', "...", triple-quoted,
/// with any prefix); comments are skipped.
std::vector<std::string> python_string_words(std::string_view text) {
  std::set<std::string> words;
  std::string w;
  auto flush = [&] {
    if (w.size() > 1 && !std::isdigit(static_cast<unsigned char>(w[0]))) words.insert(w);
    w.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c != '"' && c != '\'') continue;
    bool triple = text.compare(i, 3, std::string(3, c)) == 0;
    size_t q = triple ? 3 : 1;
    size_t j = i + q;
    for (; j < text.size(); ++j) {
      char d = text[j];
      if (d == '\\') {
        flush();
        ++j;
        continue;
      }
      if (d == c && (!triple || text.compare(j, 3, std::string(3, c)) == 0)) break;
      if (!triple && d == '\n') break;
      if (std::isalnum(static_cast<unsigned char>(d)) || d == '_') w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(d))));
      else flush();
    }
    flush();
    i = std::min(text.size(), j + q - 1);
  }
  return {words.begin(), words.end()};
}

/// Whether a statement in `text` creates or alters a relation, or adds a column, whose name is
/// computed (`ALTER TABLE {table} ADD ...`, `CREATE TABLE %s`): then any name it mentions may be.
bool computed_ddl_target(std::string_view text) {
  std::string low(text);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view verb : {"create table ", "alter table ", "add column ", "create view ", "rename to "}) {
    for (size_t at = low.find(verb); at != std::string::npos; at = low.find(verb, at + 1)) {
      size_t k = at + verb.size();
      while (k < low.size() && low[k] == ' ') ++k;
      if (low.compare(k, 14, "if not exists ") == 0) k += 14;
      if (k < low.size() && (low[k] == '{' || low[k] == '%')) return true;
    }
  }
  return false;
}

/// One file of a version's listing: sorted by name, then by path, as the runner sorts them.
struct Entry {
  std::string name, path;
  bool operator<(const Entry& o) const { return name != o.name ? name < o.name : path < o.path; }
};

std::vector<Entry> listing(const source::FileSystem& fs, const std::string& root, const std::vector<std::string>& dirs) {
  std::vector<Entry> out;
  for (const std::string& d : dirs)
    for (const source::DirEntry& e : fs.list(on_disk(root, d)))
      if (!e.is_dir) out.push_back({e.name, source::join_path(d, e.name)});
  std::sort(out.begin(), out.end());
  return out;
}

/// The names `text` creates or adds (CREATE TABLE / VIEW / SEQUENCE, ADD COLUMN, RENAME ... TO),
/// lower-cased: what an older database upgraded through this delta may hold.
void names_created(std::string_view text, std::set<std::string>* out) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    size_t j = i + 1;
    bool create = words[i] == "create" && (words[j] == "table" || words[j] == "view" || words[j] == "sequence");
    bool add = words[i] == "add" && words[j] == "column";
    bool rename = words[i] == "to" && i > 0;
    if (rename) {
      size_t k = i;  // RENAME [COLUMN] x TO y
      while (k > 0 && i - k < 4 && words[k] != "rename") --k;
      if (words[k] != "rename") continue;
      j = i;
    } else if (!create && !add) {
      continue;
    }
    ++j;
    if (j + 2 < words.size() && words[j] == "if" && words[j + 1] == "not" && words[j + 2] == "exists") j += 3;
    if (j < words.size()) out->insert(words[j]);
  }
}

/// Every lower-cased word of `text`.
void names_mentioned(std::string_view text, std::set<std::string>* out) {
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      out->insert(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out->insert(std::move(w));
}

bool runs_on_postgres(std::string_view name) { return name.ends_with(".sql") || name.ends_with(".sql.postgres"); }

bool add_file(const source::FileSystem& fs, const std::string& root, const std::string& version, const Entry& e,
              std::vector<MigrationFile>* files, std::string* err) {
  MigrationFile m;
  m.path = e.path;
  m.version = version + "/" + e.name;  // as applied_schema_deltas.file records it
  m.name = e.name.substr(0, e.name.find('.'));
  m.format = "synapse";
  std::string text;
  if (!read_migration_text(fs, root, m.path, &text, err)) return false;
  if (e.name.ends_with(".py")) {
    m.sql.assign(text.size(), ' ');
    std::set<std::string> made;
    if (computed_ddl_target(text)) {
      for (std::string& w : python_string_words(text)) made.insert(std::move(w));
    } else {
      names_created(text, &made);
    }
    m.notes.push_back({0, "a Python delta (run_create): its steps are not followed; the " + std::to_string(made.size()) +
                              " names it may create are not reported missing"});
    m.uncertain_names.assign(made.begin(), made.end());
  } else if (text.find(kAutoIncrement) == std::string::npos) {
    m.sql = std::move(text);
  } else {
    // PostgresEngine.executescript's one substitution; each byte keeps the offset it came from.
    for (size_t i = 0; i < text.size();) {
      if (text.compare(i, kAutoIncrement.size(), kAutoIncrement) == 0) {
        m.sql += kIdentityKey;
        m.origin.resize(m.sql.size(), static_cast<uint32_t>(i));
        i += kAutoIncrement.size();
      } else {
        m.sql += text[i];
        m.origin.push_back(static_cast<uint32_t>(i++));
      }
    }
    m.text = std::move(text);
  }
  files->push_back(std::move(m));
  return true;
}

bool load(const source::FileSystem& fs, const std::string& root, const std::string& dir,
          std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  std::string limit = schema_version(fs, root, dir);
  auto within = [&](const std::string& v) { return limit.empty() || compare_numbers(v, limit) <= 0; };
  std::vector<std::string> stores = store_dirs(fs, root, dir);
  std::string common = source::join_path(dir, "common");
  if (!add_file(fs, root, "0", {"schema_version.sql", common + "/schema_version.sql"}, &files, err)) return false;
  // The newest full schema of common/ no newer than SCHEMA_VERSION.
  std::string base;
  for (const std::string& v : numbered_dirs(fs, root, common + "/full_schemas"))
    if (within(v)) base = v;
  if (base.empty()) {
    *err = common + "/full_schemas: no full schema at or below SCHEMA_VERSION " + limit;
    return false;
  }
  std::vector<std::string> full_dirs;
  for (const std::string& s : stores) full_dirs.push_back(s + "/full_schemas/" + base);
  size_t first_full = files.size();
  for (const Entry& e : listing(fs, root, full_dirs))
    if (runs_on_postgres(e.name) && !add_file(fs, root, base, e, &files, err)) return false;
  // The deltas the full schema stands for still ran on databases made before it, and some left
  // tables or columns that a background update drops later (`_extremities_to_check`,
  // room_depth.min_depth2): code that runs only for those updates names them, so they are not
  // reported missing.
  std::set<std::string> older;
  for (const std::string& s : stores)
    for (const std::string& v : numbered_dirs(fs, root, s + "/delta")) {
      if (compare_numbers(v, base) > 0) continue;
      for (const source::DirEntry& e : fs.list(on_disk(root, s + "/delta/" + v))) {
        if (e.is_dir || !(runs_on_postgres(e.name) || e.name.ends_with(".py"))) continue;
        std::string text, ignored;
        if (fs.read(on_disk(root, s + "/delta/" + v + "/" + e.name), &text, &ignored)) names_created(text, &older);
      }
    }
  std::set<std::string, bool (*)(const std::string&, const std::string&)> versions(
      [](const std::string& a, const std::string& b) { return compare_numbers(a, b) < 0; });
  for (const std::string& s : stores)
    for (const std::string& v : numbered_dirs(fs, root, s + "/delta"))
      if (compare_numbers(v, base) > 0 && within(v)) versions.insert(v);
  for (const std::string& v : versions) {
    std::vector<std::string> delta_dirs;
    for (const std::string& s : stores) delta_dirs.push_back(s + "/delta/" + v);
    for (const Entry& e : listing(fs, root, delta_dirs))
      if ((runs_on_postgres(e.name) || e.name.ends_with(".py")) && !add_file(fs, root, v, e, &files, err)) return false;
  }
  // Less the names the full schema and the later deltas mention: those are theirs (a table an old delta
  // created is still the table the full schema creates), and stay judged.
  std::set<std::string> current;
  for (size_t i = first_full; i < files.size(); ++i) {
    names_mentioned(files[i].sql, &current);
    current.insert(files[i].uncertain_names.begin(), files[i].uncertain_names.end());
  }
  for (const std::string& n : current) older.erase(n);
  if (!older.empty() && first_full < files.size()) {
    MigrationFile& f = files[first_full];
    f.notes.push_back({0, "the deltas up to version " + base + " that this full schema stands for created " +
                              std::to_string(older.size()) + " names that an older database may still hold: not reported missing"});
    f.uncertain_names.insert(f.uncertain_names.end(), older.begin(), older.end());
  }
  *out = std::move(files);
  return true;
}

/// Folders holding common/schema_version.sql beside data stores with full_schemas/<N>/*.sql.postgres.
std::vector<std::string> discover(const source::FileSystem& fs, const std::string& root) {
  std::set<std::string> dirs;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    constexpr std::string_view kMark = "common/schema_version.sql";
    if (!path.ends_with(kMark) || (path.size() > kMark.size() && path[path.size() - kMark.size() - 1] != '/')) continue;
    std::string dir = path.size() == kMark.size() ? "" : path.substr(0, path.size() - kMark.size() - 1);
    if (detect(fs, root, dir)) dirs.insert(dir);
  }
  return {dirs.begin(), dirs.end()};
}

}  // namespace

extern const Format kSynapse{.name = "synapse", .detect = detect, .load = load, .discover = discover,
                             .duplicate_versions = DuplicateVersions::NotJudged,
                             .apply_command = "start Synapse (prepare_database applies its schema deltas)"};

}  // namespace schemagate::schema::migrations
