// Go's site gate (go_prefilter.h): database calls counted by their arguments, literals placed
// by the code around them, on the file's text with its comments and literals blanked.
#include "analyzers/languages/go_prefilter.h"

#include <algorithm>
#include <array>
#include <functional>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <string>

#include "analyzers/languages/ascii_class.h"
#include "analyzers/languages/literal_scan.h"
#include "analyzers/languages/string_eval.h"
#include "analyzers/source/discovery.h"

namespace schemagate::languages {
namespace {

bool word(char c) { return go_word_byte(c); }
bool blank(char c) { return ascii_blank(c); }

/// The index of the last non-blank byte before `i`, or npos.
size_t before(std::string_view code, size_t i) {
  while (i > 0) {
    if (!blank(code[--i])) return i;
  }
  return std::string_view::npos;
}

/// The index of the first non-blank byte from `i`, or npos.
size_t after(std::string_view code, size_t i) {
  for (; i < code.size(); ++i)
    if (!blank(code[i])) return i;
  return std::string_view::npos;
}

/// The identifier that ends at `end` (exclusive), or "".
std::string_view word_ending_at(std::string_view code, size_t end) {
  size_t b = end;
  while (b > 0 && word(code[b - 1])) --b;
  return code.substr(b, end - b);
}

/// The bracket that opens at `open` closed: the index of its match, or npos.
size_t closing(std::string_view code, size_t open) {
  int depth = 0;
  for (size_t i = open; i < code.size(); ++i) {
    char c = code[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && --depth == 0) return i;
  }
  return std::string_view::npos;
}

/// The bracket left open before `at` (the innermost around it): its index, or npos.
size_t enclosing(std::string_view code, size_t at) {
  int depth = 0;
  for (size_t i = at; i > 0;) {
    char c = code[--i];
    if (c == ')' || c == ']' || c == '}') ++depth;
    if (c == '(' || c == '[' || c == '{') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return std::string_view::npos;
}

/// How many arguments a database call needs for its SQL to be one: the SQL's index plus one
/// (GoSyntax::sql_argument_index in go.cpp).
size_t needed_arguments(std::string_view name) {
  if (name == "GetContext" || name == "SelectContext") return 3;
  if (name == "Get" || name == "Select") return 2;
  if (name.size() > 7 && name.ends_with("Context")) return 2;
  return 1;
}

/// The arguments of the call whose list runs from `open` to `close` (its parentheses).
size_t argument_count(std::string_view code, size_t open, size_t close) {
  size_t count = 0;
  bool pending = false;  // an argument's text since the last comma
  int depth = 0;
  for (size_t i = open + 1; i < close; ++i) {
    char c = code[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth == 0 && c == ',') {
      count += pending;
      pending = false;
    } else if (!blank(c)) {
      pending = true;
    }
  }
  return count + pending;  // a trailing comma adds none
}

/// Whether the name at `at` is declared there (`func Get(`, `func (s *Store) Get(`), not called.
bool declared_here(std::string_view code, size_t at) {
  size_t p = before(code, at);
  if (p == std::string_view::npos) return false;
  if (word(code[p])) return word_ending_at(code, p + 1) == "func";
  if (code[p] != ')') return false;
  size_t open = enclosing(code, p);  // the receiver's parentheses
  if (open == std::string_view::npos || code[open] != '(' || closing(code, open) != p) return false;
  size_t f = before(code, open);
  return f != std::string_view::npos && word(code[f]) && word_ending_at(code, f + 1) == "func";
}

/// Whether an argument spelled `arg` cannot be SQL (GoSyntax::cannot_be_sql): `&dest`, `*p`,
/// `nil`, a number, a rune, `true` or `false`.
bool cannot_be_sql(std::string_view arg) {
  while (!arg.empty() && blank(arg.front())) arg.remove_prefix(1);
  while (!arg.empty() && blank(arg.back())) arg.remove_suffix(1);
  if (arg.empty()) return false;
  if (arg == "nil" || arg == "true" || arg == "false") return true;
  char c = arg.front();
  return c == '&' || c == '*' || c == '\'' || ascii_digit(c);
}

/// The argument `index` of the call whose list runs from `open` to `close` (its parentheses),
/// blanks trimmed: its offset and size in `code`; empty when there is none.
std::string_view nth_argument(std::string_view code, size_t open, size_t close, size_t index) {
  size_t from = open + 1, seen = 0;
  int depth = 0;
  for (size_t j = open + 1; j <= close; ++j) {
    char c = code[j];
    bool last = j == close;
    if (!last && (c == '(' || c == '[' || c == '{')) ++depth;
    if (!last && (c == ')' || c == ']' || c == '}')) --depth;
    if (last || (depth == 0 && c == ',')) {
      if (seen++ == index) {
        std::string_view arg = code.substr(from, j - from);
        while (!arg.empty() && blank(arg.front())) arg.remove_prefix(1);
        while (!arg.empty() && blank(arg.back())) arg.remove_suffix(1);
        return arg;
      }
      from = j + 1;
    }
  }
  return {};
}

/// Whether the first argument of the call whose list runs from `open` to `close` is a context
/// (GoSyntax::is_context: `ctx`, `reqCtx`, `context.Background()`, `r.Context()`), or the list
/// declares one first (an interface's `Get(ctx context.Context, name string)`). sqlx's Get and
/// Select take the destination first: what stands where their query would is then no SQL.
bool context_first(std::string_view code, size_t open, size_t close) {
  std::string_view arg = nth_argument(code, open, close, 0);
  size_t w = 0;
  while (w < arg.size() && word(arg[w])) ++w;
  std::string first(arg.substr(0, w));
  for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool context_name = first.find("ctx") != std::string::npos || first == "context";
  if (w == arg.size()) return context_name;
  if (context_name && blank(arg[w])) {  // a parameter: its name, then its type
    size_t t = after(arg, w);
    return t != std::string_view::npos && (word(arg[t]) || arg[t] == '*');
  }
  return arg == "context.Background()" || arg == "context.TODO()" || arg.ends_with(".Context()");
}

/// Whether `literal` (a Go string literal as written, quotes included) is one session or
/// transaction statement (`"SET statement_timeout=5000"`, `BEGIN`, `SHOW search_path`): the scan
/// reports no site for one, and it changes no schema. Not with an escape (read parsed) nor with
/// a second statement after a `;`.
bool session_statement(std::string_view literal) {
  if (literal.size() < 2 || (literal.front() != '"' && literal.front() != '`') || literal.back() != literal.front())
    return false;
  std::string_view body = literal.substr(1, literal.size() - 2);
  if (body.find(literal.front()) != std::string_view::npos || (literal.front() == '"' && body.find('\\') != std::string_view::npos))
    return false;
  size_t semicolon = body.find(';');
  if (semicolon != std::string_view::npos && after(body, semicolon + 1) != std::string_view::npos) return false;
  size_t b = after(body, 0);
  if (b == std::string_view::npos) return false;
  size_t e = b;
  while (e < body.size() && std::isalpha(static_cast<unsigned char>(body[e]))) ++e;
  if (e < body.size() && word(body[e])) return false;
  std::string verb(body.substr(b, e - b));
  for (char& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static const std::set<std::string, std::less<>> kSession = {"SET",     "RESET",   "SHOW",    "BEGIN",   "COMMIT",
                                                              "ROLLBACK", "SAVEPOINT", "RELEASE", "DISCARD", "LISTEN",
                                                              "UNLISTEN"};
  return kSession.count(verb) > 0;
}

/// Whether some call of a database call (`sql_argument`: the index of its SQL, or nullopt for
/// another name) is spelled with arguments enough for its SQL, or its arguments cannot be
/// counted. A call whose SQL would be its last argument and that argument cannot be SQL
/// (`future.Get(ctx, &result)`) passes none, nor one whose SQL is a session statement
/// (session_statement, read in `text`, the file as written, where given: `code` blanks literals).
bool calls_with_sql(std::string_view code, const std::function<std::optional<size_t>(std::string_view)>& sql_argument,
                    std::string_view text = {}) {
  // The names are found from the brackets, not by reading every word: each '(' or '[' (memchr
  // finds them), the word that ends before it (blanks between) without its leading digits (a
  // name never starts with one). They are asked in the order of the text.
  const char* bytes = code.data();
  size_t n = code.size();
  auto next = [&](char c, size_t from) {
    const void* at = from < n ? std::memchr(bytes + from, c, n - from) : nullptr;
    return at ? static_cast<size_t>(static_cast<const char*>(at) - bytes) : n;
  };
  size_t paren = next('(', 0), bracket = next('[', 0);
  while (paren < n || bracket < n) {
    size_t k = std::min(paren, bracket);
    if (k == paren) paren = next('(', k + 1);
    else bracket = next('[', k + 1);
    size_t end = k;
    while (end > 0 && blank(code[end - 1])) --end;
    size_t at = end;
    while (at > 0 && word(code[at - 1])) --at;
    while (at < end && ascii_digit(code[at])) ++at;
    if (at == end) continue;
    std::string_view name = code.substr(at, end - at);
    std::optional<size_t> index = sql_argument(name);
    if (!index) continue;
    if (code[k] == '[') return true;  // type arguments: not counted here
    if (declared_here(code, at)) continue;
    size_t close = closing(code, k);
    if (close == std::string_view::npos) return true;
    size_t count = argument_count(code, k, close);
    if (count <= *index) continue;
    if (*index == 1 && (name == "Get" || name == "Select") && context_first(code, k, close)) continue;
    if (!text.empty()) {
      // pgx's Exec(ctx, sql): the SQL after a context (as the extraction reads it).
      size_t at_sql = *index == 0 && count > 1 && context_first(code, k, close) ? 1 : *index;
      std::string_view arg = nth_argument(code, k, close, at_sql);
      if (!arg.empty() && session_statement(text.substr(static_cast<size_t>(arg.data() - code.data()), arg.size())))
        continue;
    }
    if (count == *index + 1) {  // the SQL is its last argument
      std::string_view arg = nth_argument(code, k, close, *index);
      if (cannot_be_sql(arg)) continue;
    }
    return true;
  }
  return false;
}


/// The index of the SQL argument of `go`'s database calls and of the wrappers `wrapper_argument` knows.
std::function<std::optional<size_t>(std::string_view)> database_calls(
    const Language& go, const std::function<const size_t*(std::string_view name)>& wrapper_argument) {
  // By first byte, bit k set when a database call of k bytes starts with it (k < 64; 0 for
  // longer names): most identifiers before a parenthesis are no such name, told without a
  // comparison.
  std::array<uint64_t, 256> starts{};
  for (std::string_view name : go.database_calls)
    if (!name.empty()) starts[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() < 64 ? name.size() : 0);
  return [&go, &wrapper_argument, starts](std::string_view name) -> std::optional<size_t> {
    bool maybe = !name.empty() && ((starts[static_cast<unsigned char>(name[0])] >> (name.size() < 64 ? name.size() : 0)) & 1);
    if (maybe && std::find(go.database_calls.begin(), go.database_calls.end(), name) != go.database_calls.end())
      return needed_arguments(name) - 1;
    if (wrapper_argument)
      if (const size_t* at = wrapper_argument(name)) return *at;
    return std::nullopt;
  };
}

/// Calls that report, log or assert: what they are given is a message or an expected value,
/// and what they return is no text a string expression goes on with.
bool reporting_call(std::string_view name) {
  static const std::set<std::string_view> kNames = {
      "Errorf", "Error", "Errorw", "New", "Wrap", "Wrapf", "Warn", "Warnf", "Warnw", "Info", "Infof", "Infow",
      "Debug", "Debugf", "Debugw", "Fatal", "Fatalf", "Panic", "Panicf", "Print", "Println", "Log", "Logf",
      "Run", "Skip", "Skipf", "Fail", "FailNow", "Failf", "Equal", "Equalf", "EqualValues", "NotEqual",
      "Contains", "NotContains", "ErrorContains", "EqualError", "ErrorIs", "True", "Truef", "False",
      "Falsef", "NoError", "Nil", "NotNil", "Len", "Empty", "NotEmpty", "Zero", "HasPrefix", "HasSuffix"};
  if (kNames.count(name)) return true;
  // gRPC status errors (temporal's serviceerror.NewInvalidArgument, NewNotFoundf).
  static const std::set<std::string_view> kStatus = {
      "Internal", "InvalidArgument", "NotFound", "FailedPrecondition", "DeadlineExceeded", "Unavailable",
      "PermissionDenied", "AlreadyExists", "Unimplemented", "Canceled", "ResourceExhausted", "Aborted",
      "Unauthenticated"};
  if (!name.starts_with("New")) return false;
  name.remove_prefix(3);
  if (name.ends_with('f')) name.remove_suffix(1);
  return kStatus.count(name) > 0;
}

/// Whether the literal whose quotes are at `open` and `close` stands alone: its text is the
/// whole text of the only string expression it is part of. An argument of a reporting call,
/// a `case` label, or a key or a field value of a composite literal. Not an element of a list
/// (strings.Join may glue it), a definition's value, an operand of `+` or of a formatting.
bool stands_alone(std::string_view code, size_t open, size_t close, const std::set<std::string_view>& declared) {
  size_t n = after(code, close + 1);
  if (n == std::string_view::npos) return false;
  char next = code[n];
  if (next != ',' && next != ')' && next != '}' && next != ':') return false;
  size_t p = before(code, open);
  if (p == std::string_view::npos) return false;
  char prev = code[p];
  if (word(prev)) return word_ending_at(code, p + 1) == "case" && (next == ':' || next == ',');
  size_t bracket = prev == '(' || prev == '{' ? p : prev == ',' || prev == ':' ? enclosing(code, p) : std::string_view::npos;
  if (bracket == std::string_view::npos) return false;
  if (code[bracket] == '{') return prev == ':' ? next != ':' : next == ':';  // a value, or a key
  if (code[bracket] != '(' || prev == ':' || next == ':') return false;
  size_t f = before(code, bracket);
  if (f == std::string_view::npos || !word(code[f])) return false;
  std::string_view callee = word_ending_at(code, f + 1);
  return reporting_call(callee) && !declared.count(callee);
}

/// Whether a call named `name` may build a longer text from a string argument, or hand it back
/// rewritten (GoSyntax's formatting, builders and transforms, sqlx's In, Named and Rebind).
bool builds_text(std::string_view name) {
  static const std::set<std::string_view> kNames = {
      "Sprintf", "Sprint", "Sprintln", "Fprintf", "Fprint", "Fprintln", "Join", "Replace", "ReplaceAll",
      "NewReplacer", "Repeat", "TrimSpace", "TrimPrefix", "TrimSuffix", "Trim", "TrimLeft", "TrimRight",
      "ToLower", "ToUpper", "Rebind", "In", "Named", "Write", "WriteString", "WriteByte", "WriteRune",
      "String", "append", "string", "Concat"};
  return kNames.count(name) > 0;
}

/// Whether the expression around [from, to) is an operand of `+` (or of `+=`): read outwards
/// past its selectors, calls and index expressions to the first other byte on each side.
bool summed(std::string_view code, size_t from, size_t to) {
  auto chain = [](char c) { return word(c) || c == '.' || blank(c); };
  size_t i = from;
  for (int depth = 0; i > 0; --i) {
    char c = code[i - 1];
    if (c == ')' || c == ']') {
      ++depth;
    } else if (c == '(' || c == '[') {
      if (depth == 0) break;
      --depth;
    } else if (depth == 0 && !chain(c)) {
      if (c == '+' || (c == '=' && i >= 2 && code[i - 2] == '+')) return true;
      break;
    }
  }
  for (int depth = 0; to < code.size(); ++to) {
    char c = code[to];
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (depth == 0) break;
      --depth;
    } else if (depth == 0 && !chain(c)) {
      return c == '+';
    }
  }
  return false;
}

/// Whether the literal whose quotes are at `open` and `close` is a whole argument of a call
/// that builds no text from it (`huh.NewSelect[string]().Title("Select a workflow")`): neither
/// a function of the file (string_eval.cpp inlines those) nor one of builds_text, in no sum.
/// Its text is then the whole text of its string expression, which is a site only when it reads
/// as SQL or a database call receives it: with no database call in the file, a prose text there
/// is none. A call of the project's wrappers is a database call (go_site_gate's caller asks).
bool argument_of_other_call(std::string_view code, size_t open, size_t close, const std::set<std::string_view>& declared) {
  size_t n = after(code, close + 1);
  if (n == std::string_view::npos || (code[n] != ',' && code[n] != ')')) return false;
  size_t p = before(code, open);
  if (p == std::string_view::npos) return false;
  size_t bracket = code[p] == '(' ? p : code[p] == ',' ? enclosing(code, p) : std::string_view::npos;
  if (bracket == std::string_view::npos || code[bracket] != '(') return false;
  size_t f = before(code, bracket);
  if (f == std::string_view::npos || !word(code[f])) return false;
  std::string_view callee = word_ending_at(code, f + 1);
  if (callee.empty() || declared.count(callee) || builds_text(callee)) return false;
  size_t end = closing(code, bracket);
  return end != std::string_view::npos && !summed(code, f + 1 - callee.size(), end + 1);
}

/// The names the file declares a function or a method by: a call of one may hand its
/// argument on (string_eval.cpp inlines the file's functions).
std::set<std::string_view> declared_functions(std::string_view code) {
  std::set<std::string_view> names;
  for (size_t at = code.find("func"); at != std::string_view::npos; at = code.find("func", at + 4)) {
    if ((at > 0 && word(code[at - 1])) || (at + 4 < code.size() && word(code[at + 4]))) continue;
    size_t k = after(code, at + 4);
    if (k == std::string_view::npos) break;
    if (code[k] == '(') {  // a receiver, or a func literal's parameters
      size_t c = closing(code, k);
      if (c == std::string_view::npos) break;
      k = after(code, c + 1);
      if (k == std::string_view::npos) break;
    }
    size_t e = k;
    while (e < code.size() && word(code[e])) ++e;
    if (e > k) names.insert(code.substr(k, e - k));
  }
  return names;
}

}  // namespace

GoSiteGate go_site_gate(std::string_view text, const Language& go, bool literals_count,
                        const std::function<const size_t*(std::string_view name)>& wrapper_argument) {
  return go_site_gate(text, go_lex(text), go, literals_count, wrapper_argument);
}

GoSiteGate go_site_gate(std::string_view text, const GoLexicon& lexed, const Language& go, bool literals_count,
                        const std::function<const size_t*(std::string_view name)>& wrapper_argument) {
  GoSiteGate gate;
  std::optional<std::string> masked = go_code_only(text, lexed);
  if (!masked) return gate;
  std::string_view code = *masked;
  if (calls_with_sql(code, database_calls(go, wrapper_argument), text)) return gate;
  if (!literals_count) {
    gate.parse = false;
    return gate;
  }
  std::optional<std::set<std::string_view>> declared;
  for (const GoLexicon::Token& k : lexed.tokens) {
    if (!lexed.literal(k)) continue;
    size_t at = k.open, j = k.close;
    std::string_view body = text.substr(at + 1, j - at - 1);
    if (!looks_like_sql(body)) {
      // A site's text starts like a statement, and its first words come from one literal: one
      // that does not start so once decoded as the extraction decodes it (`"\nSELECT ..."` does,
      // `"selection form: %v\n"` does not) is no site's start.
      // A raw string (a regular expression's `\s*create`) has no escapes: its text is its body.
      if (k.kind != GoLexicon::kRaw && body.find('\\') != std::string_view::npos && looks_like_sql(go_decoded(body)))
        return gate;
      continue;
    }
    if (body.find('\\') != std::string_view::npos) return gate;  // its text is decoded: read it parsed
    if (!declared) declared = declared_functions(code);
    bool prose = reads_as_prose(body);
    if (prose && argument_of_other_call(code, at, j, *declared)) continue;
    if (!stands_alone(code, at, j, *declared)) return gate;
    if (!prose) gate.lone_literals.push_back(body);
  }
  gate.parse = false;
  return gate;
}

bool go_may_call_database(std::string_view text, const Language& go) {
  std::optional<std::string> masked = go_code_only(text);
  return !masked || calls_with_sql(*masked, database_calls(go, {}), text);
}

bool go_may_declare_function(std::string_view text, std::string_view name) {
  std::optional<std::string> masked = go_code_only(text);
  if (!masked || name.empty()) return true;
  std::string_view code = *masked;
  for (size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at > 0 && word(code[at - 1])) || (end < code.size() && word(code[end]))) continue;
    size_t p = before(code, at), k = after(code, end);
    if (p != std::string_view::npos && word(code[p]) && word_ending_at(code, p + 1) == "func" && k != std::string_view::npos &&
        (code[k] == '(' || code[k] == '['))
      return true;
  }
  return false;
}

}  // namespace schemagate::languages
