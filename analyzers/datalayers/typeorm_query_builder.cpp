// TypeORM query builders: `repo.createQueryBuilder('user').where('user.email = :email')`,
// `manager.createQueryBuilder(User, 'u')`, `.from(User, 'u')`, joins of a relation path
// (`.leftJoin('request.media', 'media')`) or of an entity class, `.select([...])`, `.orderBy()`,
// `.update(User).set({...})`, `.insert().into(User).values({...})`. A chain's strings are SQL
// with the chain's aliases in them, and TypeORM rewrites each `alias.property` to the quoted
// column of that alias's entity before sending it: so each such path is a requirement at the
// string, on the entity's table, and the chain itself needs that table where it names it. The
// entity, its column names and relations come from the entity layer's index of the project
// (typeorm_naming.h), read with the project's naming strategy.
//
// A relation path join needs the related table and the join column a `@JoinColumn({ name })`
// names, on the owner side's table (the inverse side's `(photo) => photo.user` leads there). A
// join or from() of a string with no dot is the entity of that class or table name, else that
// table as written, whose alias's names TypeORM leaves alone; when an entity the index cannot
// name (a computed table name, an EntitySchema) might be it, the join is partly checked.
// `new Brackets(qb => ...)` and `NotBrackets` conditions are the where() calls the callback makes
// on its parameter, rewritten with the rest of the query.
//
// TypeORM's rewrite is a regular expression: `alias.path` preceded by a space, `=` or `(` (or the
// start of a line) and followed by a space, `=`, `)` or `,` (or the end of a line), where path
// is a property, a relation (its first join column) or a column's database name. What it does
// not rewrite reaches PostgreSQL as written: `alias."col"` is the column col; an unquoted
// `alias.col` is the column col when both are lower case (PostgreSQL folds the rest). Only
// those are judged. A relation path, a property the entity layer could not name, an alias whose
// target is a table name or a subquery, a name of no alias, an unqualified name, a condition
// built by a callback the scan cannot follow or a row with spread keys leave the chain partly
// checked; a chain whose entity cannot be told (a repository of a generic type) is unchecked.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/datalayers/typeorm_naming.h"

namespace schemagate::datalayers {
namespace {

using namespace js;
using namespace typeorm;

bool relevant_query_builder(std::string_view text) { return text.find("createQueryBuilder") != std::string_view::npos; }

bool lower_plain(std::string_view s) { return plain_name(s) && !has_upper(s); }

bool sql_keyword(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "and",  "or",   "not",    "in",      "is",       "null",   "true",   "false",  "like",     "ilike",  "between",
      "exists", "asc", "desc",  "nulls",   "first",    "last",   "case",   "when",   "then",     "else",   "end",
      "as",   "distinct", "any", "all",    "some",     "select", "from",   "where",  "on",       "join",   "left",
      "right", "inner", "outer", "full",   "cross",    "group",  "by",     "order",  "having",   "limit",  "offset",
      "union", "except", "intersect", "interval", "current_date", "current_timestamp", "lateral", "escape", "similar",
      "to",   "collate", "at",  "time",    "zone",     "with",   "without", "array", "row",      "cast",   "filter",
      "over", "partition", "unknown", "using", "default", "localtimestamp", "current_time", "now"};
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kWords.count(lower) > 0;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

/// Whether the word before s[i] is AS.
bool after_as(std::string_view s, size_t i) {
  size_t e = i;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t')) --e;
  size_t b = e;
  while (b > 0 && ident_char(s[b - 1])) --b;
  return e - b == 2 && std::tolower(static_cast<unsigned char>(s[b])) == 'a' &&
         std::tolower(static_cast<unsigned char>(s[b + 1])) == 's';
}

/// One chain, from createQueryBuilder() to its last call (and the calls on a variable that
/// holds it).
struct QueryBuilderChain {
  QueryBuilderChain(const FileInput& i, FileOutput* o, const Entities& e) : in(i), out(o), entities(e) {}
  const FileInput& in;
  FileOutput* out;
  const Entities& entities;
  size_t unit = 0;
  std::string head;                            ///< "createQueryBuilder('user')", for messages
  std::map<std::string, std::string> aliases;  ///< alias -> entity class; "" a target that is no entity
  std::string written;                         ///< the class set() / values() write
  /// An update's or delete's entity: TypeORM prefixes no alias there and rewrites a bare
  /// property (`where('summaryModel IS NULL')`) to its column. "" in a select.
  std::string bare;
  std::set<std::string> noted;                 ///< partial reasons already given
  /// alias -> a table no entity maps (`.leftJoin('audit_log', 'log', ...)`): TypeORM sends the
  /// name quoted and rewrites none of the alias's names.
  std::map<std::string, Entities::Table> raw;
  std::vector<std::pair<std::string, uint32_t>> raw_at;  ///< each raw table and where it is named

  void partly(uint32_t at, const std::string& reason) {
    if (noted.insert(reason).second) out->unchecked.push_back({at, "typeorm query builder", reason, unit});
  }

  void require_table(const std::string& cls, uint32_t at, uint32_t width, requirements::Use use, const std::string& verb) {
    auto t = entities.table(cls);
    if (!t) return;
    requirements::Requirement r;
    r.object = requirements::Object::Relation;
    r.schema = t->schema;
    r.relation = t->name;
    r.use = use;
    r.span = {at, at + width};
    r.unit = unit;
    r.quoted = true;
    if (use == requirements::Use::Insert) r.insert_columns_known = false;  // TypeORM writes DEFAULT for the rest
    r.describe = "TypeORM query builder " + head + " " + verb + " table " + shown(*t) + " of entity " + cls;
    out->requirements.requirements.push_back(std::move(r));
  }

  std::string shown(const Entities::Table& t) const {
    return t.schema == in.default_schema ? t.name : t.schema + "." + t.name;
  }

  /// A table or column of a raw join target, named as written.
  void require_raw(const Entities::Table& t, const std::string& column, uint32_t at, uint32_t width, const std::string& how) {
    requirements::Requirement r;
    r.object = column.empty() ? requirements::Object::Relation : requirements::Object::Column;
    r.schema = t.schema;
    r.relation = t.name;
    r.column = column;
    r.use = requirements::Use::Read;
    r.span = {at, at + width};
    r.unit = unit;
    r.quoted = true;
    r.describe = "TypeORM query builder " + head + " " + how + (column.empty() ? " table " + shown(t) : " column " + shown(t) + "." + column);
    out->requirements.requirements.push_back(std::move(r));
  }

  void require_column(const std::string& cls, const std::string& column, uint32_t at, uint32_t width,
                      requirements::Use use, const std::string& how) {
    auto t = entities.table(cls);
    if (!t) return;
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.schema = t->schema;
    r.relation = t->name;
    r.column = column;
    r.use = use;
    r.span = {at, at + width};
    r.unit = unit;
    r.quoted = true;
    r.describe = "TypeORM query builder " + head + " " + how + " column " + shown(*t) + "." + column + " of entity " + cls;
    out->requirements.requirements.push_back(std::move(r));
  }

  /// `alias.path` at text[dot - alias size, ...]: a requirement when certain, else partly checked.
  /// Returns where the path ends.
  size_t qualified(std::string_view s, uint32_t base, size_t begin, size_t dot, std::string_view alias, bool quoted_alias,
                   const std::string& how) {
    size_t n = s.size();
    auto it = aliases.find(std::string(alias));
    size_t p = dot + 1;
    if (p < n && s[p] == '"') {
      size_t close = s.find('"', p + 1);
      if (close == std::string_view::npos) return n;
      std::string col(s.substr(p + 1, close - p - 1));
      if (auto r = raw.find(std::string(alias)); r != raw.end() && (quoted_alias || lower_plain(alias)) && plain_name(col)) {
        require_raw(r->second, col, base + static_cast<uint32_t>(p + 1), static_cast<uint32_t>(col.size()), how + " " + std::string(alias) + ".\"" + col + "\":");
      } else if (it == aliases.end() || it->second.empty()) {
        partly(base + static_cast<uint32_t>(begin), std::string(alias) + " is not an alias of an entity of the chain");
      } else if (!quoted_alias && !lower_plain(alias)) {
        partly(base + static_cast<uint32_t>(begin), "alias " + std::string(alias) + " is folded to lower case");
      } else if (col.find('"') == std::string::npos && !col.empty()) {
        require_column(it->second, col, base + static_cast<uint32_t>(p + 1), static_cast<uint32_t>(col.size()),
                       requirements::Use::Read, how);
      }
      return close + 1;
    }
    // TypeORM's path: up to a space, '=', '(', ')' or ','.
    size_t end = p;
    while (end < n && s[end] != ' ' && s[end] != '=' && s[end] != '(' && s[end] != ')' && s[end] != ',' && s[end] != '\n')
      ++end;
    size_t word_end = p;
    while (word_end < n && ident_char(s[word_end])) ++word_end;
    std::string path(s.substr(p, end - p)), word(s.substr(p, word_end - p));
    if (word.empty() && p < n && s[p] == '\x01') {  // `media.${column}`
      partly(base + static_cast<uint32_t>(p), "a name is built at run time");
      return p;
    }
    if (auto r = raw.find(std::string(alias)); r != raw.end()) {
      // No entity: TypeORM leaves the name as written and PostgreSQL folds it.
      if (path == word && lower_plain(word) && (quoted_alias || lower_plain(alias)))
        require_raw(r->second, word, base + static_cast<uint32_t>(p), static_cast<uint32_t>(word.size()),
                    how + " " + std::string(alias) + "." + word + " (sent as written):");
      else
        partly(base + static_cast<uint32_t>(begin), std::string(alias) + "." + word + " is not judged");
      return std::max(word_end, p);
    }
    if (it == aliases.end() || it->second.empty()) {
      partly(base + static_cast<uint32_t>(begin), std::string(alias) + "." + word + ": " + std::string(alias) +
                                                       " is not an alias of an entity of the chain");
      return std::max(word_end, p);
    }
    char pre = begin == 0 ? '\n' : s[begin - 1];
    bool rewritten = bare.empty() && !quoted_alias && (pre == ' ' || pre == '=' || pre == '(' || pre == '\n') &&
                     (end == n || s[end] == ' ' || s[end] == '=' || s[end] == ')' || s[end] == ',' || s[end] == '\n');
    property(it->second, std::string(alias) + ".", word, path, rewritten, quoted_alias || lower_plain(alias),
             base + static_cast<uint32_t>(p), how);
    return rewritten && path.size() > word.size() && path[word.size()] == '.' ? end : std::max(word_end, p);
  }

  /// A property path of entity `cls` written `prefix` + `path` (`word`: its first name), where
  /// TypeORM rewrites it to the column (`rewritten`) or leaves it to PostgreSQL; `prefix_ok`:
  /// what qualifies it reaches PostgreSQL as the alias (quoted, lower case, or nothing).
  void property(const std::string& cls, const std::string& prefix, const std::string& word, const std::string& path,
                bool rewritten, bool prefix_ok, uint32_t at, const std::string& how) {
    std::string found;
    if (rewritten && path.size() > word.size() && path[word.size()] == '.') {
      partly(at, prefix + path + " is a path into an embedded or related entity");
      return;
    }
    if (rewritten && path == word) {
      Entities::Kind k = entities.member(cls, word, &found);
      if (k == Entities::Kind::Column) {
        require_column(cls, found, at, static_cast<uint32_t>(word.size()), requirements::Use::Read,
                       how + " " + prefix + word + (found == word ? ":" : " (property " + word + "):"));
        return;
      }
      if (k == Entities::Kind::None && lower_plain(word) && prefix_ok) {
        require_column(cls, word, at, static_cast<uint32_t>(word.size()), requirements::Use::Read,
                       how + " " + prefix + word + " (no property of that name: sent as written):");
        return;
      }
      if (k == Entities::Kind::Relation)
        if (auto jc = entities.join_column(cls, word)) {  // TypeORM writes the relation's join column
          require_column(cls, *jc, at, static_cast<uint32_t>(word.size()), requirements::Use::Read,
                         how + " " + prefix + word + " (relation " + word + "):");
          return;
        }
      partly(at, k == Entities::Kind::Relation
                     ? prefix + word + " is a relation: its join column cannot be named"
                     : prefix + word + " is no column property of entity " + cls + " the scan can name");
      return;
    }
    // Not rewritten by TypeORM: PostgreSQL reads it, folding unquoted names to lower case.
    Entities::Kind k = word.empty() ? Entities::Kind::Unknown : entities.member(cls, word, &found);
    if ((k == Entities::Kind::None || (k == Entities::Kind::Column && found == word)) && lower_plain(word) && prefix_ok)
      require_column(cls, word, at, static_cast<uint32_t>(word.size()), requirements::Use::Read,
                     how + " " + prefix + word + " (sent as written):");
    else
      partly(at, prefix + word + " is not rewritten by TypeORM where it stands");
  }

  /// The SQL text of a where(), select(), orderBy(), a join's condition: every name in it.
  void scan(std::string_view s, uint32_t base, const std::string& how) {
    size_t n = s.size();
    // A subquery's own names are not the chain's.
    bool subquery = false;
    for (size_t k = 0; k + 4 <= n && !subquery; ++k) {
      if (k > 0 && ident_char(s[k - 1])) continue;
      size_t e = k;
      while (e < n && ident_char(s[e])) ++e;
      std::string w(s.substr(k, e - k));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      subquery = w == "select" || w == "from" || w == "join";
    }
    size_t i = 0;
    while (i < n) {
      char c = s[i];
      if (c == '\x01') {  // a substitution: what it holds is not read
        size_t j = i;
        while (j < n && s[j] == '\x01') ++j;
        if ((j < n && (s[j] == '.' || ident_char(s[j]) || s[j] == '"')) || (i > 0 && (s[i - 1] == '.' || ident_char(s[i - 1]))))
          partly(base + static_cast<uint32_t>(i), "a name is built at run time");
        else
          partly(base + static_cast<uint32_t>(i), "a fragment is built at run time");
        i = j;
        continue;
      }
      if (c == '\'') {
        size_t j = i + 1;
        while (j < n) {
          if (s[j] == '\'' && j + 1 < n && s[j + 1] == '\'') j += 2;
          else if (s[j] == '\'') break;
          else ++j;
        }
        i = j + 1;
        continue;
      }
      if (c == ':') {  // :param, :...params, ::type
        size_t j = i;
        while (j < n && (s[j] == ':' || s[j] == '.')) ++j;
        while (j < n && ident_char(s[j])) ++j;
        i = j;
        continue;
      }
      if (c == '"') {
        size_t close = s.find('"', i + 1);
        if (close == std::string_view::npos) return;
        std::string_view name = s.substr(i + 1, close - i - 1);
        if (close + 1 < n && s[close + 1] == '.') {
          i = qualified(s, base, i, close + 1, name, true, how);
        } else {
          partly(base + static_cast<uint32_t>(i), "unqualified name \"" + std::string(name) + "\" is not judged");
          i = close + 1;
        }
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) {
        while (i < n && (ident_char(s[i]) || s[i] == '.')) ++i;
        continue;
      }
      if (!ident_char(c)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && ident_char(s[j])) ++j;
      std::string_view word = s.substr(i, j - i);
      if (j < n && s[j] == '.') {
        i = qualified(s, base, i, j, word, false, how);
        continue;
      }
      size_t k = j;
      while (k < n && s[k] == ' ') ++k;
      bool function = k < n && s[k] == '(';
      // E'...', B'...': a string's prefix; `AS integer`: a type or an output name.
      bool not_a_name = (j < n && s[j] == '\'') || after_as(s, i);
      if (!function && !not_a_name && !sql_keyword(word) && !aliases.count(std::string(word))) {
        if (!bare.empty() && !subquery) {
          size_t end = j;
          while (end < n && s[end] != ' ' && s[end] != '=' && s[end] != '(' && s[end] != ')' && s[end] != ',' && s[end] != '\n')
            ++end;
          char pre = i == 0 ? '\n' : s[i - 1];
          bool rewritten = (pre == ' ' || pre == '=' || pre == '(' || pre == '\n') &&
                           (end == n || s[end] == ' ' || s[end] == '=' || s[end] == ')' || s[end] == ',' || s[end] == '\n');
          property(bare, "", std::string(word), std::string(s.substr(i, end - i)), rewritten, true,
                   base + static_cast<uint32_t>(i), how);
        } else {
          partly(base + static_cast<uint32_t>(i), "unqualified name " + std::string(word) + " is not judged");
        }
      }
      i = j;
    }
  }

  /// A string argument (a literal, a template whose substitutions are masked), an array of them,
  /// or an object of them as keys (`orderBy({ 'u.name': 'ASC' })`); anything else is built at run
  /// time.
  void strings(TSNode arg, const std::string& how) {
    arg = unwrap(arg);
    if (is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i)
        if (!is(ts_node_named_child(arg, i), "comment")) strings(ts_node_named_child(arg, i), how);
      return;
    }
    if (is(arg, "object")) {
      std::vector<Key> keys;
      if (!object_keys(arg, in.text, &keys)) partly(ts_node_start_byte(arg), "a key is built at run time");
      for (auto& k : keys) scan(k.name, k.at, how);
      return;
    }
    if (is(arg, "string") || is(arg, "template_string")) {
      uint32_t b = ts_node_start_byte(arg) + 1, e = ts_node_end_byte(arg) - 1;
      if (e < b || e > in.text.size()) return;
      std::string masked(in.text.substr(b, e - b));
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i) {
        TSNode c = ts_node_named_child(arg, i);
        if (is(c, "string_fragment")) continue;
        for (uint32_t x = ts_node_start_byte(c); x < ts_node_end_byte(c) && x >= b && x < e; ++x) masked[x - b] = '\x01';
      }
      scan(masked, b, how);
      return;
    }
    partly(ts_node_start_byte(arg), "an expression built at run time");
  }

  /// A where() argument: SQL text, an object of the written entity's properties, or
  /// `new Brackets(qb => ...)` / `new NotBrackets(...)`, whose callback builds its conditions on a
  /// query builder sharing the chain's aliases: TypeORM renders them inside the chain's WHERE and
  /// rewrites their names with the whole query.
  void condition(TSNode arg, const std::string& method, int depth = 0) {
    TSNode a = unwrap(arg);
    if (is(a, "object")) {
      row(arg, written, requirements::Use::Read, "." + method + "() compares");
      return;
    }
    if (is(a, "new_expression")) {
      std::string_view ctor = text(field(a, "constructor"), in.text);
      if (ctor == "Brackets" || ctor == "NotBrackets") {
        brackets(a, depth);
        return;
      }
    }
    strings(arg, "." + method + "() reads");
  }

  /// The where() calls a Brackets callback makes on its parameter, in its own body (a nested
  /// callback's calls are read when its Brackets is).
  void brackets(TSNode expr, int depth) {
    auto args = arguments(expr);
    TSNode fn = args.empty() ? TSNode{} : unwrap(args[0]);
    std::string param;
    if (is(fn, "arrow_function") && is(field(fn, "parameter"), "identifier")) {
      param = std::string(text(field(fn, "parameter"), in.text));
    } else if (is(fn, "arrow_function") || is(fn, "function_expression")) {
      TSNode params = field(fn, "parameters");
      TSNode first = ts_node_named_child_count(params) > 0 ? ts_node_named_child(params, 0) : TSNode{};
      if (is(first, "required_parameter") && is(field(first, "pattern"), "identifier"))
        param = std::string(text(field(first, "pattern"), in.text));
      else if (is(first, "identifier"))
        param = std::string(text(first, in.text));
    }
    if (param.empty() || depth > 8) {
      partly(ts_node_start_byte(expr), "a condition built by a callback the scan cannot follow");
      return;
    }
    walk(field(fn, "body"), [&](TSNode call) {
      std::string_view m;
      TSNode recv;
      if (!method_call(call, in.text, &m, &recv) || (m != "where" && m != "andWhere" && m != "orWhere")) return;
      TSNode root = unwrap(recv);
      std::string_view mm;
      TSNode rr;
      while (method_call(root, in.text, &mm, &rr)) root = unwrap(rr);
      if (!is(root, "identifier") || text(root, in.text) != param) return;
      TSNode owner = ts_node_parent(call);
      while (!ts_node_is_null(owner) && !is(owner, "arrow_function") && !is(owner, "function_expression") &&
             !is(owner, "function_declaration") && !is(owner, "method_definition"))
        owner = ts_node_parent(owner);
      if (!ts_node_eq(owner, fn)) return;
      auto cargs = arguments(call);
      if (!cargs.empty()) condition(cargs[0], std::string(m), depth + 1);
    });
  }

  /// set({...}) / values({...} or [{...}]) / where({...}): each key is a property of `cls`.
  void row(TSNode arg, const std::string& cls, requirements::Use use, const std::string& how) {
    arg = unwrap(arg);
    std::vector<Key> keys;
    bool all = true;
    if (is(arg, "array")) {
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i)
        all = object_keys(ts_node_named_child(arg, i), in.text, &keys, true) && all;
    } else {
      all = object_keys(arg, in.text, &keys, true);
    }
    if (!all) partly(ts_node_start_byte(arg), "the keys of the object are built at run time");
    std::set<std::string> seen;
    for (auto& k : keys) {
      if (!seen.insert(k.name).second) continue;
      std::string column;
      Entities::Kind kind = cls.empty() ? Entities::Kind::Unknown : entities.member(cls, k.name, &column);
      if (kind == Entities::Kind::Column)
        require_column(cls, column, k.at, static_cast<uint32_t>(k.name.size()), use,
                       how + " " + k.name + (column == k.name ? ":" : " (property " + k.name + "):"));
      else
        partly(k.at, k.name + (kind == Entities::Kind::Relation ? " is a relation" : " is no column property the scan can name"));
    }
  }
};

/// Whether a chain's receiver is TypeORM's by its name or declared type (a manager, a data source,
/// a query runner, a repository): its chain is then a site, unchecked when no entity is told.
bool receiver_is_typeorm(TSNode recv, const FileInput& in) {
  TSNode r = unwrap(recv);
  std::string_view holder = is(r, "identifier")                                              ? text(r, in.text)
                            : is(r, "member_expression")                                     ? text(field(r, "property"), in.text)
                                                                                             : std::string_view{};
  if (holder.empty()) return false;
  std::string type = is(r, "identifier") || is(field(r, "object"), "this") ? declared_type(in.root, holder, in.text) : "";
  for (std::string_view w : {"Repository", "EntityManager", "DataSource", "QueryRunner"})
    if (type.find(w) != std::string::npos) return true;
  std::string lower(holder);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"manager", "datasource", "queryrunner", "repository", "repo"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

/// The entity class of a repository a chain starts from: `getRepository(User)`,
/// `dataSource.getRepository(User)`, `User` (an entity extending BaseEntity), or a holder
/// declared `Repository<User>` (`@InjectRepository(User) private users: Repository<User>`), or a
/// `const users = getRepository(User)` of the enclosing block.
std::string repository_entity(TSNode recv, const FileInput& in, const Entities& entities, uint32_t* at, int depth = 0) {
  std::string_view src = in.text;
  TSNode r = unwrap(recv);
  if (is(r, "call_expression")) {
    TSNode fn = field(r, "function");
    std::string_view name = text(is(fn, "member_expression") ? field(fn, "property") : fn, src);
    auto a = arguments(r);
    if ((name == "getRepository" || name == "getTreeRepository") && a.size() == 1 && is(unwrap(a[0]), "identifier")) {
      *at = ts_node_start_byte(unwrap(a[0]));
      return std::string(text(unwrap(a[0]), src));
    }
    return "";
  }
  std::string_view holder;
  if (is(r, "identifier")) {
    holder = text(r, src);
    if (entities.table(std::string(holder))) {
      *at = ts_node_start_byte(r);
      return std::string(holder);
    }
    // `const users = getRepository(User)` in the enclosing block.
    for (TSNode scope = ts_node_parent(r); !ts_node_is_null(scope) && depth == 0; scope = ts_node_parent(scope)) {
      if (!is(scope, "statement_block") && !is(scope, "program")) continue;
      TSNode value{};
      int found = 0;
      for (uint32_t i = 0; i < ts_node_named_child_count(scope); ++i) {
        TSNode d = ts_node_named_child(scope, i);
        if (!is(d, "lexical_declaration") && !is(d, "variable_declaration")) continue;
        for (uint32_t j = 0; j < ts_node_named_child_count(d); ++j) {
          TSNode v = ts_node_named_child(d, j);
          if (!is(v, "variable_declarator") || text(field(v, "name"), src) != holder) continue;
          ++found;
          if (is(d, "lexical_declaration") && text(ts_node_child(d, 0), src) == "const") value = field(v, "value");
        }
      }
      if (found == 0) continue;
      if (found != 1 || ts_node_is_null(value)) return "";
      return repository_entity(value, in, entities, at, 1);
    }
  } else if (is(r, "member_expression") && is(field(r, "object"), "this")) {
    holder = text(field(r, "property"), src);
  }
  if (holder.empty()) return "";
  std::string type = declared_type(in.root, holder, src);
  for (std::string_view prefix : {std::string_view("Repository<"), std::string_view("TreeRepository<")})
    if (type.rfind(prefix, 0) == 0 && type.back() == '>') {
      std::string cls = type.substr(prefix.size(), type.size() - prefix.size() - 1);
      if (plain_name(cls)) return cls;
    }
  return "";
}

void extract_query_builders(const FileInput& in, FileOutput* out) {
  Entities entities(in.facts, in.default_schema);
  if (!entities.any()) return;
  std::string_view src = in.text;
  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver) || method != "createQueryBuilder") return;
    auto args = arguments(call);
    QueryBuilderChain chain{in, out, entities};
    chain.unit = out->requirements.units.size();
    std::string main;
    uint32_t main_at = ts_node_start_byte(field(field(call, "function"), "property"));
    uint32_t main_width = static_cast<uint32_t>(method.size());
    std::optional<Literal> alias;
    bool alias_unknown = false;
    if (!args.empty() && is(unwrap(args[0]), "identifier")) {  // manager.createQueryBuilder(User, 'u')
      main = std::string(text(unwrap(args[0]), src));
      main_at = ts_node_start_byte(unwrap(args[0]));
      main_width = static_cast<uint32_t>(main.size());
      if (args.size() >= 2) alias = literal(args[1], src);
      alias_unknown = args.size() >= 2 && !alias;
    } else {
      uint32_t at = 0;
      main = repository_entity(receiver, in, entities, &at);
      if (!args.empty()) alias = literal(args[0], src);
      if (!main.empty() && at) main_at = at, main_width = static_cast<uint32_t>(main.size());
      else if (alias) main_at = alias->at, main_width = static_cast<uint32_t>(alias->value.size());
      alias_unknown = !args.empty() && !alias;
      if (!main.empty() && args.empty()) alias = Literal{main, 0};  // the repository names it after the class
    }
    chain.head = "createQueryBuilder(" + (args.empty() ? std::string() : std::string(text(args[0], src))) + ")";
    // The calls of the chain, in order, and those on a variable that holds it.
    struct Link {
      std::string name;
      std::vector<TSNode> args;
      TSNode call;
    };
    std::vector<Link> links;
    auto read_links = [&](TSNode n) {
      for (;;) {
        TSNode member = ts_node_parent(n);
        if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) break;
        TSNode next = ts_node_parent(member);
        if (!is(next, "call_expression") || !ts_node_eq(field(next, "function"), member)) break;
        n = next;
        links.push_back({std::string(text(field(member, "property"), src)), arguments(n), n});
      }
      return n;
    };
    TSNode end = read_links(call);
    for (TSNode use : continuations(end, src)) read_links(use);

    // The chain's entity: the repository's, or the one from(), update(), into() names.
    requirements::Use use = requirements::Use::Read;
    std::string verb = "reads";
    for (auto& l : links) {
      if (l.name == "update" || l.name == "delete" || l.name == "softDelete" || l.name == "restore")
        use = requirements::Use::Write, verb = l.name == "update" ? "updates" : "deletes from";
      if (l.name == "insert") use = requirements::Use::Insert, verb = "inserts into";
    }
    std::string fingerprint = "typeorm." + chain.head;
    for (auto& l : links) fingerprint += "." + l.name + "()";
    requirements::Unit unit;
    unit.file = std::string(in.path);
    unit.fingerprint_text = fingerprint;
    out->requirements.units.push_back(std::move(unit));
    bool any_entity = false;
    if (!main.empty() && entities.table(main)) {
      chain.require_table(main, main_at, main_width, use, verb);
      chain.written = main;
      any_entity = true;
      if (alias) chain.aliases[alias->value] = main;
    } else if (alias) {
      chain.aliases[alias->value] = "";
    }
    if (alias_unknown) chain.partly(ts_node_start_byte(call), "the alias is computed at run time");
    // Aliases first: TypeORM rewrites the whole query once every join is known.
    for (auto& l : links) {
      const auto& a = l.args;
      bool join = l.name == "leftJoin" || l.name == "innerJoin" || l.name == "leftJoinAndSelect" || l.name == "innerJoinAndSelect";
      bool map_join = l.name.find("JoinAndMap") != std::string::npos;
      if (join || map_join || l.name == "from" || l.name == "addFrom") {
        size_t t = map_join ? 1 : 0;
        if (a.size() <= t + 1) {
          if (l.name == "from" && a.size() == 1 && is(unwrap(a[0]), "identifier")) {  // delete().from(User)
            std::string cls(text(unwrap(a[0]), src));
            if (entities.table(cls)) {
              chain.require_table(cls, ts_node_start_byte(unwrap(a[0])), static_cast<uint32_t>(cls.size()), use, verb);
              chain.written = cls;
              any_entity = true;
            }
          }
          continue;
        }
        auto name = literal(a[t + 1], src);
        if (!name) {
          chain.partly(ts_node_start_byte(a[t + 1]), "an alias is computed at run time");
          continue;
        }
        TSNode target = unwrap(a[t]);
        std::string cls;
        if (is(target, "identifier")) {
          cls = std::string(text(target, src));
          if (entities.table(cls)) {
            chain.require_table(cls, ts_node_start_byte(target), static_cast<uint32_t>(cls.size()), requirements::Use::Read,
                                join || map_join ? "joins" : "reads");
            any_entity = true;
            if (!join && !map_join && chain.written.empty()) chain.written = cls;
          } else {
            cls.clear();
          }
        } else if (auto path = literal(target, src); path && path->value.find('.') == std::string::npos &&
                                                      !path->value.empty() && path->value[0] != '(') {
          // 'audit_log': the entity of that class or table name, else the table itself.
          bool certain = false;
          std::string by = entities.by_name(path->value, &certain);
          if (!by.empty() && certain) {
            cls = by;
            chain.require_table(cls, path->at, static_cast<uint32_t>(path->value.size()), requirements::Use::Read,
                                join || map_join ? "joins" : "reads");
            any_entity = true;
            if (!join && !map_join && chain.written.empty()) chain.written = cls;
          } else if (certain && plain_name(path->value)) {
            chain.raw[name->value] = Entities::Table{in.default_schema, path->value};
            chain.raw_at.emplace_back(path->value, path->at);
          } else {
            chain.partly(path->at, "join target " + path->value + " may be an entity the scan cannot name");
          }
        } else if (path && (join || map_join)) {
          // 'request.media': the relation media of the entity alias request stands for.
          size_t dot = path->value.find('.');
          auto parent = chain.aliases.find(path->value.substr(0, dot));
          std::string related, prop = path->value.substr(dot + 1);
          uint32_t prop_at = path->at + static_cast<uint32_t>(dot + 1), prop_width = static_cast<uint32_t>(prop.size());
          if (parent != chain.aliases.end() && !parent->second.empty() &&
              entities.member(parent->second, prop, &related) == Entities::Kind::Relation && related != "?" &&
              entities.table(related)) {
            cls = related;
            chain.require_table(cls, prop_at, prop_width, requirements::Use::Read, "joins");
            // The join's ON: the owner side's @JoinColumn, on the parent's table or, for the
            // inverse side (`@OneToMany(() => Photo, (photo) => photo.user)`), on the related one.
            if (auto jc = entities.join_column(parent->second, prop)) {
              chain.require_column(parent->second, *jc, prop_at, prop_width, requirements::Use::Read,
                                   "joins " + path->value + " on");
            } else if (auto inv = entities.inherited(kInverseKey, parent->second, prop)) {
              std::string back;
              if (entities.member(related, *inv, &back) == Entities::Kind::Relation && back == parent->second)
                if (auto jc2 = entities.join_column(related, *inv))
                  chain.require_column(related, *jc2, prop_at, prop_width, requirements::Use::Read,
                                       "joins " + path->value + " (inverse of " + related + "." + *inv + ") on");
            }
          }
        }
        chain.aliases[name->value] = cls;
      }
      if ((l.name == "update" || l.name == "into") && a.size() >= 1 && is(unwrap(a[0]), "identifier")) {
        std::string cls(text(unwrap(a[0]), src));
        if (entities.table(cls)) {
          chain.require_table(cls, ts_node_start_byte(unwrap(a[0])), static_cast<uint32_t>(cls.size()), use, verb);
          chain.written = cls;
          any_entity = true;
        }
      }
    }
    bool joined = false;
    for (auto& l : links) joined = joined || l.name.find("Join") != std::string::npos || l.name == "from" || l.name == "addFrom";
    if (use == requirements::Use::Write && !joined) chain.bare = chain.written;
    if (any_entity)
      for (auto& [table, at] : chain.raw_at)
        chain.require_raw(Entities::Table{in.default_schema, table}, "", at, static_cast<uint32_t>(table.size()), "joins");
    if (!any_entity) {
      // Not certainly TypeORM's (another library's createQueryBuilder) unless a repository says so.
      out->requirements.units.pop_back();
      if (!main.empty() || receiver_is_typeorm(receiver, in))
        out->unchecked.push_back({ts_node_start_byte(call), "typeorm query builder", "the entity of the query builder cannot be told"});
      return;
    }
    for (auto& l : links) {
      const auto& a = l.args;
      if (a.empty()) continue;
      const std::string& n = l.name;
      if (n == "where" || n == "andWhere" || n == "orWhere" || n == "having" || n == "andHaving" || n == "orHaving") {
        chain.condition(a[0], n);
      } else if (n == "select" || n == "addSelect" || n == "orderBy" || n == "addOrderBy" || n == "groupBy" ||
                 n == "addGroupBy" || n == "distinctOn") {
        if (is(unwrap(a[0]), "arrow_function") || is(unwrap(a[0]), "function_expression"))
          chain.partly(ts_node_start_byte(a[0]), "a subquery built by a callback");
        else chain.strings(a[0], "." + n + "() reads");
      } else if (n == "leftJoin" || n == "innerJoin" || n == "leftJoinAndSelect" || n == "innerJoinAndSelect") {
        if (a.size() >= 3) chain.strings(a[2], "." + n + "() joins on");
      } else if (n.find("JoinAndMap") != std::string::npos) {
        if (a.size() >= 4) chain.strings(a[3], "." + n + "() joins on");
      } else if (n == "set") {
        chain.row(a[0], chain.written, requirements::Use::Write, ".set() writes");
      } else if (n == "values") {
        chain.row(a[0], chain.written, requirements::Use::Insert, ".values() inserts");
      }
    }
  });
}

}  // namespace

extern const DataLayer kTypeormQueryBuilder{.name = "typeorm-query-builder",
                                            .languages = {"typescript", "javascript"},
                                            .relevant = relevant_query_builder,
                                            .extract = extract_query_builders,
                                            .relevant_words = {"createQueryBuilder"}};

}  // namespace schemagate::datalayers
