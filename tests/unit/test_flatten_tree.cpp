// flatten_tree (string_eval.h) lists a tree's nodes with ts_node_child where a node has few
// children and with a cursor where it has many; the engine's walks read that list as if they
// walked the tree with walk_tree. Compared here with the list walk_tree makes (with and without
// anonymous leaves), node for node (every byte of each TSNode: position, alias, subtree), on real
// code and on random token soup, whose error recovery makes ERROR and MISSING nodes, extras and
// aliases in odd places.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "analyzers/languages/language.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/languages/tree_parser.h"

using namespace schemagate;

namespace {

/// The straightforward reference: walk_tree's order, each node's subtree end and parent; without
/// `anonymous_leaves`, the anonymous nodes of no children below the root left out.
std::vector<languages::FlatNode> walked(TSNode root, bool anonymous_leaves) {
  std::vector<languages::FlatNode> out;
  std::vector<uint32_t> open;
  languages::walk_tree(
      root,
      [&](TSNode n) {
        if (!anonymous_leaves && !open.empty() && !ts_node_is_named(n) && ts_node_child_count(n) == 0) {
          open.push_back(UINT32_MAX);  // left out
          return true;
        }
        out.push_back({n, 0, open.empty() ? languages::FlatNode::kNoParent : open.back()});
        open.push_back(static_cast<uint32_t>(out.size() - 1));
        return true;
      },
      [&](TSNode) {
        if (open.back() != UINT32_MAX) out[open.back()].end = static_cast<uint32_t>(out.size());
        open.pop_back();
      });
  return out;
}

/// Whether flatten_tree's lists, with and without anonymous leaves, are walked()'s; `many`
/// counts nodes of more children than a few.
bool same_as_walked(TSNode root, size_t* many = nullptr) {
  for (bool anonymous_leaves : {true, false}) {
    std::vector<languages::FlatNode> flat;
    languages::flatten_tree(root, &flat, anonymous_leaves);
    std::vector<languages::FlatNode> ref = walked(root, anonymous_leaves);
    if (flat.size() != ref.size()) return false;
    for (size_t i = 0; i < flat.size(); ++i) {
      if (std::memcmp(&flat[i].node, &ref[i].node, sizeof(TSNode)) != 0) return false;
      if (flat[i].end != ref[i].end || flat[i].parent != ref[i].parent) return false;
      if (many && anonymous_leaves && ts_node_child_count(flat[i].node) > 4) ++*many;
    }
  }
  return true;
}

struct Soup {
  const char* path;
  std::vector<std::string> tokens;
};

const std::vector<Soup>& soups() {
  static const std::vector<Soup> kSoups = {
      {"a.py",
       {"def", "f", "(", ")", ":", "\n", "    ", "return", "x", "=", "+", "%", "\"SELECT 1\"", "f\"{a!r}\"", "'''q'''",
        "class", "C", "lambda", "for", "in", "if", "else", "import", "from", "as", "[", "]", "{", "}", ",", ".",
        "execute", "#c\n", "\\\n", "async", "await", "with", "*", "**", "@d\n", "1", "\n"}},
      {"a.go",
       {"package", "p", "func", "f", "(", ")", "{", "}", "var", "const", "=", ":=", "+", "`SELECT 1`",
        "\"q\\n\"", "db", ".", "Query", "ctx", ",", "[", "]", "string", "struct", "type", "return", "if", "for",
        "range", "go", "defer", "//c\n", "/*c*/", "fmt.Sprintf", "'x'", "1", ";", "\n", "interface"}},
      {"a.ts",
       {"function", "f", "(", ")", "{", "}", "const", "let", "=", "=>", "+", "`SELECT ${a} FROM t`", "'q'",
        "\"r\"", "sql", "<", ">", "as", "!", ":", "string", "class", "C", "import", "from", "export", "?",
        "[", "]", ",", ".", "//c\n", "async", "await", "new", "type", "interface", "1", ";", "\n"}},
      {"a.tsx", {"<div>", "</div>", "<a b={x}/>", "{", "}", "const", "=", "(", ")", "=>", "'q'", ";", "\n"}},
      {"a.js", {"function", "f", "(", ")", "{", "}", "var", "=", "+", "`q${x}`", "'a'", "sql", ",", ".", ";", "\n"}},
      {"A.java",
       {"class", "A", "{", "}", "void", "f", "(", ")", "String", "s", "=", "+", "\"SELECT 1\"", "\"\"\"\nq\"\"\"",
        "@Query", "(", ")", "return", ";", ",", ".", "new", "\n"}},
      {"a.kt", {"fun", "f", "(", ")", "{", "}", "val", "s", "=", "+", "\"q $x\"", "\"\"\"r\"\"\"", ".", ",", "\n"}},
      {"a.rb", {"def", "f", "end", "x", "=", "\"q #{a}\"", "'r'", "<<~SQL\nq\nSQL\n", ".", "(", ")", "do", "\n"}},
  };
  return kSoups;
}

}  // namespace

TEST_CASE("flatten_tree lists what walk_tree walks, on code of each language") {
  const std::string py = R"(import os
from .q import A as B

class Repo:
    def get(self, cur, a, b, c, d, e, f, g, h, i, j, k, l, m, n):
        q = "SELECT " + A + f" WHERE id = {a!r}" "tail"
        cur.execute(q, (a, b, c, d, e, f, g, h, i, j, k, l, m, n))
        return [x for x in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)]
)";
  const std::string go = R"(package p

import "fmt"

func f(ctx context.Context, a, b, c, d, e, f, g, h, i, j, k, l, m int) {
	q := fmt.Sprintf(`SELECT %s FROM t`, x) + "x"
	db.QueryContext(ctx, q, a, b, c, d, e, f, g, h, i, j, k, l, m)
}
)";
  const std::string ts =
      "const q = sql`SELECT ${a} FROM t`;\n"
      "function f(a: string, b, c, d, e, f, g, h, i, j, k, l, m, ...r: number[]) { return a as const; }\n";
  for (const auto& file : {std::pair<const char*, const std::string&>{"a.py", py}, {"a.go", go}, {"a.ts", ts}}) {
    // Named, not structured bindings: clang 14 (the sanitizer build's) cannot capture those in
    // the lambdas doctest's CHECK_MESSAGE makes.
    const char* path = file.first;
    const std::string& text = file.second;
    const languages::Language* lang = languages::language_for_path(path);
    REQUIRE(lang);
    languages::Parser parser(*lang);
    languages::Tree tree = parser.parse(text);
    REQUIRE(tree);
    size_t many = 0;
    CHECK_MESSAGE(same_as_walked(ts_tree_root_node(tree.get()), &many), std::string(path));
    CHECK_MESSAGE(many > 0, std::string(path));  // the cursor's side was taken too
    // A subtree alone, as the engine never flattens it but walk_tree may walk it.
    TSNode root = ts_tree_root_node(tree.get());
    for (uint32_t i = 0; i < ts_node_child_count(root); ++i)
      CHECK_MESSAGE(same_as_walked(ts_node_child(root, i)), std::string(path));
  }
  std::vector<languages::FlatNode> none;
  languages::flatten_tree(TSNode{}, &none);
  CHECK(none.empty());
}

TEST_CASE("flatten_tree lists what walk_tree walks, on random token soup of each language") {
  std::mt19937 rng(16);
  for (const Soup& soup : soups()) {
    const languages::Language* lang = languages::language_for_path(soup.path);
    REQUIRE(lang);
    languages::Parser parser(*lang);
    size_t many = 0;
    for (int round = 0; round < 60; ++round) {
      std::string text;
      size_t n = std::uniform_int_distribution<size_t>(0, 400)(rng);
      std::uniform_int_distribution<size_t> pick(0, soup.tokens.size() - 1);
      for (size_t i = 0; i < n; ++i) text += soup.tokens[pick(rng)] + (rng() % 3 ? " " : "");
      languages::Tree tree = parser.parse(text);
      REQUIRE(tree);
      bool same = same_as_walked(ts_tree_root_node(tree.get()), &many);
      CHECK_MESSAGE(same, soup.path << ": " << text);
      // The same text parsed around a skipped span (tree-sitter's included ranges).
      if (text.size() > 20) {
        uint32_t b = static_cast<uint32_t>(rng() % (text.size() / 2)), e = b + static_cast<uint32_t>(rng() % 10);
        languages::Tree part = parser.parse(text, {{b, e}});
        if (part) CHECK_MESSAGE(same_as_walked(ts_tree_root_node(part.get())), soup.path << ": " << text);
      }
    }
    CHECK_MESSAGE(many > 0, soup.path);
  }
}
