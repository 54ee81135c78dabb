// supabase-js (postgrest-js): `supabase.from('table')` and `supabase.schema('s').from('table')`,
// then the chain PostgREST turns into one statement: `.select('a, b:c, d::text, rel(e)')`,
// `.insert({...})` / `.upsert({...}, { onConflict: 'a,b' })` / `.update({...})` / `.delete()`,
// filters `.eq('col', v)` ... and `.order('col')`. The table, the plain columns of the select
// list, the keys of the rows written and the filtered columns are requirements at the bytes that
// spell them. `.rpc('fn', { a, b })` is a call of the function of the exposed schema whose
// arguments are named a and b: PostgREST finds a function by its argument names, not their count.
//
// Precision: only a chain whose client is recognisably Supabase's (a name containing
// "supabase", or a variable the file binds to a create...Client() call) is read. Embedded
// resources `rel(...)` may name a table, a foreign key or a column: unchecked. A table name or a
// row that is not spelled in the call is unchecked too, unless the row is a const object literal
// of the enclosing scope that nothing changes (`const row = {...}; ....upsert([row])`), or
// spreads one. A chain that runs only where the code handles a missing column
// (`if (isMissingColumnError(error)) { /* the old columns */ }`) is a fallback for a database the
// migrations do not build: unchecked, with that reason. So is every call of a file that replaces
// `globalThis.fetch` (a test's stub): its requests never reach PostgREST.
#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/js_tree.h"
#include "analyzers/languages/script_lexer.h"

namespace schemagate::datalayers {
namespace {

using namespace js;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Every requirement and unchecked use comes from a `.from(` or `.rpc(` call, in code.
bool relevant_supabase(std::string_view text) {
  return text.find("supabase") != std::string_view::npos &&
         (languages::script_code_names(text, "from", true) || languages::script_code_names(text, "rpc", true));
}

/// A callee that returns a Supabase client: createClient, createServerClient, getSupabase, ...
bool client_factory(std::string_view callee) {
  std::string l = lower(callee.substr(callee.rfind('.') == std::string_view::npos ? 0 : callee.rfind('.') + 1));
  return l.find("supabase") != std::string::npos ||
         (l.size() > 6 && l.compare(l.size() - 6, 6, "client") == 0 && l.compare(0, 6, "create") == 0);
}

/// Whether `n` (the receiver of .from) is a Supabase client.
bool is_client(TSNode n, std::string_view src, const std::set<std::string>& bound) {
  n = unwrap(n);
  if (is(n, "identifier"))
    return lower(text(n, src)).find("supabase") != std::string::npos || bound.count(std::string(text(n, src)));
  if (is(n, "member_expression")) return lower(text(field(n, "property"), src)).find("supabase") != std::string::npos;
  if (is(n, "call_expression")) return client_factory(text(field(n, "function"), src));
  return false;
}

struct Chain {
  const FileInput& in;
  FileOutput* out;
  requirements::Requirement rel;  ///< the table; columns copy it
  std::string from;               ///< ".from('t')" as the messages say it
  std::string shown;

  void column(const std::string& name, uint32_t at, requirements::Use use, const std::string& how) {
    requirements::Requirement r = rel;
    r.object = requirements::Object::Column;
    r.column = name;
    r.use = use;
    r.insert_columns.clear();
    r.span = {at, at + static_cast<uint32_t>(name.size())};
    r.quoted = true;
    r.describe = "supabase-js " + from + how + " column " + shown + "." + name + " through PostgREST";
    out->requirements.requirements.push_back(std::move(r));
  }

  /// A column name as a filter or order spells it: `col`, `json->key`; nothing for `rel.col`.
  void filter_column(const Literal& lit, const std::string& how) {
    std::string name = lit.value.substr(0, lit.value.find("->"));
    if (!plain_name(name)) return;
    column(name, lit.at, requirements::Use::Read, how);
  }

  /// The plain columns of a PostgREST select list.
  void select_list(const Literal& lit) {
    const std::string& s = lit.value;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      char c = i < s.size() ? s[i] : ',';
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c != ',' || depth != 0) continue;
      std::string_view item(s.data() + start, i - start);
      size_t item_at = start;
      start = i + 1;
      if (item.find('(') != std::string_view::npos) continue;  // an embedded resource, an aggregate
      size_t b = item.find_first_not_of(" \t\r\n");
      if (b == std::string_view::npos || item.compare(b, 3, "...") == 0) continue;
      // alias:name::cast, name->json
      size_t colon = item.find(':', b);
      if (colon != std::string_view::npos && (colon + 1 >= item.size() || item[colon + 1] != ':')) b = colon + 1;
      b = item.find_first_not_of(" \t\r\n", b);
      if (b == std::string_view::npos) continue;
      size_t e = b;
      bool quoted = item[b] == '"';
      if (quoted) {
        e = item.find('"', b + 1);
        if (e == std::string_view::npos) continue;
        ++b;
      } else {
        while (e < item.size() && (std::isalnum(static_cast<unsigned char>(item[e])) || item[e] == '_')) ++e;
      }
      std::string name(item.substr(b, e - b));
      if (!plain_name(name) && !quoted) continue;
      if (name.empty() || name.find('"') != std::string::npos) continue;
      column(name, lit.at + static_cast<uint32_t>(item_at + b), requirements::Use::Read, ".select() reads");
    }
  }

  /// The rows of .insert/.upsert/.update: an object or an array of objects. False when their
  /// keys cannot all be told.
  bool row_keys(TSNode arg, std::vector<Key>* keys) {
    arg = unwrap(arg);
    if (is(arg, "array")) {
      bool all = true;
      for (uint32_t i = 0; i < ts_node_named_child_count(arg); ++i) {
        TSNode el = ts_node_named_child(arg, i);
        if (is(el, "comment")) continue;
        all = object_keys(el, in.text, keys, /*follow_spreads=*/true) && all;
      }
      return all;
    }
    return object_keys(arg, in.text, keys, /*follow_spreads=*/true);
  }
};

/// The schema a call's receiver picks: `client.schema('s').m(...)` gives "s" (and
/// ".schema('s')" for messages), a bare client the default. False when the receiver is not a
/// Supabase client, or (listed as unchecked, `via` naming the call) the schema is computed.
bool client_schema(const FileInput& in, FileOutput* out, TSNode call, TSNode receiver, const std::set<std::string>& bound,
                   const std::string& via, std::string* schema_name, std::string* via_schema) {
  std::string_view src = in.text;
  *schema_name = in.default_schema;
  TSNode client = unwrap(receiver);
  std::string_view m2;
  TSNode r2;
  if (method_call(client, src, &m2, &r2) && m2 == "schema") {
    auto a = arguments(client);
    auto s = a.size() == 1 ? literal(a[0], src) : std::nullopt;
    if (!s) {
      if (a.size() == 1 && is_client(r2, src, bound))
        out->unchecked.push_back({ts_node_start_byte(call), via, "the schema name is computed at run time"});
      return false;
    }
    *schema_name = s->value;
    *via_schema = ".schema('" + s->value + "')";
    client = r2;
  }
  return is_client(client, src, bound);
}

/// `client.rpc('fn', { a: 1, b: 2 })` / `client.schema('s').rpc(...)`: PostgREST calls the
/// function of that schema whose argument names are the object's keys (`fn(a => 1, b => 2)`).
/// Arguments that are not an object literal leave only the name to check.
void rpc_call(const FileInput& in, FileOutput* out, TSNode call, TSNode receiver, const std::set<std::string>& bound) {
  std::string_view src = in.text;
  std::string schema_name, via_schema;
  if (!client_schema(in, out, call, receiver, bound, "supabase-js rpc()", &schema_name, &via_schema)) return;
  auto args = arguments(call);
  if (args.empty()) return;
  // Supabase makes pgmq_public's functions (send, read, pop, archive, delete) itself when queues
  // are exposed through PostgREST; a migration only creates the schema, if anything.
  if (schema_name == "pgmq_public") {
    out->unchecked.push_back({ts_node_start_byte(call), "supabase-js rpc()",
                              "Supabase creates the functions of pgmq_public when queues are exposed through PostgREST"});
    return;
  }
  auto fn = literal(args[0], src);
  if (!fn || !plain_name(fn->value)) {
    out->unchecked.push_back({ts_node_start_byte(call), "supabase-js rpc()", "the function name is computed at run time"});
    return;
  }
  requirements::Requirement r;
  r.object = requirements::Object::Function;
  r.schema = schema_name;
  r.function = fn->value;
  r.by_name = true;
  r.span = {fn->at, fn->at + static_cast<uint32_t>(fn->value.size())};
  r.quoted = true;
  std::string shown = schema_name + "." + fn->value;
  std::string called;
  if (args.size() > 1 && text(unwrap(args[1]), src) != "undefined") {
    std::vector<Key> keys;
    if (object_keys(args[1], src, &keys)) {
      for (auto& k : keys)
        if (std::find(r.argument_names.begin(), r.argument_names.end(), k.name) == r.argument_names.end())
          r.argument_names.push_back(k.name);
    } else {
      r.arguments_known = false;
      out->unchecked.push_back({ts_node_start_byte(args[1]), "supabase-js rpc()",
                                "the arguments of " + fn->value + " are built at run time: only the function's name is checked",
                                out->requirements.units.size()});
    }
  }
  r.arguments = static_cast<int>(r.argument_names.size());
  for (auto& a : r.argument_names) called += (called.empty() ? "" : ", ") + a + " => ...";
  r.describe = "supabase-js " + via_schema + ".rpc('" + fn->value + "') calls function " + shown + "(" +
               (r.arguments_known ? called : "...") + ") through PostgREST";
  r.fix = "add a migration that creates function " + shown + " (supabase migration new <name>), then apply it with "
          "supabase db push (supabase migration up locally) before deploying this code";
  r.unit = out->requirements.units.size();
  requirements::Unit unit;
  unit.file = std::string(in.path);
  unit.fingerprint_text = "supabase-js" + via_schema + ".rpc('" + fn->value + "')";
  out->requirements.units.push_back(std::move(unit));
  out->requirements.requirements.push_back(std::move(r));
}

/// Whether `call` runs only in the branch of an `if` that tests an error for a missing column
/// (`if (isMissingColumnError(error))`, `code === '42703'`, PostgREST's 'PGRST204'): a fallback
/// the code keeps for a database that lacks a column, whose statement may name the old columns.
bool in_missing_column_fallback(TSNode call, std::string_view src) {
  for (TSNode c = call, p = ts_node_parent(call); !ts_node_is_null(p); c = p, p = ts_node_parent(p)) {
    if (!is(p, "if_statement") || !ts_node_eq(field(p, "consequence"), c)) continue;
    std::string cond(text(field(p, "condition"), src));
    for (char& ch : cond) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (cond.find("42703") != std::string::npos || cond.find("pgrst204") != std::string::npos ||
        (cond.find("missing") != std::string::npos && cond.find("column") != std::string::npos))
      return true;
  }
  return false;
}

void extract_supabase(const FileInput& in, FileOutput* out) {
  std::string_view src = in.text;
  // Variables bound to a client: `const supabase = await createClient()`, `const db = createServerClient(...)`.
  std::set<std::string> bound;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "variable_declarator")) return;
    TSNode v = unwrap(field(n, "value"));
    TSNode name = field(n, "name");
    if (is(v, "call_expression") && is(name, "identifier") && client_factory(text(field(v, "function"), src)))
      bound.insert(std::string(text(name, src)));
  });

  static const std::set<std::string_view> kFilters = {
      "eq",       "neq",        "gt",         "gte",        "lt",         "lte",       "like",      "ilike",
      "likeAllOf", "likeAnyOf", "ilikeAllOf", "ilikeAnyOf", "is",         "in",        "contains",  "containedBy",
      "rangeGt",  "rangeGte",   "rangeLt",    "rangeLte",   "rangeAdjacent", "overlaps", "textSearch", "not",
      "filter"};

  // A file that replaces fetch (`globalThis.fetch = async () => new Response(...)`, a test's
  // stub): supabase-js sends every request through fetch, so its calls reach the stub, not a
  // database.
  bool stubbed_fetch = false;
  walk(in.root, [&](TSNode n) {
    if (!is(n, "assignment_expression")) return;
    std::string_view left = text(field(n, "left"), src);
    if (left == "globalThis.fetch" || left == "global.fetch" || left == "window.fetch") stubbed_fetch = true;
  });

  walk(in.root, [&](TSNode call) {
    std::string_view method;
    TSNode receiver;
    if (!method_call(call, src, &method, &receiver)) return;
    if (stubbed_fetch && (method == "rpc" || method == "from")) {
      std::string schema_name, via_schema;
      if (client_schema(in, out, call, receiver, bound, "supabase-js", &schema_name, &via_schema))
        out->unchecked.push_back({ts_node_start_byte(call), "supabase-js " + std::string(method) + "()",
                                  "the file replaces fetch: its requests reach that stub, not a database"});
      return;
    }
    if (method == "rpc") return rpc_call(in, out, call, receiver, bound);
    if (method != "from") return;
    std::string schema_name, via_schema;
    if (!client_schema(in, out, call, receiver, bound, "supabase-js from()", &schema_name, &via_schema)) return;
    auto args = arguments(call);
    if (args.size() != 1) return;
    if (in_missing_column_fallback(call, src)) {
      out->unchecked.push_back({ts_node_start_byte(call), "supabase-js from()",
                                "runs only when an earlier query failed for a missing column (a fallback for a "
                                "database without it)"});
      return;
    }
    auto table = literal(args[0], src);
    if (!table) {
      out->unchecked.push_back({ts_node_start_byte(call), "supabase-js from()", "the table name is computed at run time"});
      return;
    }
    requirements::Unit unit;
    unit.file = std::string(in.path);
    Chain chain{in, out, {}, via_schema + ".from('" + table->value + "')",
                schema_name == in.default_schema ? table->value : schema_name + "." + table->value};
    chain.rel.object = requirements::Object::Relation;
    chain.rel.schema = schema_name;
    chain.rel.relation = table->value;
    chain.rel.span = {table->at, table->at + static_cast<uint32_t>(table->value.size())};
    chain.rel.quoted = true;
    chain.rel.unit = out->requirements.units.size();
    size_t rel_index = out->requirements.requirements.size();
    out->requirements.requirements.push_back(chain.rel);
    std::string fingerprint = "supabase-js" + chain.from;
    std::string verb = "reads";

    // Up the chain: from(...).m(args).m(args)...
    for (TSNode n = call;;) {
      TSNode member = ts_node_parent(n);
      if (!is(member, "member_expression") || !ts_node_eq(field(member, "object"), n)) break;
      TSNode next = ts_node_parent(member);
      if (!is(next, "call_expression") || !ts_node_eq(field(next, "function"), member)) break;
      n = next;
      std::string_view name = text(field(member, "property"), src);
      auto a = arguments(n);
      fingerprint += "." + std::string(name) + "(";
      auto first = a.empty() ? std::nullopt : literal(a[0], src);
      if (first) fingerprint += "'" + first->value + "'";
      fingerprint += ")";
      if (name == "select") {
        if (a.empty()) continue;  // every column: `*`
        if (first) chain.select_list(*first);
        else out->unchecked.push_back({ts_node_start_byte(a[0]), "supabase-js select()", "the select list is computed at run time",
                                       chain.rel.unit});
      } else if (name == "insert" || name == "upsert" || name == "update") {
        if (a.empty()) continue;
        bool insert = name != "update";
        verb = insert ? "inserts into" : "updates";
        std::vector<Key> keys;
        bool all = chain.row_keys(a[0], &keys);
        {
          requirements::Requirement& rel = out->requirements.requirements[rel_index];
          rel.use = insert ? requirements::Use::Insert : requirements::Use::Write;
          rel.insert_columns_known = insert && all;
          std::set<std::string> seen;
          for (auto& k : keys)
            if (insert && seen.insert(k.name).second) rel.insert_columns.push_back(k.name);
        }
        for (auto& k : keys) {
          if (plain_name(k.name)) chain.column(k.name, k.at, requirements::Use::Write, "." + std::string(name) + "() writes");
        }
        if (!all)
          out->unchecked.push_back({ts_node_start_byte(a[0]), "supabase-js " + std::string(name) + "()",
                                    "the columns of the row are built at run time", chain.rel.unit});
        if (name == "upsert" && a.size() > 1) {
          std::vector<Key> opts;
          object_keys(a[1], src, &opts);
          for (auto& o : opts) {
            if (o.name != "onConflict") continue;
            auto lit = literal(o.value, src);
            if (!lit) continue;
            size_t start = 0;
            for (size_t i = 0; i <= lit->value.size(); ++i) {
              if (i < lit->value.size() && lit->value[i] != ',') continue;
              size_t b = lit->value.find_first_not_of(' ', start);
              std::string col = b < i ? lit->value.substr(b, i - b) : "";
              while (!col.empty() && col.back() == ' ') col.pop_back();
              if (plain_name(col)) chain.column(col, lit->at + static_cast<uint32_t>(b), requirements::Use::Read,
                                                   ".upsert() resolves conflicts on");
              start = i + 1;
            }
          }
        }
      } else if (name == "delete") {
        verb = "deletes from";
        out->requirements.requirements[rel_index].use = requirements::Use::Write;
      } else if (kFilters.count(name) || name == "order") {
        if (!first) continue;
        if (name == "order" && a.size() > 1) {
          std::vector<Key> opts;
          object_keys(a[1], src, &opts);
          bool other_table = false;
          for (auto& o : opts) other_table = other_table || o.name == "referencedTable" || o.name == "foreignTable";
          if (other_table) continue;
        }
        chain.filter_column(*first, name == "order" ? ".order() sorts by" : "." + std::string(name) + "() filters on");
      } else if (name == "match") {
        std::vector<Key> keys;
        if (!a.empty() && object_keys(a[0], src, &keys))
          for (auto& k : keys)
            if (plain_name(k.name)) chain.column(k.name, k.at, requirements::Use::Read, ".match() filters on");
      }
    }
    out->requirements.requirements[rel_index].describe =
        "supabase-js " + chain.from + " " + verb + " table " + chain.shown + " through PostgREST";
    unit.fingerprint_text = fingerprint;
    out->requirements.units.push_back(std::move(unit));
  });
}

}  // namespace

extern const DataLayer kSupabase{.name = "supabase-js",
                                 .languages = {"typescript", "javascript"},
                                 .relevant = relevant_supabase,
                                 .extract = extract_supabase,
                                 .relevant_words = {"supabase"}};

}  // namespace schemagate::datalayers
