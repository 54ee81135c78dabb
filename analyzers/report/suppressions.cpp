#include "analyzers/report/suppressions.h"

#include <algorithm>

// Positions go through the one byte-offset -> line/column conversion (habit 3); line_index is a
// leaf of analyzers/ with no dependencies of its own.
#include "analyzers/report/line_index.h"

namespace schemagate::report {
namespace {

constexpr std::string_view kMarker = kSuppressionMarker;
constexpr const char* kForms =
    "a suppression is \"schemagate-ignore: <rule> <reason>\" in a comment on the line of the finding or the line "
    "above, or \"schemagate-ignore-file: <rule> <reason>\" anywhere in the file";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_rule_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Whether "schemagate-ignore" preceded by `before` (the start of its line) is in a comment.
bool in_comment(std::string_view before) {
  for (std::string_view opener : {"#", "//", "--", "/*"})
    if (before.find(opener) != std::string_view::npos) return true;
  std::string_view t = trim(before);
  return !t.empty() && t.front() == '*';  // a continuation line of a block comment
}

int code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

}  // namespace

std::vector<Suppression> find_suppressions(std::string_view text) {
  std::vector<Suppression> out;
  if (text.find(kMarker) == std::string_view::npos) return out;
  report::LineIndex lines(text);
  for (size_t at = text.find(kMarker); at != std::string_view::npos; at = text.find(kMarker, at + 1)) {
    if (at > 0 && is_rule_char(text[at - 1])) continue;  // part of a longer word
    size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    size_t line_end = std::min(text.find('\n', at), text.size());
    if (!in_comment(text.substr(line_start, at - line_start))) continue;

    auto located = [&](size_t offset, std::string_view token) {
      Suppression s;
      report::LineColumn pos = lines.position(offset);
      s.line = pos.line;
      s.column = pos.column;
      s.width = std::max(1, code_points(token));
      s.source_line = std::string(lines.line_text(pos.line));
      return s;
    };

    size_t p = at + kMarker.size();
    Suppression::Scope scope = Suppression::Scope::Line;
    std::string_view form = kMarker;
    if (p < line_end && text[p] == '-') {
      size_t end = p + 1;
      while (end < line_end && is_rule_char(text[end])) ++end;
      std::string_view suffix = text.substr(p, end - p);
      if (suffix == "-file") {
        scope = Suppression::Scope::File;
        form = text.substr(at, end - at);
        p = end;
      } else {
        Suppression s = located(at, text.substr(at, end - at));
        s.problem = quoted(text.substr(at, end - at)) +
                    " is not a suppression: write \"schemagate-ignore: <rule> <reason>\" (this line and the "
                    "next) or \"schemagate-ignore-file: <rule> <reason>\" (the whole file)";
        out.push_back(std::move(s));
        continue;
      }
    } else if (p < line_end && is_rule_char(text[p])) {
      continue;  // "schemagate-ignored": a word, not a suppression
    }

    if (p >= line_end || text[p] != ':') {
      Suppression s = located(at, form);
      s.scope = scope;
      s.problem = quoted(form) + " without a colon suppresses nothing: write \"" + std::string(form) +
                  ": <rule> <reason>\"";
      out.push_back(std::move(s));
      continue;
    }
    ++p;
    std::string_view body = text.substr(p, line_end - p);
    if (size_t close = body.find("*/"); close != std::string_view::npos) body = body.substr(0, close);

    // RULE[,RULE...] then the reason.
    std::vector<size_t> rule_offsets;  // into `text`
    std::vector<std::string_view> rules;
    size_t i = 0;
    while (true) {
      while (i < body.size() && is_space(body[i])) ++i;
      size_t start = i;
      while (i < body.size() && is_rule_char(body[i])) ++i;
      if (i == start) break;
      rules.push_back(body.substr(start, i - start));
      rule_offsets.push_back(p + start);
      size_t j = i;
      while (j < body.size() && is_space(body[j])) ++j;
      if (j < body.size() && body[j] == ',') {
        i = j + 1;
        continue;
      }
      break;
    }
    std::string_view reason = trim(body.substr(std::min(i, body.size())));

    if (rules.empty()) {
      Suppression s = located(at, form);
      s.scope = scope;
      s.problem = "suppression names no rule: write \"" + std::string(form) +
                  ": <rule> <reason>\" with the rule of the finding (there is no \"all\")";
      out.push_back(std::move(s));
      continue;
    }
    if (reason.empty()) {
      Suppression s = located(rule_offsets.front(), rules.front());
      s.scope = scope;
      std::vector<std::string> names(rules.begin(), rules.end());
      s.rule = join(names, ",");
      s.problem = "suppression of " + quoted(s.rule) +
                  " gives no reason, so it suppresses nothing: after the rule, say why the finding is safe";
      out.push_back(std::move(s));
      continue;
    }
    for (size_t r = 0; r < rules.size(); ++r) {
      Suppression s = located(rule_offsets[r], rules[r]);
      s.scope = scope;
      s.rule = std::string(rules[r]);
      s.reason = std::string(reason);
      out.push_back(std::move(s));
    }
  }
  return out;
}

void apply_suppressions(const std::map<std::string, std::vector<Suppression>>& by_file,
                        std::vector<Diagnostic>* diagnostics, std::vector<Diagnostic>* suppression_findings,
                        const SuppressionRules& rules) {
  auto finding_at = [](const std::string& file, const Suppression& s, std::string message, std::string help) {
    Diagnostic d;
    d.rule = std::string(s.problem.empty() ? kUnusedSuppressionRule : kInvalidSuppressionRule);
    d.severity = Severity::Warning;
    d.message = std::move(message);
    d.file = file;
    d.line = s.line;
    d.column = s.column;
    d.width = s.width;
    d.source_line = s.source_line;
    d.help = std::move(help);
    d.fingerprint_text = std::string(s.scope == Suppression::Scope::File ? "schemagate-ignore-file: " : "schemagate-ignore: ") +
                         s.rule + " " + s.reason;
    return d;
  };

  // The suppressions that can match, per file; the others are reported now.
  std::map<std::string, std::vector<const Suppression*>> active;
  std::vector<Diagnostic> found;
  for (auto& [file, suppressions] : by_file) {
    for (auto& s : suppressions) {
      if (!s.problem.empty()) {
        found.push_back(finding_at(file, s, s.problem, kForms));
        continue;
      }
      bool own_rule = s.rule == kUnusedSuppressionRule || s.rule == kInvalidSuppressionRule;
      bool unknown = !rules.known.empty() && std::find(rules.known.begin(), rules.known.end(), s.rule) == rules.known.end();
      if (own_rule || unknown) {
        Suppression invalid = s;
        invalid.problem = own_rule ? "suppression of " + quoted(s.rule) +
                                         " suppresses nothing: that rule cannot be suppressed; fix or remove the "
                                         "suppression it reports"
                                   : "suppression of " + quoted(s.rule) +
                                         " suppresses nothing: schemagate has no rule of that name";
        found.push_back(finding_at(file, invalid, invalid.problem,
                                   own_rule ? std::string(kForms) : "the rules are: " + join(rules.known, ", ")));
        continue;
      }
      active[file].push_back(&s);
    }
  }

  std::set<const Suppression*> used;
  std::vector<Diagnostic> kept;
  for (auto& d : *diagnostics) {
    bool suppressed = false;
    if (auto it = active.find(d.file); it != active.end()) {
      for (const Suppression* s : it->second) {
        if (s->rule != d.rule) continue;
        if (s->scope == Suppression::Scope::Line && d.line != s->line && d.line != s->line + 1) continue;
        suppressed = true;
        used.insert(s);  // every suppression that covers it is used, not only the first
      }
    }
    if (!suppressed) kept.push_back(std::move(d));
  }
  *diagnostics = std::move(kept);

  for (auto& [file, suppressions] : active) {
    for (const Suppression* s : suppressions) {
      if (used.count(s)) continue;
      if (rules.ran && !rules.ran->count(s->rule)) continue;  // may be used in another mode
      bool whole_file = s->scope == Suppression::Scope::File;
      found.push_back(finding_at(
          file, *s,
          whole_file ? "file-level suppression of " + quoted(s->rule) + " matches no finding in this file: remove it"
                     : "suppression of " + quoted(s->rule) + " matches no finding on this line or the next: remove it",
          whole_file ? "" : "when the finding moved, move the comment with it: it covers its own line and the next"));
    }
  }
  std::stable_sort(found.begin(), found.end(), diagnostic_less);
  for (auto& d : found) suppression_findings->push_back(std::move(d));
}

}  // namespace schemagate::report
