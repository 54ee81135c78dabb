// The script lexer (script_lexer.h): JavaScript's and TypeScript's literals, comments, regular
// expressions and JSX, delimited as the grammar would, by one pass over the text.
#include "analyzers/languages/script_lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/literal_scan.h"

namespace schemagate::languages {
namespace {

bool word_char(char c) { return script_word_byte(c); }

/// '...' and "..." with escapes, `...` templates (may span lines) whose `${...}` substitutions
/// are lexed as code (they hold strings and templates of their own), // and /* */ comments,
/// regular expression literals (`/'/` is no string: a `/` where an operand starts is one) and,
/// with `jsx`, JSX elements where an operand starts (`return <p>Don't</p>`): their text is
/// neither code nor literal, their attribute strings are literals, their `{...}` code. Anything
/// it cannot delimit makes it stop with false.
class ScriptLexer {
 public:
  using Found = std::function<void(const ScriptLiteral&)>;
  ScriptLexer(std::string_view t, bool jsx, const Found* found, std::string* code)
      : t_(t), jsx_(jsx), found_(found), code_(code) {}
  bool all() { return code(false) && i_ >= t_.size(); }

 private:
  /// Code up to the end, or (in a substitution or a JSX expression) up to its closing brace,
  /// which is consumed.
  bool code(bool substitution) {
    size_t n = t_.size();
    int depth = 0;
    char last = 0;  // the last significant character of code, for telling `/` from a regex
    while (i_ < n) {
      char c = t_[i_];
      if (c == '/' && i_ + 1 < n && t_[i_ + 1] == '/') {
        size_t e = t_.find('\n', i_);
        if (e == std::string_view::npos) e = n;
        blank(i_, e);
        i_ = e == n ? n : e + 1;
      } else if (c == '/' && i_ + 1 < n && t_[i_ + 1] == '*') {
        size_t e = t_.find("*/", i_ + 2);
        if (e == std::string_view::npos) return false;
        blank(i_, e + 2);
        i_ = e + 2;
      } else if (c == '/' && operand_expected(last)) {
        if (!regex()) return false;
        last = 'a';
      } else if (c == '"' || c == '\'') {
        size_t j = i_ + 1;
        while (j < n && t_[j] != c && t_[j] != '\n') j += t_[j] == '\\' ? 2 : 1;
        if (j >= n || t_[j] != c) return false;
        ScriptLiteral l{t_.substr(i_ + 1, j - i_ - 1)};
        char before = previous_code(i_), after = next_code(j + 1);
        l.module = word_before(i_, "from") || word_before(i_, "import");
        l.whole = before == ':' && (after == ',' || after == '}');
        literal(l, i_ + 1, j);
        i_ = j + 1;
        last = 'a';
      } else if (c == '`') {
        if (!template_literal()) return false;
        last = 'a';
      } else if (c == '<' && jsx_ && operand_expected(last) && i_ + 1 < n &&
                 (t_[i_ + 1] == '>' || std::isalpha(static_cast<unsigned char>(t_[i_ + 1])) || t_[i_ + 1] == '_' ||
                  t_[i_ + 1] == '$')) {
        if (!element()) return false;
        last = 'a';
      } else {
        if (c == '{') ++depth;
        if (c == '}' && depth-- == 0 && substitution) {
          ++i_;
          return true;
        }
        if (!ascii_blank(c)) last = word_end(c) ? 'a' : c;
        if (word_end(c) && keyword_before_operand()) last = '(';
        ++i_;
      }
    }
    return !substitution;
  }
  static bool word_end(char c) { return word_char(c) || c == ')' || c == ']'; }
  /// After `return`, `typeof` and the like an operand starts (a `/` there is a regex).
  bool keyword_before_operand() const {
    size_t e = i_ + 1;
    if (e < t_.size() && word_char(t_[e])) return false;
    for (std::string_view k : {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
                               "instanceof", "yield", "await"}) {
      if (e < k.size() || t_.substr(e - k.size(), k.size()) != k) continue;
      size_t b = e - k.size();
      if (b == 0 || !(word_char(t_[b - 1]) || t_[b - 1] == '.')) return true;
    }
    return false;
  }
  static bool operand_expected(char last) { return last == 0 || std::string_view("(,=:[!&|?{};+-*%<>~^").find(last) != std::string_view::npos; }
  /// A regular expression literal from its `/`: to the `/` that closes it, outside a class.
  bool regex() {
    size_t j = i_ + 1, n = t_.size();
    bool in_class = false;
    while (j < n && t_[j] != '\n') {
      char c = t_[j];
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') in_class = true;
      else if (c == ']') in_class = false;
      else if (c == '/' && !in_class) break;
      ++j;
    }
    if (j >= n || t_[j] != '/') return false;
    blank(i_ + 1, j);
    i_ = j + 1;
    return true;
  }
  bool template_literal() {
    size_t begin = ++i_, n = t_.size(), text = begin;
    bool substitutions = false;
    while (i_ < n && t_[i_] != '`') {
      if (t_[i_] == '\\') {
        i_ += 2;
      } else if (t_[i_] == '$' && i_ + 1 < n && t_[i_ + 1] == '{') {
        blank(text, i_);
        substitutions = true;
        i_ += 2;
        if (!code(true)) return false;
        text = i_;
      } else {
        ++i_;
      }
    }
    if (i_ >= n) return false;
    blank(text, i_);
    literal({t_.substr(begin, i_ - begin), substitutions}, i_, i_);
    ++i_;
    return true;
  }
  /// A JSX expression `{...}` from its brace: its value is an attribute's or a child, never a
  /// piece of a string, so without `+` or a template inside, each of its literals is whole.
  bool container() {
    size_t begin = i_++, first = pending_.size();
    ++containers_;
    bool ok = code(true);
    --containers_;
    if (!ok) return false;
    std::string_view inside = t_.substr(begin, i_ - begin);
    if (inside.find('+') == std::string_view::npos && inside.find('`') == std::string_view::npos)
      for (size_t k = first; k < pending_.size(); ++k) pending_[k].whole = true;
    if (containers_ == 0) {
      if (found_)
        for (const ScriptLiteral& l : pending_) (*found_)(l);
      pending_.clear();
    }
    return true;
  }
  /// The code character before `at`, blanks skipped; 0 at the start or after a comment.
  char previous_code(size_t at) const {
    while (at > 0 && ascii_blank(t_[at - 1])) --at;
    if (at == 0 || (at >= 2 && t_[at - 1] == '/' && t_[at - 2] == '*')) return 0;
    return t_[at - 1];
  }
  /// The code character at or after `at`, blanks skipped; 0 at the end or before a comment.
  char next_code(size_t at) const {
    while (at < t_.size() && ascii_blank(t_[at])) ++at;
    if (at >= t_.size() || (t_[at] == '/' && at + 1 < t_.size() && (t_[at + 1] == '/' || t_[at + 1] == '*'))) return 0;
    return t_[at];
  }
  /// Whether the word before `at`, on the same line, is `word`.
  bool word_before(size_t at, std::string_view word) const {
    while (at > 0 && (t_[at - 1] == ' ' || t_[at - 1] == '\t')) --at;
    if (at < word.size() || t_.substr(at - word.size(), word.size()) != word) return false;
    size_t b = at - word.size();
    return b == 0 || !(word_char(t_[b - 1]) || t_[b - 1] == '.');
  }
  /// A JSX element or fragment from its `<`, through its closing tag (of the same name) or its
  /// `/>`.
  bool element() {
    size_t n = t_.size();
    ++i_;
    std::string_view name = jsx_name();
    if (!name.empty() && i_ < n && t_[i_] == '<') {  // a generic component's type arguments: <Table<Row> ...>
      int depth = 0;
      for (; i_ < n; ++i_) {
        if (t_[i_] == '<') ++depth;
        if (t_[i_] == '>' && t_[i_ - 1] != '=' && --depth == 0) break;
        if (t_[i_] == '"' || t_[i_] == '\'' || t_[i_] == '`' || t_[i_] == '{') return false;  // cannot tell
      }
      if (i_ >= n) return false;
      ++i_;
    }
    for (;;) {  // attributes
      skip_blanks_and_comments();
      if (i_ >= n) return false;
      char c = t_[i_];
      if (c == '/' && i_ + 1 < n && t_[i_ + 1] == '>') {
        i_ += 2;
        return true;
      }
      if (c == '>') {
        ++i_;
        break;
      }
      if (c == '{') {  // {...props}
        if (!container()) return false;
        continue;
      }
      if (name.empty() || jsx_name().empty()) return false;
      skip_blanks_and_comments();
      if (i_ >= n || t_[i_] != '=') continue;
      ++i_;
      skip_blanks_and_comments();
      if (i_ >= n) return false;
      c = t_[i_];
      if (c == '"' || c == '\'') {  // no escapes in JSX: the next quote closes it
        size_t e = t_.find(c, i_ + 1);
        if (e == std::string_view::npos) return false;
        literal({t_.substr(i_ + 1, e - i_ - 1), false, true}, i_ + 1, e);
        i_ = e + 1;
      } else if (c == '{') {
        if (!container()) return false;
      } else if (c == '<') {
        if (!element()) return false;
      } else {
        return false;
      }
    }
    for (;;) {  // children: text, {expressions}, elements, then the closing tag
      size_t text = i_;
      while (i_ < n && t_[i_] != '<' && t_[i_] != '{') ++i_;
      blank(text, i_);
      if (i_ >= n) return false;
      if (t_[i_] == '{') {
        if (!container()) return false;
        continue;
      }
      if (i_ + 1 < n && t_[i_ + 1] == '/') {
        i_ += 2;
        skip_blanks_and_comments();
        std::string_view closing = jsx_name();
        skip_blanks_and_comments();
        if (closing != name || i_ >= n || t_[i_] != '>') return false;
        ++i_;
        return true;
      }
      if (!element()) return false;
    }
  }
  /// A JSX tag's or attribute's name at i_ (`div`, `Foo.Bar`, `aria-label`, `xlink:href`), consumed.
  std::string_view jsx_name() {
    size_t b = i_;
    if (i_ < t_.size() && (std::isalpha(static_cast<unsigned char>(t_[i_])) || t_[i_] == '_' || t_[i_] == '$'))
      while (i_ < t_.size() && (word_char(t_[i_]) || t_[i_] == '-' || t_[i_] == '.' || t_[i_] == ':')) ++i_;
    return t_.substr(b, i_ - b);
  }
  void skip_blanks_and_comments() {
    for (size_t n = t_.size(); i_ < n;) {
      if (ascii_blank(t_[i_])) {
        ++i_;
      } else if (t_.substr(i_, 2) == "//") {
        size_t e = t_.find('\n', i_);
        if (e == std::string_view::npos) e = n;
        blank(i_, e);
        i_ = e;
      } else if (t_.substr(i_, 2) == "/*") {
        size_t e = t_.find("*/", i_ + 2);
        if (e == std::string_view::npos) e = n - 2;
        blank(i_, e + 2);
        i_ = e + 2;
      } else {
        return;
      }
    }
  }
  void literal(const ScriptLiteral& l, size_t from, size_t to) {
    blank(from, to);
    if (containers_ > 0) pending_.push_back(l);
    else if (found_) (*found_)(l);
  }
  void blank(size_t from, size_t to) {
    if (code_) blank_keeping_lines(*code_, from, to);
  }

  std::string_view t_;
  bool jsx_;
  const Found* found_;
  std::string* code_;
  size_t i_ = 0;
  int containers_ = 0;                 ///< open JSX expressions
  std::vector<ScriptLiteral> pending_;  ///< their literals, handed on when the outermost closes
};

}  // namespace

bool is_script_language(std::string_view language) {
  return language == "javascript" || language == "typescript" || language == "tsx";
}

bool script_has_jsx(std::string_view language) { return language == "javascript" || language == "tsx"; }

bool script_literals(std::string_view text, bool jsx, const std::function<void(const ScriptLiteral&)>& found) {
  return ScriptLexer(text, jsx, &found, nullptr).all();
}

std::optional<std::string> script_code_only(std::string_view text, bool jsx) {
  std::string code(text);
  if (!ScriptLexer(text, jsx, nullptr, &code).all()) return std::nullopt;
  return code;
}

bool script_calls_with_argument(std::string_view code, const std::vector<std::string_view>& names, bool tagged) {
  auto blank = [&](size_t k) { return k < code.size() && ascii_blank(code[k]); };
  // Whether the name that ends at `k` is called with an argument, or cannot be told.
  auto called = [&](size_t k) {
    while (blank(k)) ++k;
    if (k >= code.size()) return true;  // cannot tell
    char c = code[k];
    if (c == '`' && tagged) return true;
    if (c == '<' || c == '/' || (c == '!' && (k + 1 >= code.size() || code[k + 1] != '=')) || code.substr(k, 2) == "?.")
      return true;  // type arguments, a comment in a whole text, a non-null or optional call: not read further
    if (c != '(') return false;
    ++k;
    while (blank(k)) ++k;
    return k >= code.size() || code[k] != ')';
  };
  // A name found as a whole word is a word of the text: the text's words are read once and each
  // looked up, not each name searched through the text ("one" and "any" stop at every "none").
  // By first byte, bit k set when a name of k bytes starts with it (k < 64; 0 for longer ones).
  std::array<uint64_t, 256> starts{};
  for (std::string_view name : names) {
    if (name.empty()) continue;
    if (!std::all_of(name.begin(), name.end(), word_char)) {  // not a word: searched as written
      for (size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
        size_t k = at + name.size();
        if ((at > 0 && word_char(code[at - 1])) || (k < code.size() && word_char(code[k]))) continue;
        if (called(k)) return true;
      }
      continue;
    }
    starts[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
  }
  return each_script_word(code, [&](size_t i, size_t end) {
    std::string_view word = code.substr(i, end - i);
    if (!((starts[static_cast<unsigned char>(word[0])] >> (word.size() < 64 ? word.size() : 0)) & 1)) return false;
    return std::find(names.begin(), names.end(), word) != names.end() && called(end);
  });
}

namespace {

bool names(std::string_view c, std::string_view word, bool call) {
  for (size_t at = c.find(word); at != std::string_view::npos; at = c.find(word, at + 1)) {
    size_t k = at + word.size();
    if ((at > 0 && word_char(c[at - 1])) || (k < c.size() && word_char(c[k]))) continue;
    if (!call) return true;
    while (k < c.size() && ascii_blank(c[k])) ++k;
    if (k >= c.size() || c[k] == '(' || c[k] == '<' || c[k] == '?' || c[k] == '!' || c[k] == '/')
      return true;  // f<T>(, f?.(, f!(, and a comment in a whole text: cannot tell
  }
  return false;
}

}  // namespace

bool script_code_names(std::string_view text, std::string_view word, bool call) {
  // The whole text first: most files fail there, and are not lexed.
  if (word.empty() || !names(text, word, call)) return false;
  std::optional<std::string> code = script_code_only(text, true);
  return !code || names(*code, word, call);
}

namespace {

bool calls(std::string_view language, std::string_view text, const std::vector<std::string_view>& names, bool tagged) {
  // The whole text first (strings and comments count there too): most files fail there, and
  // are not lexed.
  if (!script_calls_with_argument(text, names, tagged)) return false;
  std::optional<std::string> code = script_code_only(text, script_has_jsx(language));
  return !code || script_calls_with_argument(*code, names, tagged);
}

}  // namespace

bool script_may_call_database(std::string_view language, std::string_view text,
                              const std::vector<std::string_view>& database_calls) {
  return calls(language, text, database_calls, true);
}

bool script_may_wrap_database_call(std::string_view language, std::string_view text,
                                   const std::vector<std::string_view>& database_calls) {
  return calls(language, text, database_calls, false);
}

}  // namespace schemagate::languages
