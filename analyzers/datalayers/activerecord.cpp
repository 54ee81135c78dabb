// ActiveRecord models (Ruby on Rails). A model reads its attributes from the table at boot, so
// the class itself needs no particular column; what needs columns is code that names them in a
// query: `User.where(email: e)`, `where("email = ?", e)`, `order(:created_at)`,
// `pluck(:id, :name)`, `select(:id)`, `find_by(email:)`, `update_all(seen: true)`, `group(:kind)`,
// and the table the model maps to. Those are requirements, at the name in the Ruby file.
//
// The model's table comes from Rails' naming: `self.table_name = "..."`, else the class name
// demodulized, underscored and pluralized (ActiveSupport's default inflections, plus the
// project's `inflect.irregular` / `inflect.uncountable`), after the `table_name_prefix` of an
// enclosing module (its own, or the one an engine's `isolate_namespace` gives it). A subclass of a concrete model (STI) shares its base's table; an
// `abstract_class` has none. Models live in other files than the queries, so an index phase reads
// every Ruby file first (classes, their parents, table names, scopes, associations, virtual
// attributes); a query is checked only when its receiver chain starts at a class that chain
// proves to be a model of the primary database (ActiveRecord::Base through known classes) and
// passes only through query methods and the model's declared scopes (an enum value's too: on
// the class or a relation `Link.embedded_post` is that scope, even where an association has
// the name, since associations are records' methods). What is not certain is
// skipped: an association condition (`where(author: user)`, `where(posts: {id: 1})`), `id` (the
// primary key, whatever its column), a name declared anywhere as an association, `attribute`
// or `store_accessor` key; an `alias_attribute` maps to its column. String fragments are parsed
// by PostgreSQL's parser inside `SELECT 1 FROM <table> WHERE ...`; only unqualified names (or
// names qualified with the model's table) are its columns, and none when the chain joins other
// tables; an order's name when a pluck of the query takes a SQL fragment (its alias may be the
// name) is judged only if the table has the column. A `where` / `find_by` / `update_all` on a
// receiver that is not a known model (an association, a variable) is listed as unchecked.
//
// Attribute writes (`Model.create!(col: v)`, `record.update(col: v)`, `record.col = v`) need
// columns too, unless a setter answers the name; they are judged only where the record's model
// is certain: the model's constant, `self` in the model's instance methods, a local (of an
// instance or a class method) or an instance variable every assignment of which is one model's
// record, a block parameter of a relation's `each`, an association's `create`/`build`, the record
// `find_or_create_by(...) do |r|` yields (on self too, in the model's class methods).
//
// Custom plural rules (`inflect.plural`), `pluralize_table_names = false` or a configured table
// prefix make derived names uncertain: only explicit `self.table_name`s are then used.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/ruby.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/pg_parse.h"
#include "analyzers/sql/placeholders.h"

namespace schemagate::datalayers {
namespace {

using languages::field;
using languages::node_is;
using languages::node_text;
using Facts = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kKey = "activerecord:";

// ---- Inflection (ActiveSupport's defaults) ----------------------------------------------

std::string underscore(std::string_view word) {
  // ([A-Z\d]+)([A-Z][a-z]) -> \1_\2 ; ([a-z\d])([A-Z]) -> \1_\2 ; downcase
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0) {
      char p = word[i - 1];
      bool prev_lower_digit = std::islower(static_cast<unsigned char>(p)) || std::isdigit(static_cast<unsigned char>(p));
      bool prev_upper_digit = std::isupper(static_cast<unsigned char>(p)) || std::isdigit(static_cast<unsigned char>(p));
      bool next_lower = i + 1 < word.size() && std::islower(static_cast<unsigned char>(word[i + 1]));
      if (prev_lower_digit || (prev_upper_digit && next_lower)) out.push_back('_');
    }
    out.push_back(c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

struct Inflections {
  std::map<std::string, std::string> irregular = {{"person", "people"}, {"man", "men"},   {"child", "children"},
                                                {"sex", "sexes"},     {"move", "moves"}, {"zombie", "zombies"}};
  ///< singular -> plural, lower case
  std::set<std::string> uncountable = {"equipment", "information", "rice", "money", "species",
                                       "series", "fish", "sheep", "jeans", "police"};
};

std::string pluralize(const std::string& word, const Inflections& inf) {
  // Uncountable: /\b<word>\Z/ ('_' is a word character, so only the whole word).
  if (inf.uncountable.count(word)) return word;
  // Irregulars are rules added after the defaults: they win, matching the word's end.
  // Within a word ("human" and "man") what Rails makes of it is not worth guessing: not certain.
  for (auto& [s, p] : inf.irregular)
    if (word.size() >= s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0) {
      if (word.size() > s.size() && word[word.size() - s.size() - 1] != '_') return "";
      return word.substr(0, word.size() - s.size()) + p;
    }
  // The default rules, the last defined first (ActiveSupport::Inflector's inflections.rb).
  static const std::vector<std::pair<std::regex, std::string>> rules = [] {
    std::vector<std::pair<std::string, std::string>> r = {
        {"(quiz)$", "$1zes"},
        {"^(oxen)$", "$1"},
        {"^(ox)$", "$1en"},
        {"^(m|l)ice$", "$1ice"},
        {"^(m|l)ouse$", "$1ice"},
        {"(matr|vert|ind)(?:ix|ex)$", "$1ices"},
        {"(x|ch|ss|sh)$", "$1es"},
        {"([^aeiouy]|qu)y$", "$1ies"},
        {"(hive)$", "$1s"},
        {"([^f])fe$", "$1ves"},
        {"([lr])f$", "$1ves"},
        {"sis$", "ses"},
        {"([ti])a$", "$1a"},
        {"([ti])um$", "$1a"},
        {"(buffal|tomat)o$", "$1oes"},
        {"(bu)s$", "$1ses"},
        {"(alias|status)$", "$1es"},
        {"(octop|vir)i$", "$1i"},
        {"(octop|vir)us$", "$1i"},
        {"^(ax|test)is$", "$1es"},
        {"s$", "s"},
        {"$", "s"},
    };
    std::vector<std::pair<std::regex, std::string>> out;
    for (auto& [re, to] : r) out.push_back({std::regex(re, std::regex::icase), to});
    return out;
  }();
  // The rules' answer for a word is the same every time, and the same names are asked again and
  // again (find_association asks of every class for each name it reads): a std::regex search
  // costs thousands of instructions, a fifth of a check of redmine before the answers were kept.
  thread_local std::unordered_map<std::string, std::string> answered;
  if (auto it = answered.find(word); it != answered.end()) return it->second;
  std::string plural = word;
  for (auto& [re, to] : rules)
    if (std::regex_search(word, re)) {
      plural = std::regex_replace(word, re, to, std::regex_constants::format_first_only);
      break;
    }
  answered.emplace(word, plural);
  return plural;
}

// ---- Reading Ruby -----------------------------------------------------------------------

/// The text of a symbol (:name, name:, :"name") or a plain string literal; nullopt otherwise.
/// `span`: the name's bytes.
std::optional<std::string> name_of(TSNode n, std::string_view src, requirements::Span* span = nullptr) {
  std::string_view t = node_text(n, src);
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (node_is(n, "simple_symbol") && t.size() > 1) b += 1;
  else if (node_is(n, "hash_key_symbol")) {
  } else if ((node_is(n, "string") || node_is(n, "delimited_symbol") || node_is(n, "bare_string") ||
              node_is(n, "bare_symbol")) &&
             ts_node_named_child_count(n) == 1 &&
             node_is(ts_node_named_child(n, 0), "string_content")) {
    TSNode c = ts_node_named_child(n, 0);
    b = ts_node_start_byte(c), e = ts_node_end_byte(c);
  } else {
    return std::nullopt;
  }
  if (span) *span = {b, e};
  return std::string(src.substr(b, e - b));
}

/// The full name of a constant or scope resolution as written ("Admin::User", "::User").
std::string constant_name(TSNode n, std::string_view src) {
  if (node_is(n, "constant")) return std::string(node_text(n, src));
  if (node_is(n, "scope_resolution")) {
    TSNode scope = field(n, "scope");
    std::string name(node_text(field(n, "name"), src));
    if (ts_node_is_null(scope)) return "::" + name;
    std::string left = constant_name(scope, src);
    return left.empty() ? "" : left + "::" + name;
  }
  return "";
}

/// The arguments of a call: its argument_list's named children (pairs included), comments left out.
std::vector<TSNode> arguments(TSNode call) {
  std::vector<TSNode> out;
  TSNode args = field(call, "arguments");
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(args, i);
    if (!node_is(a, "comment")) out.push_back(a);
  }
  return out;
}

/// `{a: 1}` or bare pairs: the pairs.
std::vector<TSNode> pairs_of(const std::vector<TSNode>& args) {
  std::vector<TSNode> out;
  for (TSNode a : args) {
    if (node_is(a, "pair")) out.push_back(a);
    else if (node_is(a, "hash")) {
      uint32_t n = ts_node_named_child_count(a);
      for (uint32_t i = 0; i < n; ++i)
        if (node_is(ts_node_named_child(a, i), "pair")) out.push_back(ts_node_named_child(a, i));
    }
  }
  return out;
}

/// Symbols and strings of an argument list (`:a, :b`, `%i[a b]`, `[:a, "b"]`).
std::vector<TSNode> names_in(const std::vector<TSNode>& args) {
  std::vector<TSNode> out;
  for (TSNode a : args) {
    if (node_is(a, "array")) {
      uint32_t n = ts_node_named_child_count(a);
      for (uint32_t i = 0; i < n; ++i) out.push_back(ts_node_named_child(a, i));
    } else {
      out.push_back(a);
    }
  }
  return out;
}

/// An option's name, however written: `class_name:`, `:class_name =>` (osm's has_many options).
std::string_view option_key(TSNode pair, std::string_view src) {
  std::string_view key = node_text(field(pair, "key"), src);
  if (key.ends_with(":")) key.remove_suffix(1);
  if (key.starts_with(":")) key.remove_prefix(1);
  return key;
}

/// A statement's call: `foo :a` / `self.foo = x` as (method, call node); null for others.
std::string_view method_name(TSNode n, std::string_view src) {
  if (node_is(n, "call")) return node_text(field(n, "method"), src);
  if (node_is(n, "identifier")) return node_text(n, src);
  return {};
}

/// The string literal a method body returns (`def self.table_name_prefix; "admin_"; end`).
std::optional<std::string> returned_string(TSNode method, std::string_view src) {
  TSNode body = field(method, "body");
  if (node_is(body, "body_statement")) {
    if (ts_node_named_child_count(body) != 1) return std::nullopt;
    body = ts_node_named_child(body, 0);
  }
  return name_of(body, src);
}

// ---- Index: what each Ruby file declares -------------------------------------------------

struct Nesting {
  std::vector<std::string> names;  ///< enclosing module/class full names, outermost first
  std::string full(const std::string& written) const {
    if (written.starts_with("::")) return written.substr(2);
    return names.empty() ? written : names.back() + "::" + written;
  }
  /// Every full name `written` may mean, innermost nesting first.
  std::vector<std::string> candidates(const std::string& written) const {
    if (written.starts_with("::")) return {written.substr(2)};
    std::vector<std::string> out;
    for (size_t i = names.size(); i-- > 0;) out.push_back(names[i] + "::" + written);
    out.push_back(written);
    return out;
  }
};

/// The keys a class declares, as strings: "parent=...", "table=...", "abstract", "connection",
/// "naming" (its own table prefix / suffix).
struct ClassRecord {
  std::string parent, parent_nesting, table;
  bool abstract = false, other_connection = false, naming = false;
  std::string encode() const {
    return "parent=" + parent + "\n" + "nesting=" + parent_nesting + "\n" + "table=" + table + "\n" +
           (abstract ? "abstract\n" : "") + (other_connection ? "connection\n" : "") + (naming ? "naming\n" : "");
  }
};

void index_body(TSNode body, std::string_view src, const std::string& owner, bool in_class, ClassRecord* rec,
                Facts* out);

/// `case_contact` -> `CaseContact`, as Rails' camelize spells a class from a name.
std::string camelize(const std::string& s) {
  std::string out;
  bool up = true;
  for (char c : s) {
    if (c == '_') { up = true; continue; }
    out.push_back(up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    up = false;
  }
  return out;
}

/// Class macros whose effect on a model's attribute setters is known: none, or what the index
/// reads of them (associations, `attribute`, `store_accessor`, `delegate`, ...). Any other call
/// in a model's body (a gem's `devise`, `acts_as_taggable_on`, `geocoded_by`) may define
/// setters of any name.
bool known_macro(std::string_view m) {
  static const std::set<std::string_view> names = {
      "belongs_to", "has_one", "has_many", "has_and_belongs_to_many", "delegated_type", "has_one_attached",
      "has_many_attached", "has_rich_text", "composed_of", "attribute", "attr_accessor", "attr_writer",
      "attr_reader", "store_accessor", "store", "alias_attribute", "scope", "enum", "primary_abstract_class",
      "connects_to", "establish_connection", "included", "class_methods", "concerning", "validates", "validate",
      "include", "extend", "prepend", "private", "protected", "public", "module_function", "private_constant",
      "serialize", "encrypts", "normalizes", "has_secure_password", "has_secure_token", "accepts_nested_attributes_for",
      "default_scope", "delegate", "attr_readonly", "require", "require_relative", "generates_token_for",
      "alias_method", "private_class_method", "public_class_method", "define_model_callbacks", "self",
      "broadcasts", "broadcasts_to", "broadcasts_refreshes", "broadcasts_refreshes_to", "after_initialize",
      "after_find", "after_touch", "attribute_method_suffix", "attribute_method_prefix", "ignored_columns",
      // Gems whose macro only registers a before_validation callback (strip_attributes,
      // auto_strip_attributes) or a class-level search scope (pg_search): no setter.
      "strip_attributes", "auto_strip_attributes", "pg_search_scope"};
  if (names.count(m)) return true;
  for (std::string_view prefix : {"validates_", "before_", "after_", "around_", "skip_"})
    if (m.starts_with(prefix)) return true;
  return false;
}

/// Whether a method the project defines and a class body calls as a macro (`def self.monetize`,
/// a concern's `class_methods do def monetize`) can define setters: its body mentions a way to.
bool defines_methods(TSNode method, std::string_view src) {
  std::string_view body = node_text(method, src);
  for (std::string_view word : {"define_method", "attr_", "attribute", "store", "delegate", "_eval", "send", "has_",
                                "belongs_to", "accepts_nested", "alias", "composed_of", "method_missing", "include"})
    if (body.find(word) != std::string_view::npos) return true;
  return false;
}

bool chainable(std::string_view m);
bool joining(std::string_view m);

/// What a class method returns when its body is one query chain on the class itself
/// (`def self.involving(id) where(a_id: id).or(where(b_id: id)) end`): a relation of the model,
/// as a scope's. The flags: "j" the chain joins (its later names may be other tables'), "s" it
/// selects its own columns. Null when the body is anything else: a branch, several statements, a
/// call of another receiver or of a method that is no query method.
std::optional<std::string> relation_body(TSNode method, std::string_view src) {
  TSNode body = field(method, "body");
  if (node_is(body, "body_statement")) {
    if (ts_node_named_child_count(body) != 1) return std::nullopt;
    body = ts_node_named_child(body, 0);
  }
  std::string flags;
  for (TSNode at = body; ;) {
    if (!node_is(at, "call") && !node_is(at, "identifier")) return std::nullopt;
    std::string_view m = node_text(node_is(at, "call") ? field(at, "method") : at, src);
    if (node_is(at, "call") && !ts_node_is_null(field(at, "block"))) return std::nullopt;
    if (joining(m)) flags += "j";
    else if (!chainable(m)) return std::nullopt;
    if (m == "select") flags += "s";
    TSNode r = node_is(at, "call") ? field(at, "receiver") : TSNode{};
    if (ts_node_is_null(r) || node_is(r, "self")) break;
    at = r;
  }
  return flags;
}

/// A class method a class or module defines: it answers `Model.name(...)` instead of
/// ActiveRecord's (diaspora's Pod.find_or_create_by(opts) builds its own query). One whose body
/// is a query chain on the class (relation_body) is also noted as such: a chain may pass it as
/// it passes a scope.
void index_class_method(TSNode method, std::string_view src, const std::string& owner, Facts* out) {
  std::string k(kKey);
  std::string name(node_text(field(method, "name"), src));
  out->push_back({k + "cdef:" + owner + ":" + name, ""});
  out->push_back({k + "macrodef:" + name, defines_methods(method, src) ? "setters" : "plain"});
  if (std::optional<std::string> flags = relation_body(method, src)) out->push_back({k + "rdef:" + owner + ":" + name, *flags});
}

/// The column names `self.ignored_columns = / += / |= VALUE` lists: literal lists (`[:a, "b"]`,
/// `%w[a b]`, `%i[a]`), joined with `+` / `|`, `.freeze`d; `super` and the inherited
/// `ignored_columns` add nothing of their own (the ancestors' lists are read anyway). "?" when
/// something else computes it: which columns are ignored is then not certain.
std::vector<std::string> ignored_names(TSNode value, std::string_view src) {
  std::vector<std::string> out;
  std::function<void(TSNode)> add = [&](TSNode n) {
    if (node_is(n, "parenthesized_statements") && ts_node_named_child_count(n) == 1) return add(ts_node_named_child(n, 0));
    if (node_is(n, "array") || node_is(n, "string_array") || node_is(n, "symbol_array")) {
      uint32_t count = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode e = ts_node_named_child(n, i);
        if (node_is(e, "comment")) continue;
        auto name = name_of(e, src);
        out.push_back(name ? *name : "?");
      }
      return;
    }
    if (node_is(n, "binary")) {
      std::string_view op = node_text(field(n, "operator"), src);
      if (op != "+" && op != "|") return out.push_back("?");
      add(field(n, "left"));
      return add(field(n, "right"));
    }
    if (node_is(n, "call") && ts_node_is_null(field(n, "arguments")) && node_text(field(n, "method"), src) == "freeze")
      return add(field(n, "receiver"));
    if (node_is(n, "super")) return;
    std::string_view t = node_text(n, src);
    if (t == "ignored_columns" || t == "self.ignored_columns" || t == "superclass.ignored_columns") return;
    out.push_back("?");
  };
  add(value);
  return out;
}

void index_statement(TSNode s, std::string_view src, const std::string& owner, bool in_class, ClassRecord* rec,
                     Facts* out) {
  std::string k(kKey);
  if (node_is(s, "assignment") || node_is(s, "operator_assignment")) {
    TSNode left = field(s, "left"), right = field(s, "right");
    if (node_is(left, "constant")) {  // `Security = Data.define(...)`: a constant that is no model
      out->push_back({k + "constdef:" + owner + "::" + std::string(node_text(left, src)), ""});
      return;
    }
    if (!node_is(left, "call") || !node_is(field(left, "receiver"), "self")) return;
    std::string_view m = node_text(field(left, "method"), src);
    if (m == "ignored_columns") {  // a class's own, or a concern's `included do` for its models
      for (const std::string& n : ignored_names(right, src)) out->push_back({k + "ignored:" + owner, n});
      return;
    }
    if (!in_class) return;
    if (m == "table_name") rec->table = name_of(right, src).value_or("?");
    else if (m == "abstract_class") rec->abstract = node_is(right, "true");
    else if (m == "table_name_prefix" || m == "table_name_suffix") rec->naming = true;
    return;
  }
  if (node_is(s, "singleton_method") && node_is(field(s, "object"), "self")) {
    index_class_method(s, src, owner, out);
    std::string_view m = node_text(field(s, "name"), src);
    if (m == "table_name_prefix" && !in_class) {
      if (auto p = returned_string(s, src)) out->push_back({k + "prefix:" + owner, *p});
      else out->push_back({k + "prefix:" + owner, "?"});
    } else if (in_class && m == "table_name") {
      rec->table = returned_string(s, src).value_or("?");
    } else if (in_class && (m == "table_name_prefix" || m == "table_name_suffix")) {
      rec->naming = true;
    } else if (!in_class && m == "included") {
      // A module's own hook, as ActiveSupport::Concern's `included do` is:
      // `def self.included(model) model.class_eval do belongs_to :author end end` declares for
      // every model that includes it.
      TSNode body = field(s, "body");
      uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(body, i);
        if (!node_is(c, "call") || ts_node_is_null(field(c, "block"))) continue;
        std::string_view via = node_text(field(c, "method"), src);
        if (via == "class_eval" || via == "instance_eval" || via == "class_exec" || via == "instance_exec")
          index_body(field(field(c, "block"), "body"), src, owner, false, rec, out);
      }
    }
    return;
  }
  if (node_is(s, "method")) {  // a method of that name may be what a call reaches, not an association
    out->push_back({k + "def:" + std::string(node_text(field(s, "name"), src)), ""});
    // The owner's own instance method: `update` in a model answers its records' `update(...)`.
    out->push_back({k + "idef:" + owner + ":" + std::string(node_text(field(s, "name"), src)), ""});
    return;
  }
  if (!node_is(s, "call") && !node_is(s, "identifier")) return;
  std::string_view m = method_name(s, src);
  if (node_is(s, "call") && !ts_node_is_null(field(s, "receiver"))) return;
  std::vector<TSNode> args = node_is(s, "call") ? arguments(s) : std::vector<TSNode>{};
  auto first = [&]() -> std::optional<std::string> { return args.empty() ? std::nullopt : name_of(args[0], src); };
  if (m == "decorates" && in_class) {
    // Draper: `decorates :post` names the class the decorator's `object` is a record of ("?"
    // when not a plain name: `decorates Post`, a string).
    std::optional<std::string> n = args.size() == 1 && !node_is(args[0], "constant") ? first() : std::nullopt;
    out->push_back({k + "decorates:" + owner, n.value_or("?")});
    return;
  }
  if (m == "isolate_namespace" && in_class && args.size() == 1 && node_is(args[0], "constant")) {
    // A Rails engine (`class Engine < ::Rails::Engine; isolate_namespace Spree`) gives the module
    // the table_name_prefix "spree_" (its underscored name), unless the module defines its own.
    std::string mod(node_text(args[0], src));
    out->push_back({k + "isolated:" + mod, underscore(mod) + "_"});
    return;
  }
  if (m == "belongs_to" || m == "has_one" || m == "has_many" || m == "has_and_belongs_to_many" ||
      m == "delegated_type" || m == "has_one_attached" || m == "has_many_attached" || m == "has_rich_text" ||
      m == "composed_of") {
    if (auto n = first()) {
      out->push_back({k + "association:" + *n, ""});
      // Who declares it: a class's association is that class's and its subclasses'; a module's
      // ("?") may be any model's that includes it.
      out->push_back({k + "assocby:" + *n, in_class ? owner : "?"});
      // What the association returns: "many|Class|joined" (class "" by convention, "?" unknown;
      // joined when its query joins another table: through, or a scope block).
      bool many = m == "has_many" || m == "has_and_belongs_to_many";
      std::string target, joined = m == "has_and_belongs_to_many" ? "joined" : "";
      if (m != "belongs_to" && m != "has_one" && !many) target = "?";
      for (size_t i = 1; i < args.size(); ++i)
        if (node_is(args[i], "lambda")) joined = "joined";
      for (TSNode p : pairs_of(args)) {
        std::string_view key = option_key(p, src);
        if (key == "class_name") target = name_of(field(p, "value"), src).value_or("?");
        else if (key == "polymorphic" || key == "source" || key == "source_type") target = "?";
        else if (key == "through") joined = "joined";
      }
      std::string value = std::string(many ? "many" : "one") + "|" + target + "|" + joined;
      out->push_back({k + "assoc:" + *n, value});
      if (in_class) out->push_back({k + "assoc:" + owner + ":" + *n, value});
    }
  } else if (m == "attribute" || m == "attr_accessor" || m == "attr_writer" || m == "attr_reader") {
    // A class's own attribute is that class's (a plain Ruby class's attr_reader is no model's); a
    // module's is any model's that includes it. It answers writes (a setter), never a query:
    // `where(code: v)` names column code whether or not `attribute :code` declares it.
    const std::string virtual_key = k + "delegated:" + (in_class ? owner + ":" : "");
    for (TSNode a : args)
      if (auto n = name_of(a, src)) {
        out->push_back({virtual_key + *n, ""});
        out->push_back({k + "def:" + *n, ""});  // a reader: not an association of that name
      }
  } else if (m == "store_accessor" || m == "store") {
    // Accessors of a serialized column's keys: setters, no column a query may name.
    const std::string virtual_key = k + "delegated:" + (in_class ? owner + ":" : "");
    // `prefix: true` / `suffix: :x` name the accessors `<store>_key` / `key_x` (feedbin's
    // `store_accessor :error, :class, :message, prefix: true`: error_class, error_message).
    std::string store = args.empty() ? "" : name_of(args[0], src).value_or(""), before, after;
    bool unknown = false;
    for (TSNode p : pairs_of(args)) {
      std::string_view key = option_key(p, src);
      if (key != "prefix" && key != "suffix") continue;
      TSNode v = field(p, "value");
      std::string affix = node_is(v, "true") ? store : node_is(v, "false") || node_is(v, "nil") ? "" : name_of(v, src).value_or("?");
      if (affix == "?" || (node_is(v, "true") && store.empty())) unknown = true;
      else if (!affix.empty()) (key == "prefix" ? before : after) = key == "prefix" ? affix + "_" : "_" + affix;
    }
    if (unknown) out->push_back({k + "macro:" + owner + ":" + std::string(m), ""});
    for (size_t i = 1; i < args.size(); ++i) {
      if (auto n = name_of(args[i], src)) out->push_back({virtual_key + before + *n + after, ""});
      if (m == "store_accessor") continue;  // its pairs are options
      for (TSNode p : pairs_of({args[i]}))
        for (TSNode a : names_in({field(p, "value")}))
          if (auto n = name_of(a, src)) out->push_back({virtual_key + before + *n + after, ""});
    }
  } else if (m == "delegate" || m == "has_secure_password" || m == "accepts_nested_attributes_for") {
    // Setters these define: `delegate :name=, to:` (a plain `delegate :name` is taken as one too),
    // `has_secure_password [:name]` (name, name_confirmation, name_challenge),
    // `accepts_nested_attributes_for :items` (items_attributes).
    const std::string virtual_key = k + "virtual:" + (in_class ? owner + ":" : "");
    std::vector<std::string> names;
    for (TSNode a : args)
      if (auto n = name_of(a, src)) names.push_back(*n);
    // delegate's `prefix: true` names the methods `<to>_name`, `prefix: :x` names them `x_name`
    // (`delegate :name, to: :author, prefix: true`: author_name). A prefix that cannot be read
    // leaves the names as written.
    if (m == "delegate") {
      std::string to, before;
      for (TSNode p : pairs_of(args))
        if (option_key(p, src) == "to") to = name_of(field(p, "value"), src).value_or("");
      for (TSNode p : pairs_of(args)) {
        if (option_key(p, src) != "prefix") continue;
        TSNode v = field(p, "value");
        if (node_is(v, "true")) before = to.empty() ? "" : to + "_";
        else if (!node_is(v, "false") && !node_is(v, "nil")) before = name_of(v, src).value_or("").empty() ? "" : *name_of(v, src) + "_";
      }
      for (std::string& n : names) n = before + n;
    }
    if (m == "has_secure_password") {
      std::string base = names.empty() ? "password" : names[0];
      names = {base, base + "_confirmation", base + "_challenge"};
    }
    // A delegated method, a password's or nested attributes' writer is no attribute: `where(name:
    // v)` still names a column, so it only answers writes (setter), under its own key.
    const std::string key = k + "delegated:" + (in_class ? owner + ":" : "");
    (void)virtual_key;
    for (std::string n : names) {
      if (n.ends_with("=")) n.pop_back();
      if (m == "accepts_nested_attributes_for") n += "_attributes";
      out->push_back({key + n, ""});
    }
  } else if (m == "has_paper_trail") {
    // PaperTrail defines `has_many :versions`, the `version` reader and `paper_trail_event=`;
    // its `versions:` / `version:` options rename them: then any name may be a setter.
    bool renamed = false;
    for (TSNode p : pairs_of(args)) renamed = renamed || option_key(p, src) == "versions" || option_key(p, src) == "version";
    if (renamed) {
      out->push_back({k + "macro:" + owner + ":" + std::string(m), ""});
    } else {
      const std::string virtual_key = k + "virtual:" + (in_class ? owner + ":" : "");
      for (const char* n : {"versions", "version", "version_ids", "paper_trail_event"}) out->push_back({virtual_key + n, ""});
    }
  } else if (m == "include" || m == "extend" || m == "prepend") {
    // A module the project defines adds what its body declares; any other may define setters.
    for (TSNode a : args) {
      std::string written = constant_name(a, src);
      out->push_back({k + "include:" + owner, written.empty() ? "?" + std::string(node_text(a, src)) : written});
    }
  } else if (m == "alias_attribute" && args.size() == 2) {
    const std::string virtual_key = k + "virtual:";
    // In a class: that model's name for a column. In a concern: any model's that includes it.
    auto a = name_of(args[0], src), b = name_of(args[1], src);
    if (a && b && in_class) out->push_back({k + "alias:" + owner + ":" + *a, *b});
    else if (a) out->push_back({virtual_key + *a, ""});
  } else if (m == "scope" && in_class) {
    // A scope is a method of the model and of its relations: `mappings.accounts` may call
    // Import::Mapping's scope `accounts`, not an association of that name.
    if (auto n = first()) {
      out->push_back({k + "scope:" + owner + ":" + *n, ""});
      out->push_back({k + "def:" + *n, ""});
    }
  } else if (m == "enum" && in_class) {
    // Each value is a scope (`User.active`) unless prefixed, suffixed or scopes: false.
    bool plain = true;
    for (TSNode p : pairs_of(args)) {
      std::string_view key = option_key(p, src);
      if (key.starts_with("_") || key == "prefix" || key == "suffix" || key == "scopes") plain = false;
    }
    if (!plain) return;
    for (TSNode a : args) {
      std::vector<TSNode> values;
      if (node_is(a, "array") || node_is(a, "hash")) values.push_back(a);
      for (TSNode p : pairs_of({a}))
        if (node_is(field(p, "value"), "hash") || node_is(field(p, "value"), "array")) values.push_back(field(p, "value"));
      if (node_is(a, "pair") && (node_is(field(a, "value"), "hash") || node_is(field(a, "value"), "array")))
        values.push_back(field(a, "value"));
      for (TSNode v : values) {
        std::vector<TSNode> names = node_is(v, "hash") ? std::vector<TSNode>{} : names_in({v});
        for (TSNode p : pairs_of({v})) names.push_back(field(p, "key"));
        for (TSNode n : names)
          if (auto s2 = name_of(n, src)) {
            out->push_back({k + "scope:" + owner + ":" + *s2, ""});
            out->push_back({k + "scope:" + owner + ":not_" + *s2, ""});
          }
      }
    }
  } else if (m == "primary_abstract_class" && in_class) {
    rec->abstract = true;
  } else if ((m == "connects_to" || m == "establish_connection") && in_class) {
    // The primary database's own class says so; any other is another database's.
    std::string_view t = node_text(s, src);
    if (t.find("primary") == std::string_view::npos) rec->other_connection = true;
  } else if ((m == "included" || m == "class_methods" || m == "concerning") && node_is(s, "call")) {
    TSNode block = field(s, "block");
    if (!ts_node_is_null(block)) index_body(field(block, "body"), src, owner, false, rec, out);
    TSNode body = ts_node_is_null(block) ? TSNode{} : field(block, "body");
    uint32_t n = m != "class_methods" || ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n; ++i)
      if (node_is(ts_node_named_child(body, i), "method")) index_class_method(ts_node_named_child(body, i), src, owner, out);
  } else if (m == "with_options" && node_is(s, "call") && !ts_node_is_null(field(s, "block")) &&
             ts_node_is_null(field(field(s, "block"), "parameters"))) {
    // `with_options presence: true do validates ... end`: the block's calls are the class's own.
    index_body(field(field(s, "block"), "body"), src, owner, in_class, rec, out);
  } else if (!known_macro(m) && !m.empty()) {
    out->push_back({k + "macro:" + owner + ":" + std::string(m), ""});
  }
}

void index_body(TSNode body, std::string_view src, const std::string& owner, bool in_class, ClassRecord* rec,
                Facts* out) {
  uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; ++i) index_statement(ts_node_named_child(body, i), src, owner, in_class, rec, out);
}

/// Every instance variable a class or module body assigns (its methods and blocks included,
/// nested classes and modules aside), as "ivar:@name" -> "Owner|path": a record held in `@user`
/// is certain only where no related class and no module assigns `@user` too.
void index_ivars(TSNode n, std::string_view src, const std::string& owner, std::string_view path, Facts* out) {
  uint32_t k = ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (node_is(c, "class") || node_is(c, "module")) continue;
    if (node_is(c, "instance_variable") && (node_is(n, "assignment") || node_is(n, "operator_assignment")
                                            ? ts_node_start_byte(c) == ts_node_start_byte(field(n, "left"))
                                            : node_is(n, "left_assignment_list") || node_is(n, "rest_assignment")))
      out->push_back({std::string(kKey) + "ivar:" + std::string(node_text(c, src)), owner + "|" + std::string(path)});
    index_ivars(c, src, owner, path, out);
  }
}

void index_scope(TSNode node, std::string_view src, std::string_view path, Nesting& nesting, Facts* out) {
  uint32_t n = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(node, i);
    bool klass = node_is(c, "class"), mod = node_is(c, "module");
    if (!klass && !mod) {
      // Configuration and inflections, wherever they are.
      if (node_is(c, "call") || node_is(c, "assignment") || node_is(c, "body_statement") || node_is(c, "block") ||
          node_is(c, "do_block") || node_is(c, "block_body")) {
        std::string k(kKey);
        if (node_is(c, "assignment")) {
          std::string_view left = node_text(field(c, "left"), src);
          // `self.table_name_prefix = "users_"` in a class body is that class's own (index_body
          // marks it): only the project's configuration (`config.active_record...`,
          // `ActiveRecord::Base...`) changes every model's names.
          if ((left.ends_with("pluralize_table_names") || left.ends_with("table_name_prefix") ||
               left.ends_with("table_name_suffix")) &&
              !left.starts_with("self."))
            out->push_back({k + "config:names", std::string(left)});
        }
        if (node_is(c, "call")) {
          std::string_view m = node_text(field(c, "method"), src);
          std::string_view recv = node_text(field(c, "receiver"), src);
          std::vector<TSNode> args = arguments(c);
          if (m == "irregular" && args.size() == 2) {
            auto s = name_of(args[0], src), p = name_of(args[1], src);
            if (s && p) out->push_back({k + "irregular:" + underscore(*s), underscore(*p)});
          } else if (m == "uncountable" && !recv.empty()) {
            for (TSNode a : names_in(args))
              if (auto w = name_of(a, src)) out->push_back({k + "uncountable:" + *w, ""});
          } else if (m == "acronym" && args.size() == 1 && recv.find("inflect") != std::string_view::npos) {
            if (auto w = name_of(args[0], src)) out->push_back({k + "acronym:" + *w, ""});
          } else if ((m == "plural" || m == "singular") && recv.find("inflect") != std::string_view::npos) {
            out->push_back({k + "config:names", "inflect." + std::string(m)});
          }
        }
        index_scope(c, src, path, nesting, out);
      }
      continue;
    }
    std::string written = constant_name(field(c, "name"), src);
    if (written.empty()) continue;
    std::string full = nesting.full(written);
    ClassRecord rec;
    if (klass) {
      TSNode sup = field(c, "superclass");
      if (!ts_node_is_null(sup) && ts_node_named_child_count(sup) == 1) {
        rec.parent = constant_name(ts_node_named_child(sup, 0), src);
        if (rec.parent.empty()) rec.parent = "?";
      }
      for (auto& name : nesting.names) rec.parent_nesting += name + ",";
    }
    if (mod) out->push_back({std::string(kKey) + "module:" + full, ""});
    out->push_back({std::string(kKey) + "constdef:" + full, ""});
    nesting.names.push_back(full);
    TSNode body = field(c, "body");
    index_body(body, src, full, klass, &rec, out);
    index_ivars(body, src, full, path, out);
    // `class << self` bodies: def table_name / scopes as class methods.
    uint32_t k2 = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t j = 0; j < k2; ++j) {
      TSNode sc = ts_node_named_child(body, j);
      if (node_is(sc, "singleton_class") && node_is(field(sc, "value"), "self")) {
        TSNode sb = field(sc, "body");
        uint32_t m = ts_node_is_null(sb) ? 0 : ts_node_named_child_count(sb);
        for (uint32_t q = 0; q < m; ++q) {
          TSNode d = ts_node_named_child(sb, q);
          if (!node_is(d, "method")) continue;
          index_class_method(d, src, full, out);
          std::string_view dn = node_text(field(d, "name"), src);
          if (klass && dn == "table_name") rec.table = returned_string(d, src).value_or("?");
          if (klass && (dn == "table_name_prefix" || dn == "table_name_suffix")) rec.naming = true;
          if (!klass && dn == "table_name_prefix")
            out->push_back({std::string(kKey) + "prefix:" + full, returned_string(d, src).value_or("?")});
        }
      }
    }
    if (klass && !rec.parent.empty()) out->push_back({std::string(kKey) + "class:" + full, rec.encode()});
    else if (klass && (!rec.table.empty() || rec.abstract))  // reopened: still says something of its table
      out->push_back({std::string(kKey) + "reopened:" + full, rec.encode()});
    index_scope(body, src, path, nesting, out);
    nesting.names.pop_back();
  }
}

/// A model's ancestors end at ActiveRecord::Base, written in the file of one of them: where no
/// indexed file names ActiveRecord, no class is a model. The index says "the project names it"
/// with this fact, for relevant_in.
constexpr std::string_view kBaseWord = "ActiveRecord";
constexpr std::string_view kProjectFact = "activerecord:project";

void index_file(const FileInput& in, Facts* out) {
  if (in.text.find(kBaseWord) != std::string_view::npos) out->push_back({std::string(kProjectFact), ""});
  if (ts_node_is_null(in.root)) return;
  Nesting nesting;
  index_scope(in.root, in.text, in.path, nesting, out);
}

// ---- Models from the index ----------------------------------------------------------------

struct Model {
  std::string name;                ///< full class name
  std::string table;               ///< "" when not a model of the primary database, or not certain
  std::vector<std::string> chain;  ///< the class and its known ancestors, nearest first
};

class Models {
 public:
  explicit Models(const ProjectFacts* facts) : facts_(facts) {
    if (!facts_) return;
    for (auto it = facts_->lower_bound(std::string(kKey) + "irregular:"); it != facts_->end(); ++it) {
      std::string_view key = it->first;
      if (!key.starts_with(std::string(kKey) + "irregular:")) break;
      inflections_.irregular[std::string(key.substr(kKey.size() + 10))] = it->second.back();
    }
    for (auto it = facts_->lower_bound(std::string(kKey) + "uncountable:"); it != facts_->end(); ++it) {
      std::string_view key = it->first;
      if (!key.starts_with(std::string(kKey) + "uncountable:")) break;
      inflections_.uncountable.insert(std::string(key.substr(kKey.size() + 12)));
    }
    derived_names_ = !has("config:names");
    // An acronym changes how a class name is underscored ("GitHubToken": github_token); one all in
    // capitals gives what the default rules give.
    for (auto it = facts_->lower_bound(std::string(kKey) + "acronym:"); it != facts_->end(); ++it) {
      std::string_view key = it->first;
      if (!key.starts_with(std::string(kKey) + "acronym:")) break;
      std::string word(key.substr(kKey.size() + 8));
      bool caps = std::all_of(word.begin(), word.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); });
      if (!caps) mixed_acronyms_.push_back(word);
    }
  }

  bool has(const std::string& key) const { return facts_ && facts_->count(std::string(kKey) + key); }
  const std::vector<std::string>* get(const std::string& key) const {
    if (!facts_) return nullptr;
    auto it = facts_->find(std::string(kKey) + key);
    return it == facts_->end() ? nullptr : &it->second;
  }

  /// The model a constant written in `nesting` names, or null when it is not a known model.
  /// A constant of another kind that the name reaches first (a nested plain class, a constant
  /// assigned in a module an enclosing class includes: maybe's `Security = Data.define(...)` in
  /// Provider::SecurityConcept, which Provider::Synth's `Security.new(...)` means) makes it null.
  const Model* resolve(const std::string& written, const Nesting& nesting) {
    if (!written.starts_with("::"))
      for (size_t i = nesting.names.size(); i-- > 0;) {
        bool shadowed = false;
        each_module(nesting.names[i], 0,
                    [&](const std::string& m) { shadowed = shadowed || (m != nesting.names[i] && has("constdef:" + m + "::" + written)); },
                    [](const std::string&) {});
        if (shadowed) return nullptr;
      }
    for (auto& full : nesting.candidates(written)) {
      if (get("class:" + full)) return model(full);
      if (has("constdef:" + full)) return nullptr;
    }
    return nullptr;
  }

  const Model* model(const std::string& full) {
    auto it = cache_.find(full);
    if (it != cache_.end()) return &it->second;
    cache_[full] = Model{full, "", {}};  // guards cycles
    Model m = compute(full);
    return &(cache_[full] = std::move(m));
  }

  /// A name `where(name: v)` must not turn into a column of `m`'s table: "" to skip it, else the column.
  std::string column_for(const Model& m, const std::string& name) const {
    if (name == "id") return "";
    for (auto& c : m.chain)
      if (auto* a = get("alias:" + c + ":" + name); a && a->size() == 1) return column_for(m, a->front());
    if (has("virtual:" + name) || association_of(m, name)) return "";
    for (auto& c : m.chain)
      if (has("virtual:" + c + ":" + name)) return "";
    return name;
  }

  /// Whether `name` may be an association of `m`: declared by `m`, an ancestor, a module they
  /// include, or a module (which any model may include). An association only other classes
  /// declare (`belongs_to :receiver` in two other models) is not `m`'s: `where(receiver: v)` on
  /// `m` names its column.
  bool association_of(const Model& m, const std::string& name) const {
    if (!has("association:" + name)) return false;
    auto* owners = get("assocby:" + name);
    if (!owners) return true;
    for (const std::string& owner : *owners) {
      if (owner == "?") return true;
      for (auto& c : m.chain) {
        bool declared = false;
        each_module(c, 0, [&](const std::string& x) { declared = declared || x == owner; }, [](const std::string&) {});
        if (declared) return true;
      }
    }
    return false;
  }

  /// The model an association name returns whichever model it is called on: every model that
  /// declares it agrees on the class (class_name, or Rails' convention: the one model whose
  /// name, underscored and for a collection pluralized, is the association's), and no method of
  /// that name is defined anywhere. Null when not certain. *joined: its query joins another table.
  const Model* association(const std::string& name, bool* joined) {
    auto cached = associations_.find(name);
    if (cached == associations_.end()) cached = associations_.emplace(name, find_association(name)).first;
    *joined = cached->second.second;
    return cached->second.first;
  }

  /// Whether `name` is declared on `m` (or any model, by a module) as something that answers
  /// writes without a column: `attribute`, `attr_accessor`, a `store_accessor` key, `delegate`.
  bool answers_writes(const Model& m, const std::string& name) const {
    if (has("delegated:" + name)) return true;
    for (auto& c : m.chain)
      if (has("delegated:" + c + ":" + name)) return true;
    return false;
  }

  /// Whether `name` of an attribute write on `m` may be a setter rather than a column: what
  /// column_for() skips, a `def name=` anywhere, or has_many's `<singular>_ids`.
  bool setter(const Model& m, const std::string& name) const {
    if (column_for(m, name) != name || has("def:" + name + "=") || has("delegated:" + name)) return true;
    for (auto& c : m.chain)
      if (has("delegated:" + c + ":" + name)) return true;
    if (name == "logger" && includes(m, "SemanticLogger::Loggable")) return true;
    // Writers every record has (ActiveModel::AttributeAssignment's `attributes=`, which assigns
    // a hash; AutosaveAssociation's `destroyed_by_association=`): ActiveRecord refuses a column
    // of either name (DangerousAttributeError).
    if (name == "attributes" || name == "destroyed_by_association") return true;
    if (name.ends_with("_ids") && has("association:" + pluralize(name.substr(0, name.size() - 4), inflections_)))
      return true;
    return false;
  }

  /// A class method the model, an ancestor or a module they include defines (`def self.name`,
  /// `class << self`, a concern's `class_methods`): it answers instead of ActiveRecord's.
  bool class_method(const Model& m, const std::string& name) const {
    bool found = false;
    for (auto& c : m.chain)
      each_module(c, 0, [&](const std::string& owner) { found = found || has("cdef:" + owner + ":" + name); },
                  [](const std::string&) {});
    return found;
  }

  /// Why an attribute write on `m` of a name no migration adds may still be no column: a class
  /// macro of the model, an ancestor or an included module that may define setters (a gem's
  /// `devise`, a project macro that calls define_method), or a module from outside the project.
  /// "" when every macro is known.
  std::string write_doubt(const Model& m) const {
    std::string why;
    for (auto& c : m.chain) {
      if (!why.empty()) break;
      each_module(
          c, 0,
          [&](const std::string& owner) {
            std::string prefix = std::string(kKey) + "macro:" + owner + ":";
            for (auto it = facts_->lower_bound(prefix); why.empty() && it != facts_->end() && it->first.starts_with(prefix);
                 ++it) {
              std::string macro = it->first.substr(prefix.size());
              if (macro.find(':') != std::string::npos) continue;  // a nested class's ("Owner::Inner:macro")
              if (auto* defs = get("macrodef:" + macro);
                  defs && std::all_of(defs->begin(), defs->end(), [](const std::string& d) { return d == "plain"; }))
                continue;  // the project's own macro, which defines no method
              why = owner + " calls " + macro + ", a class macro schemagate does not interpret";
            }
          },
          [&](const std::string& outside) {
            if (why.empty()) why = c + " includes " + outside + ", a module from outside the project";
          });
    }
    if (why.empty()) return "";
    return why + ": it may define a setter of this name (not judged)";
  }

  /// Whether the model, an ancestor or a module they include includes `module` (as written).
  bool includes(const Model& m, const std::string& module) const {
    bool found = false;
    for (auto& c : m.chain)
      each_module(c, 0, [&](const std::string& owner) { found = found || owner == module; }, [](const std::string&) {});
    return found;
  }

  /// An instance method the model, an ancestor or a module they include defines (`def update`):
  /// it answers the record's call instead of ActiveRecord's.
  bool instance_method(const Model& m, const std::string& name) const {
    bool found = false;
    for (auto& c : m.chain)
      each_module(c, 0, [&](const std::string& owner) { found = found || has("idef:" + owner + ":" + name); },
                  [](const std::string&) {});
    return found;
  }

  /// Whether only `owner`'s body in `path` assigns the instance variable `ivar` among the classes
  /// whose instances can run `owner`'s methods: no module, no other file reopening `owner`, no
  /// ancestor or descendant of `owner` assigns it (an unrelated controller's `@user` is its own).
  bool ivar_only_in(const std::string& ivar, const std::string& owner, std::string_view path) const {
    auto* values = get("ivar:" + ivar);
    if (!values) return false;
    std::vector<std::string> mine = ancestors(owner);
    for (const std::string& v : *values) {
      size_t bar = v.find('|');
      std::string other = v.substr(0, bar), file = v.substr(bar + 1);
      if (other == owner) {
        if (file != path) return false;
        continue;
      }
      if (has("module:" + other)) return false;
      if (std::find(mine.begin(), mine.end(), other) != mine.end()) return false;
      std::vector<std::string> theirs = ancestors(other);
      if (std::find(theirs.begin(), theirs.end(), owner) != theirs.end()) return false;
    }
    return true;
  }

  /// The model a Draper decorator decorates, whose record its `object` (and `model`) is: a class
  /// whose project ancestors end at Draper::Decorator; the class its own `decorates :name` names,
  /// else, as Draper infers it, its name less "Decorator". Null when it is no decorator or the
  /// model is not certain.
  const Model* decorated(const std::string& full) {
    std::vector<std::string> chain = ancestors(full);
    std::optional<Parsed> last = record(chain.empty() ? full : chain.back());
    if (!last || (last->parent != "Draper::Decorator" && last->parent != "::Draper::Decorator")) return nullptr;
    std::string target;
    if (auto* d = get("decorates:" + full)) {
      if (d->size() != 1 || d->front() == "?") return nullptr;
      target = camelize(d->front());
    } else if (full.size() > 9 && full.ends_with("Decorator")) {
      target = full.substr(0, full.size() - 9);
    } else {
      return nullptr;
    }
    const Model* m = get("class:" + target) ? model(target) : nullptr;
    return m && !m->table.empty() && m->table != "?" ? m : nullptr;
  }

  /// A class's known ancestors, nearest first, through the project's `class X < Y` declarations.
  std::vector<std::string> ancestors(const std::string& full) const {
    std::vector<std::string> out;
    for (std::string at = full; out.size() < 32;) {
      std::optional<Parsed> p = record(at);
      if (!p || p->parent.empty()) break;
      std::string next;
      for (auto& cand : p->nesting.candidates(p->parent))
        if (get("class:" + cand)) {
          next = cand;
          break;
        }
      if (next.empty()) {  // a class with no parent of its own (`class Base`) ends the chain
        for (auto& cand : p->nesting.candidates(p->parent))
          if (has("constdef:" + cand)) {
            out.push_back(cand);
            break;
          }
        break;
      }
      if (std::find(out.begin(), out.end(), next) != out.end()) break;
      out.push_back(next);
      at = next;
    }
    return out;
  }

  /// The columns `m` does not load: every `self.ignored_columns` of the model, its ancestors and
  /// the project modules they include (a superset of Rails' list, which `=` may reset: fewer
  /// columns judged, never more). Null when one is computed (not certain).
  std::optional<std::vector<std::string>> ignored_columns(const Model& m) const {
    std::vector<std::string> out;
    bool certain = true;
    for (auto& c : m.chain)
      each_module(
          c, 0,
          [&](const std::string& owner) {
            if (auto* names = get("ignored:" + owner))
              for (auto& n : *names) (n == "?" ? certain = false : (out.push_back(n), true));
          },
          [](const std::string&) {});
    if (!certain) return std::nullopt;
    return out;
  }

  /// Whether `m` shares the table of a concrete model it inherits from (single-table
  /// inheritance): that model loads the table already.
  bool inherits_table(const Model& m) {
    if (m.chain.size() < 2) return false;
    const Model* parent = model(m.chain[1]);
    return parent && !abstract_.count(parent->name) && parent->table == m.table;
  }

  bool scope_of(const Model& m, std::string_view name) const {
    for (auto& c : m.chain)
      if (has("scope:" + c + ":" + std::string(name))) return true;
    return false;
  }

  /// Whether every class method of this name that the model, an ancestor or a module they
  /// include defines is one query chain on the class (relation_body): then `Model.name(...)` is
  /// a relation of the model, as a scope is. `flags` gathers theirs ("j": it joins, "s": it
  /// selects). False when none defines it, or one defines it otherwise.
  bool relation_method(const Model& m, const std::string& name, std::string* flags) const {
    bool any = false, other = false;
    for (auto& c : m.chain)
      each_module(
          c, 0,
          [&](const std::string& owner) {
            if (!has("cdef:" + owner + ":" + name)) return;
            auto* rel = get("rdef:" + owner + ":" + name);
            if (!rel) {
              other = true;
              return;
            }
            any = true;
            for (const std::string& f : *rel) *flags += f;
          },
          [](const std::string&) {});
    return any && !other;
  }

 private:
  /// Calls `visit` with `owner` and every project module it includes, extends or prepends
  /// (transitively), and `outside` with each included name that is not a project module nor
  /// one known to define no attribute methods.
  template <typename Visit, typename Outside>
  void each_module(const std::string& owner, int depth, Visit&& visit, Outside&& outside) const {
    visit(owner);
    auto* included = get("include:" + owner);
    if (!included || depth > 8) return;
    for (const std::string& written : *included) {
      static const std::set<std::string> harmless = {
          "ActiveSupport::Concern", "Comparable", "Enumerable", "ActiveModel::Validations", "ActiveModel::Conversion",
          "GlobalID::Identification", "ActiveSupport::NumberHelper", "ERB::Util", "Rails.application.routes.url_helpers",
          "?Rails.application.routes.url_helpers",
          // pg_search's: class methods (pg_search_scope, known_macro's; multisearchable, a macro
          // that stays a doubt) and a method_missing for the pg_search_rank and
          // pg_search_highlight readers: no setter.
          "PgSearch::Model",
          // libxml-ruby's top module (6.0): only the XML namespace, no method of its own; models
          // include it to write XML::Parser (openstreetmap-website's ApplicationRecord).
          "LibXML"};
      if (harmless.count(written) || written.starts_with("ActionView::Helpers")) continue;
      if (written == "SemanticLogger::Loggable") {  // defines logger and logger= only
        visit("SemanticLogger::Loggable");
        continue;
      }
      std::string found;
      if (!written.starts_with("?")) {
        // Lexical lookup from the owner's name outwards ("A::B" including "C": A::B::C, A::C, C).
        for (std::string outer = owner;; ) {
          std::string cand = outer.empty() ? written : outer + "::" + written;
          if (has("module:" + cand)) {
            found = cand;
            break;
          }
          if (outer.empty()) break;
          size_t cut = outer.rfind("::");
          outer = cut == std::string::npos ? "" : outer.substr(0, cut);
        }
      }
      if (found.empty()) outside(written.starts_with("?") ? written.substr(1) : written);
      else each_module(found, depth + 1, visit, outside);
    }
  }

  struct Parsed {
    std::string parent, table;
    Nesting nesting;
    bool abstract = false, connection = false, naming = false;
  };

  std::optional<Parsed> record(const std::string& full) const {
    auto* values = get("class:" + full);
    if (!values) return std::nullopt;
    std::set<std::string> distinct(values->begin(), values->end());
    if (distinct.size() != 1) return std::nullopt;  // declared twice, differently: not certain
    Parsed p;
    std::string_view text = *distinct.begin();
    size_t at = 0;
    while (at < text.size()) {
      size_t nl = text.find('\n', at);
      std::string_view line = text.substr(at, nl - at);
      at = nl == std::string_view::npos ? text.size() : nl + 1;
      if (line.starts_with("parent=")) p.parent = line.substr(7);
      else if (line.starts_with("table=")) p.table = line.substr(6);
      else if (line.starts_with("nesting=")) {
        std::string_view list = line.substr(8);
        size_t s = 0;
        for (size_t c; (c = list.find(',', s)) != std::string_view::npos; s = c + 1)
          p.nesting.names.push_back(std::string(list.substr(s, c - s)));
      } else if (line == "abstract") p.abstract = true;
      else if (line == "connection") p.connection = true;
      else if (line == "naming") p.naming = true;
    }
    // A reopened class elsewhere may set its table or make it abstract.
    if (auto* re = get("reopened:" + full)) {
      for (auto& r : *re) {
        if (r.find("\nabstract\n") != std::string::npos) p.abstract = true;
        size_t t = r.find("table=");
        if (t != std::string::npos) {
          std::string tbl = r.substr(t + 6, r.find('\n', t) - t - 6);
          if (!tbl.empty()) p.table = p.table.empty() || p.table == tbl ? tbl : "?";
        }
      }
    }
    return p;
  }

  std::pair<const Model*, bool> find_association(const std::string& name) {
    auto* values = get("assoc:" + name);
    if (!values || has("def:" + name) || has("virtual:" + name) || has("delegated:" + name)) return {nullptr, false};
    return target_of(*values, name);
  }

 public:
  /// The model the association `name` of model `owner` returns (a name in its chain declares
  /// it), or null: `family.accounts` where `family` names the model Family.
  const Model* association_of(const Model& owner, const std::string& name, bool* joined) {
    for (auto& c : owner.chain)
      if (auto* values = get("assoc:" + c + ":" + name)) {
        auto [m, j] = target_of(*values, name, owner.name);
        *joined = j;
        return m;
      }
    return nullptr;
  }

  /// The model whose name, underscored, is `name` (`family`, `@family`, `Current.family` name
  /// Family), when exactly one model has it.
  const Model* named(const std::string& name) {
    // Only the models among the classes of that name: an admin resource or a view component
    // named like the model (Avo::Resources::Rubygem, Rubygem::TabNavComponent's namespace) holds
    // no record. Two models of the name: none.
    const Model* found = nullptr;
    for (const std::string& full : classes_with([&](const std::string& u) { return u == name; })) {
      const Model* m = model(full);
      if (!m || m->table.empty()) continue;
      if (found) return nullptr;
      found = m;
    }
    return found && found->table != "?" ? found : nullptr;
  }

 private:
  /// The known classes whose simple name, underscored, passes `want`.
  template <typename Want>
  std::vector<std::string> classes_with(Want&& want) const {
    // Every class the index found, with its last name underscored, in the facts' order: read
    // at the first question of the file's walk, not at each one (an association's name or a
    // constant read asks it).
    if (!classes_read_ && facts_) {
      std::string prefix = std::string(kKey) + "class:";
      for (auto it = facts_->lower_bound(prefix); it != facts_->end() && it->first.starts_with(prefix); ++it) {
        std::string full = it->first.substr(prefix.size());
        size_t cut = full.rfind("::");
        std::string underscored = underscore(cut == std::string::npos ? full : full.substr(cut + 2));
        classes_.emplace_back(std::move(full), std::move(underscored));
      }
    }
    classes_read_ = true;
    std::vector<std::string> out;
    for (const auto& [full, underscored] : classes_)
      if (want(underscored)) out.push_back(full);
    return out;
  }

  /// The model declarations "many|Class|joined" of an association agree on.
  /// `owner`: the declaring model's full name, when known: by convention Rails looks the class up
  /// from the owner's namespace outwards, so of Account and Billing::Account, Billing::Invoice's
  /// `account` is Billing::Account and a top-level model's is ::Account.
  std::pair<const Model*, bool> target_of(const std::vector<std::string>& values, const std::string& name,
                                          const std::string& owner = "") {
    std::set<std::string> targets;
    bool joined = false, many = false;
    for (const std::string& e : values) {
      size_t a = e.find('|'), b = e.find('|', a + 1);
      many = e.substr(0, a) == "many";
      targets.insert(e.substr(0, b));
      joined = joined || e.substr(b + 1) == "joined";
    }
    if (targets.size() != 1) return {nullptr, false};
    std::string target = targets.begin()->substr(targets.begin()->find('|') + 1);
    if (target == "?") return {nullptr, false};
    const Model* found = nullptr;
    if (!target.empty()) {
      if (target.starts_with("::")) target = target.substr(2);
      if (!get("class:" + target)) return {nullptr, false};
      found = model(target);
    } else {
      std::vector<std::string> matching =
          classes_with([&](const std::string& u) { return (many ? pluralize(u, inflections_) : u) == name; });
      if (matching.size() > 1 && !owner.empty()) {
        // The one a lookup from the owner's namespace reaches first.
        std::vector<std::string> scopes;
        for (size_t at = owner.find("::"); at != std::string::npos; at = owner.find("::", at + 2))
          scopes.insert(scopes.begin(), owner.substr(0, at) + "::");
        scopes.push_back("");
        for (const std::string& scope : scopes) {
          std::vector<std::string> here;
          for (const std::string& full : matching)
            if (full.starts_with(scope) && full.find("::", scope.size()) == std::string::npos) here.push_back(full);
          if (here.size() == 1) {
            matching = here;
            break;
          }
        }
      }
      for (const std::string& full : matching) {
        if (found) return {nullptr, false};  // Account and Billing::Account: which one depends on the owner
        found = model(full);
      }
    }
    if (!found || found->table.empty() || found->table == "?") return {nullptr, false};
    return {found, joined};
  }

  static bool is_base(const std::string& parent) {
    return parent == "ActiveRecord::Base" || parent == "::ActiveRecord::Base";
  }

  Model compute(const std::string& full) {
    Model m{full, "", {}};
    std::optional<Parsed> p = record(full);
    if (!p || p->connection || p->naming) return m;
    m.chain.push_back(full);
    const Model* parent = nullptr;
    if (!is_base(p->parent)) {
      for (auto& cand : p->nesting.candidates(p->parent))
        if (get("class:" + cand)) {
          parent = model(cand);
          break;
        }
      if (!parent || parent->chain.empty()) return m;  // not known to be ActiveRecord
      m.chain.insert(m.chain.end(), parent->chain.begin(), parent->chain.end());
      if (!abstract_.count(parent->name) && parent->table.empty()) return m;  // a concrete parent without a certain table
    }
    if (p->abstract) {
      abstract_.insert(full);
      return m;  // no table; subclasses compute their own
    }
    if (p->table == "?") return m;
    if (!p->table.empty()) {
      m.table = p->table;
    } else if (parent && !abstract_.count(parent->name)) {
      m.table = parent->table;  // single-table inheritance
    } else {
      m.table = derived(full);
    }
    return m;
  }

  /// Rails' computed name: the enclosing modules' table_name_prefix, then the class name
  /// demodulized, underscored and pluralized.
  std::string derived(const std::string& full) const {
    if (!derived_names_) return "";
    std::string prefix;
    size_t cut = full.rfind("::");
    std::string simple = cut == std::string::npos ? full : full.substr(cut + 2);
    for (std::string outer = cut == std::string::npos ? "" : full.substr(0, cut); !outer.empty();) {
      if (get("class:" + outer)) return "";  // nested in a model: Rails prefixes the parent's singular name
      const auto* pre = get("prefix:" + outer);
      if (!pre) pre = get("isolated:" + outer);
      if (pre) {
        std::set<std::string> d(pre->begin(), pre->end());
        if (d.size() != 1 || *d.begin() == "?") return "";
        prefix = *d.begin();
        break;
      }
      size_t c = outer.rfind("::");
      outer = c == std::string::npos ? "" : outer.substr(0, c);
    }
    for (auto& acronym : mixed_acronyms_)
      if (simple.find(acronym) != std::string::npos) return "";
    std::string plural = pluralize(underscore(simple), inflections_);
    return plural.empty() ? "" : prefix + plural;
  }

  const ProjectFacts* facts_;
  Inflections inflections_;
  bool derived_names_ = true;
  mutable std::vector<std::pair<std::string, std::string>> classes_;  ///< (full name, last name underscored)
  mutable bool classes_read_ = false;
  std::vector<std::string> mixed_acronyms_;
  std::map<std::string, Model> cache_;
  std::set<std::string> abstract_;
  std::map<std::string, std::pair<const Model*, bool>> associations_;
};

// ---- Queries ------------------------------------------------------------------------------

/// Calls whose arguments name columns, and how.
enum class Args { Where, Order, Select, Calculate, UpdateAll, InOrderOf };
std::optional<Args> column_method(std::string_view m) {
  static const std::map<std::string_view, Args> table = {
      {"where", Args::Where},           {"not", Args::Where},          {"rewhere", Args::Where},
      {"find_by", Args::Where},         {"find_by!", Args::Where},     {"find_or_create_by", Args::Where},
      {"find_or_create_by!", Args::Where}, {"find_or_initialize_by", Args::Where}, {"exists?", Args::Where},
      {"delete_by", Args::Where},       {"destroy_by", Args::Where},   {"order", Args::Order},
      {"reorder", Args::Order},         {"pluck", Args::Select},       {"pick", Args::Select},
      {"select", Args::Select},         {"group", Args::Select},       {"count", Args::Calculate},
      {"sum", Args::Calculate},         {"minimum", Args::Calculate},  {"maximum", Args::Calculate},
      {"average", Args::Calculate},     {"update_all", Args::UpdateAll}, {"in_order_of", Args::InOrderOf},
  };
  auto it = table.find(m);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

/// Methods that return a relation of the same model, changing nothing of what names mean.
bool chainable(std::string_view m) {
  static const std::set<std::string_view> names = {
      "all", "unscoped", "none", "limit", "offset", "distinct", "readonly", "lock", "strict_loading",
      "order", "reorder", "where", "rewhere", "not", "select", "group", "having", "preload", "extending",
      "reverse_order", "in_order_of", "excluding", "without", "only", "unscope", "create_with", "invert_where",
      "and", "or", "merge", "annotate", "optimizer_hints"};
  return names.count(m) != 0;
}
/// Methods after which the query reads other tables too. Not `from`: it replaces the model's
/// table (`from("(SELECT ...) recipes")` names a subquery as the table), so a chain through it is
/// not judged at all.
bool joining(std::string_view m) {
  return m == "joins" || m == "left_joins" || m == "left_outer_joins" || m == "includes" || m == "eager_load" ||
         m == "references";
}

struct Context {
  Nesting nesting;
  std::string model;       ///< the enclosing class (full name), "" outside classes
  bool class_level = false;  ///< self is the class: class methods, scopes, class << self
  bool instance = false;     ///< self is a record of `model`: its instance methods
  bool singleton = false;    ///< inside `class << self`
  int blocks = 0;            ///< blocks around this point (a `def` inside one is no plain method)
};

/// A local that holds a relation of one model (relation_locals_of).
struct Relation {
  const Model* model = nullptr;
  bool joined = false, custom_select = false;
};

struct Chain {
  const Model* model = nullptr;
  bool joined = false, custom_select = false;
  /// A calculation (`count(:name)`, `sum(:total)`) ends the query: its select list holds the
  /// aggregate under ActiveRecord's alias (`count_name`, `count_all`), which an order names.
  bool calculated = false;
  /// A later pluck or pick of the query that takes something other than a symbol
  /// (`Arel.sql("unnest(labels) AS label")`, a string), "" when none: its select list may define
  /// an alias, which an order's name that is no column finds (Rails writes `ORDER BY "label"`).
  std::string_view aliasing_select;
  bool from_constant = false;  ///< the chain starts at the model's constant, not self or an association
  bool from_association = false;  ///< the chain starts at an association its receiver's model declares (`family.accounts`)
  bool from_class_self = false;  ///< the chain starts at self (written or not) in the model's class methods
  requirements::Span root;  ///< the model's constant, or the call's method name for an implicit self
};

/// Class-level calls that build or insert records from attributes: each key is a column of the
/// model's table, unless a setter of that name answers it (`new`, `create`; insert_all and
/// upsert_all take column names only, with their options after the rows).
enum class Write { Attributes, Rows };
std::optional<Write> class_write(std::string_view m) {
  static const std::map<std::string_view, Write> table = {
      {"new", Write::Attributes},          {"build", Write::Attributes},           {"create", Write::Attributes},
      {"create!", Write::Attributes},      {"first_or_create", Write::Attributes}, {"first_or_create!", Write::Attributes},
      {"first_or_initialize", Write::Attributes}, {"create_or_find_by", Write::Attributes},
      {"create_or_find_by!", Write::Attributes}, {"insert", Write::Rows},         {"insert!", Write::Rows},
      {"upsert", Write::Rows},             {"insert_all", Write::Rows},            {"insert_all!", Write::Rows},
      {"upsert_all", Write::Rows}};
  auto it = table.find(m);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

/// The finders that build the record when none matches, and yield it to their block.
bool finds_or_builds(std::string_view m) {
  return m == "find_or_create_by" || m == "find_or_create_by!" || m == "find_or_initialize_by";
}

/// Record-level calls that write attributes: `record.update(col: v)`.
bool record_write(std::string_view m) {
  return m == "update" || m == "update!" || m == "update_columns" || m == "assign_attributes" ||
         m == "update_attributes" || m == "update_attributes!" || m == "attributes=" || m == "update_column";
}

/// Class-level calls that return one record of the model: `Model.find(id)`.
bool returns_record(std::string_view m) {
  static const std::set<std::string_view> names = {
      "new", "build", "create", "create!", "find", "find_by", "find_by!", "first", "first!", "last", "last!", "take",
      "take!", "sole", "find_sole_by", "find_or_initialize_by", "find_or_create_by", "find_or_create_by!",
      "create_or_find_by", "create_or_find_by!", "first_or_create", "first_or_create!", "first_or_initialize"};
  return names.count(m) != 0;
}

class Extractor {
 public:
  Extractor(const FileInput& in, FileOutput* out)
      : in_(in), src_(in.text), out_(out), models_(in.facts), literals_(in.root, in.text) {}

  void walk(TSNode node, Context ctx) {
    uint32_t n = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode c = ts_node_named_child(node, i);
      if (node_is(c, "class") || node_is(c, "module")) {
        std::string written = constant_name(field(c, "name"), src_);
        Context inner = ctx;
        if (!written.empty()) inner.nesting.names.push_back(ctx.nesting.full(written));
        inner.model = node_is(c, "class") && !written.empty() ? inner.nesting.names.back() : "";
        inner.class_level = false;
        inner.instance = false;
        if (in_.running_code && !inner.model.empty() && !ts_node_is_null(field(c, "superclass")))
          every_column(field(c, "name"), inner.model);
        if (!inner.model.empty()) {
          // Its instance methods, for the relation one of them returns (relation_returned).
          classes_[inner.model] = c;
          TSNode body = field(c, "body");
          uint32_t k = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
          for (uint32_t j = 0; j < k; ++j) {
            TSNode d = ts_node_named_child(body, j);
            if (node_is(d, "method")) instance_defs_[inner.model].emplace(std::string(node_text(field(d, "name"), src_)), d);
          }
        }
        std::map<std::string, const Model*> ivars =
            inner.model.empty() ? std::map<std::string, const Model*>{} : ivars_of(c, inner);
        auto* outer = ivars_;
        ivars_ = &ivars;
        walk(c, inner);
        ivars_ = outer;
        continue;
      }
      if (node_is(c, "singleton_method") && node_is(field(c, "object"), "self")) {
        Context inner = ctx;
        inner.class_level = true;
        inner.instance = false;
        walk_def(c, inner);
        continue;
      }
      if (node_is(c, "singleton_class") && node_is(field(c, "value"), "self")) {
        Context inner = ctx;
        inner.class_level = true;
        inner.instance = false;
        inner.singleton = true;
        walk(c, inner);
        continue;
      }
      if (node_is(c, "method")) {
        Context inner = ctx;
        // A method of `class << self` is a class method: self is the class, as in `def self.x`.
        inner.class_level = ctx.singleton;
        inner.instance = !ctx.model.empty() && !ctx.singleton && !ctx.class_level && ctx.blocks == 0;
        walk_def(c, inner);
        continue;
      }
      if (node_is(c, "block") || node_is(c, "do_block") || node_is(c, "lambda")) {
        // A block's parameters shadow the method's locals; `Model.where(...).each do |r|` binds r
        // to a record of Model. A block run with another self (instance_eval, Class.new) has no
        // known self.
        Context inner = ctx;
        TSNode owner = ts_node_parent(c);
        std::string_view via = node_is(owner, "call") ? node_text(field(owner, "method"), src_) : "";
        if (via == "instance_eval" || via == "instance_exec" || via == "class_eval" || via == "class_exec" ||
            via == "module_eval" || via == "new" || via == "define_method" || via == "define_singleton_method") {
          inner.instance = false;
          inner.class_level = false;
        }
        ++inner.blocks;
        size_t mark = block_locals_.size();
        bind_block(c, ctx);
        walk(c, inner);
        block_locals_.resize(mark);
        continue;
      }
      if (node_is(c, "assignment") || node_is(c, "operator_assignment")) assign(c, ctx);
      if (node_is(c, "call") && ts_node_is_null(field(c, "receiver")) && !ctx.model.empty() &&
          (node_text(field(c, "method"), src_) == "scope" || node_text(field(c, "method"), src_) == "default_scope")) {
        Context inner = ctx;
        inner.class_level = true;  // the lambda runs on the relation
        walk(c, inner);
        continue;
      }
      if (node_is(c, "call")) visit(c, ctx);
      if (node_is(c, "call") && ts_node_is_null(field(c, "receiver")) && !ctx.model.empty() &&
          node_text(field(c, "method"), src_) == "enum")
        enum_column(c, ctx);
      walk(c, ctx);
    }
  }

 private:
  /// A `def` (`def x`, `def self.x`) is a scope of its own: its locals that hold a record or a
  /// relation of one model (locals_of, relation_locals_of) are its own, whatever is around it.
  void walk_def(TSNode def, const Context& ctx) {
    std::map<std::string, const Model*> locals = locals_of(def, ctx);
    auto* outer = locals_;
    locals_ = &locals;
    std::map<std::string, Relation> relations = relation_locals_of(def, ctx);
    auto* outer_relations = relation_locals_;
    relation_locals_ = &relations;
    walk(def, ctx);
    locals_ = outer;
    relation_locals_ = outer_relations;
  }

  /// Whether a chain on `model` passes: each of `names` (no query method) is a scope of the
  /// model or a relation class method (whose joins and select it adds to *joined /
  /// *custom_select), and no name of `walked` is a class method of the model that runs instead of
  /// ActiveRecord's query method of that name.
  template <class Names, class Walked>
  bool passes(const Model& model, const Names& names, const Walked& walked, bool* joined, bool* custom_select) const {
    std::set<std::string, std::less<>> relations;
    for (const auto& m : names) {
      if (models_.scope_of(model, m)) continue;
      std::string flags;
      if (!models_.relation_method(model, std::string(m), &flags)) return false;
      relations.emplace(m);
      if (flags.find('j') != std::string::npos) *joined = true;
      if (flags.find('s') != std::string::npos) *custom_select = true;
    }
    for (const auto& m : walked)
      if (!relations.count(m) && models_.class_method(model, std::string(m))) return false;
    return true;
  }

  /// The model whose class or relation `n` certainly is: its constant, then only query methods
  /// and names that pass as the model's scopes or relation class methods. Null otherwise.
  const Model* class_or_relation(TSNode n, const Context& ctx) {
    std::vector<std::string_view> names, walked;
    for (int depth = 0; depth < 64; ++depth) {
      if (node_is(n, "constant") || node_is(n, "scope_resolution")) {
        std::string written = constant_name(n, src_);
        const Model* model = written.empty() ? nullptr : models_.resolve(written, ctx.nesting);
        if (!model || model->table.empty()) return nullptr;
        bool joined = false, custom_select = false;
        return passes(*model, names, walked, &joined, &custom_select) ? model : nullptr;
      }
      if (!node_is(n, "call") || !ts_node_is_null(field(n, "block"))) return nullptr;
      std::string_view m = node_text(field(n, "method"), src_);
      if (!chainable(m) && !joining(m)) names.push_back(m);
      walked.push_back(m);
      n = field(n, "receiver");
    }
    return nullptr;
  }

  /// Follows the receivers of `call` to the model the chain starts from.
  std::optional<Chain> chain_of(TSNode call, const Context& ctx) {
    Chain chain;
    std::vector<std::string_view> unknown;  // must be the model's scopes
    std::vector<std::string_view> walked = {node_text(field(call, "method"), src_)};
    TSNode r = field(call, "receiver");
    for (int depth = 0; depth < 64; ++depth) {
      if (ts_node_is_null(r) || node_is(r, "self")) {
        if (!ctx.class_level || ctx.model.empty()) return std::nullopt;
        chain.model = models_.model(ctx.model);
        chain.from_class_self = true;
        TSNode name = field(call, "method");
        chain.root = {ts_node_start_byte(name), ts_node_end_byte(name)};
        break;
      }
      if (node_is(r, "constant") || node_is(r, "scope_resolution")) {
        std::string written = constant_name(r, src_);
        if (written.empty()) return std::nullopt;
        chain.model = models_.resolve(written, ctx.nesting);
        chain.root = {ts_node_start_byte(r), ts_node_end_byte(r)};
        chain.from_constant = true;
        break;
      }
      if (node_is(r, "identifier") && relation_locals_) {
        // A local every assignment of which is a relation of one model (relation_locals_of).
        std::string name(node_text(r, src_));
        auto it = relation_locals_->find(name);
        bool shadowed = std::any_of(block_locals_.begin(), block_locals_.end(),
                                    [&](const std::pair<std::string, const Model*>& b) { return b.first == name; });
        if (it != relation_locals_->end() && !shadowed) {
          chain.model = it->second.model;
          chain.joined = chain.joined || it->second.joined;
          chain.custom_select = chain.custom_select || it->second.custom_select;
          chain.from_constant = true;  // through the local, from the constant its assignments start at
          chain.root = {ts_node_start_byte(r), ts_node_end_byte(r)};
          break;
        }
      }
      if (node_is(r, "identifier") && !ctx.class_level && !ctx.model.empty() && !local(std::string(node_text(r, src_)))) {
        // `matching_notes.where(...)`: an instance method of the class, with no parameters, that
        // returns a relation of one model (relation_returned).
        if (std::optional<Relation> rel = relation_returned(ctx, std::string(node_text(r, src_)))) {
          chain.model = rel->model;
          chain.joined = chain.joined || rel->joined;
          chain.custom_select = chain.custom_select || rel->custom_select;
          chain.from_constant = true;  // through the method, from the constant its chain starts at
          chain.root = {ts_node_start_byte(r), ts_node_end_byte(r)};
          break;
        }
      }
      if (node_is(r, "call") && node_text(field(r, "method"), src_) == "class" && node_is(field(r, "receiver"), "self") &&
          ts_node_is_null(field(r, "arguments")) && ctx.instance) {
        // `self.class.where(...)` in a model's instance method: the model's class (or a subclass
        // of it, on the same table).
        chain.model = models_.model(ctx.model);
        chain.from_constant = true;
        chain.root = {ts_node_start_byte(r), ts_node_end_byte(r)};
        break;
      }
      std::string_view m;
      TSNode next{};
      if (node_is(r, "call")) {
        m = node_text(field(r, "method"), src_);
        next = field(r, "receiver");
        if (!ts_node_is_null(field(r, "block"))) return std::nullopt;
        if (m == "select" || m == "pluck") chain.custom_select = true;
      } else if (node_is(r, "identifier")) {
        m = node_text(r, src_);
      } else {
        return std::nullopt;
      }
      if (joining(m)) chain.joined = true;
      else if (!chainable(m)) {
        // `family.accounts.visible.where(...)`: an association's relation, whoever owns it.
        bool joined = false;
        // Only as a method with a receiver and no arguments: a bare name may be a local variable.
        bool reader = node_is(r, "call") && !ts_node_is_null(next) && ts_node_is_null(field(r, "arguments"));
        const Model* target = nullptr;
        if (reader && class_or_relation(next, ctx)) {
          // `Link.embedded_post`, `Link.wiki.embedded_post`: on a model's class or relation the
          // name is a scope (an enum value's) or a class method, never an association, which
          // belongs_to and has_many define on records only. It must pass as the model's below.
        } else if (reader) {
          // The receiver named after a model that declares the association: `family.accounts`,
          // `@family.accounts`, `Current.family.accounts`; else the association whoever owns it.
          std::string_view owner = node_is(next, "identifier")           ? node_text(next, src_)
                                   : node_is(next, "instance_variable")  ? node_text(next, src_).substr(1)
                                   : node_is(next, "call") && ts_node_is_null(field(next, "arguments"))
                                       ? node_text(field(next, "method"), src_)
                                       : std::string_view();
          const Model* o = record_of(next, ctx);  // a record whose model is certain: `@account.invoices`
          if (!o && !owner.empty()) o = models_.named(std::string(owner));
          if (o) target = models_.association_of(*o, std::string(m), &joined);
          if (target) chain.from_association = true;  // its owner's model declares it
          else target = models_.association(std::string(m), &joined);
        } else if (node_is(r, "identifier") && !local(std::string(m))) {
          // `events.update_all(...)` in the model's own instance method: self's association.
          const Model* o = record_of_self(ctx);
          if (o && !models_.instance_method(*o, std::string(m))) target = models_.association_of(*o, std::string(m), &joined);
          if (target) chain.from_association = true;
        }
        if (target) {
          chain.model = target;
          chain.joined = chain.joined || joined;
          TSNode name = node_is(r, "identifier") ? r : field(r, "method");
          chain.root = {ts_node_start_byte(name), ts_node_end_byte(name)};
          break;
        }
        unknown.push_back(m);
      }
      walked.push_back(m);
      if (node_is(r, "identifier")) {
        r = TSNode{};
        continue;
      }
      r = next;
    }
    // The calls this one is the receiver of are the same query too: `order(:n).select("... AS n")`.
    for (TSNode at = call, up = ts_node_parent(call); node_is(up, "call"); at = up, up = ts_node_parent(up)) {
      TSNode recv = field(up, "receiver");
      if (ts_node_is_null(recv) || ts_node_start_byte(recv) != ts_node_start_byte(at) ||
          ts_node_end_byte(recv) != ts_node_end_byte(at))
        break;
      std::string_view m = node_text(field(up, "method"), src_);
      if (joining(m)) chain.joined = true;
      if (m == "select") chain.custom_select = true;
      if (m == "pluck" || m == "pick")
        for (TSNode a : names_in(arguments(up)))
          if (!node_is(a, "simple_symbol")) chain.aliasing_select = m;
      if (m == "count" || m == "sum" || m == "average" || m == "minimum" || m == "maximum" || m == "calculate")
        chain.calculated = true;
    }
    if (!chain.model || chain.model->table.empty()) return std::nullopt;
    // A name no query method must be a scope of the model, or a class method that is one query
    // chain on the class (ImpoundClaim.involving(id).where(...)): what it joins or selects holds
    // for the names after it. The model's own class method of a query method's name runs
    // instead of ActiveRecord's.
    if (!passes(*chain.model, unknown, walked, &chain.joined, &chain.custom_select)) return std::nullopt;
    return chain;
  }

  /// What an assignment's right side is, read as a relation: a chain of query methods (or of
  /// names that must be the model's scopes or relation class methods: `names`) from a model's
  /// constant (`Bike.where(...)`, `Feedback`) or from a local (`bikes.where(...)`: `local`).
  struct RelationRoot {
    const Model* model = nullptr;
    std::string local;
    std::vector<std::string> names;  ///< no query method: scopes or relation class methods, asked once the model is known
    std::vector<std::string> walked;  ///< every method of the chain (a class method of the model of that name ends it)
    bool joined = false, custom_select = false;
  };
  std::optional<RelationRoot> relation_root(TSNode expr, const Context& ctx) {
    RelationRoot root;
    for (TSNode at = expr; ;) {
      if (node_is(at, "constant") || node_is(at, "scope_resolution")) {
        std::string written = constant_name(at, src_);
        if (written.empty()) return std::nullopt;
        root.model = models_.resolve(written, ctx.nesting);
        if (!root.model || root.model->table.empty() || root.model->table == "?") return std::nullopt;
        return root;
      }
      if (node_is(at, "identifier")) {
        root.local = std::string(node_text(at, src_));
        return root;
      }
      if (!node_is(at, "call") || !ts_node_is_null(field(at, "block"))) return std::nullopt;
      std::string m(node_text(field(at, "method"), src_));
      TSNode next = field(at, "receiver");
      if (ts_node_is_null(next)) return std::nullopt;  // a method of self, not a query method's chain
      if (joining(m)) root.joined = true;
      else if (!chainable(m)) root.names.push_back(m);
      if (m == "select") root.custom_select = true;
      root.walked.push_back(m);
      at = next;
    }
  }

  /// The relation of one model an instance method of the class `ctx.model` defines in this file
  /// returns, when certain: it takes no parameters, and its last statement is a chain of query
  /// methods and scopes from a model's constant or from a local that holds a relation
  /// (relation_locals_of), or assigns one to an instance variable (`@notes = notes.where(...)`,
  /// `@notes ||= Note.where(...)`) that no other statement of the class assigns; every `return`
  /// in it returns that variable (`return @notes if defined?(@notes)`).
  std::optional<Relation> relation_returned(const Context& ctx, const std::string& name) {
    auto key = std::make_pair(ctx.model, name);
    if (auto it = returned_.find(key); it != returned_.end()) return it->second;
    returned_[key] = std::nullopt;  // a method that returns itself is no relation
    std::optional<Relation> out = [&]() -> std::optional<Relation> {
      auto defs = instance_defs_.find(ctx.model);
      if (defs == instance_defs_.end()) return std::nullopt;
      auto def = defs->second.find(name);
      if (def == defs->second.end()) return std::nullopt;
      TSNode method = def->second;
      TSNode params = field(method, "parameters");
      if (!ts_node_is_null(params) && ts_node_named_child_count(params) > 0) return std::nullopt;
      TSNode body = field(method, "body");
      if (ts_node_is_null(body)) return std::nullopt;
      TSNode last = body;
      if (node_is(body, "body_statement")) {
        last = TSNode{};
        for (uint32_t i = ts_node_named_child_count(body); i-- > 0;)
          if (!node_is(ts_node_named_child(body, i), "comment")) {
            last = ts_node_named_child(body, i);
            break;
          }
        if (ts_node_is_null(last)) return std::nullopt;
      }
      std::string ivar;
      TSNode expr = last;
      if (node_is(last, "assignment") || node_is(last, "operator_assignment")) {
        TSNode left = field(last, "left");
        bool plain = node_is(last, "assignment") || node_text(field(last, "operator"), src_) == "||=";
        if (!plain || !node_is(left, "instance_variable")) return std::nullopt;
        ivar = std::string(node_text(left, src_));
        expr = field(last, "right");
        // No other statement of the class assigns the variable.
        auto cls = classes_.find(ctx.model);
        if (cls == classes_.end() || assignments_to(cls->second, ivar) != 1) return std::nullopt;
      }
      // Every `return` returns the variable the last statement assigns.
      bool returns_other = false;
      std::function<void(TSNode)> returns = [&](TSNode n) {
        if (returns_other || ts_node_is_null(n)) return;
        if (node_is(n, "return")) {
          TSNode args = ts_node_named_child_count(n) > 0 ? ts_node_named_child(n, 0) : TSNode{};
          if (node_is(args, "argument_list") && ts_node_named_child_count(args) == 1) args = ts_node_named_child(args, 0);
          if (ivar.empty() || !node_is(args, "instance_variable") || node_text(args, src_) != ivar) returns_other = true;
          return;
        }
        for (uint32_t i = 0, k = ts_node_named_child_count(n); i < k; ++i) returns(ts_node_named_child(n, i));
      };
      returns(body);
      if (returns_other) return std::nullopt;
      Context inner = ctx;
      inner.class_level = false;
      inner.instance = true;
      std::optional<RelationRoot> root = relation_root(expr, inner);
      if (!root) return std::nullopt;
      Relation rel;
      if (!root->local.empty()) {
        std::map<std::string, Relation> locals = relation_locals_of(method, inner);
        auto it = locals.find(root->local);
        if (it == locals.end()) return std::nullopt;
        rel = it->second;
      } else {
        rel.model = root->model;
      }
      rel.joined = rel.joined || root->joined;
      rel.custom_select = rel.custom_select || root->custom_select;
      if (!passes(*rel.model, root->names, root->walked, &rel.joined, &rel.custom_select)) return std::nullopt;
      return rel;
    }();
    returned_[key] = out;
    return out;
  }

  /// How many assignments (`=`, `||=`, ...) to `ivar` `n` holds.
  int assignments_to(TSNode n, const std::string& ivar) {
    int count = 0;
    std::function<void(TSNode)> visit = [&](TSNode at) {
      if (node_is(at, "assignment") || node_is(at, "operator_assignment")) {
        TSNode left = field(at, "left");
        if (node_is(left, "instance_variable") && node_text(left, src_) == ivar) ++count;
        if (node_is(left, "left_assignment_list") && node_text(left, src_).find(ivar) != std::string_view::npos) count += 2;
      }
      for (uint32_t i = 0, k = ts_node_named_child_count(at); i < k; ++i) visit(ts_node_named_child(at, i));
    };
    visit(n);
    return count;
  }

  /// The local variables of a method that hold a relation of one model (`bikes = Bike.where(...)`
  /// then `bikes = bikes.where(...) if x`): every assignment to the name (`=` or `||=`) is a
  /// chain of query methods and scopes from that model's constant or from the name itself, at
  /// least one from the constant; no parameter, block parameter or multiple assignment has the
  /// name. A chain that joins or selects in any assignment does so for every use.
  std::map<std::string, Relation> relation_locals_of(TSNode method, const Context& ctx) {
    std::map<std::string, std::vector<TSNode>> rights;
    std::set<std::string> other;
    std::function<void(TSNode)> visit_node = [&](TSNode n) {
      if (node_is(n, "assignment") || node_is(n, "operator_assignment")) {
        TSNode left = field(n, "left");
        bool plain = node_is(n, "assignment") || node_text(field(n, "operator"), src_) == "||=";
        if (node_is(left, "identifier")) {
          std::string name(node_text(left, src_));
          if (plain) rights[name].push_back(field(n, "right"));
          else other.insert(name);
        } else if (node_is(left, "left_assignment_list")) {
          std::map<std::string, const Model*> names;
          forget_identifiers(left, &names);
          for (auto& [name, unused] : names) other.insert(name);
        }
      } else if (node_is(n, "method_parameters") || node_is(n, "block_parameters") || node_is(n, "lambda_parameters") ||
                 node_is(n, "for") || node_is(n, "exception_variable")) {
        std::map<std::string, const Model*> names;
        forget_identifiers(node_is(n, "for") ? field(n, "pattern") : n, &names);
        for (auto& [name, unused] : names) other.insert(name);
      }
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) visit_node(ts_node_named_child(n, i));
    };
    visit_node(method);
    std::map<std::string, Relation> out;
    for (auto& [name, values] : rights) {
      if (other.count(name)) continue;
      Relation rel;
      std::vector<std::string> names, walked;
      bool ok = true;
      for (TSNode v : values) {
        std::optional<RelationRoot> root = relation_root(v, ctx);
        if (!root || (!root->local.empty() && root->local != name) || (root->model && rel.model && root->model != rel.model)) {
          ok = false;
          break;
        }
        if (root->model) rel.model = root->model;
        rel.joined = rel.joined || root->joined;
        rel.custom_select = rel.custom_select || root->custom_select;
        names.insert(names.end(), root->names.begin(), root->names.end());
        walked.insert(walked.end(), root->walked.begin(), root->walked.end());
      }
      if (ok && rel.model && passes(*rel.model, names, walked, &rel.joined, &rel.custom_select)) out.emplace(name, rel);
    }
    return out;
  }

  /// The local variables of a method that hold a record of one model: every assignment to the
  /// name is `Model.new/find/create...(...)` of that model, and no parameter has the name.
  std::map<std::string, const Model*> locals_of(TSNode method, const Context& ctx) {
    std::map<std::string, const Model*> out;
    std::function<void(TSNode)> visit_node = [&](TSNode n) {
      if (node_is(n, "assignment") || node_is(n, "operator_assignment")) {
        TSNode left = field(n, "left");
        if (node_is(left, "identifier")) {
          std::string name(node_text(left, src_));
          const Model* m = record_of(field(n, "right"), ctx);
          auto [it, fresh] = out.emplace(name, m);
          if (!fresh && it->second != m) it->second = nullptr;
        } else if (node_is(left, "left_assignment_list")) {
          forget_identifiers(left, &out);
        }
      } else if (node_is(n, "method_parameters") || node_is(n, "block_parameters") || node_is(n, "lambda_parameters") ||
                 node_is(n, "for") || node_is(n, "exception_variable")) {
        forget_identifiers(node_is(n, "for") ? field(n, "pattern") : n, &out);
      }
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) visit_node(ts_node_named_child(n, i));
    };
    visit_node(method);
    return out;
  }

  /// The instance variables of a class that hold a record of one model: every assignment to the
  /// name in the class's body is `Model.find/new...(...)` of that model (or a local holding one),
  /// and no related class or module of the project assigns it (Models::ivar_only_in).
  std::map<std::string, const Model*> ivars_of(TSNode klass, const Context& ctx) {
    std::map<std::string, const Model*> out;
    auto note = [&](const std::string& name, const Model* m) {
      auto [it, fresh] = out.emplace(name, m);
      if (!fresh && it->second != m) it->second = nullptr;
    };
    std::function<void(TSNode, bool)> visit_node = [&](TSNode n, bool in_method) {
      if (ts_node_is_null(n) || node_is(n, "class") || node_is(n, "module")) return;
      if (node_is(n, "method") && !in_method) {
        Context inner = ctx;
        inner.instance = true;
        std::map<std::string, const Model*> locals = locals_of(n, inner);
        auto* outer = locals_;
        locals_ = &locals;
        visit_node(field(n, "body"), true);
        locals_ = outer;
        return;
      }
      if (node_is(n, "assignment") || node_is(n, "operator_assignment")) {
        TSNode left = field(n, "left");
        if (node_is(left, "instance_variable")) {
          // Only in a plain method's own statements: a block's parameters are not its locals.
          TSNode right = field(n, "right");
          bool plain = in_method && !node_is(right, "identifier");
          if (in_method && node_is(right, "identifier")) {
            plain = true;
            for (TSNode up = ts_node_parent(n); !ts_node_is_null(up) && !node_is(up, "method"); up = ts_node_parent(up))
              if (node_is(up, "block") || node_is(up, "do_block") || node_is(up, "lambda")) plain = false;
          }
          note(std::string(node_text(left, src_)), plain ? record_of(right, ctx) : nullptr);
        }
      }
      if (node_is(n, "left_assignment_list")) {
        uint32_t k = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < k; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (node_is(c, "rest_assignment") && ts_node_named_child_count(c) == 1) c = ts_node_named_child(c, 0);
          if (node_is(c, "instance_variable")) note(std::string(node_text(c, src_)), nullptr);
        }
      }
      uint32_t k = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < k; ++i) visit_node(ts_node_named_child(n, i), in_method);
    };
    TSNode body = field(klass, "body");
    uint32_t k = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t i = 0; i < k; ++i) visit_node(ts_node_named_child(body, i), false);
    for (auto& [name, m] : out)
      if (m && !models_.ivar_only_in(name, ctx.model, in_.path)) m = nullptr;
    return out;
  }

  /// Binds a block's parameters for the walk inside it: the first of `Model.where(...).each do |r|`
  /// (each, find_each, map... on a relation from the model's constant or an association) to a
  /// record of the model, unless the block assigns the name; every other parameter to nothing.
  void bind_block(TSNode block, const Context& ctx) {
    TSNode params = field(block, "parameters");
    uint32_t k = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    const Model* first = nullptr;
    TSNode call = ts_node_parent(block);
    static const std::set<std::string_view> yielding = {"each", "find_each", "each_with_index", "map", "collect",
                                                        "flat_map", "each_with_object", "filter_map", "find_or_create_by",
                                                        "find_or_create_by!", "find_or_initialize_by", "create",
                                                        "create!", "new", "first_or_create", "first_or_create!",
                                                        "first_or_initialize"};
    if (k > 0 && node_is(call, "call") && yielding.count(node_text(field(call, "method"), src_))) {
      std::string_view m = node_text(field(call, "method"), src_);
      TSNode r = field(call, "receiver");
      bool builds = class_write(m) || returns_record(m);  // Model.create! do |r| ... end yields the record
      if (builds) {
        // A finder that builds, on self in the model's class methods (`class << self; def
        // bootstrap!; find_or_create_by!(...) do |r|`), yields a record of the model, as
        // `self.col = v` in its instance methods is one.
        std::optional<Chain> chain = chain_of(call, ctx);
        if (chain && (chain->from_constant || chain->from_association || (chain->from_class_self && finds_or_builds(m))))
          first = chain->model;
      } else if (node_is(r, "call")) {
        std::string_view rm = node_text(field(r, "method"), src_);
        std::optional<Chain> chain = chain_of(r, ctx);
        if (chain && chain->from_constant && !chain->custom_select &&
            (chainable(rm) || joining(rm) || models_.scope_of(*chain->model, rm)))
          first = chain->model;
      } else if ((node_is(r, "constant") || node_is(r, "scope_resolution")) && m == "find_each") {
        first = models_.resolve(constant_name(r, src_), ctx.nesting);
      } else if (node_is(r, "identifier")) {  // a local or a method that holds a relation: `notes.find_each do |note|`
        std::optional<Chain> chain = chain_of(call, ctx);
        if (chain && chain->from_constant && !chain->custom_select) first = chain->model;
      }
      if (first && (first->table.empty() || first->table == "?")) first = nullptr;
    }
    for (uint32_t i = 0; i < k; ++i) {
      TSNode p = ts_node_named_child(params, i);
      std::vector<std::pair<std::string, const Model*>> names;
      if (node_is(p, "identifier")) {
        std::string name(node_text(p, src_));
        const Model* m = i == 0 ? first : nullptr;
        if (m && assigns(field(block, "body"), name)) m = nullptr;
        block_locals_.push_back({name, m});
      } else {
        std::map<std::string, const Model*> forgotten;
        forget_identifiers(p, &forgotten);
        for (auto& [name, m] : forgotten) block_locals_.push_back({name, nullptr});
      }
    }
  }

  /// Whether `n` assigns the local `name` anywhere.
  bool assigns(TSNode n, const std::string& name) {
    if (ts_node_is_null(n)) return false;
    if (node_is(n, "assignment") || node_is(n, "operator_assignment")) {
      TSNode left = field(n, "left");
      if (node_is(left, "identifier") && node_text(left, src_) == name) return true;
    }
    if (node_is(n, "left_assignment_list")) {
      std::map<std::string, const Model*> names;
      forget_identifiers(n, &names);
      if (names.count(name)) return true;
    }
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i)
      if (assigns(ts_node_named_child(n, i), name)) return true;
    return false;
  }

  /// `record.col = v`, `self.col = v`, `@user.col ||= v`: the attribute's setter, a column of
  /// the record's model unless a setter of that name answers it.
  void assign(TSNode node, const Context& ctx) {
    TSNode left = field(node, "left");
    if (!node_is(left, "call")) return;
    TSNode r = field(left, "receiver"), name_node = field(left, "method");
    if (ts_node_is_null(r) || !node_is(name_node, "identifier")) return;
    if (!ts_node_is_null(field(left, "arguments"))) return;
    const Model* model = record_of(r, ctx);
    if (!model || model->table.empty() || model->table == "?") return;
    std::string name(node_text(name_node, src_));
    if (!plain_identifier(name) || models_.setter(*model, name)) return;
    // A reader or writer the model itself defines (`def name`) may wrap a setter of its own.
    if (models_.instance_method(*model, name + "=")) return;
    unit_ = SIZE_MAX;
    root_ = {ts_node_start_byte(r), ts_node_end_byte(r)};
    std::string label = model->name + "#" + name + "=";
    requirements::Span span{ts_node_start_byte(name_node), ts_node_end_byte(name_node)};
    require(*model, label, name, span, requirements::Use::Write, "attribute writer");
    auto& req = out_->requirements.requirements.back();
    req.describe = std::string(node_text(r, src_)) + "." + name + " = writes attribute " + name + " of " + model->name +
                   ", which ActiveRecord maps to column " + model->table + "." + name +
                   " (no setter of that name is declared)";
    req.unknown_when_absent = models_.write_doubt(*model);
  }

  void forget_identifiers(TSNode n, std::map<std::string, const Model*>* out) {
    if (ts_node_is_null(n)) return;
    if (node_is(n, "identifier")) (*out)[std::string(node_text(n, src_))] = nullptr;
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) forget_identifiers(ts_node_named_child(n, i), out);
  }

  /// The model of which `expr` is one record, when certain: `Model.find(id)`, `Model.new(...)`,
  /// `Model.where(...).first` (a chain from the constant), or a local that holds one.
  const Model* record_of(TSNode expr, const Context& ctx) {
    if (node_is(expr, "identifier")) {
      std::string name(node_text(expr, src_));
      for (size_t i = block_locals_.size(); i-- > 0;)
        if (block_locals_[i].first == name) return block_locals_[i].second;
      if (locals_ && locals_->count(name)) return locals_->find(name)->second;
      // `object.comments` in a Draper decorator's method: a record of the model it decorates.
      if ((name == "object" || name == "model") && !ctx.class_level && !ctx.model.empty() && !local(name))
        if (const Model* m = models_.decorated(ctx.model)) return m;
      // `version.update!(...)` in a model's instance method: self's singular association.
      const Model* self = record_of_self(ctx);
      return self ? singular_association(*self, name) : nullptr;
    }
    if (node_is(expr, "instance_variable")) {
      if (!ivars_) return nullptr;
      auto it = ivars_->find(std::string(node_text(expr, src_)));
      return it == ivars_->end() ? nullptr : it->second;
    }
    if (node_is(expr, "self")) {
      if (!ctx.instance) return nullptr;
      const Model* m = models_.model(ctx.model);
      return m && !m->table.empty() && m->table != "?" ? m : nullptr;
    }
    if (!node_is(expr, "call")) return nullptr;
    // `order.customer` of a record `order`: its belongs_to or has_one association's record.
    TSNode receiver = field(expr, "receiver");
    if (!ts_node_is_null(receiver) && ts_node_is_null(field(expr, "arguments")) && ts_node_is_null(field(expr, "block")) &&
        (node_is(receiver, "identifier") || node_is(receiver, "instance_variable") || node_is(receiver, "self") ||
         node_is(receiver, "call")))
      if (const Model* owner = record_of(receiver, ctx))
        if (const Model* m = singular_association(*owner, std::string(node_text(field(expr, "method"), src_)))) return m;
    if (!returns_record(node_text(field(expr, "method"), src_))) return nullptr;
    std::optional<Chain> chain = chain_of(expr, ctx);
    return chain && chain->from_constant ? chain->model : nullptr;
  }

  /// `Model.new(col: v)`, `Model.insert_all([{col: v}])`, `record.update!(col: v)`: each key is a
  /// column of the model's table unless a setter of that name answers it. A key the model's
  /// macros may answer (an unknown gem macro) is unchecked when no migration adds it.
  void write(TSNode call, const Context& ctx, std::string_view m) {
    std::vector<TSNode> args = arguments(call);
    if (args.empty()) return;
    const Model* model = nullptr;
    auto kind = class_write(m);
    if (kind) {
      std::optional<Chain> chain = chain_of(call, ctx);
      if (!chain || !(chain->from_constant || chain->from_association)) return;
      model = chain->model;
      root_ = chain->root;
    } else if (auto target = singular_builder(call, ctx)) {
      // `record.build_profile(bio: ...)`, `create_profile!`: a record of the association's model.
      model = target;
      TSNode name = field(call, "method");
      root_ = {ts_node_start_byte(name), ts_node_end_byte(name)};
    } else {
      if (!record_write(m)) return;
      TSNode r = field(call, "receiver");
      if (ts_node_is_null(r) || node_is(r, "identifier") || node_is(r, "instance_variable") || node_is(r, "self")) {
        // A local, an instance variable or self (`update!(col: v)` in the model's own method).
        model = ts_node_is_null(r) ? record_of_self(ctx) : record_of(r, ctx);
        TSNode at = ts_node_is_null(r) ? field(call, "method") : r;
        root_ = {ts_node_start_byte(at), ts_node_end_byte(at)};
      } else if (node_is(r, "call") && returns_record(node_text(field(r, "method"), src_))) {
        std::optional<Chain> chain = chain_of(r, ctx);
        if (chain && chain->from_constant) model = chain->model;
        if (model) root_ = chain->root;
      } else if (node_is(r, "call")) {  // `@order.customer.update!(vip: true)`: an association's record
        model = record_of(r, ctx);
        if (model) root_ = {ts_node_start_byte(r), ts_node_end_byte(r)};
      }
      // update!, update_columns...: ActiveRecord's own names; a record whose model is not known
      // is said, not passed over (`update` is also Hash's and a digest's).
      if ((!model || model->table.empty() || model->table == "?") && !ts_node_is_null(r) &&
          (m == "update!" || m == "update_columns" || m == "update_column" || m == "update_attribute"))
        out_->unchecked.push_back({ts_node_start_byte(call), "activerecord " + std::string(m),
                                   "the record's model is not known (an association, a variable or a method)"});
    }
    if (!model || model->table.empty() || model->table == "?") return;
    if (!kind && models_.instance_method(*model, std::string(m))) return;  // the model's own `def update`
    // insert/upsert and update_column(s) write columns directly, past every setter.
    bool direct = (kind && *kind == Write::Rows) || m == "update_columns" || m == "update_column";
    std::vector<TSNode> keys;
    if (m == "update_column") {
      keys.push_back(args[0]);
    } else if (kind && *kind == Write::Rows) {
      // The rows: a hash, or an array of hashes; options (returning:, unique_by:) come after.
      std::vector<TSNode> rows;
      if (node_is(args[0], "hash")) rows.push_back(args[0]);
      else if (node_is(args[0], "array"))
        for (uint32_t i = 0; i < ts_node_named_child_count(args[0]); ++i) rows.push_back(ts_node_named_child(args[0], i));
      else if (node_is(args[0], "call") && !ts_node_is_null(field(args[0], "block"))) {
        // `rows.map { |r| { col: r[:x] } }`: the block's value is each row.
        std::string_view each = node_text(field(args[0], "method"), src_);
        TSNode body = field(field(args[0], "block"), "body");
        uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
        if ((each == "map" || each == "collect" || each == "filter_map") && n > 0 &&
            node_is(ts_node_named_child(body, n - 1), "hash"))
          rows.push_back(ts_node_named_child(body, n - 1));
      }
      for (TSNode row : rows)
        for (TSNode p : pairs_of({row})) keys.push_back(field(p, "key"));
    } else {
      for (TSNode p : pairs_of(args)) keys.push_back(field(p, "key"));
    }
    std::string doubt = direct ? "" : models_.write_doubt(*model);
    unit_ = SIZE_MAX;
    std::string label = model->name + "." + std::string(m);
    for (TSNode key : keys) {
      requirements::Span span;
      auto name = name_of(key, src_, &span);
      if (!name || !plain_identifier(*name)) continue;
      if (direct ? models_.column_for(*model, *name) != *name : models_.setter(*model, *name)) continue;
      require(*model, label, *name, span, requirements::Use::Write, m);
      auto& r = out_->requirements.requirements.back();
      r.describe = label + " writes attribute " + *name + ", which ActiveRecord maps to column " + model->table + "." +
                   *name + " (no setter of that name is declared)";
      if (direct) r.describe = label + " writes column " + model->table + "." + *name;
      r.unknown_when_absent = doubt;
    }
  }

  /// Whether `name` is a local variable or parameter where the walk is (not a method call).
  bool local(const std::string& name) const {
    for (auto& [n, m] : block_locals_)
      if (n == name) return true;
    return locals_ && locals_->count(name);
  }

  /// The model of `self` in an instance method of a model, or null.
  const Model* record_of_self(const Context& ctx) {
    if (!ctx.instance) return nullptr;
    const Model* m = models_.model(ctx.model);
    return m && !m->table.empty() && m->table != "?" ? m : nullptr;
  }

  /// `record.build_profile(...)` / `create_profile(!)`: the model of the singular association
  /// (has_one, belongs_to) `profile` that the record's model declares, when certain.
  const Model* singular_builder(TSNode call, const Context& ctx) {
    std::string m(node_text(field(call, "method"), src_));
    std::string assoc;
    if (m.starts_with("build_")) assoc = m.substr(6);
    else if (m.starts_with("create_")) assoc = m.substr(7);
    else return nullptr;
    if (assoc.ends_with("!")) assoc.pop_back();
    if (assoc.empty() || models_.has("def:" + m)) return nullptr;
    TSNode r = field(call, "receiver");
    const Model* owner = ts_node_is_null(r) ? record_of_self(ctx)
                         : node_is(r, "identifier") || node_is(r, "instance_variable") || node_is(r, "self")
                             ? record_of(r, ctx)
                             : nullptr;
    return owner ? singular_association(*owner, assoc) : nullptr;
  }

  /// The model of the has_one / belongs_to `name` that `owner`'s model declares (and no method
  /// of that name of the model overrides), or null.
  const Model* singular_association(const Model& owner, const std::string& name) {
    if (models_.instance_method(owner, name)) return nullptr;
    for (auto& c : owner.chain)
      if (auto* values = models_.get("assoc:" + c + ":" + name)) {
        for (auto& v : *values)
          if (!v.starts_with("one|")) return nullptr;
        bool joined = false;
        if (const Model* m = models_.association_of(owner, name, &joined)) return m;
        // By convention the class is the camelized name, looked up from the owner's namespace as
        // Rails' compute_type does (rubygems' Deletion#version is ::Version, whatever
        // Avo::Resources::Version is).
        for (auto& v : *values)
          if (v != "one||") return nullptr;
        Nesting nesting;
        for (size_t at = owner.name.find("::"); at != std::string::npos; at = owner.name.find("::", at + 2))
          nesting.names.push_back(owner.name.substr(0, at));
        const Model* m = models_.resolve(camelize(name), nesting);
        return m && !m->table.empty() && m->table != "?" ? m : nullptr;
      }
    return nullptr;
  }

  void visit(TSNode call, const Context& ctx) {
    std::string_view m = node_text(field(call, "method"), src_);
    if (class_write(m) || record_write(m) || m.starts_with("build_") || m.starts_with("create_"))
      return write(call, ctx, m);
    auto kind = column_method(m);
    if (!kind) return;
    // select { |r| ... }: Enumerable's, not a query. A finder that creates takes a block too, run
    // on the record it builds (`find_or_create_by!(email: e) do |u| ... end`): its hash is still
    // the query's.
    if (!ts_node_is_null(field(call, "block")) && !finds_or_builds(m)) return;
    std::vector<TSNode> args = arguments(call);
    if (args.empty()) return;
    if (m == "not") {  // where.not(...): the receiver is `where`
      TSNode r = field(call, "receiver");
      bool bare_where = (node_is(r, "identifier") && node_text(r, src_) == "where") ||
                        (node_is(r, "call") && node_text(field(r, "method"), src_) == "where" &&
                         ts_node_is_null(field(r, "arguments")));
      if (!bare_where) return;
    }
    std::optional<Chain> chain = chain_of(call, ctx);
    if (!chain) {
      // A query method with a hash or SQL text: ActiveRecord's, whatever the receiver. `select`,
      // `order`... count with SQL text only (`pluck(:name)` is also ActiveSupport's on arrays).
      bool text = node_is(args[0], "string") || node_is(args[0], "heredoc_beginning") || node_is(args[0], "chained_string");
      // `pluck('name')`: a column's name as ActiveRecord takes it, and ActiveSupport's pluck of a
      // hash key on arrays (`form.fields.pluck('name')`): only SQL text beyond a name counts.
      if (m == "pluck" && node_is(args[0], "string")) {
        auto name = name_of(args[0], src_);
        if (name && plain_identifier(*name)) text = false;
      }
      bool counted = ((m == "where" || m == "find_by" || m == "update_all" || m == "not") &&
                      (node_is(args[0], "pair") || node_is(args[0], "hash") || text)) ||
                     ((m == "select" || m == "order" || m == "reorder" || m == "group" || m == "having" ||
                       m == "pluck") && text);
      if (counted)
        out_->unchecked.push_back({ts_node_start_byte(call), "activerecord " + std::string(m),
                                   "the receiver is not a known model (an association, a variable or a method)"});
      return;
    }
    const Model& model = *chain->model;
    unit_ = SIZE_MAX;
    root_ = chain->root;
    // `where.not(...)` is named as Rails writes it.
    std::string label = model.name + "." + (m == "not" ? std::string("where.not") : std::string(m));
    requirements::Use use = *kind == Args::UpdateAll ? requirements::Use::Write : requirements::Use::Read;
    std::function<void(TSNode)> name_arg = [&](TSNode n) {
      requirements::Span span;
      auto name = name_of(n, src_, &span);
      if (!name) return;
      std::string col = *name;
      size_t dot = col.find('.');
      if (dot != std::string::npos) {
        if (col.substr(0, dot) != model.table) return;
        col = col.substr(dot + 1);
        span.begin += static_cast<uint32_t>(dot + 1);
      }
      if (!plain_identifier(col)) return;
      col = models_.column_for(model, col);
      if (col.empty()) return;
      require(model, label, col, span, use, m);
    };
    // order/pluck/select/group/calculations on a query that joins other tables or selects its own
    // list: a name that is not one of the model's columns goes to PostgreSQL unqualified, where a
    // joined table's column or a select-list alias answers it. A column the table has is judged;
    // one it lacks is not (unknown_when_absent), and a SQL fragment is listed as unchecked.
    std::string doubt;
    if (*kind != Args::Where && *kind != Args::UpdateAll && (chain->joined || chain->custom_select))
      doubt = chain->joined ? "the query joins other tables: a name the model's table lacks may be a column of theirs (not judged)"
                            : "the query selects its own list: a name the model's table lacks may be an alias of it (not judged)";
    if (!doubt.empty()) {
      const auto plain_name = name_arg;
      name_arg = [&, plain_name](TSNode n) {
        auto& reqs = out_->requirements.requirements;
        const size_t before = reqs.size();
        plain_name(n);
        for (size_t i = before; i < reqs.size(); ++i)
          if (reqs[i].object == requirements::Object::Column && reqs[i].unknown_when_absent.empty())
            reqs[i].unknown_when_absent = doubt;
      };
    }
    auto fragment_unjudged = [&](TSNode a) {
      out_->unchecked.push_back({ts_node_start_byte(a), "activerecord " + std::string(m),
                                 chain->joined ? "the query joins other tables: the fragment's names may be theirs"
                                               : "the query selects its own list: the fragment's names may be its aliases"});
    };
    switch (*kind) {
      case Args::Where:
      case Args::UpdateAll: {
        if (node_is(args[0], "string") || node_is(args[0], "heredoc_beginning") || node_is(args[0], "chained_string") ||
            (node_is(args[0], "array") && ts_node_named_child_count(args[0]) > 0)) {
          TSNode s = node_is(args[0], "array") ? ts_node_named_child(args[0], 0) : args[0];
          fragment(model, label, s, *kind == Args::UpdateAll ? "UPDATE " : "SELECT 1 FROM ",
                   *kind == Args::UpdateAll ? " SET " : " WHERE ", chain->joined, use, m);
          return;
        }
        // where(sql, key: v): a fragment held elsewhere (a variable) with named binds.
        if (!node_is(args[0], "pair") && !node_is(args[0], "hash")) return;
        // A braced hash first is the whole condition: Rails ignores what follows it (the Rails 2
        // options of `find_by!({ number: n }, include: :adjustments)` name no column).
        std::vector<TSNode> conditions = node_is(args[0], "hash") ? std::vector<TSNode>{args[0]} : args;
        for (TSNode p : pairs_of(conditions)) {
          TSNode v = field(p, "value");
          if (node_is(v, "hash")) {
            nested_where(model, label, field(p, "key"), v, use, m);
            continue;
          }
          name_arg(field(p, "key"));
        }
        return;
      }
      case Args::Order: {
        if (chain->calculated) return;  // `group(:name).order("count_name DESC").count(:name)`: the alias
        // `order(label: :asc).pluck(Arel.sql("unnest(labels) AS label"))`: a name may be the
        // pluck's alias, which PostgreSQL finds for the `ORDER BY "label"` Rails writes when the
        // model has no such column. A column the table has is still judged; one it lacks is not.
        const std::string alias_doubt =
            "the query's " + std::string(chain->aliasing_select) +
            " takes a SQL fragment, which may define a select-list alias of this name: ORDER BY finds it when "
            "the table has no such column (not judged)";
        auto order_name = [&](TSNode n) {
          auto& reqs = out_->requirements.requirements;
          size_t before = reqs.size();
          name_arg(n);
          if (chain->aliasing_select.empty()) return;
          for (size_t i = before; i < reqs.size(); ++i)
            if (reqs[i].object == requirements::Object::Column) reqs[i].unknown_when_absent = alias_doubt;
        };
        for (TSNode a : args) {
          a = arel_sql(a);
          if (node_is(a, "string")) {
            if (!chain->aliasing_select.empty())
              out_->unchecked.push_back({ts_node_start_byte(a), "activerecord " + std::string(m),
                                         "the query's " + std::string(chain->aliasing_select) +
                                             " takes a SQL fragment, which may define select-list aliases this "
                                             "ORDER BY fragment names"});
            else if (!chain->joined && !chain->custom_select)
              fragment(model, label, a, "SELECT 1 FROM ", " ORDER BY ", false, use, m);
            else
              fragment_unjudged(a);
            continue;
          }
          if (node_is(a, "simple_symbol")) order_name(a);
        }
        for (TSNode p : pairs_of(args))
          if (!node_is(field(p, "value"), "hash")) order_name(field(p, "key"));
        return;
      }
      case Args::Select:
        for (TSNode a : names_in(args)) {
          if (node_is(a, "string")) {
            if (!chain->joined && !chain->custom_select)
              fragment(model, label, a, m == "group" ? "SELECT 1 FROM " : "SELECT ", m == "group" ? " GROUP BY " : "",
                       false, use, m);
            else
              fragment_unjudged(a);
            continue;
          }
          if (node_is(a, "simple_symbol")) name_arg(a);
        }
        return;
      case Args::Calculate:
        if (args.size() >= 1 && node_is(args[0], "simple_symbol") && node_text(args[0], src_) != ":all") name_arg(args[0]);
        return;
      case Args::InOrderOf:
        if (node_is(args[0], "simple_symbol")) name_arg(args[0]);
        return;
    }
  }

  /// `Arel.sql("...")`: the string it wraps (a fragment ActiveRecord passes as is); else `n`.
  TSNode arel_sql(TSNode n) const {
    if (!node_is(n, "call") || node_text(field(n, "receiver"), src_) != "Arel" || node_text(field(n, "method"), src_) != "sql")
      return n;
    std::vector<TSNode> args = arguments(n);
    return args.size() == 1 && node_is(args[0], "string") ? args[0] : n;
  }

  static bool plain_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
      if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_')
        return false;
    return true;
  }

  /// A string fragment, parsed inside a statement on the model's table: `before` + table +
  /// `middle` + fragment ("SELECT 1 FROM users WHERE " + "email = ?"). For a select list the
  /// table comes after the fragment.
  void fragment(const Model& model, const std::string& label, TSNode lit, std::string before, std::string middle,
                bool joined, requirements::Use use, std::string_view method) {
    uint32_t at = ts_node_start_byte(lit);
    sql::SqlText text;
    std::string table = "\"" + model.table + "\"";
    bool list = before == "SELECT ";
    if (list) text.append_from(before, at);
    else text.append_from(before + table + middle, at);
    if (!literals_.append(lit, &text)) return;
    if (list) text.append_from(" FROM " + table, at);
    auto unchecked = [&](const std::string& why) {
      out_->unchecked.push_back({at, "activerecord " + std::string(method), why});
    };
    // A query that joins other tables: only names qualified with the model's table are certainly
    // its columns (ActiveRecord writes FROM "table" unaliased, and PostgreSQL refuses a join that
    // takes the same name); any other name is left, and the site is partly checked.
    const std::string joined_reason = "the query joins other tables: the fragment's names may be theirs";
    bool left_to_joins = false;
    sql::NormalizedSql norm = sql::normalize_placeholders(text);
    if (!norm.unchecked_reason.empty()) return unchecked(norm.unchecked_reason);
    std::vector<sql::ParsedStatement> stmts;
    sql::ParseError err;
    if (!sql::parse(norm.sql.text, &stmts, &err) || stmts.size() != 1) return unchecked("the fragment does not parse as SQL");
    // Every column reference, in the tree's field order; a subquery anywhere leaves it unchecked.
    std::vector<const PgQuery__ColumnRef*> refs;
    bool subquery = false;
    std::function<void(const ProtobufCMessage*)> collect = [&](const ProtobufCMessage* m) {
      if (m->descriptor == &pg_query__node__descriptor) {
        const sql::Node* n = reinterpret_cast<const sql::Node*>(m);
        switch (sql::kind(n)) {
          case SG_NODE(SUB_LINK):
          case SG_NODE(RANGE_SUBSELECT):
          case SG_NODE(WITH_CLAUSE): subquery = true; break;
          case SG_NODE(COLUMN_REF): refs.push_back(n->column_ref); break;
          default: break;
        }
        m = sql::body(n);
      }
      sql::for_each_child(m, nullptr, collect);
    };
    collect(&stmts[0].node->base);
    if (subquery) return unchecked("the fragment has a subquery: its names are not all the model's columns");
    // update_all("a = a + 1"): the SET targets are ResTargets, not ColumnRefs.
    if (joined && sql::is(stmts[0].node, SG_NODE(UPDATE_STMT))) return unchecked(joined_reason);
    if (sql::is(stmts[0].node, SG_NODE(UPDATE_STMT)))
      for (const sql::Node* target : SG_LIST(stmts[0].node->update_stmt, target_list))
        if (sql::is(target, SG_NODE(RES_TARGET)) && *target->res_target->name && !target->res_target->n_indirection) {
          std::string col = sql::text(target->res_target->name);
          size_t loc = static_cast<size_t>(target->res_target->location);
          const std::string& t = norm.sql.text;
          bool quoted = loc < t.size() && t[loc] == '"';
          uint32_t host = norm.sql.host_offset(quoted ? loc + 1 : loc);
          if (host <= at || models_.column_for(model, col) != col) continue;
          require(model, label, col, {host, host + static_cast<uint32_t>(col.size())}, use, method, quoted);
        }
    // Positions map through the normalised text (placeholders change lengths).
    for (const PgQuery__ColumnRef* ref : refs) {
      if (!ref->n_fields || !ref->location) continue;
      std::vector<std::string> names;
      bool star = false;
      for (const sql::Node* f : SG_LIST(ref, fields)) {
        if (!sql::is(f, SG_NODE(STRING))) star = true;  // a.* and friends
        else names.push_back(sql::str(f));
      }
      if (star) continue;
      size_t loc = static_cast<size_t>(ref->location);
      std::string col;
      if (joined && !(names.size() == 2 && names[0] == model.table)) {
        left_to_joins = true;
        continue;
      }
      if (names.size() == 1) col = names[0];
      else if (names.size() == 2 && names[0] == model.table) col = names[1];
      else continue;
      // Map back: the column's bytes in the normalised text.
      const std::string& t = norm.sql.text;
      size_t pos = names.size() == 1 ? loc : t.find('.', loc);
      if (pos == std::string::npos) continue;
      if (names.size() == 2) ++pos;
      bool quoted = pos < t.size() && t[pos] == '"';
      size_t name_at = quoted ? pos + 1 : pos;
      uint32_t host = norm.sql.host_offset(name_at);
      if (name_at >= t.size() || host <= at) continue;  // the wrapper's own bytes map to `at`
      std::string mapped = models_.column_for(model, col);
      if (mapped.empty() || mapped != col) continue;  // an alias or virtual name in SQL is not one
      require(model, label, col, {host, host + static_cast<uint32_t>(col.size())}, use, method, quoted);
    }
    // Checked as far as it goes: the rest joins' (the call's site partly checked), or nothing.
    if (left_to_joins || (joined && unit_ == SIZE_MAX))
      out_->unchecked.push_back({at, "activerecord " + std::string(method), joined_reason, unit_});
  }

  /// A model of the running code loads its table's columns (ActiveRecord caches the list when
  /// the model first needs it) and names each in the INSERTs and SELECTs it builds, but those its
  /// `ignored_columns` list: a column dropped under it fails those statements until the process
  /// restarts. One requirement at the class's name, judged by the deploy checks.
  void every_column(TSNode name, const std::string& full) {
    const Model* model = models_.model(full);
    if (!model || model->table.empty() || model->table == "?" || models_.inherits_table(*model)) return;
    std::optional<std::vector<std::string>> ignored = models_.ignored_columns(*model);
    if (!ignored) return;
    auto& reqs = out_->requirements;
    requirements::Requirement r;
    r.object = requirements::Object::EveryColumn;
    r.schema = in_.default_schema;
    r.relation = model->table;
    r.ignored_columns = std::move(*ignored);
    r.span = {ts_node_start_byte(name), ts_node_end_byte(name)};
    r.unit = reqs.units.size();
    reqs.units.push_back({std::string(in_.path), "activerecord model " + model->name + " loads " + model->table, "", 0, ""});
    r.describe = "model " + model->name + " loads every column of " + model->table +
                 " (ActiveRecord caches them when the model is first used) and names each in the INSERTs and "
                 "SELECTs it builds, but those self.ignored_columns lists";
    r.fix = "add self.ignored_columns += [\"{column}\"] to " + model->name +
            " and deploy that before this migration runs; drop the column in a later release";
    reqs.requirements.push_back(std::move(r));
  }

  /// `enum :kind, {...}` (or `enum kind: {...}`) in a model's body: Rails backs the enum with the
  /// column of that name and raises "Undeclared attribute type for enum" without one (an
  /// `attribute :kind` declares it instead).
  void enum_column(TSNode call, const Context& ctx) {
    TSNode parent = ts_node_parent(call);
    if (node_is(parent, "body_statement")) parent = ts_node_parent(parent);
    if (!node_is(parent, "class")) return;
    const Model* model = models_.model(ctx.model);
    if (!model || model->table.empty()) return;
    std::vector<TSNode> args = arguments(call);
    if (args.empty()) return;
    std::vector<TSNode> names;
    if (node_is(args[0], "simple_symbol")) {
      names.push_back(args[0]);
    } else {
      for (TSNode p : pairs_of(args)) {
        TSNode key = field(p, "key");
        if (!node_text(key, src_).starts_with("_")) names.push_back(key);  // _prefix: true is an option
      }
    }
    for (TSNode n : names) {
      requirements::Span span;
      auto name = name_of(n, src_, &span);
      if (!name || !plain_identifier(*name)) continue;
      std::string col = models_.column_for(*model, *name);
      // `attribute :kind` (a setter, no column) declares the enum's type itself.
      if (col.empty() || col != *name || models_.answers_writes(*model, *name)) continue;
      unit_ = SIZE_MAX;
      TSNode method = field(call, "method");
      root_ = {ts_node_start_byte(method), ts_node_end_byte(method)};
      require(*model, model->name + ".enum", col, span, requirements::Use::Read, "enum");
      out_->requirements.requirements.back().describe =
          "enum :" + col + " of " + model->name + " is backed by column " + model->table + "." + col +
          ": without it Rails raises \"Undeclared attribute type for enum\"";
    }
  }

  /// `where(parts: { size: 3 })`: the columns of the table the key names, as ActiveRecord's
  /// predicate builder finds it: the model's own table, or the table of the model's association
  /// of that name (or of its singular: `where(users: {...})` through `belongs_to :user`). A key
  /// that is neither (a table joined by name) is not judged.
  void nested_where(const Model& model, const std::string& label, TSNode key, TSNode hash, requirements::Use use,
                    std::string_view method) {
    auto name = name_of(key, src_);
    if (!name || !plain_identifier(*name)) return;
    const Model* target = nullptr;
    if (*name == model.table) {
      target = &model;
    } else {
      bool joined = false;
      for (const std::string& n : {*name, std::string(name->ends_with("s") ? name->substr(0, name->size() - 1) : "")}) {
        if (n.empty() || models_.instance_method(model, n)) continue;
        if ((target = models_.association_of(model, n, &joined))) break;
      }
    }
    if (!target || target->table.empty() || target->table == "?") return;
    for (TSNode p : pairs_of({hash})) {
      if (node_is(field(p, "value"), "hash")) continue;
      requirements::Span span;
      auto col = name_of(field(p, "key"), src_, &span);
      if (!col || !plain_identifier(*col)) continue;
      std::string column = models_.column_for(*target, *col);
      if (column.empty()) continue;
      require(*target, label, column, span, use, method);
      out_->requirements.requirements.back().describe =
          label + " names column " + target->table + "." + column + " (in its hash for " + *name +
          "); ActiveRecord puts it in the query";
    }
  }

  void require(const Model& model, const std::string& label, const std::string& column, requirements::Span span,
               requirements::Use use, std::string_view method, bool quoted = false) {
    auto& reqs = out_->requirements;
    if (unit_ == SIZE_MAX) {
      unit_ = reqs.units.size();
      reqs.units.push_back({std::string(in_.path), "activerecord " + label + " on " + model.table, "", 0, ""});
      requirements::Requirement rel;
      rel.object = requirements::Object::Relation;
      rel.schema = in_.default_schema;
      rel.relation = model.table;
      rel.span = root_;
      rel.unit = unit_;
      rel.describe = "model " + model.name + " maps to table " + model.table + "; ActiveRecord queries it";
      rel.fix = "bin/rails generate migration Create" + camelize(model.table) +
                " (or bin/rails generate model), then bin/rails db:migrate before deploying this code";
      reqs.requirements.push_back(rel);
    }
    requirements::Requirement r;
    r.object = requirements::Object::Column;
    r.schema = in_.default_schema;
    r.relation = model.table;
    r.column = column;
    r.span = span;
    r.unit = unit_;
    r.use = use;
    r.quoted = quoted;
    r.describe = model.name + "." + (method == "not" ? std::string("where.not") : std::string(method)) + " names column " + model.table + "." + column +
                 "; ActiveRecord puts it in the query";
    r.fix = "bin/rails generate migration Add" + camelize(column) + "To" + camelize(model.table) + " " + column +
            ":<type>, then bin/rails db:migrate before deploying this code";
    reqs.requirements.push_back(std::move(r));
  }


  const FileInput& in_;
  std::string_view src_;
  FileOutput* out_;
  Models models_;
  languages::RubyLiterals literals_;
  size_t unit_ = SIZE_MAX;
  requirements::Span root_;
  const std::map<std::string, const Model*>* locals_ = nullptr;  ///< the enclosing method's (locals_of)
  const std::map<std::string, Relation>* relation_locals_ = nullptr;  ///< the enclosing method's (relation_locals_of)
  std::map<std::string, TSNode> classes_;                                ///< the file's classes, by full name
  std::map<std::string, std::map<std::string, TSNode>> instance_defs_;   ///< a class's own instance methods, by name
  std::map<std::pair<std::string, std::string>, std::optional<Relation>> returned_;  ///< relation_returned's answers
  const std::map<std::string, const Model*>* ivars_ = nullptr;   ///< the enclosing class's (ivars_of)
  std::vector<std::pair<std::string, const Model*>> block_locals_;  ///< block parameters in scope, innermost last
};

/// A script that connects to another engine itself (`ActiveRecord::Base.establish_connection(
/// adapter: "sqlite3", database: ":memory:")`: a benchmark with its tables defined inline): its
/// models' queries are that engine's.
bool connects_to_other_engine(std::string_view text) {
  if (text.find("establish_connection") == std::string_view::npos || text.find("postgresql") != std::string_view::npos)
    return false;
  for (std::string_view adapter : {"sqlite3", "mysql2", "trilogy"})
    for (char quote : {'"', '\''})
      if (text.find("adapter: " + std::string(1, quote) + std::string(adapter) + quote) != std::string_view::npos)
        return true;
  return false;
}

/// The files whose model usage the scan reads: not the migrations and seeds (db/), whose code
/// runs against the schema of its time, nor the tests and specs. A file refused here is not
/// parsed for this layer (in a Rails project, most of its Ruby files: redmine's test/ is 401 of
/// the 773 files it parsed, 3.4 MB of 5.4 MB).
bool reads_path(std::string_view path) {
  return !(path.starts_with("db/") || path.find("/db/migrate/") != std::string_view::npos || source::is_test_file(path) ||
           path.starts_with("spec/") || path.starts_with("test/"));
}

void extract(const FileInput& in, FileOutput* out) {
  if (ts_node_is_null(in.root) || !in.facts || !reads_path(in.path)) return;
  if (connects_to_other_engine(in.text)) return;
  Extractor x(in, out);
  x.walk(in.root, Context{});
}

/// Whether index_file may read anything of `text`'s tree: index_scope records classes and modules
/// (and what their bodies say), and outside them only the names configuration (assignments to
/// pluralize_table_names, table_name_prefix or table_name_suffix) and the inflections (calls of
/// irregular, uncountable, acronym, plural, singular). A file of none of these words (an RSpec
/// spec, a route or task file) has nothing for it: it is not parsed for the index (huginn: 144
/// of its 472 Ruby files).
bool index_parses(std::string_view text) {
  for (std::string_view word : {"class", "module", "table_name_prefix", "table_name_suffix", "irregular", "uncountable",
                                "acronym", "plural", "singular"})
    if (text.find(word) != std::string_view::npos) return true;
  return false;
}

/// Every Ruby file where the project has models. Without one, the only thing extract reports is
/// a `where` / `find_by` / `update_all` on a receiver that is not a known model (none is): a
/// file that names none of them is not parsed for this layer.
bool relevant_in(std::string_view text, const ProjectFacts* facts) {
  if (!facts || facts->count(std::string(kProjectFact))) return true;
  for (std::string_view m : {"where", "find_by", "update_all"})
    if (text.find(m) != std::string_view::npos) return true;
  return false;
}

/// A model's ancestors end at ActiveRecord::Base, written in one of the indexed files: a project
/// none of whose Ruby files names ActiveRecord has no model, and its index would find nothing
/// extract uses (a Ruby SDK beside a Go service: hatchet's 582 files).
bool index_wanted(std::string_view text) { return text.find(kBaseWord) != std::string_view::npos; }

}  // namespace

extern const DataLayer kActiveRecord{.name = "activerecord",
                                     .languages = {"ruby"},
                                     .extract = extract,
                                     .index = index_file,
                                     .index_text_only = true,
                                     .index_parses = index_parses,
                                     .relevant_in = relevant_in,
                                     .index_wanted = index_wanted,
                                     .reads_path = reads_path,
                                     .wanted_words = {kBaseWord}};

}  // namespace schemagate::datalayers
