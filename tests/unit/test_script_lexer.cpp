// The script lexer's decisions (languages/script_lexer.h): each skips a file whose parse cannot
// yield a site or a wrapper, and keeps the look-alike that can.
#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/script_lexer.h"
#include "analyzers/languages/tree_parser.h"

using namespace schemagate::languages;

namespace {

const std::vector<std::string_view>& calls() { return language_for_path("a.ts")->database_calls; }

/// The wrappers a parse of `text` records, as the constants pass collects them.
FileWrappers wrappers_of(const char* path, std::string_view text) {
  const Language& lang = *language_for_path(path);
  Parser parser(lang);
  Tree tree = parser.parse(text);
  FileConstants constants;
  FileWrappers wrappers;
  collect_file_constants(text, ts_tree_root_node(tree.get()), lang, &constants, &wrappers);
  return wrappers;
}

}  // namespace

TEST_CASE("script lexer: JSX text, attributes and expressions") {
  // The text of an element may hold any quote; its attributes' strings are literals.
  std::vector<std::string> seen;
  CHECK(script_literals("const A = () => <p title=\"a 'b'\">Don't {x ? 'c' : \"d\"}</p>;", true,
                        [&](const ScriptLiteral& l) { seen.emplace_back(l.body); }));
  CHECK(seen == std::vector<std::string>{"a 'b'", "c", "d"});
  // Nested elements, fragments, self-closing tags, spreads, a generic component, comments in a tag.
  CHECK(script_literals("return (<>\n <Table<Row> {...p} // rows\n rows={r} />\n <a href='x'>it's</a></>);", true,
                        [](const ScriptLiteral&) {}));
  // A closing tag of another name, or none: not delimited.
  CHECK_FALSE(script_literals("x = <p>it's</div>;", true, [](const ScriptLiteral&) {}));
  CHECK_FALSE(script_literals("const f = <T,>(x: T) => 'it';", true, [](const ScriptLiteral&) {}));
  // A .ts file has no JSX: `<T>x` is a type assertion, `a < b` a comparison.
  CHECK(script_literals("const n = <number>x; if (a < b) f('x');", false, [](const ScriptLiteral&) {}));
  // The code alone: literal bodies, comments and JSX text blanked, substitutions kept.
  CHECK(script_code_only("q(`a ${b('c')} d`) // e", false) == std::string("q(`  ${b(' ')}  `)     "));
}

TEST_CASE("script lexer: a UI string that reads as prose is no site when nothing can extend it") {
  // A whole expression (a JSX attribute, a JSX expression without `+` or a template, an object's
  // value) that reads as prose: skipped.
  CHECK_FALSE(literals_may_hold_sql("tsx", "const A = () => <Select placeholder=\"Select a region\" />;"));
  CHECK_FALSE(literals_may_hold_sql("tsx", "const A = () => <b>{v || (loading ? 'Loading...' : 'Select a member...')}</b>;"));
  CHECK_FALSE(literals_may_hold_sql("typescript", "request({ path: `/x/${id}`, method: \"DELETE\", secure: true });"));
  // Module names and class lists are never SQL ("select" and "from" in them are pieces of names).
  CHECK_FALSE(literals_may_hold_sql("tsx", "import { Select } from '@/components/ui/select';\n"
                                           "const c = cn('select-none data-[side=top]:slide-in-from-top-2');"));
  // The look-alikes that can be sites: SQL in an attribute, prose a `+` or a template extends,
  // a statement that reads as SQL in an object's value, split statements.
  CHECK(literals_may_hold_sql("tsx", "const A = () => <Query sql=\"SELECT id FROM users\" />;"));
  CHECK(literals_may_hold_sql("tsx", "const A = () => <b>{'Select * ' + rest}</b>;"));
  CHECK(literals_may_hold_sql("typescript", "const q = { text: 'SELECT id FROM users', values: [] };"));
  CHECK(literals_may_hold_sql("typescript", "const q = 'select id ' + \"from users\";"));
  CHECK(literals_may_hold_sql("typescript", "const q = (all ? 'Select * ' : 'Select id ') + 'FROM users';"));
}

TEST_CASE("script lexer: a database call's name that hands no argument is no database call") {
  CHECK_FALSE(script_may_call_database("typescript", "const s = z.object({ a: z.any(), b: z.any().optional() });", calls()));
  CHECK_FALSE(script_may_call_database("typescript", "function f(x: any): any { return req.query.id; } // db.query(x)", calls()));
  CHECK_FALSE(script_may_call_database("tsx", "const A = () => <p>run db.query(sql) to see it</p>;", calls()));
  CHECK_FALSE(script_may_call_database("typescript", "const s = 'db.query(sql)'; db.query( /* none */ );", calls()));
  CHECK(script_may_call_database("typescript", "await db.query(`SELECT 1`);", calls()));
  CHECK(script_may_call_database("typescript", "const rows = await sql`SELECT id FROM users`;", calls()));
  CHECK(script_may_call_database("typescript", "db.one<Row>(q); ", calls()));
  CHECK(script_may_call_database("tsx", "const A = () => <p>{rows}</p>; load(() => db.any(q));", calls()));
  // A tag hands its template's substitutions as values: it wraps nothing.
  CHECK_FALSE(script_may_wrap_database_call("typescript", "const f = (t: string) => sql`select * from ${t}`;", calls()));
  CHECK(script_may_wrap_database_call("typescript", "const f = (t: string) => pool.query(t);", calls()));
}

TEST_CASE("script lexer: the wrappers a parse records agree with the lexical decision") {
  // What script_may_wrap_database_call skips records no wrapper when parsed.
  CHECK(wrappers_of("a.ts", "export const f = (t: string) => sql`select * from ${t}`;").empty());
  CHECK(wrappers_of("a.ts", "export const f = (t: string) => db.any();").empty());
  CHECK_FALSE(wrappers_of("a.ts", "export const f = (t: string) => pool.query(t);").empty());
}

TEST_CASE("script lexer: a data layer reads a file whose code, not its strings, names its client") {
  auto layer = [](std::string_view name) -> const schemagate::datalayers::DataLayer& {
    for (auto& l : schemagate::datalayers::datalayers())
      if (l.name == name) return l;
    FAIL("no layer " << name);
    return schemagate::datalayers::datalayers().front();
  };
  const auto& prisma = layer("prisma-client");
  const auto& supabase = layer("supabase-js");
  // prisma only in a module's name, a comment or a URL: no client.
  CHECK_FALSE(prisma.relevant("import type { User } from '@/generated/prisma/client';\n"
                              "// loaded by prisma\nconst A = () => <a href=\"/blog/migrating-off-prisma\">x</a>;"));
  CHECK(prisma.relevant("import prisma from '@/lib/prisma';\nexport const f = () => prisma.user.findMany({});"));
  CHECK(prisma.relevant("const db = new PrismaClient();"));
  CHECK(prisma.relevant("class S { constructor(private prisma: P) {} f() { return this.prisma.user.count({}); } }"));
  // supabase named, but no .from( or .rpc( call in code: no chain.
  CHECK_FALSE(supabase.relevant("import { createClient } from '@supabase/supabase-js';\n"
                                "export const url = 'https://x.supabase.co'; // supabase.from('t') is elsewhere"));
  CHECK(supabase.relevant("const supabase = createClient(u, k);\nconst { data } = await supabase\n  .from('orgs').select('id');"));
  CHECK(supabase.relevant("await supabaseAdmin.rpc<Row>('get_org', { id });"));
  CHECK(supabase.relevant("await supabaseClient().from<Row>('orgs');"));
  // A .ts file's type assertion leaves its text undelimited: read whole, strings included.
  CHECK(script_code_names("const x = <Row>y; const m = 'prisma';", "prisma", false));
}

TEST_CASE("script lexer: a comment between a call's name and its arguments still calls") {
  CHECK(script_may_call_database("typescript", "await db.query /* the report */ (q);", calls()));
  CHECK(script_code_names("const { data } = await supabase.from /* orgs */ ('orgs');", "from", true));
  CHECK_FALSE(script_may_call_database("typescript", "const x = db.query; // not called", calls()));
}

namespace {

// script_calls_with_argument as first written: each name searched through the text.
bool ref_calls_with_argument(std::string_view code, const std::vector<std::string_view>& names, bool tagged) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  auto blank = [&](size_t k) { return k < code.size() && std::isspace(static_cast<unsigned char>(code[k])); };
  for (std::string_view name : names) {
    if (name.empty()) continue;
    for (size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
      size_t k = at + name.size();
      if ((at > 0 && word(code[at - 1])) || (k < code.size() && word(code[k]))) continue;
      while (blank(k)) ++k;
      if (k >= code.size()) return true;
      char c = code[k];
      if (c == '`' && tagged) return true;
      if (c == '<' || c == '/' || (c == '!' && (k + 1 >= code.size() || code[k + 1] != '=')) || code.substr(k, 2) == "?.")
        return true;
      if (c != '(') continue;
      ++k;
      while (blank(k)) ++k;
      if (k >= code.size() || code[k] != ')') return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("script lexer: a call with an argument found word by word, as name by name") {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"query", "one", "none", "any", "$queryRaw", "queryRaw", "sql", "x", "$", "_",
                                           " ", "\n", "(", ")", "()", "( )", "(a)", "`", "<", "/", "!", "!=", "?.", "?",
                                           ".", "=", "é"};
  const std::vector<std::string_view> names = language_for_path("a.ts")->database_calls;
  const std::vector<std::string_view> odd = {"query", "a.b", "", "(x"};  // names that are not words: searched as written
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 9);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    CAPTURE(text);
    for (bool tagged : {false, true}) {
      CHECK(script_calls_with_argument(text, names, tagged) == ref_calls_with_argument(text, names, tagged));
      CHECK(script_calls_with_argument(text, odd, tagged) == ref_calls_with_argument(text, odd, tagged));
    }
  }
}
