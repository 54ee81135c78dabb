// Reading JavaScript / TypeScript migration files; see js_migration.h.
#include "analyzers/schema/migrations/code/js_migration.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "analyzers/languages/language.h"
#include "analyzers/schema/migrations/code/js_engine_branch.h"
#include "analyzers/schema/migrations/migration_io.h"
#include "analyzers/schema/migrations/naming.h"
#include "analyzers/source/discovery.h"

namespace schemagate::schema::migrations::code::js {

namespace {

bool is_function(TSNode n) {
  return is(n, "arrow_function") || is(n, "function_expression") || is(n, "function") ||
         is(n, "function_declaration") || is(n, "method_definition") || is(n, "generator_function_declaration");
}

bool script_name(std::string_view n) {
  if (n.ends_with(".d.ts") || n.ends_with(".map") || n.ends_with(".test.js") || n.ends_with(".test.ts") ||
      n.ends_with(".spec.ts") || n.ends_with(".spec.js"))
    return false;
  for (const char* ext : {".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"})
    if (n.ends_with(ext)) return true;
  return false;
}

/// Decodes one escape sequence (\n, \", \u0041, ...) into UTF-8.
std::string unescape(std::string_view e) {
  if (e.size() < 2) return std::string(e);
  switch (e[1]) {
    case 'n': return "\n";
    case 't': return "\t";
    case 'r': return "\r";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'v': return "\v";
    case '0': return std::string(1, '\0');
    case '\n': return "";  // a line continuation
    case 'u':
    case 'x': {
      std::string hex(e.substr(2));
      if (!hex.empty() && hex.front() == '{') hex = hex.substr(1, hex.size() - 2);
      unsigned long cp = std::strtoul(hex.c_str(), nullptr, 16);
      std::string out;
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      return out;
    }
    default: return std::string(e.substr(1));
  }
}

}  // namespace

bool JsFile::parse(const std::string& path, std::string_view text, std::string* err) {
  typescript_ = path.ends_with(".ts") || path.ends_with(".mts") || path.ends_with(".cts");
  const languages::Language* lang = languages::language_for_path(typescript_ ? "x.ts" : "x.js");
  if (!lang) {
    *err = "no JavaScript grammar";
    return false;
  }
  parser_ = std::make_unique<languages::Parser>(*lang);
  if (!parser_->ok()) {
    *err = parser_->error();
    return false;
  }
  src_ = text;
  tree_ = parser_->parse(text);
  if (!tree_) {
    *err = path + ": does not parse as " + (typescript_ ? "TypeScript" : "JavaScript");
    return false;
  }
  root_ = ts_tree_root_node(tree_.get());
  // `const X = "..."` anywhere in the file (a SQL string built once, then run), when the
  // name is declared once: a second declaration (another scope) makes it ambiguous.
  std::set<std::string> twice;
  datalayers::js::walk(root_, [&](TSNode d) {
    if (!is(d, "variable_declarator")) return;
    TSNode decl = ts_node_parent(d);
    if (!is(decl, "lexical_declaration") || this->text(decl).substr(0, 5) != "const") return;
    TSNode n = field(d, "name"), v = field(d, "value");
    if (!is(n, "identifier") || ts_node_is_null(v)) return;
    std::string name(this->text(n));
    if (!consts_.emplace(name, v).second) twice.insert(name);
  });
  for (const std::string& n : twice) consts_.erase(n);
  return true;
}

std::vector<JsString> JsFile::branches(TSNode n) const {
  n = unwrap(n);
  if (is(n, "identifier"))
    if (auto it = consts_.find(std::string(text(n))); it != consts_.end()) n = unwrap(it->second);
  if (!is(n, "ternary_expression")) return {};
  std::vector<JsString> out;
  for (const char* side : {"consequence", "alternative"}) {
    std::optional<JsString> v = string(field(n, side));
    if (!v) return {};
    out.push_back(std::move(*v));
  }
  return out;
}

std::optional<JsString> JsFile::string(TSNode n) const {
  n = unwrap(n);
  if (ts_node_is_null(n)) return std::nullopt;
  if (is(n, "identifier")) {
    auto it = consts_.find(std::string(text(n)));
    if (it == consts_.end())
      if (auto imp = imported_.find(std::string(text(n))); imp != imported_.end()) {
        JsString out;
        out.text = imp->second;
        out.begin = ts_node_start_byte(n);
        out.end = ts_node_end_byte(n);
        out.offsets.assign(out.text.size(), out.begin);
        return out;
      }
    if (it == consts_.end() || depth_ > 8) return std::nullopt;
    ++depth_;
    std::optional<JsString> v = string(it->second);
    --depth_;
    return v;
  }
  if (is(n, "ternary_expression")) {
    std::optional<bool> on = engine_test_on_postgres(*this, field(n, "condition"));
    if (!on || depth_ > 8) return std::nullopt;
    ++depth_;
    std::optional<JsString> v = string(field(n, *on ? "consequence" : "alternative"));
    --depth_;
    return v;
  }
  if (is(n, "binary_expression") && text(field(n, "operator")) == "+") {
    auto l = string(field(n, "left")), r = string(field(n, "right"));
    if (!l || !r) return std::nullopt;
    l->text += r->text;
    l->offsets.insert(l->offsets.end(), r->offsets.begin(), r->offsets.end());
    l->complete = l->complete && r->complete;
    l->end = r->end;
    return l;
  }
  bool tmpl = is(n, "template_string");
  if (!is(n, "string") && !tmpl) return std::nullopt;
  TSNode parent = ts_node_parent(n);
  bool tagged = tmpl && is(parent, "call_expression") && ts_node_eq(field(parent, "arguments"), n);
  JsString out;
  out.begin = ts_node_start_byte(n);
  out.end = ts_node_end_byte(n);
  // Children are fragments, escapes and (templates) substitutions; the quotes are not named.
  uint32_t pos = out.begin + 1;
  auto copy = [&](uint32_t from, uint32_t to) {
    for (uint32_t b = from; b < to && b < src_.size(); ++b) {
      out.text.push_back(src_[b]);
      out.offsets.push_back(b);
    }
  };
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);
    if (!ts_node_is_named(c)) continue;  // quotes
    if (tmpl && b > pos) copy(pos, b);  // template text between named children
    if (is(c, "string_fragment")) {
      copy(b, e);
    } else if (is(c, "escape_sequence")) {
      for (char ch : unescape(text(c))) {
        out.text.push_back(ch);
        out.offsets.push_back(b);
      }
    } else if (is(c, "template_substitution")) {
      // `${TABLE}` of a string constant (the file's or one it imports): its value, every byte at
      // the substitution. A tag's template (Kysely's sql`... ${v}`) binds it as a parameter instead.
      std::optional<JsString> v;
      TSNode e = ts_node_named_child(c, 0);
      if (!tagged && is(e, "identifier") && depth_ <= 8) {
        ++depth_;
        v = string(e);
        --depth_;
      }
      if (v && v->complete) {
        out.text += v->text;
        out.offsets.resize(out.text.size(), b);
      } else {
        out.complete = false;
      }
    }
    pos = e;
  }
  if (tmpl && out.end > pos + 1) copy(pos, out.end - 1);
  return out;
}

std::optional<std::string> JsFile::name(TSNode n) const {
  std::optional<JsString> s = string(n);
  if (!s || !s->complete) return std::nullopt;
  return s->text;
}

TSNode JsFile::constant(std::string_view name) const {
  auto it = consts_.find(std::string(name));
  return it == consts_.end() ? TSNode{} : it->second;
}

std::optional<long> JsFile::integer(TSNode n) const {
  n = unwrap(n);
  if (!is(n, "number")) return std::nullopt;
  std::string t(text(n));
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
  return std::strtol(t.c_str(), nullptr, 10);
}

TSNode JsFile::body_of(TSNode fn) { return field(fn, "body"); }

std::vector<std::string> JsFile::parameters(TSNode fn) const {
  std::vector<std::string> out;
  TSNode single = field(fn, "parameter");  // x => ...
  if (is(single, "identifier")) return {std::string(text(single))};
  TSNode params = field(fn, "parameters");
  for (uint32_t i = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params); ++i) {
    TSNode p = ts_node_named_child(params, i);
    if (is(p, "required_parameter") || is(p, "optional_parameter")) p = field(p, "pattern");
    if (is(p, "assignment_pattern")) p = field(p, "left");
    std::string name;
    if (is(p, "identifier")) {
      name = text(p);
    } else if (is(p, "object_pattern")) {  // ({ context: queryInterface }) or ({ context })
      for (uint32_t j = 0; j < ts_node_named_child_count(p) && name.empty(); ++j) {
        TSNode e = ts_node_named_child(p, j);
        if (is(e, "pair_pattern") && is(field(e, "value"), "identifier")) name = text(field(e, "value"));
        else if (is(e, "shorthand_property_identifier_pattern")) name = text(e);
      }
    }
    out.push_back(name);
  }
  return out;
}

TSNode JsFile::up_function(std::vector<std::string>* params) const {
  TSNode found{};
  datalayers::js::walk(root_, [&](TSNode n) {
    if (!ts_node_is_null(found)) return;
    TSNode fn{};
    if ((is(n, "function_declaration") || is(n, "method_definition")) && text(field(n, "name")) == "up") {
      fn = n;
    } else if (is(n, "pair") && text(field(n, "key")) == "up") {
      fn = unwrap(field(n, "value"));
    } else if (is(n, "variable_declarator") && text(field(n, "name")) == "up") {
      fn = unwrap(field(n, "value"));
    } else if (is(n, "assignment_expression")) {
      std::string_view left = text(field(n, "left"));
      if (left == "exports.up" || left == "module.exports.up") fn = unwrap(field(n, "right"));
    }
    if (is_function(fn)) found = fn;
  });
  if (!ts_node_is_null(found) && params) *params = parameters(found);
  return found;
}

std::vector<std::string> JsFile::string_words() const {
  std::set<std::string> words;
  datalayers::js::walk(root_, [&](TSNode n) {
    if (!is(n, "string_fragment") && !is(n, "template_string")) return;
    std::string_view t = text(n);
    std::string w;
    auto flush = [&] {
      if (w.size() > 1) words.insert(w);
      w.clear();
    };
    // Both spellings: the word as written (a quoted "searchVector") and folded to lower case.
    auto flush_both = [&] {
      if (w.size() > 1) {
        std::string lower = w;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        words.insert(lower);
      }
      flush();
    };
    for (char c : t) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') w.push_back(c);
      else flush_both();
    }
    flush_both();
  });
  // Property names and identifiers too: `{ [col]: ... }`, `t.string(COLUMN)`.
  datalayers::js::walk(root_, [&](TSNode n) {
    if (!is(n, "property_identifier") && !is(n, "shorthand_property_identifier")) return;
    std::string w(text(n));
    if (w.size() < 2) return;
    words.insert(w);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words.insert(w);
  });
  return {words.begin(), words.end()};
}

std::vector<Link> chain(const JsFile& file, TSNode n, TSNode* root) {
  std::vector<Link> links;
  n = unwrap(n);
  for (;;) {
    if (is(n, "call_expression")) {
      TSNode fn = unwrap(field(n, "function"));
      if (!is(fn, "member_expression")) break;
      links.push_back({file.text(field(fn, "property")), arguments(n), n, true});
      n = unwrap(field(fn, "object"));
    } else if (is(n, "member_expression")) {
      links.push_back({file.text(field(n, "property")), {}, n, false});
      n = unwrap(field(n, "object"));
    } else {
      break;
    }
  }
  std::reverse(links.begin(), links.end());
  *root = n;
  return links;
}

void walk_steps(const JsFile& file, TSNode node, const std::function<bool(TSNode)>& step,
                std::vector<std::pair<uint32_t, std::string>>* notes) {
  if (ts_node_is_null(node)) return;
  EngineBranch branch;
  if (engine_branch(file, node, &branch)) {
    if (notes)
      for (const auto& [part, label] : branch.skipped)
        notes->push_back({ts_node_start_byte(part), "the branch for another database engine (" + label +
                                                        ") does not run on PostgreSQL: not read"});
    for (TSNode part : branch.run) walk_steps(file, part, step, notes);
    return;
  }
  if (step(node)) return;
  for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) walk_steps(file, ts_node_named_child(node, i), step, notes);
}

void emit_js_string(GeneratedSql* out, const JsString& s) {
  out->sql += s.text;
  out->origin.insert(out->origin.end(), s.offsets.begin(), s.offsets.end());
  out->origin.resize(out->sql.size(), s.end);
  out->sql += ";\n";
  out->origin.resize(out->sql.size(), s.end);
}

std::string lowered_words(std::string_view text) {
  std::string words;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return words;
}

bool emit_run_time_extension(GeneratedSql* out, const JsString& s) {
  // The text without its substitutions, in lower case, one space between words.
  std::string words = lowered_words(s.text);
  std::string_view rest = words;
  auto skip = [&](std::string_view w) {
    if (rest.substr(0, w.size()) != w) return false;
    rest.remove_prefix(w.size());
    return true;
  };
  if (!skip("create extension ") && !(skip("create extension") && rest.empty())) return false;
  skip("if not exists ");
  // What follows the substitution is an option or nothing: the name was the substitution.
  if (!rest.empty() && !skip("cascade") && !skip("with") && !skip("schema") && !skip("version")) return false;
  out->emit("CREATE EXTENSION IF NOT EXISTS \"(name computed at run time)\"", s.begin);
  return true;
}

namespace {

/// The words of SQL built at run time whose every substitution stands inside "..." (an
/// identifier): lower case, quoted names as `n`, one space between, no trailing `;`. False when a
/// substitution stands elsewhere.
bool quoted_run_time_words(const JsString& s, std::string_view src, std::string* out) {
  // Every substitution (a gap in the offsets where the file has `${`) stands inside "...".
  bool quoted = false;
  for (size_t i = 0; i < s.text.size(); ++i) {
    if (s.text[i] == '"') quoted = !quoted;
    if (i + 1 < s.offsets.size() && s.offsets[i + 1] > s.offsets[i] + 1) {
      size_t gap = s.offsets[i] + 1;
      bool hole = gap < src.size() && src.substr(gap, s.offsets[i + 1] - gap).find("${") != std::string_view::npos;
      if (hole && !quoted) return false;
    }
  }
  if (!s.offsets.empty() && s.offsets.front() > s.begin + 1 && src.substr(s.begin, s.offsets.front() - s.begin).find("${") != std::string_view::npos)
    return false;  // a substitution before the first character
  // The words, lower case, quoted names as `n`, one space between.
  std::string words;
  for (size_t i = 0; i < s.text.size(); ++i) {
    char c = s.text[i];
    if (c == '"') {
      size_t close = s.text.find('"', i + 1);
      if (close == std::string::npos) return false;
      if (!words.empty() && words.back() != ' ') words += ' ';
      words += "n";
      i = close;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!words.empty() && (words.back() == ' ' || words.back() == ';')) words.pop_back();
  *out = std::move(words);
  return true;
}

}  // namespace

namespace {

/// Whether a substitution between text[i] and text[i + 1] is the whole list of `IN (...)`:
/// `where "id" in (${ids})`, a list of values.
bool in_list(const std::string& text, size_t i) {
  size_t b = i + 1;
  while (b > 0 && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == 0 || text[b - 1] != '(') return false;
  --b;
  while (b > 0 && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b < 2 || std::tolower(static_cast<unsigned char>(text[b - 2])) != 'i' ||
      std::tolower(static_cast<unsigned char>(text[b - 1])) != 'n' ||
      (b > 2 && (std::isalnum(static_cast<unsigned char>(text[b - 3])) || text[b - 3] == '_')))
    return false;
  size_t a = i + 1;
  while (a < text.size() && std::isspace(static_cast<unsigned char>(text[a]))) ++a;
  return a < text.size() && text[a] == ')';
}

}  // namespace

bool run_time_rows_step(const JsString& s, std::string_view src, bool bound) {
  bool single = false, dbl = false;
  for (size_t i = 0; i < s.text.size(); ++i) {
    char c = s.text[i];
    if (c == '\'' && !dbl) single = !single;
    if (c == '"' && !single) dbl = !dbl;
    if (c == ';' && !single && !dbl && s.text.find_first_not_of(" \t\r\n;", i) != std::string::npos) return false;
    if (bound || i + 1 >= s.offsets.size() || s.offsets[i + 1] <= s.offsets[i] + 1) continue;
    size_t gap = s.offsets[i] + 1;
    bool hole = gap < src.size() && src.substr(gap, s.offsets[i + 1] - gap).find("${") != std::string_view::npos;
    if (hole && !single && !dbl && !in_list(s.text, i)) return false;
  }
  if (!bound && !s.offsets.empty() && s.offsets.front() > s.begin + 1 &&
      src.substr(s.begin, s.offsets.front() - s.begin).find("${") != std::string_view::npos)
    return false;  // a substitution before the first character
  std::string head;
  for (char c : s.text) {
    if (std::isspace(static_cast<unsigned char>(c)) && head.empty()) continue;
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return head == "insert" || head == "update" || head == "delete" || head == "select";
}

bool class_method_given_runner(const JsFile& file, TSNode call, std::string_view runner, TSNode* method, size_t* position) {
  if (!is(call, "call_expression")) return false;
  TSNode callee = field(call, "function");
  if (!is(callee, "member_expression") || !is(field(callee, "object"), "this")) return false;
  std::string_view name = file.text(field(callee, "property"));
  std::vector<TSNode> args = arguments(call);
  size_t at = args.size();
  for (size_t k = 0; k < args.size(); ++k)
    if (is(args[k], "identifier") && file.text(args[k]) == runner) at = k;
  if (at == args.size()) return false;
  TSNode body = ts_node_parent(call);
  while (!ts_node_is_null(body) && !is(body, "class_body")) body = ts_node_parent(body);
  if (ts_node_is_null(body)) return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode m = ts_node_named_child(body, i);
    if (is(m, "method_definition") && file.text(field(m, "name")) == name) {
      *method = m;
      *position = at;
      return true;
    }
  }
  return false;
}

bool run_time_default_values(const JsString& s, std::string_view src) {
  bool single = false, dbl = false, any = false;
  size_t opened = 0;  // where the '...' literal the loop is in opened
  for (size_t i = 0; i < s.text.size(); ++i) {
    char c = s.text[i];
    if (c == '\'' && !dbl) {
      single = !single;
      if (single) opened = i;
    }
    if (c == '"' && !single) dbl = !dbl;
    if (i + 1 >= s.offsets.size() || s.offsets[i + 1] <= s.offsets[i] + 1) continue;
    size_t gap = s.offsets[i] + 1;
    if (gap >= src.size() || src.substr(gap, s.offsets[i + 1] - gap).find("${") == std::string_view::npos) continue;
    if (!single) return false;
    // The literal is DEFAULT's value.
    size_t b = opened;
    while (b > 0 && std::isspace(static_cast<unsigned char>(s.text[b - 1]))) --b;
    if (b < 7) return false;
    std::string word = s.text.substr(b - 7, 7);
    for (char& w : word) w = static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
    if (word != "default" || (b > 7 && (std::isalnum(static_cast<unsigned char>(s.text[b - 8])) || s.text[b - 8] == '_')))
      return false;
    any = true;
  }
  if (!s.offsets.empty() && s.offsets.front() > s.begin + 1 &&
      src.substr(s.begin, s.offsets.front() - s.begin).find("${") != std::string_view::npos)
    return false;  // a substitution before the first character
  return any;
}

bool run_time_database_setting(const JsString& s, std::string_view src) {
  // The source of the template: `ALTER DATABASE "${name}" SET|RESET ...`; what follows SET (a
  // setting's name and value, substituted or not) names no table or column.
  if (s.end <= s.begin || s.end > src.size()) return false;
  std::string words = lowered_words(src.substr(s.begin, s.end - s.begin));
  if (!words.empty() && (words[0] == '`' || words[0] == '\'' || words[0] == '"')) words.erase(0, 1);
  if (!words.empty() && words[0] == ' ') words.erase(0, 1);
  if (words.rfind("alter database \"${", 0) != 0) return false;
  size_t close = words.find("}\" ");
  if (close == std::string::npos || words.find_first_of("\"`;", 17) < close) return false;
  std::string_view rest = std::string_view(words).substr(close + 3);
  while (!rest.empty() && (rest.back() == '`' || rest.back() == '\'' || rest.back() == '"' || rest.back() == ' ' || rest.back() == ';'))
    rest.remove_suffix(1);
  return (rest.rfind("set ", 0) == 0 || rest.rfind("reset ", 0) == 0) && rest.find(';') == std::string_view::npos;
}

bool run_time_constraint_step(const JsString& s, std::string_view src) {
  std::string words;
  if (!quoted_run_time_words(s, src, &words)) return false;
  std::string_view rest = words;
  auto skip = [&](std::string_view w) {
    if (rest.substr(0, w.size()) != w) return false;
    rest.remove_prefix(w.size());
    return true;
  };
  if (!skip("alter table ")) return false;
  skip("if exists ");
  skip("only ");
  size_t name_end = rest.find(' ');
  if (name_end == std::string_view::npos) return false;
  rest.remove_prefix(name_end + 1);
  // The actions, split at commas outside parentheses.
  int depth = 0;
  size_t start = 0;
  std::vector<std::string_view> actions;
  for (size_t i = 0; i <= rest.size(); ++i) {
    if (i < rest.size() && rest[i] == '(') ++depth;
    if (i < rest.size() && rest[i] == ')') --depth;
    if (i == rest.size() || (rest[i] == ',' && depth == 0)) {
      std::string_view a = rest.substr(start, i - start);
      while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
      actions.push_back(a);
      start = i + 1;
    }
  }
  for (std::string_view a : actions) {
    if (a.rfind("drop constraint ", 0) == 0) continue;
    if (a.rfind("add constraint ", 0) != 0 && a.rfind("add foreign key", 0) != 0) return false;
    // A foreign key or a check: no unique index a statement may rely on, no column.
    bool kind = a.find(" foreign key") != std::string_view::npos || a.rfind("add foreign key", 0) == 0 ||
                a.find(" check ") != std::string_view::npos || a.find(" check(") != std::string_view::npos;
    if (!kind || a.find("unique") != std::string_view::npos || a.find("primary") != std::string_view::npos) return false;
  }
  return !actions.empty();
}

std::string quote_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::vector<std::string> script_names(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<std::string> names;
  for (const source::DirEntry& e : fs.list(on_disk(root, dir)))
    if (!e.is_dir && script_name(e.name)) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

bool any_script(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                bool (*belongs)(std::string_view text)) {
  for (const std::string& n : script_names(fs, root, dir)) {
    std::string text, err;
    if (fs.read(on_disk(root, source::join_path(dir, n)), &text, &err) && belongs(text)) return true;
  }
  return false;
}

std::vector<std::string> discover_dirs(const source::FileSystem& fs, const std::string& root,
                                       bool (*belongs)(std::string_view text)) {
  std::set<std::string> dirs, seen;
  for (const std::string& path : source::discover_files(fs, root, {})) {
    if (!script_name(last_component(path))) continue;
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    if (!seen.insert(dir).second) continue;
    std::string last(last_component(dir));
    for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // A project that supports several engines keeps one folder each under its migrations folder
    // (`migrations/postgres`, `migrations/sqlite`, ...): PostgreSQL's is the set, and the others
    // are found too, as another engine's (discovery names the engine from the folder): their
    // files are neither applied nor read as code.
    size_t up = dir.rfind('/');
    std::string parent(last_component(up == std::string::npos ? "" : dir.substr(0, up)));
    for (char& c : parent) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool engine_folder = (last == "postgres" || last == "postgresql" || last == "pg" || last == "mysql" ||
                          last == "mariadb" || last == "sqlite" || last == "mssql" || last == "sqlserver" ||
                          last == "oracle") &&
                         parent.find("migration") != std::string::npos;
    if (last.find("migration") == std::string::npos && !engine_folder) continue;
    if (any_script(fs, root, dir, belongs)) dirs.insert(dir);
  }
  return {dirs.begin(), dirs.end()};
}

/// Kysely's `sql`...`.execute(db)` / `sql.raw('...').execute(db)`: the handle runs the SQL the
/// file spells (the format reads it), it is not handed to steps elsewhere.
bool raw_sql_run(const JsFile& file, TSNode call) {
  TSNode fn = field(call, "function");
  if (!is(fn, "member_expression") || file.text(field(fn, "property")) != "execute") return false;
  TSNode obj = unwrap(field(fn, "object"));
  if (is(obj, "call_expression")) {
    TSNode callee = field(obj, "function");
    if (file.text(callee) == "sql" || file.text(callee) == "sql.raw") return true;
  }
  // A typed tag, sql<T>`select ...` (the grammar leaves the template alone before .execute, or,
  // after `await`, recovers it as a call of `await sql<T>`), or a top-level const holding one (`const tableExists = sql<...>`select ...``): a query that only
  // reads, which the handle merely runs.
  auto reads = [](std::string_view t) {
    size_t tick = t.find('`');
    if (tick == std::string_view::npos || std::count(t.begin(), t.end(), '`') != 2) return false;
    std::string_view head = t.substr(0, tick);
    if (head.starts_with("await ")) head.remove_prefix(6);
    if (!head.empty() && !head.starts_with("sql")) return false;
    std::string_view q = t.substr(tick + 1, t.rfind('`') - tick - 1);
    while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.remove_prefix(1);
    while (!q.empty() && (std::isspace(static_cast<unsigned char>(q.back())) || q.back() == ';')) q.remove_suffix(1);
    std::string lower(q.substr(0, 7));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "select " && q.find(';') == std::string_view::npos;
  };
  if (is(obj, "template_string") || is(obj, "call_expression")) return reads(file.text(obj));
  if (is(obj, "identifier")) {
    bool read = false;
    for (uint32_t i = 0; i < ts_node_named_child_count(file.root()); ++i) {
      TSNode s = ts_node_named_child(file.root(), i);
      if (!is(s, "lexical_declaration") || file.text(s).substr(0, 5) != "const") continue;
      for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) {
        TSNode d = ts_node_named_child(s, j);
        if (file.text(field(d, "name")) == file.text(obj)) read = reads(file.text(field(d, "value")));
      }
    }
    return read;
  }
  return false;
}

namespace {

/// A module of the project that a migration imports from, parsed (its text owned here: the
/// JsFile points into it).
struct ProjectModule {
  std::string path;
  std::unique_ptr<std::string> text;
  std::unique_ptr<JsFile> file;
};

/// The module an import names: relative to the importing file's directory, or a bare path with a
/// slash (`src/repositories/database.repository`: tsconfig's baseUrl) from the nearest directory
/// above that holds it. A package (`kysely`, `@nestjs/common`) has no such file: nullopt.
std::optional<ProjectModule> load_module(const source::FileSystem& fs, const std::string& root,
                                         const std::string& dir, const std::string& spec) {
  std::vector<std::string> bases;
  if (spec.starts_with(".")) {
    bases.push_back(source::join_path(dir, spec));
  } else if (spec.find('/') != std::string::npos && !spec.starts_with("@")) {
    for (std::string up = dir;;) {
      bases.push_back(up.empty() ? spec : source::join_path(up, spec));
      if (up.empty()) break;
      size_t slash = up.rfind('/');
      up = slash == std::string::npos ? "" : up.substr(0, slash);
    }
  }
  // `../models/table.js` in a TypeScript project names models/table.ts (ESM imports spell the
  // extension of the compiled file).
  for (size_t i = 0, n = bases.size(); i < n; ++i)
    for (const char* ext : {".js", ".mjs", ".cjs"})
      if (bases[i].ends_with(ext)) bases.push_back(bases[i].substr(0, bases[i].size() - std::char_traits<char>::length(ext)));
  for (const std::string& base : bases)
    for (const char* ext : {".ts", ".js", ".mts", ".cts", ".mjs", ".cjs", "/index.ts", "/index.js"}) {
      ProjectModule m;
      m.path = base + ext;
      m.text = std::make_unique<std::string>();
      std::string err;
      if (!fs.is_file(on_disk(root, m.path)) || !fs.read(on_disk(root, m.path), m.text.get(), &err)) continue;
      m.file = std::make_unique<JsFile>();
      if (!m.file->parse(m.path, *m.text, &err)) return std::nullopt;
      return m;
    }
  return std::nullopt;
}

/// The top-level function `name` declares in `file` (`export function f`, `const f = () =>`).
TSNode top_level_function(const JsFile& file, std::string_view name) {
  for (uint32_t i = 0; i < ts_node_named_child_count(file.root()); ++i) {
    TSNode s = ts_node_named_child(file.root(), i);
    if (is(s, "export_statement")) s = field(s, "declaration");
    if (is(s, "function_declaration") && file.text(field(s, "name")) == name) return s;
    if (is(s, "lexical_declaration"))
      for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) {
        TSNode d = ts_node_named_child(s, j);
        TSNode v = unwrap(field(d, "value"));
        if (file.text(field(d, "name")) == name && is_function(v)) return v;
      }
  }
  return TSNode{};
}

/// The function a call of `callee` (an identifier) in `file` runs, when the file imports it by
/// name from a module of the project: that module, and the function's node in it.
std::optional<ProjectModule> imported_function(const source::FileSystem& fs, const std::string& root,
                                               const std::string& dir, const JsFile& file, std::string_view callee,
                                               TSNode* fn) {
  std::optional<ProjectModule> found;
  datalayers::js::walk(file.root(), [&](TSNode n) {
    if (found || !is(n, "import_statement")) return;
    std::optional<std::string> spec = file.name(field(n, "source"));
    if (!spec) return;
    std::string imported;
    datalayers::js::walk(n, [&](TSNode s) {
      if (!is(s, "import_specifier")) return;
      TSNode alias = field(s, "alias");
      std::string_view local = file.text(ts_node_is_null(alias) ? field(s, "name") : alias);
      if (local == callee) imported = file.text(field(s, "name"));
    });
    if (imported.empty()) return;
    std::optional<ProjectModule> m = load_module(fs, root, dir, *spec);
    if (!m) return;
    *fn = top_level_function(*m->file, imported);
    if (!ts_node_is_null(*fn)) found = std::move(m);
  });
  return found;
}

/// The function a call of `models.createUserTable` runs when the file binds `models` with a
/// top-level `const models = require('../models')`: found in that module, or in one its
/// `module.exports = { ...require('./user.model') }` spreads (kutt's models/index.js).
std::optional<ProjectModule> required_member_function(const source::FileSystem& fs, const std::string& root,
                                                      const std::string& dir, const JsFile& file, TSNode callee,
                                                      TSNode* fn) {
  if (!is(callee, "member_expression") || !is(field(callee, "object"), "identifier")) return std::nullopt;
  std::string_view object = file.text(field(callee, "object")), member = file.text(field(callee, "property"));
  std::optional<std::string> spec;
  for (uint32_t i = 0; i < ts_node_named_child_count(file.root()); ++i) {
    TSNode s = ts_node_named_child(file.root(), i);
    if (!is(s, "lexical_declaration") && !is(s, "variable_declaration")) continue;
    for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) {
      TSNode d = ts_node_named_child(s, j);
      TSNode v = unwrap(field(d, "value"));
      if (file.text(field(d, "name")) == object && is(v, "call_expression") && file.text(field(v, "function")) == "require" &&
          !arguments(v).empty())
        spec = file.name(arguments(v)[0]);
    }
  }
  if (!spec || !spec->starts_with(".")) return std::nullopt;
  std::optional<ProjectModule> m = load_module(fs, root, dir, *spec);
  if (!m) return std::nullopt;
  *fn = top_level_function(*m->file, member);
  if (!ts_node_is_null(*fn)) return m;
  std::string here = m->path.substr(0, m->path.rfind('/') == std::string::npos ? 0 : m->path.rfind('/'));
  std::optional<ProjectModule> found;
  datalayers::js::walk(m->file->root(), [&](TSNode n) {
    if (found || !is(n, "spread_element")) return;
    TSNode v = unwrap(ts_node_named_child(n, 0));
    if (!is(v, "call_expression") || m->file->text(field(v, "function")) != "require" || arguments(v).empty()) return;
    std::optional<std::string> inner = m->file->name(arguments(v)[0]);
    if (!inner || !inner->starts_with(".")) return;
    std::optional<ProjectModule> o = load_module(fs, root, here, *inner);
    if (!o) return;
    *fn = top_level_function(*o->file, member);
    if (!ts_node_is_null(*fn)) found = std::move(o);
  });
  return found;
}

/// The table a function creates only when it does not exist yet: its one `createTable('t', ...)`
/// stands in an `if` without `else` whose condition is the negation of `hasTable('t')`, directly
/// (`if (!(await knex.schema.hasTable('t')))`) or through a variable the function sets from it
/// (`const hasTable = await knex.schema.hasTable('t'); if (!hasTable)`). nullopt: another shape.
std::optional<std::string> guarded_created_table(const JsFile& file, TSNode fn) {
  std::vector<TSNode> creates;
  datalayers::js::walk(fn, [&](TSNode n) {
    if (!is(n, "call_expression")) return;
    TSNode f = field(n, "function");
    if (is(f, "member_expression") && file.text(field(f, "property")).starts_with("createTable")) creates.push_back(n);
  });
  if (creates.size() != 1 || file.text(field(field(creates[0], "function"), "property")) != "createTable") return std::nullopt;
  std::vector<TSNode> args = arguments(creates[0]);
  std::optional<std::string> table = args.empty() ? std::nullopt : file.name(args[0]);
  if (!table) return std::nullopt;
  auto has_table_of = [&](std::string_view text) {
    return text.find(".hasTable(") != std::string_view::npos &&
           (text.find("\"" + *table + "\"") != std::string_view::npos || text.find("'" + *table + "'") != std::string_view::npos);
  };
  for (TSNode p = ts_node_parent(creates[0]); !ts_node_is_null(p) && !ts_node_eq(p, fn); p = ts_node_parent(p)) {
    if (!is(p, "if_statement")) continue;
    if (!ts_node_is_null(field(p, "alternative"))) return std::nullopt;
    std::string cond;
    for (char c : file.text(field(p, "condition")))
      if (c != '(' && c != ')' && !std::isspace(static_cast<unsigned char>(c))) cond.push_back(c);
    if (!cond.starts_with("!")) return std::nullopt;
    cond.erase(0, 1);
    if (cond.starts_with("await")) return has_table_of(file.text(field(p, "condition"))) ? table : std::nullopt;
    if (!std::all_of(cond.begin(), cond.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
      return std::nullopt;
    bool set_from_has_table = false;
    datalayers::js::walk(fn, [&](TSNode n) {
      if (is(n, "variable_declarator") && file.text(field(n, "name")) == cond && has_table_of(file.text(field(n, "value"))))
        set_from_has_table = true;
    });
    return set_from_has_table ? table : std::nullopt;
  }
  return std::nullopt;
}

/// Whether a string of the function spells a statement that changes the schema.
bool spells_ddl(const JsFile& file, TSNode fn) {
  bool ddl = false;
  datalayers::js::walk(fn, [&](TSNode n) {
    if (ddl || (!is(n, "string") && !is(n, "template_string"))) return;
    std::string w;
    auto flush = [&] {
      for (const char* k : {"create", "alter", "drop", "rename", "truncate", "comment", "grant", "revoke", "do"})
        if (w == k) ddl = true;
      w.clear();
    };
    for (char c : file.text(n)) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      else flush();
    }
    flush();
  });
  return ddl;
}

/// Whether the function only reads through its `index`-th parameter, the tool's handle: the handle
/// is only the connection a query runs on (`sql.raw(q).execute(db)`, `db.query(q)`), or tested
/// (`db instanceof Kysely`), never handed on; every SQL it runs is a string the function itself
/// spells; and none of its strings spells DDL. Such a helper (immich's getVectorExtension, which
/// asks pg_available_extensions) changes nothing a migration builds.
bool reads_only(const JsFile& file, TSNode fn, size_t index) {
  std::vector<std::string> params = file.parameters(fn);
  if (index >= params.size() || params[index].empty() || spells_ddl(file, fn)) return false;
  const std::string& handle = params[index];
  TSNode body = JsFile::body_of(fn);
  std::set<std::string> local;  // names the body declares: their values are in the body
  datalayers::js::walk(body, [&](TSNode n) {
    if (is(n, "variable_declarator") && is(field(n, "name"), "identifier")) local.insert(std::string(file.text(field(n, "name"))));
  });
  // The SQL a run sends: a string of the body, or a name the body declares.
  auto sql_of_body = [&](TSNode call) {
    for (TSNode a : arguments(call)) {
      a = unwrap(a);
      if (is(a, "identifier") && !local.count(std::string(file.text(a)))) return false;
      if (!is(a, "identifier") && !is(a, "string") && !is(a, "template_string")) return false;
    }
    return true;
  };
  bool ok = true;
  datalayers::js::walk(body, [&](TSNode n) {
    if (!ok) return;
    if (is(n, "call_expression")) {  // sql.raw(q): q is the body's
      TSNode callee = field(n, "function");
      if (file.text(callee) == "sql.raw" && !sql_of_body(n)) ok = false;
      return;
    }
    if (!is(n, "identifier") || file.text(n) != handle) return;
    TSNode parent = ts_node_parent(n);
    if (is(parent, "member_expression") && ts_node_eq(field(parent, "object"), n)) {
      // db.query(q)
      TSNode call = ts_node_parent(parent);
      ok = file.text(field(parent, "property")) == "query" && is(call, "call_expression") && sql_of_body(call);
      return;
    }
    if (is(parent, "binary_expression") && file.text(field(parent, "operator")) == "instanceof") return;
    if (is(parent, "arguments")) {  // x.execute(db)
      TSNode callee = field(ts_node_parent(parent), "function");
      ok = is(callee, "member_expression") && file.text(field(callee, "property")) == "execute";
      return;
    }
    if (is(parent, "required_parameter") || is(parent, "optional_parameter")) return;  // its declaration
    ok = false;
  });
  return ok;
}

/// The string constants the file imports by name from modules of the project
/// (`import { GROUP_OVERRIDES_TABLE } from '../../models/groupOverrides.js'`), where the module
/// declares `export const GROUP_OVERRIDES_TABLE = 'group_overrides'` at its top level: a migration
/// that builds its SQL from a model's table name (`CREATE TABLE ${GROUP_OVERRIDES_TABLE} (...)`,
/// Nango's keystore and scheduler) is followed. Each module is read once per directory (`modules`).
void add_imported_strings(const source::FileSystem& fs, const std::string& root, const std::string& dir, JsFile* file,
                          std::map<std::string, std::optional<ProjectModule>>* modules) {
  for (uint32_t i = 0; i < ts_node_named_child_count(file->root()); ++i) {
    TSNode n = ts_node_named_child(file->root(), i);
    if (!is(n, "import_statement") || file->text(n).starts_with("import type")) continue;
    std::optional<std::string> spec = file->name(field(n, "source"));
    if (!spec) continue;
    std::vector<std::pair<std::string, std::string>> names;  // imported, local
    datalayers::js::walk(n, [&](TSNode s) {
      if (!is(s, "import_specifier") || file->text(s).starts_with("type ")) return;
      TSNode alias = field(s, "alias");
      names.emplace_back(file->text(field(s, "name")), file->text(ts_node_is_null(alias) ? field(s, "name") : alias));
    });
    if (names.empty()) continue;
    auto it = modules->find(*spec);
    if (it == modules->end()) it = modules->emplace(*spec, load_module(fs, root, dir, *spec)).first;
    if (!it->second) continue;
    const JsFile& m = *it->second->file;
    for (uint32_t j = 0; j < ts_node_named_child_count(m.root()); ++j) {
      TSNode s = ts_node_named_child(m.root(), j);
      if (is(s, "export_statement")) s = field(s, "declaration");
      if (!is(s, "lexical_declaration") || !m.text(s).starts_with("const")) continue;
      for (uint32_t k = 0; k < ts_node_named_child_count(s); ++k) {
        TSNode d = ts_node_named_child(s, k);
        for (const auto& [imported, local] : names)
          if (m.text(field(d, "name")) == imported)
            if (std::optional<std::string> v = m.name(field(d, "value"))) file->add_imported_string(local, *v);
      }
    }
  }
}

/// Whether every return of the function is a template or string that starts `CREATE INDEX` (not
/// UNIQUE: a unique index is something ON CONFLICT relies on), one statement: the SQL it builds
/// creates an index and changes no table or column.
bool builds_plain_index(const JsFile& file, TSNode fn) {
  int returns = 0;
  bool ok = true;
  walk_steps(file, JsFile::body_of(fn), [&](TSNode n) {
    if (!ok) return true;
    if (is_function(n)) return true;  // a nested function's returns are its own
    if (!is(n, "return_statement")) return false;
    TSNode v = unwrap(ts_node_named_child(n, 0));
    ++returns;
    if (!is(v, "template_string") && !is(v, "string")) {
      ok = false;
      return true;
    }
    std::string words = lowered_words(file.text(v).substr(1));
    std::string_view t = file.text(v);
    ok = words.starts_with("create index ") && t.find(';') == std::string_view::npos;
    return true;
  });
  return ok && returns > 0;
}

}  // namespace

bool load_scripts(const source::FileSystem& fs, const std::string& root, const std::string& dir, std::string_view format,
                  std::string (*version)(const std::string& file, std::string_view text),
                  void (*translate)(const JsFile& file, TSNode up, const std::vector<std::string>& params, Translation* out),
                  std::vector<MigrationFile>* out, std::string* err) {
  std::vector<MigrationFile> files;
  // Guarded table creators (`createUserTable(knex)`) already followed, by module and function, and
  // the string words of the files read so far.
  std::set<std::string> creators_followed;
  std::set<std::string> earlier_words;
  bool dropped_since = false;
  std::map<std::string, std::optional<ProjectModule>> modules;  // imported by the files, by import path
  for (const std::string& name : script_names(fs, root, dir)) {
    MigrationFile m;
    m.path = source::join_path(dir, name);
    m.format = std::string(format);
    if (!read_migration_text(fs, root, m.path, &m.text, err)) return false;
    JsFile file;
    if (!file.parse(m.path, m.text, err)) return false;
    if (m.text.find("import ") != std::string::npos) add_imported_strings(fs, root, dir, &file, &modules);
    std::vector<std::string> params;
    TSNode up = file.up_function(&params);
    if (ts_node_is_null(up)) continue;  // a helper module beside the migrations
    m.version = version(name, m.text);
    size_t dot = name.find('.');
    m.name = std::string(description_after_version(name.substr(0, dot)));
    Translation t;
    translate(file, up, params, &t);
    // A function of the file called from up may run steps of its own that are not followed.
    std::set<std::string> local_functions;
    for (uint32_t i = 0; i < ts_node_named_child_count(file.root()); ++i) {
      TSNode s = ts_node_named_child(file.root(), i);
      if (is(s, "export_statement")) s = field(s, "declaration");
      if (is(s, "function_declaration")) local_functions.insert(std::string(file.text(field(s, "name"))));
      if (is(s, "lexical_declaration"))
        for (uint32_t j = 0; j < ts_node_named_child_count(s); ++j) {
          TSNode d = ts_node_named_child(s, j);
          TSNode v = unwrap(field(d, "value"));
          if (is(v, "arrow_function") || is(v, "function_expression") || is(v, "function"))
            local_functions.insert(std::string(file.text(field(d, "name"))));
        }
    }
    bool calls_local = false;
    walk_steps(file, up, [&](TSNode n) {
      if (is(n, "call_expression") && is(field(n, "function"), "identifier") &&
          local_functions.count(std::string(file.text(field(n, "function")))))
        calls_local = true;
      return false;
    });
    if (calls_local) {
      t.uncertain = true;
      t.sql.notes.push_back({ts_node_start_byte(up), "up calls a function of the file: its steps are not followed"});
    }
    // A function given the tool's handle (`models.createUserTable(knex)`) runs steps elsewhere:
    // the words of the modules the file requires or imports become uncertain too.
    // A function imported from the project that only reads through the handle (a query of the
    // catalog) is followed: it changes nothing.
    bool hands_over = false;
    std::vector<std::pair<uint32_t, std::string>> created_elsewhere;  // the call, the SQL of its function
    if (!params.empty() && !params[0].empty())
      walk_steps(file, up, [&](TSNode n) {
        if (!is(n, "call_expression") || raw_sql_run(file, n)) return false;
        std::vector<TSNode> args = arguments(n);
        // A method of the migration's class given the runner: TypeORM's translator follows it.
        TSNode own{};
        size_t own_at = 0;
        if (format == "typeorm" && class_method_given_runner(file, n, params[0], &own, &own_at)) return true;
        for (size_t k = 0; k < args.size(); ++k) {
          if (!is(args[k], "identifier") || file.text(args[k]) != params[0]) continue;
          TSNode callee = field(n, "function"), fn{};
          std::optional<ProjectModule> helper;
          if (is(callee, "identifier")) helper = imported_function(fs, root, dir, file, file.text(callee), &fn);
          if (helper && reads_only(*helper->file, fn, k)) {
            t.sql.notes.push_back({ts_node_start_byte(n), "up hands " + params[0] + " to " + std::string(file.text(callee)) +
                                                              " (" + helper->path + "), which only reads: followed"});
            continue;
          }
          // A function of the project that creates one table only when it does not exist yet
          // (kutt's models, which its first migrations call): on a database that has none of the
          // names yet, its createTable is what runs; called again later, it does nothing. Followed
          // only when no earlier migration names the table and none since the first call drops or
          // renames a table.
          if (!helper) helper = required_member_function(fs, root, dir, file, callee, &fn);
          std::optional<std::string> table = helper ? guarded_created_table(*helper->file, fn) : std::nullopt;
          if (table) {
            std::string key = helper->path + "#" + std::to_string(ts_node_start_byte(fn));
            if (creators_followed.count(key) && !dropped_since) {
              t.sql.notes.push_back({ts_node_start_byte(n), "up hands " + params[0] + " to " + std::string(file.text(callee)) +
                                                                " (" + helper->path + "), which creates " + *table +
                                                                " only when it does not exist: an earlier call created it"});
              continue;
            }
            Translation sub;
            if (!creators_followed.count(key) && !earlier_words.count(*table)) {
              std::vector<std::string> sub_params = helper->file->parameters(fn);
              translate(*helper->file, fn, sub_params, &sub);
              if (!sub.uncertain && sub.run_time_builders.empty() && sub.uncertain_created.empty() && !sub.sql.sql.empty()) {
                creators_followed.insert(key);
                created_elsewhere.emplace_back(ts_node_start_byte(n), std::move(sub.sql.sql));
                t.sql.notes.push_back({ts_node_start_byte(n), "up hands " + params[0] + " to " + std::string(file.text(callee)) +
                                                                  " (" + helper->path + "), which creates " + *table +
                                                                  " only when it does not exist: followed"});
                continue;
              }
            }
          }
          hands_over = true;
        }
        return false;
      });
    // Each followed creator's SQL stands before the first statement of up that comes after its call.
    for (const auto& [at, sql] : created_elsewhere) {
      size_t p = 0;
      while (p < t.sql.sql.size() && !(t.sql.origin[p] > at && (p < 2 || t.sql.sql.compare(p - 2, 2, ";\n") == 0))) ++p;
      t.sql.sql.insert(p, sql);
      t.sql.origin.insert(t.sql.origin.begin() + static_cast<std::ptrdiff_t>(p), sql.size(), at);
    }
    // sql.raw(build(...)): a function of the project that builds a plain CREATE INDEX leaves every
    // table and column as it was; any other builder is a step that cannot be followed.
    for (const auto& [step, call] : t.run_time_builders) {
      TSNode callee = field(call, "function"), fn{};
      std::string name(file.text(callee));
      std::optional<ProjectModule> builder = imported_function(fs, root, dir, file, name, &fn);
      if (!builder) {
        fn = top_level_function(file, name);
        if (!ts_node_is_null(fn) && builds_plain_index(file, fn)) {
          t.sql.notes.push_back({ts_node_start_byte(step), "sql.raw(" + name + "(...)) creates an index: no table or column changes"});
          continue;
        }
      } else if (builds_plain_index(*builder->file, fn)) {
        t.sql.notes.push_back({ts_node_start_byte(step), "sql.raw(" + name + "(...)) creates an index (" + builder->path +
                                                              "): no table or column changes"});
        continue;
      }
      t.uncertain = true;
      t.sql.notes.push_back({ts_node_start_byte(step), "sql.raw() of SQL built at run time: not modelled"});
    }
    if (hands_over) {
      t.uncertain = true;
      t.sql.notes.push_back({ts_node_start_byte(up), "up hands " + params[0] + " to a function elsewhere: its steps are not followed"});
    }
    if (t.uncertain) m.uncertain_names = file.string_words();
    else m.uncertain_names = t.uncertain_created;
    if (hands_over) {
      std::set<std::string> words(m.uncertain_names.begin(), m.uncertain_names.end());
      std::string here = dir;
      datalayers::js::walk(file.root(), [&](TSNode n) {
        TSNode spec{};
        if (is(n, "call_expression") && file.text(field(n, "function")) == "require" && !arguments(n).empty())
          spec = arguments(n)[0];
        else if (is(n, "import_statement"))
          spec = field(n, "source");
        std::optional<std::string> target = ts_node_is_null(spec) ? std::nullopt : file.name(spec);
        if (!target || !target->starts_with(".")) return;
        // The module: a file (with or without its extension) or a directory's files.
        std::string path = source::join_path(here, *target);
        std::vector<std::string> candidates;
        if (fs.is_dir(on_disk(root, path))) {
          for (const std::string& f : script_names(fs, root, path)) candidates.push_back(source::join_path(path, f));
        } else {
          for (const char* ext : {"", ".js", ".ts", ".cjs", ".mjs"}) candidates.push_back(path + ext);
        }
        for (const std::string& c : candidates) {
          std::string text, e;
          if (!fs.is_file(on_disk(root, c)) || !fs.read(on_disk(root, c), &text, &e)) continue;
          JsFile other;
          if (!other.parse(c, text, &e)) continue;
          for (std::string& w : other.string_words()) words.insert(std::move(w));
        }
      });
      m.uncertain_names.assign(words.begin(), words.end());
    }
    for (std::string& w : file.string_words()) earlier_words.insert(std::move(w));
    if (!creators_followed.empty())
      for (std::string_view drop : {"dropTable", "renameTable", "drop table", "rename to", "DROP TABLE", "RENAME TO"})
        if (m.text.find(drop) != std::string::npos) dropped_since = true;
    m.sql = std::move(t.sql.sql);
    m.origin = std::move(t.sql.origin);
    m.notes = std::move(t.sql.notes);
    if (m.origin.empty()) m.origin.push_back(0);
    files.push_back(std::move(m));
  }
  *out = std::move(files);
  return true;
}

}  // namespace schemagate::schema::migrations::code::js
