#include "analyzers/sql/pg_parse.h"

#include "analyzers/sql/parse_store.h"
#include "analyzers/sql/unpack.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cstdlib>
#include <list>
#include <mutex>
#include <unordered_map>

namespace schemagate::sql {

/// The tree read from libpg_query's packed output (sql/unpack.h), in an arena of its own: the
/// packed output is freed as soon as it is read, the tree when the last statement of it is.
class ParseTree {
 public:
  ParseTree(const uint8_t* packed, size_t len)
      : allocator_{&ParseTree::alloc, &ParseTree::release, &arena_},
        message_(unpack_parse_result(packed, len, &arena_)) {
    // What the reader declines, protobuf-c unpacks (into the same arena: nothing to free).
    if (!message_) message_ = pg_query__parse_result__unpack(&allocator_, len, packed);
  }
  ParseTree(const ParseTree&) = delete;
  ParseTree& operator=(const ParseTree&) = delete;
  const PgQuery__ParseResult* message() const { return message_; }
  size_t bytes() const { return arena_.bytes(); }

 private:
  static void* alloc(void* arena, size_t size) { return static_cast<Arena*>(arena)->alloc(size); }
  static void release(void*, void*) {}
  Arena arena_;
  ProtobufCAllocator allocator_;
  const PgQuery__ParseResult* message_;
};

namespace {

/// libpg_query's answer for one text: the tree, or the error and where it was found.
struct ParseOutcome {
  std::shared_ptr<const ParseTree> tree;  ///< null on an error
  ParseError error;
};

/// The protobuf result of pg_query_parse_protobuf: freed on every path.
struct ProtobufResultOwner {
  PgQueryProtobufParseResult result;
  ~ProtobufResultOwner() { pg_query_free_protobuf_parse_result(result); }
};

std::shared_ptr<const ParseOutcome> parse_now(const std::string& sql) {
  auto out = std::make_shared<ParseOutcome>();
  // An earlier run's answer (parse_store.h): one unpack, no parse and no pack.
  ParseStore* store = parse_store();
  if (StoredParse stored; store && store->find(sql, &stored)) {
    if (!stored.ok) {
      out->error = std::move(stored.error);
      return out;
    }
    auto tree = std::make_shared<const ParseTree>(reinterpret_cast<const uint8_t*>(stored.packed.data()),
                                                  stored.packed.size());
    if (tree->message()) {
      out->tree = std::move(tree);
      return out;
    }
  }
  ProtobufResultOwner owner{pg_query_parse_protobuf(sql.c_str())};
  if (const PgQueryError* e = owner.result.error) {
    out->error.message = e->message ? e->message : "syntax error";
    out->error.offset = char_pos_to_byte(sql, e->cursorpos);
    if (store) store->add_error(sql, out->error);
    return out;
  }
  auto tree = std::make_shared<const ParseTree>(reinterpret_cast<const uint8_t*>(owner.result.parse_tree.data),
                                                owner.result.parse_tree.len);
  if (!tree->message()) {
    out->error.message = "libpg_query returned a parse tree that protobuf-c cannot read";
    out->error.offset = 0;
    return out;
  }
  if (store) store->add_tree(sql, std::string_view(owner.result.parse_tree.data, owner.result.parse_tree.len));
  out->tree = std::move(tree);
  return out;
}

// The same text is parsed many times in one run: a constant run by several calls, the variants
// of one statement with run-time fragments, and every site of a file scanned again once the
// project answered its questions (pipeline/constants_pass.cpp). synapse asks 3561 parses of 1849
// texts, hatchet 797 of 684; libpg_query's parse is a pure function of the text, and most of
// its cost is packing the tree to protobuf and ours unpacking it. So each distinct text is
// parsed once, and its outcome kept while the trees kept stay under kCacheBytes (the least
// recently asked goes first): statements already handed out keep their tree alive through the
// shared_ptr whatever the cache drops.
constexpr size_t kCacheBytes = 64u << 20;

class ParseCache {
 public:
  std::shared_ptr<const ParseOutcome> get(const std::string& sql) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = index_.find(sql); it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return it->second->outcome;
      }
    }
    std::shared_ptr<const ParseOutcome> outcome = parse_now(sql);  // outside the lock: threads parse at once
    size_t cost = sql.size() + outcome->error.message.size() + (outcome->tree ? outcome->tree->bytes() : 0) + 128;
    std::lock_guard<std::mutex> lock(mutex_);
    if (index_.count(sql) || cost > kCacheBytes) return outcome;  // another thread parsed it too
    order_.push_front({sql, outcome, cost});
    index_.emplace(order_.front().sql, order_.begin());
    bytes_ += cost;
    while (bytes_ > kCacheBytes) {
      bytes_ -= order_.back().cost;
      index_.erase(order_.back().sql);
      order_.pop_back();
    }
    return outcome;
  }

 private:
  struct Entry {
    std::string sql;
    std::shared_ptr<const ParseOutcome> outcome;
    size_t cost = 0;
  };
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently asked first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // views of Entry::sql
  size_t bytes_ = 0;
};

}  // namespace

namespace {

struct SplitResultOwner {
  PgQuerySplitResult result;
  ~SplitResultOwner() { pg_query_free_split_result(result); }
};

}  // namespace

// Statements are split with libpg_query's scanner (pg_query_split_with_scanner), not its parser
// (pg_query_split_with_parser), and each is then parsed alone (schema/ddl.cpp). Measured with
// bench/pg_split.cpp (libpg_query 15-4.0.0, a loaded 2-core machine, 3 runs each):
//   hatchet's 224 migration files: the parser takes 0.5-0.8x the scanner's time, but it fails
//     whole on the one file that does not parse, which the scanner must then split anyway;
//   a 2.4 MB schema dump (36000 statements): the parser takes 1.3-1.8x the scanner's time and
//     56 MB instead of 20 MB: it builds the whole file's raw tree, which the statement-by-statement
//     replay exists to avoid.
// .sql query files (languages/sql_file.cpp) fit neither: they hold query-tool text that is not
// PostgreSQL (sqlc macros, :name parameters, psql meta-commands, "-- name:" headers that end a
// query without `;`), on which the parser fails and the scanner splits in the wrong place.
// pg_query_scan (every token) is no faster than a split and also stops at such text, so skipping
// comments and literals stays with sql/scan.h.
bool split_statements(const std::string& sql, std::vector<StatementSpan>* out) {
  out->clear();
  SplitResultOwner owner{pg_query_split_with_scanner(sql.c_str())};
  if (owner.result.error) return false;
  for (int i = 0; i < owner.result.n_stmts; ++i) {
    const PgQuerySplitStmt* s = owner.result.stmts[i];
    if (s->stmt_location < 0 || s->stmt_len < 0) return false;
    size_t at = static_cast<size_t>(s->stmt_location);
    // Length 0 is "to the end of the input" for the last statement, an empty one elsewhere.
    if (s->stmt_len == 0 && i + 1 < owner.result.n_stmts) continue;
    size_t len = s->stmt_len == 0 ? sql.size() - std::min(at, sql.size()) : static_cast<size_t>(s->stmt_len);
    if (at > sql.size() || len > sql.size() - at) return false;
    out->push_back({at, len});
  }
  return true;
}

size_t char_pos_to_byte(std::string_view text, int cursorpos) {
  if (cursorpos <= 1) return 0;
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (++chars == cursorpos) return i;
    }
  }
  return text.size();
}

bool parse(const std::string& sql, std::vector<ParsedStatement>* out, ParseError* error) {
  // Never destroyed: freeing every tree kept at exit cost as much as the parses it saved
  // (196 M instructions of a check of hatchet); the process's memory goes back whole.
  static ParseCache& cache = *new ParseCache;
  std::shared_ptr<const ParseOutcome> outcome = cache.get(sql);
  if (!outcome->tree) {
    *error = outcome->error;
    return false;
  }
  const PgQuery__ParseResult* message = outcome->tree->message();
  for (size_t i = 0; i < message->n_stmts; ++i) {
    const PgQuery__RawStmt* raw = message->stmts[i];
    ParsedStatement ps;
    ps.node = raw->stmt;
    ps.tree = outcome->tree;
    ps.location = static_cast<size_t>(std::max(0, raw->stmt_location));
    ps.length = static_cast<size_t>(std::max(0, raw->stmt_len));
    out->push_back(std::move(ps));
  }
  return true;
}

}  // namespace schemagate::sql
