// Ruby. ActiveRecord (`connection.execute`, `exec_query`, `select_all`, `find_by_sql`), the pg
// gem (`conn.exec`, `exec_params`) and Sequel (`DB[...]`, `DB.run`, `DB.fetch`) take SQL as a
// string, most often a heredoc (<<~SQL ... SQL), sometimes "..." with #{} interpolation (a
// hole). A heredoc's body is not inside the expression that starts it: tree-sitter puts
// `<<~SQL` (heredoc_beginning) where the expression is and the body (heredoc_body) after the
// line, so the syntax pairs the n-th beginning with the n-th body when it is built.
// `<<~SQL.squish` and friends return the same text: they are wrappers.
//
// Names that other libraries use for other things (Kernel#exec, Hash#fetch, Thor's run, every
// `x[...]`) count as database calls only on a receiver that reads as a connection: DB, db,
// conn, connection, pg, database, client (the last segment of the receiver).
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "analyzers/languages/kind_set.h"
#include "analyzers/languages/ruby.h"
#include "analyzers/languages/string_eval.h"

namespace schemagate::languages {
namespace {

using sql::SqlText;

void decode(std::string_view source, uint32_t begin, uint32_t end, SqlText* out) {
  decode_escaped(source, begin, end, out, [](std::string_view text, size_t i, size_t* j, std::string* decoded) {
    char e = text[i + 1];
    uint32_t value = 0;
    if (common_escape(e, decoded)) return;
    if (e == 's') {
      *decoded = " ";
    } else if (e == 'e') {
      *decoded = "\x1b";
    } else if (e == '\n') {
      decoded->clear();
    } else if (e == 'x') {
      if (parse_digits(text, j, 16, 2, &value)) *decoded = static_cast<char>(value);
      else *decoded = text.substr(i, 2);
    } else if (e == 'u' && *j < text.size() && text[*j] != '{') {
      if (parse_digits(text, j, 16, 4, &value)) append_utf8(value, decoded);
      else *decoded = text.substr(i, 2);
    } else if (e >= '0' && e <= '7') {
      *j = i + 1;
      parse_digits(text, j, 8, 3, &value);
      *decoded = static_cast<char>(value & 0xFF);
    } else {
      *decoded = e;
    }
  });
}

void collect(TSNode root, std::vector<TSNode>* beginnings, std::vector<TSNode>* bodies) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool leaf = false;
    if (node_is(n, "heredoc_beginning")) beginnings->push_back(n), leaf = true;
    else if (node_is(n, "heredoc_body")) bodies->push_back(n), leaf = true;
    if (!leaf && ts_tree_cursor_goto_first_child(&c)) continue;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) { done = true; break; }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

void append_part(TSNode c, std::string_view source, SqlText* out) {
  uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);
  if (node_is(c, "interpolation")) out->append_hole(b);
  else if (node_is(c, "escape_sequence")) decode(source, b, e, out);
  else if (node_is(c, "string_content") || node_is(c, "heredoc_content"))
    out->append_verbatim(source.substr(b, e - b), b);
}

/// A heredoc body: every byte up to its terminator, interpolations as holes.
void append_parts(TSNode body, std::string_view source, SqlText* out) {
  uint32_t at = ts_node_start_byte(body);
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(body, i);
    uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);
    if (node_is(c, "heredoc_end")) break;
    if (b > at) out->append_verbatim(source.substr(at, b - at), at);
    if (node_is(c, "interpolation")) out->append_hole(b);
    else if (node_is(c, "escape_sequence")) decode(source, b, e, out);
    else out->append_verbatim(source.substr(b, e - b), b);
    at = e;
  }
  uint32_t end = ts_node_end_byte(body);
  for (uint32_t i = 0; i < n; ++i)
    if (node_is(ts_node_named_child(body, i), "heredoc_end"))
      end = ts_node_start_byte(ts_node_named_child(body, i));
  if (end > at) out->append_verbatim(source.substr(at, end - at), at);
}

bool is_generic(std::string_view name) {
  return name == "exec" || name == "fetch" || name == "run" || name == "prepare" || name == "[]";
}

/// The receiver reads as a database connection: its last name is one of a few.
bool connection_like(std::string_view receiver) {
  size_t cut = receiver.find_last_of(".:@");
  if (cut != std::string_view::npos) receiver = receiver.substr(cut + 1);
  std::string lower;
  for (char c : receiver) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static constexpr std::string_view kNames[] = {"db", "conn", "connection", "pg", "database",
                                                "client", "raw_connection", "sequel"};
  for (std::string_view n : kNames)
    if (lower == n) return true;
  return false;
}

/// `execute` runs SQL on a connection (`ActiveRecord::Base.connection.execute`, SQLite's
/// `db.execute`) and something else on command objects, services and GraphQL schemas
/// (`runner.execute(action)`, `MySchema.execute(query, variables: ...)`). On a receiver whose
/// last name reads as a connection (one of connection_like's, or a name holding "conn" or
/// "adapter": `lease_connection`, `pg_conn`) it is a database call; on another, only when its
/// SQL is written out (RubySyntax::call). Without a receiver it stays one (a data migration's
/// `execute <<~SQL`).
bool connection_for_execute(std::string_view receiver) {
  if (connection_like(receiver)) return true;
  size_t cut = receiver.find_last_of(".:@");
  if (cut != std::string_view::npos) receiver = receiver.substr(cut + 1);
  std::string lower;
  for (char c : receiver) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.find("conn") != std::string::npos || lower.find("adapter") != std::string::npos;
}

bool is_text_method(std::string_view m) {
  return m == "squish" || m == "strip" || m == "freeze" || m == "chomp" || m == "dup" ||
         m == "strip_heredoc" || m == "lstrip" || m == "rstrip" || m == "to_s";
}

class RubySyntax final : public HostSyntax {
 public:
  RubySyntax(TSNode root, std::string_view source) : source_(source), literals_(root, source) {}

  ExprKind kind(TSNode node) const override {
    const char* t = ts_node_type(node);
    if (!std::strcmp(t, "string") || !std::strcmp(t, "heredoc_beginning")) return ExprKind::kLiteral;
    if (!std::strcmp(t, "chained_string")) return ExprKind::kSequence;
    if (!std::strcmp(t, "identifier") || !std::strcmp(t, "constant")) return ExprKind::kIdentifier;
    if (!std::strcmp(t, "parenthesized_statements")) return ExprKind::kWrapper;
    if (!std::strcmp(t, "binary")) {
      TSNode op = field(node, "operator");
      if (node_is(op, "+")) return ExprKind::kConcat;
      if (node_is(op, "%")) return ExprKind::kFormat;
    }
    if (!std::strcmp(t, "call") && ts_node_is_null(field(node, "arguments")) &&
        is_text_method(node_text(field(node, "method"), source_)) &&
        !ts_node_is_null(field(node, "receiver")))
      return ExprKind::kWrapper;
    return ExprKind::kOther;
  }

  void append_literal(TSNode node, std::string_view source, SqlText* out) const override {
    (void)source;
    literals_.append(node, out);
  }

  bool is_scope(TSNode node) const override {
    static const KindSet kScopes{"method", "singleton_method", "lambda", "block", "do_block"};
    return kScopes.has(node);
  }

  void definitions(TSNode node, std::string_view source,
                   std::vector<Definition>* out) const override {
    const char* t = ts_node_type(node);
    uint32_t begin = ts_node_start_byte(node);
    if (!std::strcmp(t, "class") || !std::strcmp(t, "module") || !std::strcmp(t, "program")) {
      // `def query_sql = <<~SQL` / `def query_sql; <<~SQL ... SQL; end`: a method without
      // parameters returning a string is a named string, like a constant, for the whole file.
      TSNode body = !std::strcmp(t, "program") ? node : field(node, "body");
      uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode m = ts_node_named_child(body, i);
        if (!node_is(m, "method") || !ts_node_is_null(field(m, "parameters"))) continue;
        TSNode mb = field(m, "body");
        uint32_t k = ts_node_is_null(mb) ? 0 : ts_node_named_child_count(mb);
        TSNode last = mb;  // `def q = expr`
        if (node_is(mb, "body_statement")) {
          last = TSNode{};
          for (uint32_t j = k; j-- > 0 && ts_node_is_null(last);) {  // the last expression
            TSNode c = ts_node_named_child(mb, j);
            if (!node_is(c, "heredoc_body") && !node_is(c, "comment")) last = c;
          }
          if (ts_node_is_null(last)) continue;
        }
        define(field(m, "name"), last, begin, false, source, out);
      }
    } else if (!std::strcmp(t, "assignment")) {
      define(field(node, "left"), field(node, "right"), begin, false, source, out);
    } else if (!std::strcmp(t, "operator_assignment")) {
      bool plus = node_text(field(node, "operator"), source) == "+=";
      define(field(node, "left"), plus ? field(node, "right") : TSNode{}, begin, plus, source, out);
    } else if (!std::strcmp(t, "method_parameters") || !std::strcmp(t, "block_parameters") ||
               !std::strcmp(t, "lambda_parameters")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        TSNode name = node_is(c, "identifier") ? c : field(c, "name");
        define(name, TSNode{}, begin, false, source, out);
      }
    }
  }

  bool call(TSNode node, std::string_view source, Call* out) const override {
    TSNode receiver{}, args{};
    if (node_is(node, "call")) {
      out->name = node_text(field(node, "method"), source);
      receiver = field(node, "receiver");
      args = field(node, "arguments");
    } else if (node_is(node, "element_reference")) {
      out->name = "[]";
      receiver = field(node, "object");
      args = node;
    } else {
      return false;
    }
    if (is_generic(out->name) && (ts_node_is_null(receiver) || !connection_like(node_text(receiver, source))))
      out->name = {};
    // `execute` on another receiver: a database call only with SQL written out (a block's
    // connection, `other_worker.execute(<<~SQL, name)`); with anything else it is the receiver's
    // own method (`runner.execute(action)`).
    bool other_execute =
        out->name == "execute" && !ts_node_is_null(receiver) && !connection_for_execute(node_text(receiver, source));
    if (ts_node_is_null(args)) {
      if (other_execute) out->name = {};
      return true;
    }
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (node_is(node, "element_reference") && ts_node_start_byte(a) == ts_node_start_byte(receiver))
        continue;
      if (node_is(a, "comment") || node_is(a, "pair") || node_is(a, "block_argument") ||
          node_is(a, "hash_splat_argument") || node_is(a, "block") || node_is(a, "do_block"))
        continue;
      // find_by_sql(["SELECT ... ?", id]), select_all([sql, binds]): the SQL is the first element.
      if (node_is(a, "array") && out->arguments.empty() && ts_node_named_child_count(a) > 0)
        a = ts_node_named_child(a, 0);
      out->arguments.push_back(a);
    }
    if (other_execute && (out->arguments.empty() || !(node_is(out->arguments[0], "string") ||
                                                      node_is(out->arguments[0], "heredoc_beginning") ||
                                                      node_is(out->arguments[0], "chained_string"))))
      out->name = {};
    return true;
  }

  size_t sql_argument_index(std::string_view name) const override {
    return name == "prepare" ? 1 : 0;  // pg: conn.prepare(statement_name, sql)
  }

  /// A test's description (`context "with a #{role} user" do`, `it "selects ..."`): RSpec's and
  /// minitest-spec's example groups and examples name what they test in words, never SQL.
  bool foreign_query(TSNode node, std::string_view source) const override {
    if (!node_is(node, "string")) return false;
    TSNode args = ts_node_parent(node);
    if (!node_is(args, "argument_list") || !ts_node_eq(ts_node_named_child(args, 0), node)) return false;
    TSNode call = ts_node_parent(args);
    if (!node_is(call, "call") || ts_node_is_null(field(call, "block"))) return false;
    TSNode receiver = field(call, "receiver");
    if (!ts_node_is_null(receiver) && node_text(receiver, source) != "RSpec") return false;
    static constexpr std::string_view kGroups[] = {"describe", "context", "it", "specify", "example", "scenario",
                                                   "feature", "shared_examples", "shared_context", "test"};
    std::string_view name = node_text(field(call, "method"), source);
    for (std::string_view g : kGroups)
      if (name == g) return true;
    return false;
  }

  bool cannot_be_sql(TSNode node, std::string_view source) const override {
    (void)source;
    static constexpr const char* kTypes[] = {
        "integer", "float", "simple_symbol", "delimited_symbol", "hash", "array", "true", "false",
        "nil", "lambda", "self", "rational", "complex", "range", "regex", "hash_key_symbol"};
    for (const char* t : kTypes)
      if (node_is(node, t)) return true;
    return false;
  }

 private:
  static void define(TSNode name, TSNode value, uint32_t begin, bool append,
                     std::string_view source, std::vector<Definition>* out) {
    if (ts_node_is_null(name) || (!node_is(name, "identifier") && !node_is(name, "constant"))) return;
    out->push_back(Definition{node_text(name, source), value, begin, append});
  }

  std::string_view source_;
  RubyLiterals literals_;
};

}  // namespace

RubyLiterals::RubyLiterals(TSNode root, std::string_view source) : source_(source) {
  if (ts_node_is_null(root)) return;
  std::vector<TSNode> beginnings, bodies;
  collect(root, &beginnings, &bodies);
  for (size_t i = 0; i < beginnings.size() && i < bodies.size(); ++i)
    body_of_[ts_node_start_byte(beginnings[i])] = bodies[i];
}

bool RubyLiterals::append(TSNode node, SqlText* out) const {
  if (node_is(node, "heredoc_beginning")) {
    auto it = body_of_.find(ts_node_start_byte(node));
    if (it != body_of_.end()) append_parts(it->second, source_, out);
    return true;
  }
  if (node_is(node, "chained_string")) {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) append(ts_node_named_child(node, i), out);
    return true;
  }
  if (!node_is(node, "string")) return false;
  // "...", '...', %q(...): the content is the string_content, escape_sequence and
  // interpolation children; the delimiters are not children.
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) append_part(ts_node_named_child(node, i), source_, out);
  return true;
}

bool ruby_execute_may_query(std::string_view text) {
  constexpr std::string_view kCall = ".execute(";
  auto name_byte = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '@' || c == ':' || c == '.';
  };
  for (size_t at = text.find(kCall); at != std::string_view::npos; at = text.find(kCall, at + 1)) {
    size_t start = at;
    while (start > 0 && name_byte(text[start - 1])) --start;
    std::string_view receiver = text.substr(start, at - start);
    // A receiver the text spells as a name (`runner`, `@pool`, `Foo::Bar`, `a.b`), as the tree's
    // receiver node would read; anything else (a call's `)`, `&.`, a line break) is not told.
    if (receiver.empty() || std::isdigit(static_cast<unsigned char>(receiver.front())) || receiver.front() == '.' ||
        receiver.back() == '.' || receiver.back() == ':')
      return true;
    if (connection_for_execute(receiver)) return true;
    size_t arg = at + kCall.size();
    while (arg < text.size() && (text[arg] == ' ' || text[arg] == '\t' || text[arg] == '\n' || text[arg] == '\r')) ++arg;
    if (arg >= text.size()) return true;
    char c = text[arg];
    if (c == '"' || c == '\'' || c == '<' || c == '%' || c == '`' || c == '#') return true;
  }
  return false;
}

bool ruby_may_call_database(std::string_view text, const std::vector<std::string_view>& calls) {
  auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  // The receiver's last name before text[dot] (`conn` of `@conn.exec`, `DB` of `DB[`), past the
  // blanks and line breaks of a chain split over lines and `&.`'s `&`; empty when it ends in no
  // name (a call's `)`, a `]`), where connection_like never holds.
  auto last_name_before = [&](size_t at) {
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n' || text[at - 1] == '\r' ||
                      text[at - 1] == '&'))
      --at;
    size_t start = at;
    while (start > 0 && word_byte(text[start - 1])) --start;
    return text.substr(start, at - start);
  };
  for (std::string_view name : calls) {
    if (name == "[]") {  // DB[sql], db[:table]
      for (size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1))
        if (connection_like(last_name_before(at))) return true;
      continue;
    }
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
      if ((at > 0 && word_byte(text[at - 1])) || (at + name.size() < text.size() && word_byte(text[at + name.size()])))
        continue;  // part of a longer name
      if (!is_generic(name)) return true;
      // exec, fetch, run, prepare: a database call only on a connection (RubySyntax::call), called
      // with `.` or `::`; without a receiver it is Kernel's, a task's, a hash's.
      size_t dot = at;
      if (dot > 0 && text[dot - 1] == '.') --dot;
      else if (dot > 1 && text[dot - 1] == ':' && text[dot - 2] == ':') dot -= 2;
      else continue;
      if (connection_like(last_name_before(dot))) return true;
    }
  }
  return false;
}

void extract_ruby(const ExtractInput& in, std::vector<SqlSite>* out) {
  RubySyntax syntax(in.root, in.source);
  extract_sites(in, syntax, out);
}

}  // namespace schemagate::languages
