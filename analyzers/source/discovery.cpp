#include "analyzers/source/discovery.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace schemagate::source {
namespace {

// The glob is compiled to tokens and matched as an NFA: the set of token positions reachable
// after each character of the path. A backtracking matcher takes exponential time on
// `*a*a*a*a*a*a*a*a*b` against a long name, and a .gitignore is input from the pull request.
struct GlobToken {
  enum Kind { Literal, AnyChar, Class, Star, DoubleStar } kind = Literal;
  char c = 0;
  std::string set;  // Class: the characters between the brackets, ranges kept as "a-z"
  bool negated = false;
};

std::vector<GlobToken> compile_glob(std::string_view p) {
  std::vector<GlobToken> tokens;
  for (size_t i = 0; i < p.size();) {
    GlobToken t;
    if (p[i] == '\\' && i + 1 < p.size()) {
      t.c = p[i + 1];
      i += 2;
    } else if (p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      // '**/' matches zero or more components; a trailing '**' matches everything.
      t.kind = GlobToken::DoubleStar;
      i += 2;
      while (i < p.size() && p[i] == '*') ++i;
      if (i < p.size() && p[i] == '/') ++i;
    } else if (p[i] == '*') {
      t.kind = GlobToken::Star;
      while (i < p.size() && p[i] == '*') ++i;
    } else if (p[i] == '?') {
      t.kind = GlobToken::AnyChar;
      ++i;
    } else if (p[i] == '[' && p.find(']', i + 1) != std::string_view::npos) {
      size_t close = p.find(']', i + 1);
      std::string_view cls = p.substr(i + 1, close - i - 1);
      t.kind = GlobToken::Class;
      t.negated = !cls.empty() && (cls[0] == '!' || cls[0] == '^');
      if (t.negated) cls.remove_prefix(1);
      t.set = std::string(cls);
      i = close + 1;
    } else {
      t.c = p[i++];
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool class_matches(const GlobToken& t, char c) {
  bool in = false;
  const std::string& cls = t.set;
  for (size_t i = 0; i < cls.size(); ++i) {
    if (i + 2 < cls.size() && cls[i + 1] == '-') {
      if (c >= cls[i] && c <= cls[i + 2]) in = true;
      i += 2;
    } else if (cls[i] == c) {
      in = true;
    }
  }
  return in != t.negated;
}

bool match_tokens(const std::vector<GlobToken>& tokens, std::string_view s) {
  const size_t n = tokens.size();
  // Every path of the tree meets every ignore rule: answer the usual "no" before the automaton.
  // A literal token consumes exactly one character, so a pattern that starts (ends) with one
  // matches only a path that starts (ends) with that character; one without wildcards matches
  // only itself.
  if (n > 0 && tokens.front().kind == GlobToken::Literal && (s.empty() || s.front() != tokens.front().c)) return false;
  if (n > 0 && tokens.back().kind == GlobToken::Literal && (s.empty() || s.back() != tokens.back().c)) return false;
  if (std::all_of(tokens.begin(), tokens.end(), [](const GlobToken& t) { return t.kind == GlobToken::Literal; })) {
    if (s.size() != n) return false;
    for (size_t k = 0; k < n; ++k)
      if (s[k] != tokens[k].c) return false;
    return true;
  }
  // State k: tokens [0, k) matched. For a '**' token k, `inside[k]` says it has consumed at
  // least one character, after which it may end only at a component boundary.
  thread_local std::vector<char> at, inside, next_at, next_inside;
  at.assign(n + 1, 0);
  inside.assign(n + 1, 0);
  next_at.assign(n + 1, 0);
  next_inside.assign(n + 1, 0);
  auto close = [&](std::vector<char>& a, const std::vector<char>& in, size_t pos) {
    // Epsilon moves go forward only, so one pass in token order reaches the closure.
    for (size_t k = 0; k < n; ++k) {
      bool entered = a[k];
      if (tokens[k].kind == GlobToken::Star && entered) a[k + 1] = 1;
      if (tokens[k].kind == GlobToken::DoubleStar && (entered || (in[k] && pos > 0 && s[pos - 1] == '/')))
        a[k + 1] = 1;
    }
  };
  at[0] = 1;
  close(at, inside, 0);
  for (size_t pos = 0; pos < s.size(); ++pos) {
    char c = s[pos];
    std::fill(next_at.begin(), next_at.end(), 0);
    std::fill(next_inside.begin(), next_inside.end(), 0);
    bool any = false;
    for (size_t k = 0; k < n; ++k) {
      const GlobToken& t = tokens[k];
      if (t.kind == GlobToken::DoubleStar) {
        // A trailing '**' matches whatever is left.
        if ((at[k] || inside[k]) && k + 1 == n) return true;
        if (at[k] || inside[k]) next_inside[k] = any = 1;
        continue;
      }
      if (!at[k]) continue;
      bool ok = false;
      switch (t.kind) {
        case GlobToken::Literal: ok = c == t.c; break;
        case GlobToken::AnyChar: ok = c != '/'; break;
        case GlobToken::Class: ok = class_matches(t, c); break;
        case GlobToken::Star:
          if (c != '/') next_at[k] = any = 1;  // stays on the star
          break;
        case GlobToken::DoubleStar: break;
      }
      if (ok) next_at[k + 1] = any = 1;
    }
    if (!any) return false;
    std::swap(at, next_at);
    std::swap(inside, next_inside);
    close(at, inside, pos + 1);
  }
  if (at[n]) return true;
  return n > 0 && tokens[n - 1].kind == GlobToken::DoubleStar && (at[n - 1] || inside[n - 1]);
}

bool match_here(std::string_view pattern, std::string_view s) { return match_tokens(compile_glob(pattern), s); }

struct IgnoreRule {
  std::string base;     // directory of the .gitignore, root-relative ("" for root)
  std::string pattern;  // without '!' and trailing '/'
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;  // contains '/' other than at the end
  std::vector<GlobToken> tokens;  // the compiled pattern
  /// The longest run of literal tokens: a literal token matches its own character only, so a
  /// subject without this run cannot match. Most paths lack it (`*kubeconfig*`, `**/.terraform/*`),
  /// and a substring search answers them before the automaton runs.
  std::string needle;
  /// The first and last tokens' characters when they are literals (a literal token matches its own
  /// character only), else 0; `literal`: every token is a literal, so the pattern matches itself only.
  char first = 0, last = 0;
  bool literal = false;
  std::string pattern_literal;  ///< when `literal`: the characters the pattern matches
};

std::string longest_literal_run(const std::vector<GlobToken>& tokens) {
  std::string best, run;
  for (auto& t : tokens) {
    if (t.kind == GlobToken::Literal) {
      run += t.c;
      if (run.size() > best.size()) best = run;
    } else {
      run.clear();
    }
  }
  return best;
}

/// `name`: the last component of `path`, which a rule without '/' matches alone, whichever
/// directory its .gitignore is in.
bool rule_matches(const IgnoreRule& r, const std::string& path, std::string_view name, bool is_dir) {
  if (r.dir_only && !is_dir) return false;
  // What match_tokens would answer first, in constant time, before the base and the substring
  // search: most rules meet most paths, and few match.
  auto cheap_no = [&](std::string_view rel) {
    return (r.first && (rel.empty() || rel.front() != r.first)) || (r.last && (rel.empty() || rel.back() != r.last));
  };
  if (!r.anchored && cheap_no(name)) return false;
  std::string_view rel = path;
  if (!r.base.empty()) {
    if (path.size() <= r.base.size() || path[r.base.size()] != '/' || path.compare(0, r.base.size(), r.base) != 0)
      return false;
    rel.remove_prefix(r.base.size() + 1);
  }
  if (!r.anchored) rel = name;
  else if (cheap_no(rel)) return false;
  if (r.literal) return rel == r.pattern_literal;
  if (!r.needle.empty() && rel.find(r.needle) == std::string_view::npos) return false;
  return match_tokens(r.tokens, rel);
}

/// The ignore rules in force, in their order, indexed by the character a path's name must end in:
/// a rule without '/' whose pattern ends in a literal character (`*.log`, `node_modules`) cannot
/// match a name that ends otherwise (rule_matches' first test), so it is not asked of one. Every
/// path the walk meets is asked of every rule, and few match: on hatchet's hundred rules, walking
/// them all was 4% of a pre-commit run.
class IgnoreRules {
 public:
  size_t size() const { return rules_.size(); }
  void add(IgnoreRule r) {
    const uint32_t index = static_cast<uint32_t>(rules_.size());
    if (!r.anchored && r.last) by_last_[static_cast<unsigned char>(r.last)].push_back(index);
    else others_.push_back(index);
    rules_.push_back(std::move(r));
  }
  /// Drops the rules from the n-th on (those of a .gitignore the walk has left).
  void truncate(size_t n) {
    auto drop = [&](std::vector<uint32_t>& indices) {
      while (!indices.empty() && indices.back() >= n) indices.pop_back();
    };
    for (size_t k = n; k < rules_.size(); ++k)
      if (!rules_[k].anchored && rules_[k].last) drop(by_last_[static_cast<unsigned char>(rules_[k].last)]);
    drop(others_);
    rules_.erase(rules_.begin() + static_cast<std::ptrdiff_t>(n), rules_.end());
  }
  /// Whether the last rule that matches `path` ignores it (none: not ignored), as git decides.
  bool ignored(const std::string& path, bool is_dir) const {
    std::string_view name = path;
    if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    static const std::vector<uint32_t> kNone;
    const std::vector<uint32_t>& ending = name.empty() ? kNone : by_last_[static_cast<unsigned char>(name.back())];
    bool result = false;
    // Both lists in the rules' order, merged: a later match overrides an earlier one.
    for (size_t i = 0, j = 0; i < ending.size() || j < others_.size();) {
      uint32_t k = j == others_.size() || (i < ending.size() && ending[i] < others_[j]) ? ending[i++] : others_[j++];
      if (rule_matches(rules_[k], path, name, is_dir)) result = !rules_[k].negate;
    }
    return result;
  }

 private:
  std::vector<IgnoreRule> rules_;
  std::array<std::vector<uint32_t>, 256> by_last_;  ///< rule indices, ascending
  std::vector<uint32_t> others_;                    ///< the other rules' indices, ascending
};

void parse_ignore_rules(const std::string& text, const std::string& dir, IgnoreRules* rules) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing blanks are dropped unless escaped ("a\ "), as git does.
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    IgnoreRule r;
    r.base = dir;
    if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.erase(0, 1);  // "\#file", "\!file": the character itself
    } else if (line[0] == '!') {
      r.negate = true;
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      r.dir_only = true;
      line.pop_back();
    }
    if (!line.empty() && line[0] == '/') {
      r.anchored = true;
      line.erase(0, 1);
    }
    if (line.find('/') != std::string::npos) r.anchored = true;
    if (line.empty()) continue;
    r.pattern = line;
    r.tokens = compile_glob(line);
    r.needle = longest_literal_run(r.tokens);
    if (!r.tokens.empty() && r.tokens.front().kind == GlobToken::Literal) r.first = r.tokens.front().c;
    if (!r.tokens.empty() && r.tokens.back().kind == GlobToken::Literal) r.last = r.tokens.back().c;
    r.literal = std::all_of(r.tokens.begin(), r.tokens.end(), [](const GlobToken& t) { return t.kind == GlobToken::Literal; });
    if (r.literal)
      for (auto& t : r.tokens) r.pattern_literal += t.c;
    rules->add(std::move(r));
  }
}

/// The .gitignore of `dir`, whose entries are `listing`. A .gitignore that exists but cannot be
/// read is an error: the files it ignores would be scanned (or, negated, missed) without a word.
bool read_gitignore(const FileSystem& fs, const std::string& root, const std::string& dir,
                    const std::vector<DirEntry>& listing, IgnoreRules* rules, std::string* err) {
  // A directory whose listing names no .gitignore has none: is_file is asked only of one that
  // does (a link, a directory of that name), not of each of the tree's directories.
  if (std::none_of(listing.begin(), listing.end(), [](const DirEntry& e) { return e.name == ".gitignore"; })) return true;
  std::string path = join_path(join_path(root, dir), ".gitignore");
  if (!fs.is_file(path)) return true;
  std::string text, why;
  if (!fs.read(path, &text, &why)) {
    if (err) *err = join_path(dir, ".gitignore") + ": cannot read: " + why;
    return false;
  }
  parse_ignore_rules(text, dir, rules);
  return true;
}

const std::set<std::string>& skipped_dir_names() {
  static const std::set<std::string> names = {"node_modules", "vendor", "dist", "build", "out", "target",
                                              "venv", "__pycache__", "coverage", "bower_components",
                                              "site-packages"};
  return names;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& rel) {
  for (auto& g : globs)
    if (glob_match(g, rel)) return true;
  return false;
}

/// `rules`: the rules in force above `dir`; its own .gitignore's are appended for the walk below
/// it and dropped again on return, so the rules are never copied per directory.
bool walk(const FileSystem& fs, const std::string& root, const std::string& dir, const DiscoveryOptions& opt,
          IgnoreRules& rules, std::vector<std::string>* out, std::string* err) {
  const size_t inherited = rules.size();
  struct Restore {
    IgnoreRules& rules;
    size_t size;
    ~Restore() { rules.truncate(size); }
  } restore{rules, inherited};
  std::string why;
  const std::shared_ptr<const std::vector<DirEntry>> listing = fs.read_dir_shared(join_path(root, dir), &why);
  if (!listing) {
    if (err) *err = (dir.empty() ? std::string(".") : dir) + ": cannot list directory: " + why;
    return false;
  }
  if (!read_gitignore(fs, root, dir, *listing, &rules, err)) return false;
  auto skip = [&](const std::string& rel, std::string reason) {
    if (opt.skipped) opt.skipped->push_back({rel, std::move(reason)});
  };
  std::string rel = dir.empty() ? std::string() : dir + "/";  // each entry's path, in one buffer
  const size_t base = rel.size();
  for (auto& e : *listing) {
    // A listing never names the directory itself or its parent; one that did (found by
    // fuzz_glob through an in-memory tree) would recurse forever.
    if (e.name.empty() || e.name == "." || e.name == "..") continue;
    rel.resize(base);
    rel.append(e.name);
    if (e.is_dir) {
      if (e.name[0] == '.' || skipped_dir_names().count(e.name)) continue;
      if (std::find(opt.skip_dirs.begin(), opt.skip_dirs.end(), rel) != opt.skip_dirs.end()) continue;
      if (rules.ignored(rel, true)) continue;
      if (matches_any(opt.exclude, rel)) continue;
      if (!walk(fs, root, rel, opt, rules, out, err)) return false;
    } else {
      // Migration files that are not code (golang-migrate's up files, Rails' <version>_<name>.rb)
      // are listed for migration discovery.
      const bool migration_name = is_migration_name(e.name);
      if (migration_name && opt.other_migrations && e.skip_reason.empty() && e.name.size() > 7 &&
          (e.name.compare(e.name.size() - 7, 7, ".up.sql") == 0 || e.name.compare(e.name.size() - 3, 3, ".rb") == 0) &&
          !rules.ignored(rel, false))
        opt.other_migrations->push_back(rel);
      if (e.name[0] == '.' || migration_name) continue;
      if (rules.ignored(rel, false)) continue;
      // A migration set that is one file beside the code (lnbits' migrations.py).
      if (!opt.skip_dirs.empty() && std::find(opt.skip_dirs.begin(), opt.skip_dirs.end(), rel) != opt.skip_dirs.end()) continue;
      if (matches_any(opt.exclude, rel)) continue;
      if (!opt.include.empty() && !matches_any(opt.include, rel)) continue;
      if (!e.skip_reason.empty()) skip(rel, e.skip_reason);
      else if (is_minified_name(e.name)) skip(rel, "minified or bundled JavaScript (by its name)");
      else if (is_never_run_name(e.name)) skip(rel, "code that never runs (a type test or an example)");
      else if (opt.max_file_size && e.size > opt.max_file_size)
        skip(rel, "larger than " + std::to_string(opt.max_file_size) + " bytes (--max-file-size)");
      else out->push_back(rel);
    }
  }
  return true;
}

// ASCII only, without locale lookups: this runs over every byte of every candidate file.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr auto kWordChars = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();
inline bool word_char(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

}  // namespace

namespace {

enum StatementWord { Other, Insert, Delete, Merge, Select, Update, Create, Into, From, Set, Table, View };

/// The statement shape read word by word (may_contain_sql): at every word, whether the words so
/// far hold one. A word of the window only needs the last verb before it: the nearest one has
/// the window that reaches furthest.
class StatementShape {
 public:
  explicit StatementShape(std::string_view text) : text_(text) {}
  /// The next word, text[begin, end), is `w`; true: the text holds a statement shape.
  bool word(StatementWord w, size_t begin, size_t end) {
    if (pending_ != Other) {
      bool blanks = true;
      for (size_t k = pending_end_; k < begin && blanks; ++k) blanks = std::isspace(static_cast<unsigned char>(text_[k]));
      if (blanks && (pending_ == Delete ? w == From : w == Into)) return true;
      pending_ = Other;
    }
    switch (w) {
      case Insert: case Delete: case Merge: pending_ = w, pending_end_ = end; break;
      case Select: select_end_ = end; break;
      case Update: update_end_ = end; break;
      case Create: create_end_ = end; break;
      case From: if (select_end_ != kNone && begin < select_end_ + 4000) return true; break;
      case Set: if (update_end_ != kNone && begin < update_end_ + 400) return true; break;
      // A file that only creates a table at start-up (CREATE TABLE IF NOT EXISTS, CREATE TEMP
      // TABLE) must still be read: the relation it creates exists for the queries elsewhere.
      case Table: case View: if (create_end_ != kNone && begin < create_end_ + 40) return true; break;
      default: break;
    }
    return false;
  }

 private:
  static constexpr size_t kNone = std::string_view::npos;
  std::string_view text_;
  size_t select_end_ = kNone, update_end_ = kNone, create_end_ = kNone;  // end of the last such verb
  StatementWord pending_ = Other;  // INSERT, DELETE or MERGE whose next word (blanks between) is asked
  size_t pending_end_ = 0;
};

constexpr std::pair<std::string_view, StatementWord> kStatementWords[] = {
    {"insert", Insert}, {"delete", Delete}, {"merge", Merge}, {"select", Select}, {"update", Update}, {"create", Create},
    {"into", Into},     {"from", From},     {"set", Set},     {"table", Table},   {"view", View}};

/// statement_words(): the last three letters of each statement word ("ect", "rom", ...) in every
/// ASCII case, and for each the statement words that end so. Three letters, not the words: the
/// 440 cases of the whole words made the search's automaton the most of its cost to build.
struct StatementWordTable {
  std::vector<std::string> tails;
  std::vector<std::vector<std::pair<std::string_view, StatementWord>>> words;  // by tail
};

const StatementWordTable& statement_word_table() {
  static const StatementWordTable table = [] {
    StatementWordTable t;
    std::vector<std::string> lower;  // each tail once, in lower case
    for (auto [word, kind] : kStatementWords) {
      std::string tail(word.substr(word.size() - 3));
      size_t at = static_cast<size_t>(std::find(lower.begin(), lower.end(), tail) - lower.begin());
      if (at == lower.size()) lower.push_back(tail);
      for (unsigned mask = 0; mask < 8; ++mask) {
        std::string w = tail;
        for (size_t k = 0; k < 3; ++k)
          if (mask & (1u << k)) w[k] = static_cast<char>(w[k] - 32);
        if (at * 8 + mask == t.tails.size()) {
          t.tails.push_back(std::move(w));
          t.words.emplace_back();
        }
        t.words[at * 8 + mask].push_back({word, kind});
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

// One pass over the words of the text, each looked up once: the scan asks at every word start
// for six verbs and, after SELECT, UPDATE and CREATE, for a word within a window (4000, 400 and
// 40 bytes from the verb's end). Go's `select {` made the word-by-word window search the most
// of this scan's time on hatchet.
bool may_contain_sql(std::string_view text) {
  auto classify = [](std::string_view w) {
    char lower[6];
    for (size_t k = 0; k < w.size(); ++k) lower[k] = ascii_lower(w[k]);
    std::string_view l(lower, w.size());
    switch (w.size()) {
      case 3: return l == "set" ? Set : Other;
      case 4: return l == "into" ? Into : l == "from" ? From : l == "view" ? View : Other;
      case 5: return l == "merge" ? Merge : l == "table" ? Table : Other;
      case 6:
        return l == "insert" ? Insert : l == "delete" ? Delete : l == "select" ? Select
             : l == "update" ? Update : l == "create" ? Create : Other;
    }
    return Other;
  };
  StatementShape shape(text);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    size_t begin = i;
    while (i < n && word_char(text[i])) ++i;
    StatementWord w = i - begin >= 3 && i - begin <= 6 ? classify(text.substr(begin, i - begin)) : Other;
    if (shape.word(w, begin, i)) return true;
  }
  return false;
}

const std::vector<std::string>& statement_words() { return statement_word_table().tails; }

// Each place a tail ends is checked for the whole word (in any case) that ends there. The words
// of the text that are no statement word are not seen here: each only ends a pending INSERT,
// DELETE or MERGE, and so does the text it leaves between that verb and the next statement
// word, which is then not all blanks.
bool may_contain_sql(std::string_view text, const std::vector<WordHit>& places) {
  const StatementWordTable& table = statement_word_table();
  StatementShape shape(text);
  for (const WordHit& h : places) {
    if (h.end < text.size() && word_char(text[h.end])) continue;  // not the end of a word
    for (auto [word, kind] : table.words[h.word]) {
      if (h.end < word.size()) continue;
      size_t begin = h.end - word.size();
      if (begin > 0 && word_char(text[begin - 1])) continue;  // not the start of a word
      bool same = true;
      for (size_t k = 0; k + 3 < word.size() && same; ++k) same = ascii_lower(text[begin + k]) == word[k];
      if (!same) continue;
      if (shape.word(kind, begin, h.end)) return true;
      break;  // one word ends here
    }
  }
  return false;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.find('/') == std::string_view::npos) {
    auto slash = path.rfind('/');
    return match_here(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  if (!pattern.empty() && pattern[0] == '/') pattern.remove_prefix(1);
  return match_here(pattern, path);
}

bool discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options,
                    std::vector<std::string>* files, std::string* err) {
  files->clear();
  // The user's core.excludesFile, then .git/info/exclude (the repository's own ignore rules),
  // then the .gitignore files: each overrides the one before, as in git.
  IgnoreRules rules;
  parse_ignore_rules(options.excludes_rules, "", &rules);
  std::string exclude_path = join_path(root, ".git/info/exclude"), text, why;
  if (fs.is_file(exclude_path) && fs.read(exclude_path, &text, &why)) parse_ignore_rules(text, "", &rules);
  bool ok = walk(fs, root, "", options, rules, files, err);
  std::sort(files->begin(), files->end());
  if (options.skipped)
    std::sort(options.skipped->begin(), options.skipped->end(),
              [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  return ok;
}

namespace {
thread_local WalkMemo* active_memo = nullptr;

bool default_options(const DiscoveryOptions& o) {
  return o.include.empty() && o.exclude.empty() && o.skip_dirs.empty() && !o.other_migrations && !o.max_file_size &&
         !o.skipped && o.excludes_rules.empty();
}
}  // namespace

WalkMemo::WalkMemo(const FileSystem& fs, std::string root, std::vector<std::string> files)
    : fs_(&fs), root_(std::move(root)), files_(std::move(files)), outer_(active_memo) {
  active_memo = this;
}

WalkMemo::~WalkMemo() { active_memo = outer_; }

std::vector<std::string> discover_files(const FileSystem& fs, const std::string& root, const DiscoveryOptions& options) {
  if (active_memo && active_memo->fs_ == &fs && active_memo->root_ == root && default_options(options))
    return active_memo->files_;
  std::vector<std::string> out;
  std::string err;
  discover_files(fs, root, options, &out, &err);
  return out;
}

bool check_readable_tree(const FileSystem& fs, const std::string& root, const std::string& dir, int depth,
                         std::string* err) {
  std::vector<DirEntry> entries;
  std::string why;
  if (!fs.read_dir(join_path(root, dir), &entries, &why)) {
    if (err) *err = dir + ": cannot list directory: " + why;
    return false;
  }
  for (auto& e : entries) {
    std::string path = join_path(dir, e.name);
    if (!e.skip_reason.empty()) {
      if (err) *err = path + ": cannot read: " + e.skip_reason;
      return false;
    }
    if (e.is_dir && depth > 0 && !check_readable_tree(fs, root, path, depth - 1, err)) return false;
  }
  return true;
}

// Besides the usual markers, a first line saying the file is auto generated (immich's
// "-- NOTE: This file is auto generated by ./sql-generator": the SQL its repositories send,
// written out from the code that is checked itself).
bool is_generated(std::string_view text) {
  // Each scan phase asks this of each file it reads. Not memmem: its setup costs more than find
  // over a kilobyte.
  std::string_view head = text.substr(0, 1024);
  if (head.find("@generated") != std::string_view::npos) return true;
  auto cg = head.find("Code generated");
  if (cg != std::string_view::npos && head.find("DO NOT EDIT", cg) != std::string_view::npos) return true;
  // The first line, in any case, read in place: "auto generated", "auto-generated", "autogenerated".
  std::string_view first = head.substr(0, head.find('\n'));
  for (size_t k = 0; k + 4 <= first.size(); ++k) {
    if (ascii_lower(first[k]) != 'a' || ascii_lower(first[k + 1]) != 'u' || ascii_lower(first[k + 2]) != 't' ||
        ascii_lower(first[k + 3]) != 'o')
      continue;
    size_t g = k + 4;
    if (g < first.size() && (first[g] == ' ' || first[g] == '-')) ++g;
    constexpr std::string_view kGenerated = "generated";
    if (first.size() - g < kGenerated.size()) continue;
    bool same = true;
    for (size_t i = 0; i < kGenerated.size() && same; ++i) same = ascii_lower(first[g + i]) == kGenerated[i];
    if (same) return true;
  }
  return false;
}

// Newlines are counted only until there are enough for an average of 200 bytes a line: an
// ordinary source file answers within its first few kilobytes.
bool is_minified(std::string_view text) {
  std::string_view head = text.substr(0, 64 * 1024);
  const size_t lines_needed = (head.size() + 199) / 200;  // not minified once newlines + 1 reach it
  size_t newlines = 0;
  for (size_t at = 0; newlines + 1 < lines_needed; ++newlines, ++at) {
    at = head.find('\n', at);
    if (at == std::string_view::npos) break;
  }
  if (newlines + 1 >= lines_needed) return false;
  size_t begin = 0;
  for (int line = 0; line < 20 && begin < head.size(); ++line) {
    size_t nl = head.find('\n', begin);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    if (end - begin > 1000) return true;
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
  return false;
}

bool is_test_file(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends("_test.go") || ends("_test.py") || path.find("__tests__/") != std::string_view::npos) return true;
  // A tests/ or test/ directory at any depth (pytest layouts, Node's test/ folders).
  for (std::string_view dir : {"tests/", "test/"})
    if (path.rfind(dir, 0) == 0 || path.find("/" + std::string(dir)) != std::string_view::npos) return true;
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.rfind("test_", 0) == 0 && ends(".py")) return true;
  return name.find(".test.") != std::string_view::npos || name.find(".spec.") != std::string_view::npos ||
         name.find(".test-d.") != std::string_view::npos;  // tsd type tests: never run
}

bool is_migration_name(std::string_view n) {
  // Every file of the tree is asked, twice: compared in place, without a lower-case copy.
  auto ends_with = [&](std::string_view suffix) {  // `suffix` is lower case
    if (n.size() <= suffix.size()) return false;
    for (size_t i = 0, at = n.size() - suffix.size(); i < suffix.size(); ++i)
      if (ascii_lower(n[at + i]) != suffix[i]) return false;
    return true;
  };
  auto digits = [&] {
    size_t d = 0;
    while (d < n.size() && n[d] >= '0' && n[d] <= '9') ++d;
    return d;
  };
  if (ends_with(".rb")) {  // Rails: <timestamp>_<name>.rb
    size_t d = digits();
    return d >= 8 && d < n.size() - 3 && n[d] == '_';
  }
  size_t suffix = ends_with(".up.sql") ? 7 : ends_with(".down.sql") ? 9 : 0;
  if (!suffix) return false;
  size_t d = digits();
  return d > 0 && d < n.size() - suffix && n[d] == '_';
}

bool is_never_run_name(std::string_view name) {
  // tsd type tests (*.test-d.ts) are only type-checked, and *.example.* files are documentation:
  // the SQL in them never reaches a database, so their made-up tables are not findings.
  return name.find(".test-d.") != std::string_view::npos || name.find(".example.") != std::string_view::npos;
}

bool is_minified_name(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot)) ext.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (ext != ".js" && ext != ".mjs" && ext != ".cjs") return false;
  std::string_view stem = name.substr(0, dot);
  size_t begin = 0;
  bool first = true;
  while (begin <= stem.size()) {
    size_t end = stem.find_first_of(".-_", begin);
    if (end == std::string_view::npos) end = stem.size();
    std::string part;
    for (char c : stem.substr(begin, end - begin)) part.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!first && (part == "min" || part == "bundle")) return true;
    first = false;
    begin = end + 1;
  }
  return false;
}

}  // namespace schemagate::source
