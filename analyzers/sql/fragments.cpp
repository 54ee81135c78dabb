#include "analyzers/sql/fragments.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <strings.h>
#include <tuple>

#include "analyzers/sql/scan.h"

namespace schemagate::sql {
namespace {

/// The schema unknown relations are put in: no migration creates it, so the resolver treats a
/// relation there as one whose columns are not known.
constexpr std::string_view kUnknownSchema = "schemagate_fragment";
/// Bounds: a statement with more readings than this is left unchecked, not half-read.
constexpr size_t kMaxParses = 1500;
constexpr size_t kMaxReadings = 64;
/// How far before the next fragment a parse error may be found and the text before that fragment
/// still be a prefix of some statement (the error is found at the token after the mistake, and
/// numbering of parameters differs by a few bytes between a prefix and the whole).
constexpr size_t kPrefixMargin = 24;

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

/// How a fragment is read: a parameter (an expression), nothing (an optional clause), a join to an
/// unknown relation, an unknown relation (a name), or a query over an unknown relation (the whole
/// body of a parenthesised subquery: `FROM (${scope}) s`, whose columns are then unknown).
/// A relation whose schema alone is a fragment (`FROM ${schema}.jobs`) is read as the one relation
/// of that name the schema has, in whichever schema (kQualified).
/// Where a whole condition stands and no parameter may (`WHERE ${filter}` before the end), it is
/// read as TRUE (kCondition).
/// The rows of `VALUES ${rows}` are read as a query of unknown columns in the place of the whole
/// VALUES list (`INSERT INTO t (a, b) SELECT * FROM <unknown>`, `FROM (SELECT ...) AS v(id, n)`).
enum class Fill { kParameter, kNothing, kJoin, kRelation, kQuery, kQualified, kCondition, kRows };

/// A run-time fragment in code position: [begin, end) of the text; `glued` when it is part of a
/// name (users_${suffix}, "${column}"), which is then replaced whole.
struct Slot {
  size_t begin = 0, end = 0;
  bool glued = false;
  /// Right after a name (`select id ${more}`, `order by t.c ${dir}`): a parameter there would
  /// read as the value of a typed literal (`id '...'`), which libpg_query accepts, and the name
  /// would vanish from the statement. A fragment there is never such a value.
  bool after_name = false;
  /// Where a relation stands (after FROM, JOIN, INTO, UPDATE, ONLY, USING) and only the schema
  /// part of its name is a fragment (`${schema}.jobs`, `"${schema}".jobs`, `tenant_${id}.jobs`):
  /// the relation's own name, as PostgreSQL folds it. Empty otherwise.
  std::string relation;
  /// The text a kQualified reading puts there: the one relation of that name the schema has
  /// (`"public"."jobs"`), else a relation of unknown columns under that name.
  std::string qualified_text;
  bool qualified_known = false;  ///< qualified_text names a relation of the schema
};

/// Words after which a value stands: a parameter may fill a fragment after them.
bool value_keyword(std::string word) {
  static const std::set<std::string> kWords = {
      "select", "where", "and", "or", "not", "on", "by", "limit", "offset", "then", "else", "when", "in",
      "is", "like", "ilike", "between", "returning", "values", "set", "as", "distinct", "all", "any", "some",
      "exists", "case", "having", "using", "similar", "to", "escape", "interval", "date", "time", "timestamp",
      "timestamptz", "array", "row", "default", "fetch", "first", "next", "with", "from", "join", "into"};
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kWords.count(word) > 0;
}

/// Whether the code before byte `at` ends with a name (not a keyword that takes a value).
bool ends_with_name(const std::string& s, size_t at) {
  size_t i = at;
  while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1]))) --i;
  if (i == 0) return false;
  if (s[i - 1] == '"') return true;
  size_t e = i;
  while (i > 0 && ident_char(s[i - 1]) && s[i - 1] != '$') --i;
  if (i == e || std::isdigit(static_cast<unsigned char>(s[i]))) return false;  // a number, or no word
  return !value_keyword(s.substr(i, e - i));
}

/// Whether the word before byte `at` (blanks skipped) is VALUES: a fragment there is the rows
/// themselves (`FROM (VALUES ${rows}) AS data(a, b)`), read as a query of unknown columns in the
/// place of the VALUES list (kRows); a join would make VALUES parse as a table's name (it is an
/// unreserved keyword).
bool after_values(const std::string& s, size_t at) {
  size_t i = at;
  while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1]))) --i;
  size_t e = i;
  while (i > 0 && ident_char(s[i - 1])) --i;
  return e - i == 6 && strncasecmp(s.c_str() + i, "values", 6) == 0;
}

/// Whether the word before byte `at` is one after which a condition stands.
bool after_condition_keyword(const std::string& s, size_t at) {
  std::string w = word_before(s, at);
  return w == "where" || w == "and" || w == "or" || w == "having";
}

/// Whether only blanks stand between the slot and an opening parenthesis before it and a closing
/// one after it: `(${subquery})`.
bool parenthesized_alone(const std::string& s, const Slot& slot) {
  size_t b = slot.begin, e = slot.end;
  while (b > 0 && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  while (e < s.size() && std::isspace(static_cast<unsigned char>(s[e]))) ++e;
  return b > 0 && s[b - 1] == '(' && e < s.size() && s[e] == ')';
}

/// The holes that stand in code: not inside a literal, a comment or a dollar-quoted body. A hole
/// inside a quoted identifier makes the whole identifier the slot.
std::vector<Slot> find_slots(const std::string& s) {
  std::vector<Slot> slots;
  const size_t n = s.size();
  size_t i = 0;
  auto add = [&](size_t b, size_t e, bool glued) {
    if (!slots.empty() && b <= slots.back().end) {
      slots.back().end = std::max(slots.back().end, e);
      slots.back().glued = true;
      return;
    }
    Slot slot;
    slot.begin = b, slot.end = e, slot.glued = glued;
    slots.push_back(std::move(slot));
  };
  // Extends a glued slot over the rest of its name: identifier characters, dots, quoted parts.
  auto name_start = [&](size_t at) {
    while (at > 0) {
      char p = s[at - 1];
      if (ident_char(p) || p == '.' || p == kHole) { --at; continue; }
      if (p == '"' && at >= 2) {
        size_t open = s.rfind('"', at - 2);
        if (open == std::string::npos) break;
        at = open;
        continue;
      }
      break;
    }
    return at;
  };
  auto name_end = [&](size_t at) {
    while (at < n) {
      char c = s[at];
      if (ident_char(c) || c == '.' || c == kHole) { ++at; continue; }
      if (c == '"') {
        size_t close = s.find('"', at + 1);
        if (close == std::string::npos) return n;
        at = close + 1;
        continue;
      }
      break;
    }
    return at;
  };
  while (i < n) {
    char c = s[i];
    char prev = i > 0 ? s[i - 1] : ' ';
    char nx = i + 1 < n ? s[i + 1] : '\0';
    if (c == '\'') {  // a string constant (sql/scan.h): no slot inside
      i = skip_quoted(s, i).end;
      continue;
    }
    if (c == '"') {
      size_t close = s.find('"', i + 1);
      size_t end = close == std::string::npos ? n : close + 1;
      if (s.find(kHole, i) < end) add(name_start(i), name_end(i), true);
      i = end;
      continue;
    }
    // Comments (nested ones too) and dollar-quoted bodies hold no slot (sql/scan.h).
    if ((c == '-' && nx == '-') || (c == '/' && nx == '*') || !dollar_tag(s, i).empty()) {
      i = skip_comment_or_quoted(s, i).end;
      continue;
    }
    if (c == kHole) {
      bool glued = ident_char(prev) || prev == '"' || prev == '.' || ident_char(nx) || nx == '"' || nx == '.';
      if (glued) {
        size_t b = name_start(i), e = name_end(i + 1);
        add(b, e, true);
        i = e;
      } else {
        add(i, i + 1, false);
        if (!slots.empty() && !slots.back().glued && slots.back().begin == i) slots.back().after_name = ends_with_name(s, i);
        ++i;
      }
      continue;
    }
    ++i;
  }
  return slots;
}

/// The text with slots [0, upto) filled as `fills` says and the rest filled by default (a
/// parameter, or an unknown relation for a name), up to byte `stop` of the input.
SqlText fill(const SqlText& in, const std::vector<Slot>& slots, const std::vector<Fill>& fills, size_t stop) {
  SqlText out;
  out.text.reserve(std::min(in.text.size(), stop) + 32 * slots.size());
  out.origin.reserve(out.text.capacity());
  size_t at = 0;
  for (size_t k = 0; k < slots.size() && slots[k].begin < stop; ++k) {
    const Slot& slot = slots[k];
    Fill f = k < fills.size() ? fills[k] : slot.glued ? Fill::kRelation : Fill::kParameter;
    size_t copy_to = slot.begin;
    if (f == Fill::kRows) {  // the VALUES keyword goes too
      while (copy_to > 0 && std::isspace(static_cast<unsigned char>(in.text[copy_to - 1]))) --copy_to;
      copy_to = copy_to >= 6 ? copy_to - 6 : 0;
    }
    if (at < copy_to) out.append_part(in, at, copy_to);
    uint32_t origin = in.origin[slot.begin];
    auto relation = [&] { return std::string(kUnknownSchema) + ".f" + std::to_string(k + 1); };
    switch (f) {
      case Fill::kParameter: out.append_hole(origin); break;
      case Fill::kNothing: out.append_from(" ", origin); break;
      case Fill::kJoin: out.append_from(" CROSS JOIN " + relation() + " ", origin); break;
      case Fill::kRelation: out.append_from(" " + relation() + " ", origin); break;
      case Fill::kQuery:
        out.append_from(" SELECT * FROM " + std::string(kUnknownSchema) + ".q" + std::to_string(k + 1) + " ", origin);
        break;
      case Fill::kQualified: out.append_from(" " + slot.qualified_text + " ", origin); break;
      case Fill::kCondition: out.append_from(" TRUE ", origin); break;
      case Fill::kRows:
        out.append_from(" SELECT * FROM " + std::string(kUnknownSchema) + ".q" + std::to_string(k + 1) + " ", origin);
        break;
    }
    at = slot.end;
  }
  if (size_t end = std::min(in.text.size(), stop); at < end) out.append_part(in, at, end);
  return out;
}

struct Reading {
  std::vector<Fill> fills;
  NormalizedSql norm;
  std::vector<ParsedStatement> statements;
};

/// Whether only blanks and comments, or a `;` or `(`, or a WITH list's `,` stand before byte `at`:
/// there a fragment could define a CTE the statement then names.
bool could_define_cte(const std::string& s, size_t at) {
  size_t i = at;
  while (i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1]))) --i;
  if (i == 0 || s[i - 1] == ';' || s[i - 1] == '(') return true;
  if (s[i - 1] != ',' && s[i - 1] != ')') return false;
  std::string lower;
  for (size_t k = 0; k < i; ++k) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
  for (size_t w = lower.find("with"); w != std::string::npos; w = lower.find("with", w + 1))
    if ((w == 0 || !ident_char(lower[w - 1])) && (w + 4 >= lower.size() || !ident_char(lower[w + 4]))) return true;
  return false;
}

/// The words that open a clause, for clause_before and clause_in_parentheses.
const std::set<std::string> kClauses = {"select", "from", "where", "join", "on", "having", "set",
                                        "values", "returning", "using", "by", "into", "update"};

/// The clause keyword (kClauses) last met before `offset`, lower case; "" when none is.
std::string clause_before(const std::string& s, size_t offset) {
  size_t i = std::min(offset, s.size());
  while (i > 0) {
    while (i > 0 && !std::isalpha(static_cast<unsigned char>(s[i - 1]))) --i;
    size_t e = i;
    while (i > 0 && (ident_char(s[i - 1]))) --i;
    std::string w;
    for (size_t k = i; k < e; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
    if (kClauses.count(w)) return w;
  }
  return "";
}

/// Whether the nearest clause word before `offset` is BY (ORDER BY, GROUP BY, PARTITION BY),
/// where a bare name may be an output column of the select list.
bool after_by(const std::string& s, size_t offset) { return clause_before(s, offset) == "by"; }

/// Whether a run-time fragment at `offset` may name an output column or bring a relation in: it
/// does unless it stands in a condition (WHERE, ON, HAVING), an assignment (SET) or a sort or
/// grouping key (BY), where what it holds names no column of the statement's output.
bool may_name_outputs(const std::string& s, size_t offset) {
  std::string clause = clause_before(s, offset);
  return clause != "where" && clause != "on" && clause != "having" && clause != "set" && clause != "by";
}

/// Whether the name at `offset` is qualified (`t.name`, `t."name"`).
bool qualified(const std::string& s, size_t offset) {
  size_t i = offset;
  if (i > 0 && s[i - 1] == '"' && i < s.size() && s[i] != '"') --i;
  return i > 0 && s[i - 1] == '.';
}

/// Whether the word before byte `at` is one after which a relation's name stands.
bool after_relation_keyword(const std::string& s, size_t at) {
  static const std::set<std::string> kWords = {"from", "join", "into", "update", "only", "using"};
  return kWords.count(word_before(s, at)) > 0;
}

/// The relation's name when only the schema part of the glued slot's name is a fragment: the
/// part after its last dot (outside quotes) holds no hole and is one plain or quoted name, the
/// part before holds one. Folded as PostgreSQL folds it; empty otherwise.
std::string relation_after_schema_fragment(const std::string& s, const Slot& slot) {
  size_t dot = std::string::npos;
  bool quoted = false;
  for (size_t i = slot.begin; i < slot.end; ++i) {
    if (s[i] == '"') quoted = !quoted;
    else if (s[i] == '.' && !quoted) dot = i;
  }
  if (dot == std::string::npos || s.find(kHole, slot.begin) >= dot) return "";
  std::string name = s.substr(dot + 1, slot.end - dot - 1);
  if (name.empty() || name.find(kHole) != std::string::npos) return "";
  if (name.front() == '"') {
    if (name.size() < 3 || name.back() != '"' || name.find('"', 1) != name.size() - 1) return "";
    return name.substr(1, name.size() - 2);
  }
  if (std::isdigit(static_cast<unsigned char>(name.front()))) return "";
  for (char& c : name) {
    if (!ident_char(c) || c == '$') return "";
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

/// Fills in a slot's kQualified reading: the one relation named `slot->relation` in `schema`,
/// whichever schema holds it (the run-time schema is the one the migrations ran in, with or
/// without a template: `/* TEMPLATE: schema */`, `{{ .Namespace }}`); none, or several with that
/// name, or a name the model is unsure of: a relation of unknown columns.
void qualify(Slot* slot, const schema::Schema& schema) {
  auto quoted = [](const std::string& name) {
    std::string q = "\"";
    for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  const schema::Relation* only = nullptr;
  size_t found = 0;
  for (auto& [key, r] : schema.relations())
    if (r.name == slot->relation && ++found == 1) only = &r;
  slot->qualified_known = found == 1 && !schema.uncertain_names.count(slot->relation);
  slot->qualified_text = (slot->qualified_known ? quoted(only->schema) : std::string(kUnknownSchema)) + "." +
                         quoted(slot->relation);
}

}  // namespace

void leave_missing_relations_unchecked(Resolution* resolution) {
  for (auto& ref : resolution->refs)
    if (ref.kind == Reference::Kind::Relation && ref.status == RefStatus::Missing) {
      ref.status = RefStatus::Unchecked;
      ref.note = "no database call runs this text: a bigger statement it is part of may define it";
    }
}

void leave_outer_ctes_unchecked(Resolution* resolution, const std::vector<std::string>& names) {
  auto outer = [&](const Reference& ref) {
    for (auto& n : names)
      if (strcasecmp(n.c_str(), ref.relation.c_str()) == 0) return true;
    return false;
  };
  for (auto& ref : resolution->refs)
    if (ref.status == RefStatus::Missing && outer(ref)) {  // the name, or a column of it
      ref.status = RefStatus::Unchecked;
      ref.note = "a CTE of the query builder chain around this fragment";
    }
}

bool fragment_fills_condition(const SqlText& text) {
  auto lower_word = [&](size_t from, size_t to) {
    std::string w;
    for (size_t k = from; k < to; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text.text[k]))));
    return w;
  };
  static const std::set<std::string> kBefore = {"where", "and", "or", "having", "on", "when"};
  static const std::set<std::string> kAfter = {"order", "group", "limit", "offset", "union", "returning",
                                               "and", "or", "having", "window", "intersect", "except"};
  const std::string& s = text.text;
  for (auto& slot : find_slots(s)) {
    if (slot.glued) continue;
    size_t b = slot.begin;
    while (b > 0 && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    size_t wb = b;
    while (wb > 0 && std::isalpha(static_cast<unsigned char>(s[wb - 1]))) --wb;
    if (!kBefore.count(lower_word(wb, b))) continue;
    size_t a = slot.end;
    while (a < s.size() && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    size_t we = a;
    while (we < s.size() && std::isalpha(static_cast<unsigned char>(s[we]))) ++we;
    if (a == s.size() || s[a] == ')' || s[a] == ';' || kAfter.count(lower_word(a, we))) return true;
  }
  return false;
}

bool read_chain_expression(const SqlText& text, const ChainScope& scope, const schema::Schema& schema,
                           const std::vector<std::string>& search_path, bool names_as_written, ChainReading* out) {
  // The stand-in's bytes map to no host byte: what is found there is the chain's, read by its
  // data layer.
  constexpr uint32_t kNowhere = UINT32_MAX;
  auto quoted = [](const std::string& name) {
    std::string q = "\"";
    for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string from;
  for (auto& r : scope.relations) {
    bool unknown = r.cte || (!names_as_written && std::any_of(r.name.begin(), r.name.end(), [](char c) {
                     return std::isupper(static_cast<unsigned char>(c));
                   }));
    if (!from.empty()) from += ", ";
    from += unknown ? std::string(kUnknownSchema) + ".chain"
                      : (r.schema.empty() ? "" : quoted(r.schema) + ".") + quoted(r.name);
    if (!r.alias.empty() || unknown) from += " AS " + quoted(r.alias.empty() ? r.name : r.alias);
  }
  if (scope.open || from.empty()) from += std::string(from.empty() ? "" : ", ") + std::string(kUnknownSchema) + ".open";
  SqlText wrapped;
  wrapped.append_from("SELECT ", kNowhere);
  wrapped.append(text);
  wrapped.append_from(" FROM " + from, kNowhere);
  out->norm = normalize_placeholders(wrapped);
  if (!out->norm.unchecked_reason.empty()) return false;
  std::vector<ParsedStatement> statements;
  ParseError err;
  if (!parse(out->norm.sql.text, &statements, &err) || statements.size() != 1 || !is_dml(statements[0].node))
    return false;
  Resolution res = resolve_statement(statements[0].node, out->norm.sql.text, schema, search_path);
  out->resolution = Resolution{};
  out->resolution.kind = res.kind;
  for (auto& ref : res.refs)
    if (out->norm.sql.host_offset(ref.offset) != kNowhere) out->resolution.refs.push_back(std::move(ref));
  for (auto& lit : res.enum_literals)
    if (out->norm.sql.host_offset(lit.offset) != kNowhere) out->resolution.enum_literals.push_back(std::move(lit));
  for (auto& call : res.calls)
    if (out->norm.sql.host_offset(call.offset) != kNowhere) out->resolution.calls.push_back(std::move(call));
  return true;
}

bool fragment_after_name(const SqlText& text) {
  for (auto& slot : find_slots(text.text))
    if (slot.after_name) return true;
  return false;
}

namespace {

/// The clause keyword (clause_before's) last met before `at` within the parentheses `at` stands
/// in, read forward past constants, quoted names and comments: "" when none is.
std::string clause_in_parentheses(const std::string& s, size_t at) {
  std::vector<std::string> clause(1);  // per open parenthesis
  for (size_t i = 0; i < at && i < s.size();) {
    char c = s[i];
    if (size_t past = skip_comment_or_quoted(s, i).end; past > i) {
      i = past;
      continue;
    }
    if (c == '(') {
      clause.emplace_back();
    } else if (c == ')') {
      if (clause.size() > 1) clause.pop_back();
    } else if (std::isalpha(static_cast<unsigned char>(c)) && (i == 0 || !identifier_char(s[i - 1]))) {
      size_t e = i;
      while (e < s.size() && identifier_char(s[e])) ++e;
      std::string w;
      for (size_t k = i; k < e; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
      if (kClauses.count(w)) clause.back() = w;
      i = e;
      continue;
    }
    ++i;
  }
  return clause.back();
}

/// The word at byte `at` (blanks skipped), lower-cased: "" when a non-letter stands there.
std::string word_at(const std::string& s, size_t at) {
  while (at < s.size() && std::isspace(static_cast<unsigned char>(s[at]))) ++at;
  std::string w;
  while (at < s.size() && std::isalpha(static_cast<unsigned char>(s[at])))
    w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[at++]))));
  return w;
}

/// Whether a comparison operator and then a placeholder ($1, ?, %s, :name) follow byte `at`.
bool compared_with_placeholder_after(const std::string& s, size_t at) {
  auto blank = [&](size_t i) { return i < s.size() && std::isspace(static_cast<unsigned char>(s[i])); };
  while (blank(at)) ++at;
  size_t op = at;
  while (op < s.size() && (s[op] == '=' || s[op] == '<' || s[op] == '>' || s[op] == '!')) ++op;
  if (op == at || op - at > 2) return false;
  while (blank(op)) ++op;
  if (op + 1 >= s.size()) return op < s.size() && s[op] == '?';
  char c = s[op], nx = s[op + 1];
  return (c == '$' && std::isdigit(static_cast<unsigned char>(nx))) || c == '?' || (c == '%' && nx == 's') ||
         (c == ':' && std::isalpha(static_cast<unsigned char>(nx)));
}

/// Whether a placeholder and then a comparison operator stand right before byte `at`.
bool compared_with_placeholder_before(const std::string& s, size_t at) {
  auto blank = [&](size_t i) { return i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1])); };
  while (blank(at)) --at;
  size_t op = at;
  while (op > 0 && (s[op - 1] == '=' || s[op - 1] == '<' || s[op - 1] == '>' || s[op - 1] == '!')) --op;
  if (op == at || at - op > 2) return false;
  while (blank(op)) --op;
  if (op == 0) return false;
  if (s[op - 1] == '?') return true;
  if (op >= 2 && s[op - 2] == '%' && s[op - 1] == 's') return true;
  size_t d = op;
  while (d > 0 && std::isdigit(static_cast<unsigned char>(s[d - 1]))) --d;
  return d < op && d > 0 && s[d - 1] == '$';
}

}  // namespace

bool fragment_names_a_column(const SqlText& text, bool bound) {
  const std::string& s = text.text;
  for (const Slot& slot : find_slots(s)) {
    if (slot.glued || slot.after_name) continue;  // part of a name, or read around already
    size_t b = slot.begin;
    while (b > 0 && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    size_t e = slot.end;
    while (e < s.size() && std::isspace(static_cast<unsigned char>(s[e]))) ++e;
    const char before = b > 0 ? s[b - 1] : '\0', after = e < s.size() ? s[e] : '\0';
    const std::string clause = clause_in_parentheses(s, slot.begin), word_b = word_before(s, slot.begin),
                      word_a = word_at(s, slot.end);
    // A whole item: right after its clause's keyword (or DISTINCT) or a comma of the same list.
    const bool starts_item = before == ',' || (!clause.empty() && word_b == clause) || word_b == "distinct";
    if (!bound && clause == "select" && starts_item && (after == ',' || word_a == "from")) return true;
    if (clause == "by" && starts_item &&
        (after == ',' || after == '\0' || after == ')' || after == ';' || word_a == "asc" || word_a == "desc" ||
         word_a == "nulls" || word_a == "limit" || word_a == "offset" || word_a == "having" || word_a == "order" ||
         word_a == "window" || word_a == "union" || word_a == "except" || word_a == "intersect" || word_a == "fetch" ||
         word_a == "for"))
      return true;
    if (compared_with_placeholder_after(s, slot.end) || compared_with_placeholder_before(s, slot.begin)) return true;
  }
  return false;
}

bool reads_as_utility(const SqlText& text) {
  std::vector<Slot> slots = find_slots(text.text);
  if (slots.empty()) return false;
  SqlText named;
  size_t at = 0;
  for (const Slot& slot : slots) {
    if (at < slot.begin) named.append_part(text, at, slot.begin);
    named.append_from(" schemagate_fragment ", text.origin[slot.begin]);
    at = slot.end;
  }
  if (at < text.text.size()) named.append_part(text, at, text.text.size());
  NormalizedSql norm = normalize_placeholders(named);  // holes inside literals stay values
  std::vector<ParsedStatement> statements;
  ParseError err;
  if (!norm.unchecked_reason.empty() || !parse(norm.sql.text, &statements, &err) || statements.empty()) return false;
  return std::none_of(statements.begin(), statements.end(), [](const ParsedStatement& s) { return is_checked(s.node); });
}

bool read_around_fragments(const SqlText& text, const schema::Schema& schema,
                           const std::vector<std::string>& search_path, PartialReading* out, std::string* why_not,
                           bool database_call) {
  std::vector<Slot> slots = find_slots(text.text);
  if (slots.empty()) {
    *why_not = "no run-time fragment stands in code";
    return false;
  }
  for (Slot& slot : slots)
    if (slot.glued && after_relation_keyword(text.text, slot.begin)) {
      slot.relation = relation_after_schema_fragment(text.text, slot);
      if (!slot.relation.empty()) qualify(&slot, schema);
    }
  std::vector<Reading> readings;
  size_t parses = 0;
  bool too_many = false;
  std::vector<Fill> fills;
  // Depth first over the slots, in text order: a choice is followed only while the text before
  // the next slot can still begin a statement PostgreSQL accepts.
  std::function<void()> descend = [&] {
    size_t k = fills.size();
    const Slot& slot = slots[k];
    // VALUES ${rows}: a parameter, or the rows as a query; a value cast (`${start}::timestamp`):
    // only a parameter.
    bool values = !slot.glued && after_values(text.text, slot.begin);
    bool rows = values || (!slot.glued && text.text.compare(slot.end, 2, "::") == 0);
    std::vector<Fill> options = !slot.relation.empty() ? std::vector<Fill>{Fill::kQualified}
                                : slot.glued        ? std::vector<Fill>{Fill::kRelation}
                                : values          ? std::vector<Fill>{Fill::kParameter, Fill::kRows}
                                : rows            ? std::vector<Fill>{Fill::kParameter}
                                : slot.after_name ? std::vector<Fill>{Fill::kNothing, Fill::kJoin}
                                                  : std::vector<Fill>{Fill::kParameter, Fill::kNothing, Fill::kJoin};
    bool parameter_fits = rows;  // VALUES ${rows}: no relation stands in for them either
    // Where no parameter fits: a name, or, alone between parentheses, a whole subquery.
    std::vector<Fill> fallbacks = {Fill::kRelation};
    // A whole condition (`WHERE ${filter}`, `AND ${cond}` before GROUP BY or the end): TRUE.
    if (!slot.glued && after_condition_keyword(text.text, slot.begin)) fallbacks.insert(fallbacks.begin(), Fill::kCondition);
    if (!slot.glued && parenthesized_alone(text.text, slot)) fallbacks.push_back(Fill::kQuery);
    // The normalised length of the text before this slot: the same for every choice here.
    std::optional<size_t> before_slot;
    for (size_t o = 0; o < options.size() || (!slot.glued && !parameter_fits && o < options.size() + fallbacks.size());
         ++o) {
      Fill f = o < options.size() ? options[o] : fallbacks[o - options.size()];
      if (too_many) return;
      if (++parses > kMaxParses) { too_many = true; return; }
      fills.push_back(f);
      Reading r;
      r.fills = fills;
      r.norm = normalize_placeholders(fill(text, slots, fills, text.text.size()));
      bool ok = false, viable = false;
      if (r.norm.unchecked_reason.empty()) {
        ParseError err;
        ok = parse(r.norm.sql.text, &r.statements, &err);
        if (ok) {
          viable = true;
        } else if (k + 1 < slots.size()) {
          size_t prefix = normalize_placeholders(fill(text, slots, fills, slots[k + 1].begin)).sql.text.size();
          viable = err.offset + kPrefixMargin >= prefix;
          // Rejected at the parameter itself (`FROM $1 sf`, where a relation stands): no reading
          // goes on from it, however near the next fragment is.
          if (f == Fill::kParameter && viable) {
            if (!before_slot) before_slot = normalize_placeholders(fill(text, slots, fills, slots[k].begin)).sql.text.size();
            size_t at = *before_slot;
            size_t hole = r.norm.sql.text.find_first_not_of(" \t\r\n", at);
            if (hole != std::string::npos && err.offset == hole) viable = false;
          }
        }
      } else if (k + 1 < slots.size()) {
        // What makes the text unreadable may be a later fragment's default parameter (`AND ${cond}`
        // at the end, a whole condition): this choice stands if that is past the next slot.
        viable = r.norm.unchecked_offset >= fill(text, slots, fills, slots[k + 1].begin).text.size();
      }
      if (viable && f == Fill::kParameter) parameter_fits = true;
      if (ok && k + 1 == slots.size()) {
        if (readings.size() >= kMaxReadings) { too_many = true; fills.pop_back(); return; }
        readings.push_back(std::move(r));
      } else if (viable && k + 1 < slots.size()) {
        descend();
      }
      fills.pop_back();
    }
  };
  descend();
  if (too_many) {
    *why_not = "the run-time fragments can be read in too many ways";
    return false;
  }
  if (readings.empty()) {
    *why_not = "no neutral reading of the run-time fragments parses";
    return false;
  }

  // Host bytes the fragments occupy: what the readings say there is about the fragment itself.
  std::set<uint32_t> fragment_bytes;
  for (auto& slot : slots)
    for (size_t i = slot.begin; i < slot.end; ++i) fragment_bytes.insert(text.origin[i]);

  using Key = std::tuple<int, uint32_t, std::string, std::string, std::string, int>;
  auto key = [](const Reference& ref, const SqlText& sql) {
    return Key{static_cast<int>(ref.kind), sql.host_offset(ref.offset), ref.schema, ref.relation, ref.column,
               static_cast<int>(ref.status)};
  };
  std::map<Key, size_t> agreed;
  std::vector<std::vector<Resolution>> resolved(readings.size());
  for (size_t r = 0; r < readings.size(); ++r) {
    std::set<Key> keys;
    for (auto& s : readings[r].statements) {
      resolved[r].push_back(is_dml(s.node) ? resolve_statement(s.node, readings[r].norm.sql.text, schema, search_path)
                                           : Resolution{});
      for (auto& ref : resolved[r].back().refs) keys.insert(key(ref, readings[r].norm.sql));
    }
    for (auto& k : keys) ++agreed[k];
  }

  const Reading& first = readings.front();
  bool cte_hazard = false, names_outputs = false;
  for (size_t k = 0; k < slots.size(); ++k) {
    if (first.fills[k] == Fill::kNothing || first.fills[k] == Fill::kJoin)
      cte_hazard = cte_hazard || could_define_cte(text.text, slots[k].begin);
    names_outputs = names_outputs || may_name_outputs(text.text, slots[k].begin);
  }
  out->norm = first.norm;
  out->statements = first.statements;
  out->readings = readings.size();
  out->relation_fragment = false;  // an unknown relation in FROM, not a name elsewhere ("${column}")
  out->query_fragment = false;
  out->schema_fragment = false;
  std::set<std::string> query_names;  // the stand-ins of kQuery readings
  for (size_t k = 0; k < slots.size(); ++k) {
    if (first.fills[k] == Fill::kQuery || first.fills[k] == Fill::kRows) query_names.insert("q" + std::to_string(k + 1));
    if (first.fills[k] == Fill::kQualified && slots[k].qualified_known) out->schema_fragment = true;
  }
  for (auto& res : resolved.front())
    for (auto& ref : res.refs)
      if (ref.kind == Reference::Kind::Relation && ref.schema == kUnknownSchema)
        (query_names.count(ref.relation) ? out->query_fragment : out->relation_fragment) = true;
  out->resolutions.clear();
  for (auto& res : resolved.front()) {
    Resolution kept;
    kept.kind = res.kind;
    for (auto ref : res.refs) {
      uint32_t host = first.norm.sql.host_offset(ref.offset);
      if (fragment_bytes.count(host)) continue;
      if (ref.status != RefStatus::Unchecked) {
        const char* why = nullptr;
        bool column = ref.kind == Reference::Kind::Column;
        if (agreed[key(ref, first.norm.sql)] != readings.size())
          why = "depends on what a run-time fragment holds";
        else if (ref.status == RefStatus::Missing && !column && cte_hazard)
          why = "a run-time fragment before it could define it as a CTE";
        else if (ref.status == RefStatus::Missing && column && names_outputs && !qualified(first.norm.sql.text, ref.offset) &&
                 after_by(first.norm.sql.text, ref.offset))
          why = "a run-time fragment could name it in the select list";
        if (why) {
          ref.status = RefStatus::Unchecked;
          ref.note = why;
          ref.searched.clear();
          if (column && !qualified(first.norm.sql.text, ref.offset)) {  // which relation has it is not known
            ref.schema.clear();
            ref.relation.clear();
          }
        }
      }
      kept.refs.push_back(std::move(ref));
    }
    // A fragment may add target columns: which columns an INSERT gives is not known.
    for (auto ins : res.inserts) {
      ins.column_list = false;
      ins.values = 0;
      kept.inserts.push_back(std::move(ins));
    }
    if (!database_call) leave_missing_relations_unchecked(&kept);
    out->resolutions.push_back(std::move(kept));
  }
  return true;
}

}  // namespace schemagate::sql
