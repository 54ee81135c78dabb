// DO blocks and function bodies in the DDL simulator: a DO block of plain statements is applied;
// anything else makes the names it mentions uncertain.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "analyzers/schema/ddl_simulator.h"
#include "analyzers/sql/resolve.h"
#include "analyzers/sql/scan.h"

namespace schemagate::schema::simulation {
namespace {

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (static_cast<unsigned char>(c) & 0x80);
}

/// A word of PL/pgSQL text outside literals, quoted identifiers and comments, lower-cased.
struct Word {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};

/// The words of a PL/pgSQL body, skipping what PostgreSQL's lexer skips or quotes. Enough to find
/// the block's own BEGIN, EXCEPTION and END, not to understand it.
std::vector<Word> plpgsql_words(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (size_t past = sql::skip_comment_or_quoted(text, i).end; past != i) {  // sql/scan.h
      i = past;
    } else if (ident_char(c) && !std::isdigit(static_cast<unsigned char>(c))) {
      Word w;
      w.begin = i;
      while (i < text.size() && ident_char(text[i])) {
        w.text.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
        ++i;
      }
      w.end = i;
      out.push_back(std::move(w));
    } else {
      ++i;
    }
  }
  return out;
}

/// The statements of a DO body written as `BEGIN stmts; [EXCEPTION WHEN ...] END [;]`: the byte
/// range of `stmts` in `body`, or nullopt for any other shape (DECLARE, labels, trailing text)
/// and for a handler that changes the schema itself (it runs only when `stmts` fail).
std::optional<std::pair<size_t, size_t>> block_statements(std::string_view body) {
  std::vector<Word> words = plpgsql_words(body);
  if (words.size() < 2 || words.front().text != "begin" || words.back().text != "end") return std::nullopt;
  for (size_t i = words.back().end; i < body.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(body[i])) && body[i] != ';') return std::nullopt;
  size_t end = words.back().begin;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i].text != "exception" || words[i + 1].text != "when") continue;
    end = words[i].begin;
    for (size_t k = i + 2; k + 1 < words.size(); ++k) {
      const std::string& w = words[k].text;
      if (w == "create" || w == "alter" || w == "drop" || w == "execute") return std::nullopt;
    }
    break;
  }
  return std::make_pair(words.front().end, end);
}

/// A token of a PL/pgSQL body: a word (lower-cased), a string constant (its raw content), `;`,
/// `(` / `)`, or any other punctuation.
struct BodyToken {
  enum Kind { Word, String, Semicolon, Open, Close, Other } kind;
  std::string text;
};

std::vector<BodyToken> body_tokens(std::string_view text) {
  std::vector<BodyToken> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (size_t past = sql::skip_comment_run(text, i).end; past != i) {
      i = past;
    } else if (c == '\'' || (c == '$' && !sql::dollar_tag(text, i).empty())) {
      size_t past_quote = sql::skip_quoted(text, i).end;
      size_t open = c == '$' ? sql::dollar_tag(text, i).size() : 1;
      size_t close = c == '$' ? open : 1;
      size_t len = past_quote - i >= open + close ? past_quote - i - open - close : 0;
      out.push_back({BodyToken::String, std::string(text.substr(i + open, len))});
      i = past_quote;
    } else if (c == '"') {  // a quoted identifier: a word
      size_t past = sql::skip_quoted(text, i).end;
      std::string w(text.substr(i + 1, past > i + 2 ? past - i - 2 : 0));
      out.push_back({BodyToken::Word, w});
      i = past;
    } else if (ident_char(c) && !std::isdigit(static_cast<unsigned char>(c))) {
      size_t b = i;
      while (i < text.size() && ident_char(text[i])) ++i;
      std::string w(text.substr(b, i - b));
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      out.push_back({BodyToken::Word, w});
    } else if (std::isspace(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      out.push_back({c == ';' ? BodyToken::Semicolon : c == '(' ? BodyToken::Open : c == ')' ? BodyToken::Close : BodyToken::Other,
                     std::string(1, c)});
      ++i;
    }
  }
  return out;
}

/// The lower-cased words of a string constant's text.
void words_of(std::string_view text, std::set<std::string>* out) {
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && ident_char(text[i])) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
      continue;
    }
    if (!w.empty()) out->insert(w);
    w.clear();
  }
}

/// A format() placeholder (%s, %I, %L, %1$I) in a template: the text put there is built at run time.
bool has_placeholder(std::string_view t) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] != '%') continue;
    if (t[i + 1] == '%') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < t.size() && (std::isdigit(static_cast<unsigned char>(t[j])) || t[j] == '$' || t[j] == '-')) ++j;
    if (j < t.size() && (t[j] == 's' || t[j] == 'I' || t[j] == 'L')) return true;
  }
  return false;
}

/// In `ALTER TABLE [IF EXISTS] [ONLY] [schema.]t <action>` whose actions only add, drop, rename or alter
/// columns or constraints, the index of the token `t`: such a statement keeps the table (run or
/// not, the table is there and its other columns are as they were), so only the names after it
/// are uncertain. toks.size() for any other statement (a table renamed, moved, created).
size_t column_action_table(const std::vector<BodyToken>& toks, size_t at, size_t end) {
  auto word = [&](size_t i, std::string_view w) { return i < end && toks[i].kind == BodyToken::Word && toks[i].text == w; };
  size_t i = at + 1;
  if (!word(at, "alter") || !word(i, "table")) return toks.size();
  ++i;
  if (word(i, "if") && word(i + 1, "exists")) i += 2;
  if (word(i, "only")) ++i;
  size_t table = i;
  if (table >= end || toks[table].kind != BodyToken::Word) return toks.size();
  ++i;
  // Schema-qualified (`ALTER TABLE auth.users RENAME COLUMN ...`): the table is the name after the dot.
  if (i < end && toks[i].kind == BodyToken::Other && toks[i].text == ".") {
    if (i + 1 >= end || toks[i + 1].kind != BodyToken::Word) return toks.size();
    table = i + 1;
    i += 2;
    if (i < end && toks[i].kind == BodyToken::Other && toks[i].text == ".") return toks.size();
  }
  // Each action (comma-separated at depth 0) starts with ADD, DROP, ALTER or RENAME of a column
  // or constraint; RENAME TO and SET SCHEMA change the table itself.
  bool start = true;
  int depth = 0;
  for (; i < end; ++i) {
    const BodyToken& t = toks[i];
    if (t.kind == BodyToken::Open) ++depth;
    if (t.kind == BodyToken::Close) --depth;
    if (depth == 0 && t.kind == BodyToken::Other && t.text == ",") {
      start = true;
      continue;
    }
    if (!start) continue;
    start = false;
    if (t.kind != BodyToken::Word) return toks.size();
    if (t.text == "rename") {
      if (word(i + 1, "to")) return toks.size();
    } else if (t.text != "add" && t.text != "drop" && t.text != "alter") {
      return toks.size();
    }
  }
  return table;
}

/// `CREATE INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON t ...` or `CREATE [OR REPLACE]
/// [CONSTRAINT] TRIGGER name ... ON t ...` at `at`: true, with the name it creates put in `out`
/// (nothing for an unnamed index). The table and the columns after ON are read, not changed
/// (drizzle-kit's `IF NOT EXISTS (... pg_indexes ...) THEN CREATE INDEX ...` made every column
/// of the table uncertain).
bool index_or_trigger_name(const std::vector<BodyToken>& toks, size_t at, size_t end, std::set<std::string>* out) {
  auto word = [&](size_t i) -> const std::string* {
    return i < end && toks[i].kind == BodyToken::Word ? &toks[i].text : nullptr;
  };
  size_t i = at + 1;
  bool trigger = false;
  // A unique index is a fact about its table's columns (ON CONFLICT needs one): its words stay
  // uncertain, the block not being applied.
  if (word(i) && *word(i) == "unique") return false;
  if (word(i) && *word(i) == "or" && word(i + 1) && *word(i + 1) == "replace") i += 2;
  if (word(i) && *word(i) == "constraint") ++i;
  if (!word(i) || (*word(i) != "index" && *word(i) != "trigger")) return false;
  trigger = *word(i) == "trigger";
  ++i;
  if (!trigger && word(i) && *word(i) == "concurrently") ++i;
  if (!trigger && word(i) && *word(i) == "if" && word(i + 1) && *word(i + 1) == "not" && word(i + 2) &&
      *word(i + 2) == "exists")
    i += 3;
  if (!word(i)) return false;
  if (*word(i) == "on") return !trigger;  // an index without a name
  const std::string& name = *word(i);
  // The name must be followed by ON (an index) or by the trigger's timing, then ON.
  size_t on = i + 1;
  while (on < end && !(word(on) && *word(on) == "on")) {
    if (!trigger) return false;
    ++on;
  }
  if (on == end) return false;
  out->insert(name);
  return true;
}

/// The blank-separated words of `text`, lower-cased; nullopt when it holds a `;` (a second
/// statement).
std::optional<std::vector<std::string>> statement_words(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (c == ';') return std::nullopt;
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return words;
}

/// Whether `text` is `ALTER <object> <name> OWNER TO` with the new owner still to come.
bool changes_owner_only(std::string_view text) {
  auto words = statement_words(text);
  return words && words->size() >= 5 && words->front() == "alter" && (*words)[words->size() - 2] == "owner" &&
         words->back() == "to";
}

/// Whether `text` (a statement's start) creates or alters a role, user or group: no relation.
bool about_roles(std::string_view text) {
  auto words = statement_words(text);
  return words && words->size() >= 2 && ((*words)[0] == "create" || (*words)[0] == "alter") &&
         ((*words)[1] == "user" || (*words)[1] == "role" || (*words)[1] == "group");
}

/// The names a DO or function body may create or change when it runs, when that can be told:
/// the words of its static CREATE / ALTER statements, and the words of what it EXECUTEs when
/// that is a string constant or format() of one (with || pieces) that creates or changes
/// something (CREATE, ALTER, ADD, RENAME) under names the constants spell. EXECUTE of text that
/// changes nothing that way (DROP INDEX, DELETE, ANALYZE...) adds nothing. nullopt when the body
/// EXECUTEs text that is not a constant (a variable) or that may create or change something
/// under a name built at run time: then every word of the body is uncertain.
std::optional<std::set<std::string>> names_a_body_may_change(std::string_view body) {
  static const std::set<std::string> kChanging = {"create", "alter", "add", "rename"};
  static const std::set<std::string> kQuoting = {"format", "quote_ident", "quote_literal", "quote_nullable", "concat"};
  std::vector<BodyToken> toks = body_tokens(body);
  std::set<std::string> out;
  size_t i = 0;
  while (i < toks.size()) {
    size_t end = i;
    while (end < toks.size() && toks[end].kind != BodyToken::Semicolon) ++end;
    for (size_t k = i; k < end; ++k) {
      if (toks[k].kind != BodyToken::Word) continue;
      const std::string& w = toks[k].text;
      if (w == "create" && (index_or_trigger_name(toks, k, end, &out))) break;
      if (w == "create" || w == "alter") {  // static DDL: the words from here to the statement's end
        size_t table = column_action_table(toks, k, end);
        for (size_t m = k; m < end; ++m) {
          // A foreign key's target (`REFERENCES [schema.]users [(id)]`) is read, not changed:
          // its table and columns stay certain (a DO block creating tokens made every column
          // of users uncertain).
          if (toks[m].kind == BodyToken::Word && toks[m].text == "references") {
            size_t t = m + 1;
            if (t + 2 < end && toks[t].kind == BodyToken::Word && toks[t + 1].kind == BodyToken::Other &&
                toks[t + 1].text == ".")
              t += 2;
            if (t < end && toks[t].kind == BodyToken::Word) {
              m = t;
              if (m + 1 < end && toks[m + 1].kind == BodyToken::Open) {
                for (++m; m < end && toks[m].kind != BodyToken::Close; ++m) {
                }
              }
              continue;
            }
          }
          if (toks[m].kind == BodyToken::Word && m != table) out.insert(toks[m].text);
        }
        break;
      }
      if (w != "execute") continue;
      // RETURN QUERY EXECUTE, FOR r IN EXECUTE and OPEN c FOR EXECUTE run a query whose rows
      // they read: no statement that changes the schema returns rows.
      if (k >= 1 && toks[k - 1].kind == BodyToken::Word &&
          (toks[k - 1].text == "in" || toks[k - 1].text == "for" ||
           (toks[k - 1].text == "query" && k >= 2 && toks[k - 2].kind == BodyToken::Word && toks[k - 2].text == "return")))
        break;
      // The EXECUTE's text: up to USING / INTO at depth 0 or the statement's end.
      size_t first = k + 1;
      if (first >= end) return std::nullopt;
      bool starts_known = toks[first].kind == BodyToken::String ||
                          (toks[first].kind == BodyToken::Word && toks[first].text == "format" && first + 2 < end &&
                           toks[first + 1].kind == BodyToken::Open && toks[first + 2].kind == BodyToken::String);
      if (!starts_known) return std::nullopt;
      std::set<std::string> literal;
      bool dynamic = false;
      std::string before_dynamic;  // the constants' text before the first piece built at run time
      bool constant_after_dynamic = false;
      int depth = 0;
      for (size_t m = first; m < end; ++m) {
        const BodyToken& t = toks[m];
        if (t.kind == BodyToken::Open) ++depth;
        if (t.kind == BodyToken::Close) --depth;
        if (t.kind == BodyToken::Word && depth == 0 && (t.text == "using" || t.text == "into")) break;
        if (t.kind == BodyToken::String) {
          words_of(t.text, &literal);
          constant_after_dynamic = constant_after_dynamic || dynamic;
          dynamic = dynamic || has_placeholder(t.text);
          if (!dynamic) before_dynamic += t.text;
        } else if (t.kind == BodyToken::Word && !kQuoting.count(t.text)) {
          dynamic = true;  // a variable or an argument: text built at run time
        }
      }
      bool changing = false;
      for (const std::string& w2 : literal) changing = changing || kChanging.count(w2) > 0;
      // `'ALTER TABLE storage.objects OWNER TO ' || super_user`: only the owner is built at
      // run time, and an owner changes no table's columns; nor does a role (`'CREATE USER ' ||
      // name || ' NOINHERIT LOGIN'`, `'ALTER ROLE ' || name || ' SET search_path = ...'`).
      if (changing && dynamic &&
          ((!constant_after_dynamic && changes_owner_only(before_dynamic)) || about_roles(before_dynamic)))
        break;
      if (changing && dynamic) return std::nullopt;
      if (changing) out.insert(literal.begin(), literal.end());
      break;
    }
    i = end + 1;
  }
  return out;
}

}  // namespace

void Simulator::do_or_function(bool function, Span<Node> options) {
  std::string body;
  long body_location = -1;
  for (const Node* a : options) {
    const PgQuery__DefElem* de = def_elem(a);
    if (defname(de) == "as") {
      body_location = json_location(de->location);
      if (is(de->arg, SG_NODE(LIST))) {
        for (const Node* s : list_items(de->arg)) body += str(s) + " ";
      } else {
        body += str(de->arg);
      }
    }
  }
  std::string lower;
  for (char c : body) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  bool has_ddl = lower.find("create") != std::string::npos || lower.find("alter") != std::string::npos ||
                 lower.find("execute") != std::string::npos;
  if (!has_ddl) return;
  if (!function && apply_do_body(body, body_location)) return;
  if (auto names = names_a_body_may_change(body)) {
    for (const std::string& w : *names)
      if (w.size() > 1) schema_.uncertain_names.insert(w);
    if (names->empty())  // a query read, an owner changed, an index dropped: no name in doubt
      note(std::string(!function ? "DO block" : "function body") + " skipped: what it runs changes no table or column");
    else
      note(std::string(!function ? "DO block" : "function body") +
           " with DDL skipped: the names it mentions are not reported as missing");
    return;
  }
  std::string word;
  auto flush = [&] {
    if (word.size() > 1) schema_.uncertain_names.insert(word);
    word.clear();
  };
  // The words of its statements: a comment's words name nothing the body does (hyades'
  // "-- ... based on the dex_workflow_run and ..." hid every column of that table).
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    if (c == '-' && i + 1 < lower.size() && lower[i + 1] == '-') {
      flush();
      while (i < lower.size() && lower[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < lower.size() && lower[i + 1] == '*') {
      flush();
      size_t end = lower.find("*/", i + 2);
      i = end == std::string::npos ? lower.size() : end + 1;
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word.push_back(c);
    else flush();
  }
  flush();
  note(std::string(!function ? "DO block" : "function body") +
       " with DDL skipped: the names it mentions are not reported as missing");
}

bool Simulator::map_literal(const std::string& body, long location, std::vector<size_t>* map) const {
  if (location < 0 || static_cast<size_t>(location) >= sql_.size()) return false;
  size_t at = static_cast<size_t>(location);
  map->clear();
  if (sql_[at] == '$') {
    size_t close = sql_.find('$', at + 1);
    if (close == std::string::npos || sql_.compare(close + 1, body.size(), body) != 0) return false;
    for (size_t i = 0; i < body.size(); ++i) map->push_back(close + 1 + i);
    return true;
  }
  if (sql_[at] != '\'') return false;  // E'...', U&'...': escapes this does not decode
  std::string decoded;
  for (size_t i = at + 1; i < sql_.size(); ++i) {
    if (sql_[i] == '\'') {
      if (i + 1 >= sql_.size() || sql_[i + 1] != '\'') break;
      map->push_back(i++);
      decoded.push_back('\'');
      continue;
    }
    map->push_back(i);
    decoded.push_back(sql_[i]);
  }
  return decoded == body;
}

bool Simulator::apply_do_body(const std::string& body, long location) {
  std::vector<size_t> body_map;
  if (location >= 0) location = static_cast<long>(file_offset(static_cast<size_t>(location)));  // a DO in a DO
  if (!map_literal(body, location, &body_map)) return false;
  auto range = block_statements(body);
  if (!range) return false;
  std::string text = body.substr(range->first, range->second - range->first);
  std::vector<sql::ParsedStatement> stmts;
  sql::ParseError perr;
  if (!sql::parse(text, &stmts, &perr)) return false;  // IF, loops, RAISE, NULL;, assignments
  for (auto& s : stmts) {
    // EXECUTE format(...) parses as a prepared statement; SELECT ... INTO assigns a variable;
    // a nested BEGIN is a block. All are PL/pgSQL read as SQL.
    if (is(s.node, SG_NODE(EXECUTE_STMT)) || is(s.node, SG_NODE(TRANSACTION_STMT)) ||
        (is(s.node, SG_NODE(SELECT_STMT)) && s.node->select_stmt->into_clause))
      return false;
  }
  std::vector<size_t> map(body_map.begin() + static_cast<std::ptrdiff_t>(range->first),
                          body_map.begin() + static_cast<std::ptrdiff_t>(range->second));
  size_t saved_offset = stmt_offset_;
  const std::vector<size_t>* saved_map = body_map_;
  body_map_ = &map;
  for (auto& s : stmts) {
    stmt_offset_ = file_offset(s.location);
    statement(s.node, "");
  }
  body_map_ = saved_map;
  stmt_offset_ = saved_offset;
  return true;
}

}  // namespace schemagate::schema::simulation
