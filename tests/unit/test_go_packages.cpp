// The Go package index (languages/go_packages.h): what a file's text tells other files about
// its package, read by lines as gofmt lays them out.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <string_view>

#include "analyzers/languages/go_packages.h"

using namespace schemagate;

// go_file_facts as it read every line before it skipped the lines no declaration starts (a
// function body's): the reference the rewrite is compared with.
namespace before_lines {

using schemagate::languages::FactList;
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// The identifier at the start of `s`, or "".
std::string_view identifier(std::string_view s) {
  size_t e = 0;
  while (e < s.size() && word_char(s[e])) ++e;
  return e > 0 && !std::isdigit(static_cast<unsigned char>(s[0])) ? s.substr(0, e) : std::string_view();
}

/// The value of `key:"..."` in a struct tag's text, or nullopt.
bool tag_value(std::string_view tag, std::string_view key, std::string_view* value) {
  for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
    if (at > 0 && tag[at - 1] != ' ' && tag[at - 1] != '`') continue;
    size_t q = at + key.size();
    if (tag.substr(q, 2) != ":\"") continue;
    size_t close = tag.find('"', q + 2);
    if (close == std::string_view::npos) return false;
    *value = tag.substr(q + 2, close - q - 2);
    return true;
  }
  return false;
}

}  // namespace

bool is_prepared_statement_type(std::string_view type) {
  return type == "*sql.Stmt" || type == "*sqlx.Stmt" || type == "*sqlx.NamedStmt";
}

namespace {

/// The named type a type expression names, without pointer, package or type arguments
/// (`*archiver.VisibilityArchiver` -> "VisibilityArchiver"); "" for a slice, map, channel,
/// function or literal type.
std::string_view base_type(std::string_view type) {
  type = trim(type);
  while (!type.empty() && type.front() == '*') type.remove_prefix(1);
  if (size_t b = type.find('['); b != std::string_view::npos) {
    if (b == 0) return {};
    type = type.substr(0, b);
  }
  if (size_t dot = type.rfind('.'); dot != std::string_view::npos) type = type.substr(dot + 1);
  return identifier(type) == type ? type : std::string_view();
}

/// The part of `s` from its '(' at `open` to the matching ')', both excluded; false when it
/// does not close on this line.
bool group(std::string_view s, size_t open, std::string_view* inside, size_t* after) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) {
      *inside = s.substr(open + 1, i - open - 1);
      *after = i + 1;
      return true;
    }
  }
  return false;
}

bool holds_word(std::string_view text, std::string_view w) {
  for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1))
    if ((at == 0 || !word_char(text[at - 1])) && (at + w.size() >= text.size() || !word_char(text[at + w.size()])))
      return true;
  return false;
}

/// A method's signature from its name on (`Query(ctx context.Context, uri URI) (*R, error)`):
/// "go:method:<T>.<M>" -> "plain" (no string parameter: it takes no SQL), "text" or "?" (not
/// read), and "go:result:<T>.<M>" -> its first result's named type.
void method_facts(std::string_view type, std::string_view name, std::string_view rest, FactList* out) {
  std::string key = std::string(type) + "." + std::string(name);
  std::string_view params, results;
  size_t after = 0;
  if (rest.empty() || rest.front() != '(' || !group(rest, 0, &params, &after)) {
    out->emplace_back("go:method:" + key, "?");
    return;
  }
  bool plain = !holds_word(params, "string");
  out->emplace_back("go:method:" + key, plain ? "plain" : "text");
  if (plain) out->emplace_back("go:plain-method:" + std::string(name), std::string(type));
  results = trim(rest.substr(after));
  if (size_t brace = results.rfind('{'); brace != std::string_view::npos && brace + 1 == results.size())
    results = trim(results.substr(0, brace));
  if (!results.empty() && results.front() == '(') {
    std::string_view list;
    if (!group(results, 0, &list, &after)) return;
    results = list.substr(0, list.find(','));
    // Named results (`(h archiver.HistoryArchiver, err error)`): the type after the name.
    std::string_view t = trim(results);
    if (size_t sp = t.find(' '); sp != std::string_view::npos && identifier(t) == t.substr(0, sp)) t = t.substr(sp + 1);
    results = t;
  }
  std::string_view base = base_type(results);
  out->emplace_back("go:result:" + key, base.empty() ? "?" : std::string(base));
}

}  // namespace

void go_file_facts(std::string_view dir, std::string_view text, FactList* out) {
  const std::string d(dir);
  // The type whose body the line is in: its name, kind, and the indentation of its closing
  // brace (gofmt: "}" at the type's own indentation; a `type (` group indents its types once).
  std::string type_name;
  bool interface = false;
  std::string close;
  bool type_group = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
    i = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!type_name.empty()) {
      if (line == close) {
        type_name.clear();
        continue;
      }
      std::string_view body = trim(line);
      if (body.empty() || body.starts_with("//")) continue;
      std::string fields = close.substr(0, close.size() - 1) + "\t";  // one level in from the brace
      if (line.size() <= fields.size() || line.substr(0, fields.size()) != fields || line[fields.size()] == '\t')
        continue;  // deeper: a nested type's lines
      std::string_view name = identifier(body);
      std::string_view rest = trim(body.substr(name.size()));
      if (name.empty() || rest.empty() || rest.starts_with("//") || rest.front() == '.' ||
          (body.front() == '*')) {
        out->emplace_back("go:embeds:" + type_name, "1");  // an embedded type: its methods are promoted
        continue;
      }
      if (interface) {
        if (rest.front() == '(') method_facts(type_name, name, rest, out);
        else out->emplace_back("go:embeds:" + type_name, "1");  // a union or an embedded type
        continue;
      }
      // `\tName  *sqlx.Stmt  `query:"get-user"``: a field, its type and its tag on one line.
      if (rest.front() == ',') continue;  // `A, B int`: not read
      size_t type_end = 0;
      while (type_end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[type_end]))) ++type_end;
      std::string_view type = rest.substr(0, type_end);
      std::string_view tag = trim(rest.substr(type_end));
      std::string_view query;
      bool tagged = tag.starts_with("`") && tag_value(tag, "query", &query) && !query.empty();
      if (is_prepared_statement_type(type))
        out->emplace_back("go:field:" + std::string(name), tagged ? "stmt " + std::string(query) : "stmt");
      else if (type == "string" && tagged)
        out->emplace_back("go:field:" + std::string(name), "text " + std::string(query));
      std::string_view base = base_type(type);
      out->emplace_back("go:fieldtype:" + std::string(name), base.empty() ? "?" : std::string(base));
      continue;
    }
    if (line.starts_with("package ")) {
      std::string_view name = identifier(trim(line.substr(8)));
      if (!name.empty()) out->emplace_back("go:package-name:" + d, std::string(name));
      continue;
    }
    if (line.starts_with("func ")) {
      std::string_view rest = line.substr(5);
      if (!rest.empty() && rest.front() == '(') {  // a method: `func (r *T) M(`
        std::string_view receiver;
        size_t after = 0;
        if (!group(rest, 0, &receiver, &after)) continue;
        receiver = trim(receiver);
        std::string_view recv_type = receiver.substr(receiver.find(' ') == std::string_view::npos ? 0 : receiver.find(' ') + 1);
        std::string_view type = base_type(recv_type);
        std::string_view tail = trim(rest.substr(after));
        std::string_view name = identifier(tail);
        if (!type.empty() && !name.empty()) method_facts(type, name, tail.substr(name.size()), out);
        continue;
      }
      std::string_view name = identifier(rest);
      if (name.empty()) continue;
      // What the signature says about text: "s1" returns a string and takes one, "s0" returns a
      // string and takes nothing, "1" anything else (or a signature over several lines).
      std::string value = "1";
      std::string_view params;
      size_t after = 0;
      std::string_view sig = rest.substr(name.size());
      if (!sig.empty() && sig.front() == '(' && group(sig, 0, &params, &after)) {
        std::string_view result = trim(sig.substr(after));
        if (result.ends_with("{")) result = trim(result.substr(0, result.size() - 1));
        if (result == "string") value = trim(params).empty() ? "s0" : holds_word(params, "string") ? "s1" : "1";
      }
      out->emplace_back("go:func:" + d + ":" + std::string(name), value);
      continue;
    }
    if (line == "type (") {
      type_group = true;
      continue;
    }
    if (line == ")") {
      type_group = false;
      continue;
    }
    // `type X struct {`, or `\tX interface {` in a `type (` group.
    std::string_view decl = line;
    std::string indent;
    if (decl.starts_with("type ")) {
      decl = decl.substr(5);
    } else if (type_group && decl.starts_with("\t") && !decl.starts_with("\t\t")) {
      decl = decl.substr(1);
      indent = "\t";
    } else {
      continue;
    }
    std::string_view name = identifier(decl);
    std::string_view kind = trim(decl.substr(name.size()));
    if (name.empty() || !(kind == "struct {" || kind == "interface {")) {
      if (!name.empty() && !kind.empty() && kind != "struct{}" && kind != "interface{}")
        out->emplace_back("go:type:" + std::string(name), "other");  // a defined type of another kind
      continue;
    }
    type_name = std::string(name);
    interface = kind == "interface {";
    close = indent + "}";
    out->emplace_back("go:type:" + type_name, interface ? "interface" : "struct");
  }
}

}  // namespace before_lines

namespace {

bool has(const languages::FactList& facts, const std::string& key, const std::string& value) {
  return std::find(facts.begin(), facts.end(), std::make_pair(key, value)) != facts.end();
}
bool has_key(const languages::FactList& facts, const std::string& key) {
  return std::any_of(facts.begin(), facts.end(), [&](const auto& f) { return f.first == key; });
}

}  // namespace

TEST_CASE("go package index: functions, statement fields, interfaces and method results") {
  languages::FactList f;
  languages::go_file_facts("common/archiver",
                           "package archiver\n"
                           "\n"
                           "func Get[T any](r *Registry, key Key[T]) (T, bool) {\n"
                           "\treturn zero, false\n"
                           "}\n"
                           "func Switch(q string, v int) string {\n"
                           "\treturn q\n"
                           "}\n"
                           "func (p *provider) GetArchiver(scheme string) (a Archiver, err error) {\n"
                           "\treturn nil, nil\n"
                           "}\n"
                           "type Queries struct {\n"
                           "\tGetUser   *sqlx.Stmt `query:\"get-user\"`\n"
                           "\tQueryAll  string     `query:\"query-all\"`\n"
                           "\tinner struct {\n"
                           "\t\tDeep *sql.Stmt\n"
                           "\t}\n"
                           "\tprov provider.Provider\n"
                           "}\n"
                           "type (\n"
                           "\tArchiver interface {\n"
                           "\t\t// Query reads records back.\n"
                           "\t\tQuery(ctx context.Context, uri URI, req *Request) (*Response, error)\n"
                           "\t\tRun(ctx context.Context, sql string) error\n"
                           "\t}\n"
                           "\tDBTX interface {\n"
                           "\t\tQuerier\n"
                           "\t}\n"
                           ")\n",
                           &f);
  CHECK(has(f, "go:package-name:common/archiver", "archiver"));
  CHECK(has(f, "go:func:common/archiver:Get", "1"));
  CHECK(has(f, "go:func:common/archiver:Switch", "s1"));
  CHECK(has(f, "go:method:provider.GetArchiver", "text"));
  CHECK(has(f, "go:result:provider.GetArchiver", "Archiver"));  // a named result
  CHECK(has(f, "go:field:GetUser", "stmt get-user"));
  CHECK(has(f, "go:field:QueryAll", "text query-all"));
  CHECK(!has_key(f, "go:field:Deep"));  // a nested struct's field is no field of Queries
  CHECK(has(f, "go:fieldtype:prov", "Provider"));
  CHECK(has(f, "go:type:Archiver", "interface"));
  CHECK(has(f, "go:method:Archiver.Query", "plain"));
  CHECK(has(f, "go:result:Archiver.Query", "Response"));
  CHECK(has(f, "go:method:Archiver.Run", "text"));
  CHECK(has(f, "go:plain-method:Query", "Archiver"));  // a method name some type declares without a string parameter
  CHECK(!has_key(f, "go:plain-method:Run"));
  CHECK(!has_key(f, "go:plain-method:GetArchiver"));
  CHECK(!has_key(f, "go:embeds:Archiver"));
  CHECK(has(f, "go:embeds:DBTX", "1"));
}

TEST_CASE("go package index: module paths and named queries") {
  CHECK(languages::go_module_path("// x\nmodule go.temporal.io/server // the server\n\ngo 1.22\n") ==
        "go.temporal.io/server");
  CHECK(languages::go_module_path("go 1.22\n").empty());
  languages::FactList f;
  languages::named_query_facts("queries/users.sql", "-- name: get-user\nSELECT 1;\n\n-- name: del-user\nDELETE FROM u;\n", &f);
  CHECK(has(f, "sql:query:get-user", "queries/users.sql"));
  CHECK(has(f, "sql:query:del-user", "queries/users.sql"));
}

TEST_CASE("go package index: the facts of random files of declaration lines are those the reading of every line gave") {
  const std::vector<std::string> lines = {
      "package store", "package store // x", "func F(q string) string {", "func G() string {", "func H(a int) (string, error) {",
      "func (s *Store) Get(ctx context.Context, id int) (*User, error) {", "func (s Store) Run(q string) {", "}", "",
      "\treturn x", "\t\treturn y", "// comment", "type (", ")", "type Store struct {", "type Q interface {",
      "type ID int64", "type E struct{}", "\tdb *sql.DB", "\tGetUser *sqlx.Stmt `query:\"get-user\"`",
      "\tQueryAll string `query:\"query-all\"`", "\tarchiver.Archiver", "\t*Base", "\tQuery(ctx context.Context) (Response, error)",
      "\tRun(q string)", "\tX interface {", "\tY struct {", "\t}", "\t\tDeep *sql.Stmt", "\tA, B int", "\r", "func\tbad(",
      " func F()", "typeX struct {", "\tint | string", "\t// Name string", "\tName string // trailing"};
  std::mt19937 rng(31);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (size_t k = 0, n = rng() % 30; k < n; ++k) {
      text += lines[rng() % lines.size()];
      if (rng() % 9 == 0) text += "\r";
      if (k + 1 < n || rng() % 2) text += "\n";
    }
    CAPTURE(text);
    languages::FactList now, before;
    languages::go_file_facts("pkg/store", text, &now);
    before_lines::go_file_facts("pkg/store", text, &before);
    CHECK(now == before);
  }
}
