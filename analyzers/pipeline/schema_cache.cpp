#include "analyzers/pipeline/schema_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "analyzers/schema/catalog/sha256.h"
#include "analyzers/source/fast_hash.h"
#include "analyzers/source/gated_read.h"
#include "analyzers/source/mapped_file.h"

namespace schemagate::pipeline {
namespace {

using schema::catalog::sha256_hex;
namespace mig = schema::migrations;

// Every field of these structs is encoded below. A field added to one of them changes its size
// and stops the build here until the encoding (and kFormat) follows: a cache that dropped a field
// would hand later runs a build without it.
static_assert(sizeof(schema::Origin) == 48, "schema::Origin changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::Column) == 152, "schema::Column changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::UniqueKey) == 112, "schema::UniqueKey changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::Relation) == 240, "schema::Relation changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::Function) == 184, "schema::Function changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::EnumType) == 104, "schema::EnumType changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::SchemaEvent) == 184, "schema::SchemaEvent changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::Schema) == 616, "schema::Schema changed: encode the new field, bump kFormat");
static_assert(sizeof(mig::MigrationFile) == 344, "MigrationFile changed: encode the new field, bump kFormat");
static_assert(sizeof(schema::DdlNote) == 120, "DdlNote changed: encode the new field, bump kFormat");
static_assert(sizeof(MigrationDirectory) == 104, "MigrationDirectory changed: encode the new field, bump kFormat");
static_assert(sizeof(Service) == 808, "Service changed: encode the new field, bump kFormat");
static_assert(sizeof(SchemaBuild) == 1032, "SchemaBuild changed: encode the new field, bump kFormat");

constexpr std::string_view kMagic = "schemagate schema cache\n";
constexpr uint64_t kFormat = 8;  // 7: Schema::adopted, Schema::pending_keys; 8: SchemaBuild::inputs

class Writer {
 public:
  std::string out;
  void u(uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  void b(bool v) { u(v ? 1 : 0); }
  void s(const std::string& v) {
    u(v.size());
    out += v;
  }
  void strings(const std::vector<std::string>& v) {
    u(v.size());
    for (auto& x : v) s(x);
  }
  void string_set(const std::set<std::string>& v) {
    u(v.size());
    for (auto& x : v) s(x);
  }
  void origin(const schema::Origin& o) {
    s(o.file);
    u(static_cast<uint64_t>(static_cast<int64_t>(o.line)));
    b(o.offset.has_value());
    u(o.offset.value_or(0));
    u(o.length);
  }
  void relation(const schema::Relation& r) {
    s(r.schema);
    s(r.name);
    u(static_cast<uint64_t>(r.kind));
    u(r.columns.size());
    for (auto& c : r.columns) {
      s(c.name);
      s(c.type);
      b(c.not_null);
      b(c.has_default);
      b(c.generated);
      b(c.identity);
      s(c.enum_type);
      origin(c.origin);
    }
    b(r.columns_complete);
    origin(r.origin);
    u(r.unique_keys.size());
    for (auto& k : r.unique_keys) unique_key(k);
    b(r.keys_complete);
    strings(r.parents);
    s(r.owned_by);
  }
  void unique_key(const schema::UniqueKey& k) {
    s(k.name);
    strings(k.columns);
    b(k.partial);
    origin(k.origin);
  }
  void schema(const schema::Schema& sc) {
    string_set(sc.schemas());
    u(sc.relations().size());
    for (auto& [k, r] : sc.relations()) {
      s(k);
      relation(r);
    }
    u(sc.history.size());
    for (auto& e : sc.history) {
      u(static_cast<uint64_t>(e.kind));
      s(e.schema);
      s(e.relation);
      s(e.column);
      s(e.new_name);
      origin(e.origin);
    }
    string_set(sc.types);
    string_set(sc.uncertain_names);
    string_set(sc.extension_schemas);
    u(sc.functions.size());
    for (auto& [k, overloads] : sc.functions) {
      s(k);
      u(overloads.size());
      for (auto& f : overloads) {
        s(f.schema);
        s(f.name);
        u(static_cast<uint64_t>(static_cast<int64_t>(f.declared)));
        u(static_cast<uint64_t>(static_cast<int64_t>(f.min_args)));
        u(static_cast<uint64_t>(static_cast<int64_t>(f.max_args)));
        b(f.procedure);
        origin(f.origin);
        strings(f.arg_names);
        b(f.arg_names_known);
        strings(f.arg_types);
      }
    }
    b(sc.functions_complete);
    u(sc.extensions.size());
    for (auto& [k, v] : sc.extensions) {
      s(k);
      string_set(v);
    }
    u(sc.enums.size());
    for (auto& [k, e] : sc.enums) {
      s(k);
      strings(e.labels);
      u(e.origins.size());
      for (auto& o : e.origins) origin(o);
      origin(e.origin);
      b(e.complete);
    }
    u(sc.adopted.size());
    for (auto& [k, bits] : sc.adopted) {
      s(k);
      u(static_cast<uint64_t>(bits));
    }
    u(sc.pending_keys.size());
    for (auto& [k, keys] : sc.pending_keys) {
      s(k);
      u(keys.size());
      for (auto& key : keys) unique_key(key);
    }
  }
  void migrations(const std::vector<mig::MigrationFile>& v) {
    u(v.size());
    for (auto& m : v) {
      s(m.path);
      s(m.version);
      s(m.name);
      s(m.format);
      s(m.sql);
      b(m.repeatable);
      u(m.origin.size());
      for (uint32_t o : m.origin) u(o);
      s(m.text);
      u(m.notes.size());
      for (auto& [at, note] : m.notes) {
        u(at);
        s(note);
      }
      strings(m.depends_on);
      strings(m.run_before);
      strings(m.replaces);
      strings(m.uncertain_names);
    }
  }
  void directories(const std::vector<MigrationDirectory>& v) {
    u(v.size());
    for (auto& d : v) {
      s(d.path);
      s(d.format);
      u(d.files);
      s(d.evidence);
    }
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }
  uint64_t u() {
    if (!ok_ || in_.size() - pos_ < 8) return fail(), 0;
    uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&v, in_.data() + pos_, 8);  // a decode reads some 300,000 of these
    } else {
      for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    }
    pos_ += 8;
    return v;
  }
  bool b() {
    uint64_t v = u();
    if (v > 1) fail();
    return v == 1;
  }
  int i32() {
    int64_t v = static_cast<int64_t>(u());
    if (v < INT32_MIN || v > INT32_MAX) fail();
    return static_cast<int>(v);
  }
  uint32_t u32() {
    uint64_t v = u();
    if (v > UINT32_MAX) fail();
    return static_cast<uint32_t>(v);
  }
  /// A count of items, each at least 8 bytes: more than the bytes left is corrupt.
  size_t n() {
    uint64_t v = u();
    if (v > (in_.size() - pos_) / 8) return fail(), 0;
    return static_cast<size_t>(v);
  }
  std::string s() {
    uint64_t len = u();
    if (!ok_ || len > in_.size() - pos_) return fail(), std::string();
    std::string v(in_.substr(pos_, len));
    pos_ += len;
    return v;
  }
  /// A string as a view into the input (valid while the input is).
  std::string_view view() {
    uint64_t len = u();
    if (!ok_ || len > in_.size() - pos_) return fail(), std::string_view();
    std::string_view v = in_.substr(pos_, len);
    pos_ += len;
    return v;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> v(n());
    for (auto& x : v) x = s();
    return v;
  }
  std::set<std::string> string_set() {
    std::set<std::string> v;
    for (size_t i = 0, count = n(); i < count && ok_; ++i) v.insert(s());
    return v;
  }
  schema::Origin origin() {
    schema::Origin o;
    o.file = s();
    o.line = i32();
    bool has = b();
    uint32_t offset = u32();
    if (has) o.offset = offset;
    o.length = u32();
    return o;
  }
  schema::Relation relation() {
    schema::Relation r;
    r.schema = s();
    r.name = s();
    uint64_t kind = u();
    if (kind > static_cast<uint64_t>(schema::RelationKind::Sequence)) fail();
    r.kind = static_cast<schema::RelationKind>(kind);
    r.columns.resize(n());
    for (auto& c : r.columns) {
      c.name = s();
      c.type = s();
      c.not_null = b();
      c.has_default = b();
      c.generated = b();
      c.identity = b();
      c.enum_type = s();
      c.origin = origin();
    }
    r.columns_complete = b();
    r.origin = origin();
    r.unique_keys.resize(n());
    for (auto& k : r.unique_keys) k = unique_key();
    r.keys_complete = b();
    r.parents = strings();
    r.owned_by = s();
    return r;
  }
  schema::UniqueKey unique_key() {
    schema::UniqueKey k;
    k.name = s();
    k.columns = strings();
    k.partial = b();
    k.origin = origin();
    return k;
  }
  void schema(schema::Schema* sc) {
    std::set<std::string> schemas = string_set();
    // A new Schema holds "public"; a build whose migrations dropped it does not.
    if (!schemas.count("public")) sc->drop_schema("public", false, {});
    for (auto& name : schemas) sc->add_schema(name);
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      schema::Relation r = relation();
      if (k != r.schema + "." + r.name || sc->find(r.schema, r.name)) return fail();
      sc->add(std::move(r));
    }
    sc->history.resize(n());
    for (auto& e : sc->history) {
      uint64_t kind = u();
      if (kind > static_cast<uint64_t>(schema::SchemaEvent::Kind::SetNotNull)) fail();
      e.kind = static_cast<schema::SchemaEvent::Kind>(kind);
      e.schema = s();
      e.relation = s();
      e.column = s();
      e.new_name = s();
      e.origin = origin();
    }
    sc->types = string_set();
    sc->uncertain_names = string_set();
    sc->extension_schemas = string_set();
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      std::vector<schema::Function> overloads(n());
      for (auto& f : overloads) {
        f.schema = s();
        f.name = s();
        f.declared = i32();
        f.min_args = i32();
        f.max_args = i32();
        f.procedure = b();
        f.origin = origin();
        f.arg_names = strings();
        f.arg_names_known = b();
        f.arg_types = strings();
      }
      sc->functions[k] = std::move(overloads);
    }
    sc->functions_complete = b();
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      sc->extensions[k] = string_set();
    }
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      schema::EnumType e;
      e.labels = strings();
      e.origins.resize(n());
      for (auto& o : e.origins) o = origin();
      e.origin = origin();
      e.complete = b();
      sc->enums[k] = std::move(e);
    }
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      sc->adopted[k] = static_cast<int>(u() & 3);
    }
    for (size_t i = 0, count = n(); i < count && ok_; ++i) {
      std::string k = s();
      std::vector<schema::UniqueKey> keys(n());
      for (auto& key : keys) key = unique_key();
      sc->pending_keys[k] = std::move(keys);
    }
    if (schemas != sc->schemas()) fail();
  }
  std::vector<mig::MigrationFile> migrations() {
    std::vector<mig::MigrationFile> v(n());
    for (auto& m : v) {
      m.path = s();
      m.version = s();
      m.name = s();
      m.format = s();
      m.sql = s();
      m.repeatable = b();
      m.origin.resize(n());
      for (auto& o : m.origin) o = u32();
      m.text = s();
      m.notes.resize(n());
      for (auto& [at, note] : m.notes) {
        at = u32();
        note = s();
      }
      m.depends_on = strings();
      m.run_before = strings();
      m.replaces = strings();
      m.uncertain_names = strings();
    }
    return v;
  }
  std::vector<MigrationDirectory> directories() {
    std::vector<MigrationDirectory> v(n());
    for (auto& d : v) {
      d.path = s();
      d.format = s();
      d.files = static_cast<size_t>(u());
      d.evidence = s();
    }
    return v;
  }
  void fail() { ok_ = false; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

/// A gate as the cache stores it: its words, asked again of a file that changed.
std::string encode_gate(const source::TextGate& gate) {
  Writer w;
  w.b(gate.ignore_case);
  w.u(gate.clauses.size());
  for (auto& clause : gate.clauses) {
    w.u(clause.size());
    for (std::string_view word : clause) w.s(std::string(word));
  }
  return w.out;
}

/// Whether one of the gates encoded in `encoded` (a set of encode_gate strings) admits `text`;
/// nullopt when it does not decode.
std::optional<bool> any_gate_admits(const std::string& encoded, std::string_view text) {
  Reader r(encoded);
  std::set<std::string> gates = r.string_set();
  if (!r.done()) return std::nullopt;
  for (const std::string& g : gates) {
    Reader gr(g);
    source::TextGate gate;
    gate.ignore_case = gr.b();
    std::vector<std::vector<std::string>> words(gr.n());  // the gate's views point here
    for (auto& clause : words) {
      clause = gr.strings();
      gate.clauses.emplace_back(clause.begin(), clause.end());
    }
    if (!gr.done()) return std::nullopt;
    if (gate.admits(text)) return true;
  }
  return false;
}

/// One question asked of the file system, and its answer's digest.
struct Question {
  char kind;  ///< 'r' read, 'g' turned away by gates (read_if), 'l' list, 'd' read_dir, 'D' is_dir, 'F' is_file
  std::string path;
  bool operator<(const Question& o) const { return kind != o.kind ? kind < o.kind : path < o.path; }
};

/// A listing as the cache keeps it: names, kinds and skip reasons, the bytes themselves (a hit
/// compares every directory the build listed, and hashing each listing cost more than listing
/// it). A file's size is read by discovery alone, and only against --max-file-size, so that
/// comparison is what the listing keeps of it: a code file that grew by a line does not change
/// the listing of its directory.
void append_listing(std::string* d, const std::vector<source::DirEntry>& entries, std::uintmax_t max_file_size) {
  for (auto& e : entries) {
    *d += e.name;
    *d += '\0';
    *d += e.is_dir ? 'd' : 'f';
    *d += max_file_size && e.size > max_file_size ? '+' : '-';
    *d += e.skip_reason;
    *d += '\n';
  }
}

std::string listing_digest(const std::vector<source::DirEntry>& entries, std::uintmax_t max_file_size) {
  std::string d;
  append_listing(&d, entries, max_file_size);
  return d;
}

std::string read_digest(bool ok, const std::string& text, const std::string& err) {
  return ok ? "ok " + sha256_hex(text) : "error " + err;
}

int64_t now_ns() {
  struct timespec ts {};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

/// The bytes of file texts a schema build keeps to read each file once: a Go project's migration
/// discovery reads every Go file of the tree once for each code-migration format that may be
/// there (hatchet: about five times its 9.3 MB of Go), the goose and go-steps loads read their
/// folders again. Past this many bytes, files are read from the disk each time.
constexpr size_t kBuildReadBound = size_t{32} << 20;

/// The file system build_schema is given on a miss: answers from `inner`, each question and the
/// digest of its answer recorded. A question answered two ways in one run (a file written while
/// the build read it) makes the record unusable.
class RecordingFileSystem final : public source::FileSystem {
 public:
  /// `identities`: the file system is the real one, whose paths lstat(2) can reach.
  RecordingFileSystem(const source::FileSystem& inner, std::uintmax_t max_file_size, bool identities)
      : inner_(inner), max_file_size_(max_file_size), identities_(identities), started_(now_ns()) {}
  // A file read with an identity is not hashed here: a migration discovery reads a whole Go
  // tree, some files several times, and hashing it all made a miss cost 2.5 times a build
  // without the cache. finish() hashes the ones a fresh clone should find unchanged.
  /// A read of source::read_if whose gate turns the file away is recorded as such ('g': every
  /// gate that turned it away), not by the file's bytes: a Go handler that changed but still
  /// registers no migration keeps the build. Read in full elsewhere in the build, the file is a
  /// 'r' question as well, and that one decides.
  bool read(const std::string& path, std::string* out, std::string* err) const override {
    std::string e;
    bool ok = inner_.read(path, out, &e);
    if (!ok) {
      note('r', path, "error " + e);
      if (err) *err = e;
      return ok;
    }
    const source::TextGate* gate = source::gate_of_read();
    if (!gate || source::read_admitted(*out)) {  // its text is used
      record_read(path, *out);
      return ok;
    }
    // Turned away: a later run asks the gate again of the file, unless its identity is the same.
    std::string id = identities_ ? file_identity(path, started_) : "";
    std::lock_guard<std::mutex> lock(mutex_);
    auto [seen, added] = identities_of_.emplace(path, id);
    if (!added && seen->second != id) unstable_ = true;  // read twice, and not the same bytes
    gates_[path].insert(encode_gate(*gate));
    return ok;
  }
  std::vector<source::DirEntry> list(const std::string& dir) const override {
    auto entries = inner_.list(dir);
    note('l', dir, listing_digest(entries, max_file_size_));
    return entries;
  }
  bool read_dir(const std::string& dir, std::vector<source::DirEntry>* out, std::string* err) const override {
    std::string e;
    bool ok = inner_.read_dir(dir, out, &e);
    note('d', dir, ok ? "ok " + listing_digest(*out, max_file_size_) : "error " + e);
    if (!ok && err) *err = e;
    return ok;
  }
  bool is_dir(const std::string& path) const override {
    bool v = inner_.is_dir(path);
    note('D', path, v ? "1" : "0");
    return v;
  }
  bool is_file(const std::string& path) const override {
    bool v = inner_.is_file(path);
    note('F', path, v ? "1" : "0");
    return v;
  }
  /// The questions and answers, or nothing when some answer changed during the run. Files
  /// read with an identity get their bytes' hash when `hashed(path)` says so (a migration, a
  /// config file: what a fresh clone of the same commit should find again), read again now and
  /// kept only while the identity is the one the build saw; the others are known by identity
  /// alone (another identity is a miss).
  std::optional<std::map<Question, std::string>> answers(const std::function<bool(const std::string&)>& hashed) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (unstable_) return std::nullopt;
    std::map<Question, std::string> out = answers_;
    for (auto& [path, gates] : gates_) {
      if (out.count(Question{'r', path})) continue;  // read whole too: its bytes decide
      Writer w;
      w.string_set(gates);
      out[Question{'g', path}] = w.out;
    }
    for (auto& [q, digest] : out) {
      if (q.kind != 'r' || !digest.empty() || !hashed(q.path)) continue;
      std::string text, e;
      if (inner_.read(q.path, &text, &e) && file_identity(q.path, 0) == identities_of_.at(q.path))
        digest = read_digest(true, text, "");
    }
    return out;
  }
  /// The identity of each file read, where it can stand for its bytes (file_identity).
  std::map<std::string, std::string> identities() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return identities_of_;
  }

 private:
  /// A file read whole: its identity stands for its bytes, or, without one, their hash does.
  void record_read(const std::string& path, const std::string& text) const {
    std::string id = identities_ ? file_identity(path, started_) : "";
    std::lock_guard<std::mutex> lock(mutex_);
    auto [seen, added] = identities_of_.emplace(path, id);
    std::string digest = id.empty() ? read_digest(true, text, "") : "";
    auto [answer, asked] = answers_.emplace(Question{'r', path}, digest);
    // Read before (whole, or turned away by a gate), and not the same bytes both times.
    if (!added && (id.empty() ? seen->second != "" || answer->second != digest : seen->second != id)) unstable_ = true;
    if (!asked && answer->second != digest) unstable_ = true;
  }
  void note(char kind, const std::string& path, std::string digest) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, added] = answers_.emplace(Question{kind, path}, digest);
    if (!added && it->second != digest) unstable_ = true;
  }
  const source::FileSystem& inner_;
  std::uintmax_t max_file_size_;
  bool identities_;
  int64_t started_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::string> identities_of_;
  mutable std::map<Question, std::string> answers_;
  mutable std::map<std::string, std::set<std::string>> gates_;  ///< file -> the gates that turned it away
  mutable bool unstable_ = false;
};

/// One stored answer, viewed in the cache file's bytes.
struct StoredAnswer {
  char kind;
  std::string_view path, digest;
};

/// The stored identities, sorted by path as they were written; "" for a file that has none.
struct StoredIdentities {
  std::vector<std::pair<std::string_view, std::string_view>> sorted;
  /// The identity of `path`, or null when none was stored for it.
  const std::string_view* find(std::string_view path) const {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), path,
                               [](const auto& entry, std::string_view p) { return entry.first < p; });
    return it != sorted.end() && it->first == path ? &it->second : nullptr;
  }
};

/// Whether `fs` answers each question as it did when the build was stored. A file whose identity
/// is not the recorded one, yet whose bytes (or gates) answer the same, gets its identity now in
/// `*refreshed` (when it has one: see file_identity), so that the next run need not read it again.
bool same_answers(const source::FileSystem& fs, const std::vector<StoredAnswer>& answers,
                  const StoredIdentities& identities, std::uintmax_t max_file_size, std::string* why,
                  std::map<std::string, std::string>* refreshed) {
  const int64_t started = now_ns();
  // The listings first: a real file system stats each regular file of a directory as it lists it
  // (its size), and keeps that identity for the files' questions after them (seen_identity), so
  // a file's identity costs no lstat(2) by its path (hatchet: 900 of them); the run's discovery
  // reads the same listings after, so listing the tree here is no extra work on a hit, nor on a
  // miss, whose build lists it too. Then the files, then is_file / is_dir, which a real file
  // system answers "no" from the listing of the parent for a name it does not hold (most are a
  // .gitignore or a go.mod looked for in every directory), without a stat.
  auto rank = [](char kind) { return kind == 'd' || kind == 'l' ? 0 : kind == 'r' || kind == 'g' ? 1 : 2; };
  std::string now;  // one buffer for every answer of this run
  for (int r = 0; r < 3; ++r) {
    for (const StoredAnswer& a : answers) {
      if (rank(a.kind) != r) continue;
      const std::string path(a.path);
      const std::string_view digest = a.digest;
      now.clear();
      switch (a.kind) {
        case 'r': {
          const std::string_view* id = identities.find(path);
          if (id && !id->empty() && identity_now(fs, path) == *id) continue;  // the same file, unchanged since it was read
          if (digest.empty()) {  // known by its identity alone, and that is not the file's now
            *why = path + " changed since the cached build";
            return false;
          }
          std::string text, e;
          bool ok = fs.read(path, &text, &e);
          now = read_digest(ok, text, e);
          if (now == digest && id)
            if (std::string fresh = file_identity(path, started); !fresh.empty()) (*refreshed)[path] = fresh;
          break;
        }
        case 'g': {
          const std::string_view* id = identities.find(path);
          if (id && !id->empty() && identity_now(fs, path) == *id) continue;  // the same file, unchanged since the gates turned it away
          std::string text, e;
          std::optional<bool> admitted;
          if (fs.read(path, &text, &e)) admitted = any_gate_admits(std::string(digest), text);
          if (admitted == false) {  // changed, and still of no interest to the build
            if (id)
              if (std::string fresh = file_identity(path, started); !fresh.empty()) (*refreshed)[path] = fresh;
            continue;
          }
          *why = path + " changed since the cached build";
          return false;
        }
        case 'l': append_listing(&now, fs.list(path), max_file_size); break;
        case 'd': {
          std::string e;
          if (auto entries = fs.read_dir_shared(path, &e)) now = "ok ", append_listing(&now, *entries, max_file_size);
          else now = "error " + e;
          break;
        }
        case 'D': now = fs.is_dir(path) ? "1" : "0"; break;
        case 'F': now = fs.is_file(path) ? "1" : "0"; break;
        default: return *why = "unknown question in the cache file", false;
      }
      if (now != digest) {
        *why = path + " changed since the cached build";
        return false;
      }
    }
  }
  return true;
}

/// The options build_schema reads, and the rest of the key, as one string; without the binary's
/// identity, what names the cache file (see build_schema_cached).
std::string key_text(const SchemaCacheKey& key, bool with_binary = true) {
  Writer w;
  w.u(kFormat);
  w.s(key.root);
  if (with_binary) w.s(key.binary);
  const Options& o = *key.options;
  w.s(o.root);
  w.strings(o.migration_dirs);
  w.s(o.service);
  w.strings(o.search_path);
  w.b(o.search_path_given);
  w.strings(o.include);
  w.strings(o.exclude);
  w.u(o.migration_formats.size());
  for (auto& [k, v] : o.migration_formats) w.s(k), w.s(v);
  w.u(o.template_values.size());
  for (auto& [k, v] : o.template_values) w.s(k), w.s(v);
  w.u(o.extra_database_calls.size());
  for (auto& [k, v] : o.extra_database_calls) w.s(k), w.strings(v);
  w.u(o.max_file_size);
  return w.out;
}

/// source::fast_hash of the payload, in hex: a damaged or truncated cache file fails it. The
/// files the build read are compared by SHA-256; this only tells a whole cache file from a broken
/// one, and a megabyte of SHA-256 cost more than the rest of a hit.
std::string checksum(std::string_view payload) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(source::fast_hash(payload)));
  return hex;
}

/// The stored build, when the cache file is whole, is this key's, and every answer it was built
/// from is still the file system's.
/// `*restore`: set when the record is worth storing again with the identities files have now.
bool load(const source::FileSystem& fs, const std::string& file, const std::string& key, std::uintmax_t max_file_size,
          bool use_identities, SchemaBuild* out, std::string* why,
          std::optional<std::pair<std::map<Question, std::string>, std::map<std::string, std::string>>>* restore) {
  source::MappedFile mapped;  // every byte is read: the checksum goes over them all
  if (!mapped.open(file, true)) return *why = "no cached build", false;
  std::string_view bytes = mapped.bytes();
  // magic, payload, checksum of the payload (16 hex characters)
  if (bytes.size() < kMagic.size() + 16 || bytes.compare(0, kMagic.size(), kMagic) != 0)
    return *why = "the cache file is not one (ignored)", false;
  std::string_view payload(bytes.data() + kMagic.size(), bytes.size() - kMagic.size() - 16);
  if (checksum(payload) != std::string_view(bytes).substr(bytes.size() - 16))
    return *why = "the cache file is damaged (ignored)", false;
  Reader r(payload);
  if (r.s() != key || !r.ok()) return *why = "the cache file is another build's", false;
  // Viewed in place: a hit copies none of the questions' paths and answers.
  std::vector<StoredAnswer> answers(r.n());
  for (auto& a : answers) {
    a.kind = static_cast<char>(r.u());
    a.path = r.view();
    a.digest = r.view();
  }
  StoredIdentities identities;
  identities.sorted.resize(r.n());
  for (auto& [path, id] : identities.sorted) {
    path = r.view();
    id = r.view();
  }
  std::string_view encoded = r.view();
  if (!r.done()) return *why = "the cache file does not decode (ignored)", false;
  if (!use_identities) identities.sorted.clear();
  std::map<std::string, std::string> refreshed;
  if (!same_answers(fs, answers, identities, max_file_size, why, &refreshed)) return false;
  if (!decode_schema_build(encoded, out)) return *why = "the cached build does not decode (ignored)", false;
  if (!refreshed.empty()) {
    // Files read again because their identities were not the recorded ones (a fresh clone, a
    // checkout, files too young to trust when the build was stored): the same answers under the
    // identities they have now, so that the next run knows them without reading them.
    std::map<Question, std::string> kept;
    for (auto& a : answers) kept[Question{a.kind, std::string(a.path)}] = std::string(a.digest);
    std::map<std::string, std::string> ids;
    for (auto& [path, id] : identities.sorted) ids[std::string(path)] = std::string(id);
    for (auto& [path, id] : refreshed) ids[path] = id;
    restore->emplace(std::move(kept), std::move(ids));
  }
  return true;
}

bool store(const std::string& file, const std::string& key,
           const std::map<Question, std::string>& answers, const std::map<std::string, std::string>& identities,
           const SchemaBuild& build) {
  Writer w;
  w.s(key);
  w.u(answers.size());
  for (auto& [q, digest] : answers) {
    w.u(static_cast<unsigned char>(q.kind));
    w.s(q.path);
    w.s(digest);
  }
  w.u(identities.size());
  for (auto& [path, id] : identities) {
    w.s(path);
    w.s(id);
  }
  w.s(encode_schema_build(build));
  std::string bytes = std::string(kMagic) + w.out + checksum(w.out);
  return source::replace_file(file, bytes);
}

}  // namespace

std::string identity_bytes(const source::FileIdentity& id, int64_t before_ns) {
  if (before_ns && (id.mtime_ns > before_ns - 1000000000 || id.ctime_ns > before_ns - 1000000000)) return "";
  // The five numbers' bytes, compared whole (a hit asks this of every file the build read).
  const uint64_t fields[5] = {id.dev, id.ino, id.size, static_cast<uint64_t>(id.mtime_ns),
                              static_cast<uint64_t>(id.ctime_ns)};
  return std::string(reinterpret_cast<const char*>(fields), sizeof fields);
}

std::string file_identity(const std::string& path, int64_t before_ns) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  return identity_bytes({static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
                         static_cast<uint64_t>(st.st_size),
                         static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                         static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec},
                        before_ns);
}

std::string identity_now(const source::FileSystem& fs, const std::string& path, int64_t before_ns) {
  if (std::optional<source::FileIdentity> seen = fs.seen_identity(path)) return identity_bytes(*seen, before_ns);
  return file_identity(path, before_ns);
}

std::string schema_cache_dir() {
  // SCHEMAGATE_CACHE_DIR names the directory (a CI job's restored cache); set and empty: no cache.
  if (const char* own = std::getenv("SCHEMAGATE_CACHE_DIR")) return own;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/schemagate";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return std::string(home) + "/.cache/schemagate";
  return "";
}

std::string encode_schema_build(const SchemaBuild& b) {
  Writer w;
  w.schema(b.schema);
  w.migrations(b.migrations);
  w.migrations(b.baseline);
  w.directories(b.directories);
  w.u(b.notes.size());
  for (auto& n : b.notes) {
    w.origin(n.origin);
    w.s(n.message);
    w.b(n.fails);
    w.s(n.sqlstate);
  }
  w.directories(b.other_engines);
  w.directories(b.not_run);
  w.directories(b.dumps);
  w.strings(b.search_path);
  w.s(b.search_path_evidence);
  w.u(b.template_values.size());
  for (auto& t : b.template_values) w.s(t.key), w.s(t.value), w.s(t.evidence);
  w.u(b.services.size());
  for (auto& s : b.services) {
    w.s(s.root);
    w.s(s.root_evidence);
    w.strings(s.sets);
    w.schema(s.schema);
    w.migrations(s.baseline);
    w.migrations(s.migrations);
    w.strings(s.search_path);
    w.s(s.search_path_evidence);
  }
  w.s(b.services_merged);
  w.b(b.service_scope.has_value());
  if (b.service_scope) {
    w.s(b.service_scope->root);
    w.strings(b.service_scope->nested);
    w.strings(b.service_scope->other_sets);
  }
  w.strings(b.inputs);
  return w.out;
}

bool decode_schema_build(std::string_view bytes, SchemaBuild* out) {
  SchemaBuild b;
  Reader r(bytes);
  r.schema(&b.schema);
  b.migrations = r.migrations();
  b.baseline = r.migrations();
  b.directories = r.directories();
  b.notes.resize(r.n());
  for (auto& n : b.notes) {
    n.origin = r.origin();
    n.message = r.s();
    n.fails = r.b();
    n.sqlstate = r.s();
  }
  b.other_engines = r.directories();
  b.not_run = r.directories();
  b.dumps = r.directories();
  b.search_path = r.strings();
  b.search_path_evidence = r.s();
  b.template_values.resize(r.n());
  for (auto& t : b.template_values) {
    t.key = r.s();
    t.value = r.s();
    t.evidence = r.s();
  }
  b.services.resize(r.n());
  for (auto& s : b.services) {
    s.root = r.s();
    s.root_evidence = r.s();
    s.sets = r.strings();
    r.schema(&s.schema);
    s.baseline = r.migrations();
    s.migrations = r.migrations();
    s.search_path = r.strings();
    s.search_path_evidence = r.s();
  }
  b.services_merged = r.s();
  if (r.b()) {
    SchemaBuild::ServiceScope scope;
    scope.root = r.s();
    scope.nested = r.strings();
    scope.other_sets = r.strings();
    b.service_scope = std::move(scope);
  }
  b.inputs = r.strings();
  if (!r.done()) return false;
  *out = std::move(b);
  return true;
}

bool build_schema_cached(const source::FileSystem& fs, const SchemaCacheKey& key, const std::string& dir,
                         SchemaBuild* out, std::string* err, SchemaCacheResult* result) {
  *result = {};
  if (dir.empty()) {
    result->why = "no cache directory ($SCHEMAGATE_CACHE_DIR empty, or $XDG_CACHE_HOME and $HOME unset)";
    source::ReadOnceFileSystem once(fs, kBuildReadBound);
    return build_schema(once, *key.options, out, err);
  }
  std::string k = key_text(key);
  // Named by the project and the options alone: a new binary (each build, each upgrade) finds
  // the file another one stored, its key (which holds the binary's identity) is not this run's,
  // and the build it stores replaces that file instead of leaving one more beside it.
  result->file = dir + "/schema-" + sha256_hex(key_text(key, false)).substr(0, 32);
  std::optional<std::pair<std::map<Question, std::string>, std::map<std::string, std::string>>> restore;
  if (load(fs, result->file, k, key.options->max_file_size, key.real_files, out, &result->why, &restore)) {
    result->hit = true;
    if (restore) result->stored = store(result->file, k, restore->first, restore->second, *out);
    return true;
  }
  // The texts are read once, below the recording, which still sees every read and asks each its
  // gate (a read above it would hide a second gate asked of the same file).
  source::ReadOnceFileSystem once(fs, kBuildReadBound);
  RecordingFileSystem recording(once, key.options->max_file_size, key.real_files);
  if (!build_schema(recording, *key.options, out, err)) return false;
  // Hashed: the migrations, and every file that is not host-language code (tools' configs,
  // .gitignore files); a Go or Python tree the discovery searched is known by identity.
  std::set<std::string> migrations;
  for (auto* list : {&out->migrations, &out->baseline})
    for (auto& m : *list) migrations.insert(source::join_path(key.options->root, m.path));
  auto hashed = [&](const std::string& path) {
    if (migrations.count(path)) return true;
    for (std::string_view code : {".go", ".py", ".rb", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".java", ".kt"})
      if (path.ends_with(code)) return false;
    return true;
  };
  if (auto answers = recording.answers(hashed))
    result->stored = store(result->file, k, *answers, recording.identities(), *out);
  return true;
}

}  // namespace schemagate::pipeline
