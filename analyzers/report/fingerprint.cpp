#include "analyzers/report/fingerprint.h"

#include <cstdio>
#include <map>

#include "analyzers/sql/scan.h"

namespace schemagate::report {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_tag_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_tag_char(char c) { return is_tag_start(c) || (c >= '0' && c <= '9'); }

std::string finding_key(const Diagnostic& d) {
  std::string key = d.rule + '\x1f' + d.relation + '\x1f' + d.column_name.value_or("") + '\x1f' + d.file;
  if (!d.fingerprint_text.empty()) key += '\x1f' + normalize_statement_text(d.fingerprint_text);
  return key;
}

std::string hex16(uint64_t h) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

uint64_t fnv1a64(std::string_view data, uint64_t hash) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string normalize_statement_text(std::string_view sql) {
  std::string out;
  bool space = false;  // whitespace or a comment seen since the last byte written
  auto put = [&](std::string_view bytes) {
    for (char c : bytes) {
      if (is_space(c)) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  };
  size_t i = 0, n = sql.size();
  while (i < n) {
    char c = sql[i];
    if (size_t past = sql::skip_comment(sql, i); past != i) {  // nested block comments too
      i = past;
      space = true;
    } else if (c == '\'' || c == '"') {
      // A quoted literal or identifier, a doubled quote inside it; comment markers are text here.
      // Literals are read here, not with sql::skip_quoted, on purpose: a fingerprint keys a
      // finding in users' baselines, so how it reads E'' strings (no backslash escapes) and a
      // `$` after a name must not move when the scanner learns more.
      size_t end = i + 1;
      while (end < n) {
        if (sql[end] == c && end + 1 < n && sql[end + 1] == c) end += 2;
        else if (sql[end] == c) {
          ++end;
          break;
        } else ++end;
      }
      put(sql.substr(i, end - i));
      i = end;
    } else if (c == '$' && i + 1 < n && (sql[i + 1] == '$' || is_tag_start(sql[i + 1]))) {
      size_t t = i + 1;
      while (t < n && is_tag_char(sql[t])) ++t;
      if (t < n && sql[t] == '$') {
        std::string_view tag = sql.substr(i, t + 1 - i);
        size_t close = sql.find(tag, t + 1);
        size_t end = close == std::string_view::npos ? n : close + tag.size();
        put(sql.substr(i, end - i));
        i = end;
      } else {
        put(sql.substr(i, t - i));
        i = t;
      }
    } else {
      put(sql.substr(i, 1));
      ++i;
    }
  }
  return out;
}

std::string finding_fingerprint(const Diagnostic& diagnostic) { return hex16(fnv1a64(finding_key(diagnostic))); }

std::vector<std::string> finding_fingerprints(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (auto& d : diagnostics) {
    std::string key = finding_key(d);
    int repeat = seen[key]++;
    if (repeat > 0) key += "#" + std::to_string(repeat);
    out.push_back(hex16(fnv1a64(key)));
  }
  return out;
}

}  // namespace schemagate::report
