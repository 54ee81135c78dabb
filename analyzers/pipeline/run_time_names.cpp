#include "analyzers/pipeline/run_time_names.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "analyzers/report/line_index.h"
#include "analyzers/source/discovery.h"
#include "analyzers/sql/sql_text.h"

namespace schemagate::pipeline {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

/// The form a Go format string stands for when it is name characters and verbs alone (%s, %v,
/// %d, %[1]s), each verb a kHole; "" otherwise.
std::string go_format_form(std::string_view format) {
  std::string form;
  for (size_t i = 0; i < format.size();) {
    char c = format[i];
    if (name_char(c)) {
      form.push_back(lower(c));
      ++i;
      continue;
    }
    if (c != '%' || i + 1 >= format.size()) return "";
    size_t k = i + 1;
    if (format[k] == '[') {  // an explicit argument index: %[2]s
      ++k;
      while (k < format.size() && std::isdigit(static_cast<unsigned char>(format[k]))) ++k;
      if (k >= format.size() || format[k] != ']') return "";
      ++k;
    }
    if (k >= format.size() || (format[k] != 's' && format[k] != 'v' && format[k] != 'd')) return "";
    form.push_back(sql::kHole);
    i = k + 1;
  }
  return form;
}

}  // namespace

bool fits_name_form(std::string_view form, std::string_view name) {
  // fits[j]: form[0, i) fits name[0, j); a hole takes one name character or more.
  std::vector<char> fits(name.size() + 1, 0), next(name.size() + 1, 0);
  fits[0] = 1;
  for (char f : form) {
    std::fill(next.begin(), next.end(), 0);
    for (size_t j = 1; j <= name.size(); ++j) {
      char c = name[j - 1];
      if (f == sql::kHole)
        next[j] = name_char(c) && (fits[j - 1] || next[j - 1]);
      else
        next[j] = fits[j - 1] && lower(c) == lower(f);
    }
    fits.swap(next);
  }
  return fits[name.size()];
}

bool is_name_form(std::string_view name) {
  if (name.find(sql::kHole) == std::string_view::npos) return false;
  size_t letters = 0;
  for (char c : name) {
    letters = std::isalpha(static_cast<unsigned char>(c)) ? letters + 1 : 0;
    if (letters >= 2) return true;
  }
  return false;
}

std::vector<NameForm> go_package_name_forms(const source::FileSystem& fs, const std::string& root, const std::string& dir) {
  std::vector<NameForm> out;
  for (const source::DirEntry& e : fs.list(source::join_path(root, dir))) {
    if (e.is_dir || !e.skip_reason.empty() || !e.name.ends_with(".go") || e.name.ends_with("_test.go")) continue;
    std::string rel = dir.empty() ? e.name : dir + "/" + e.name, text, err;
    if (!fs.read(source::join_path(root, rel), &text, &err)) continue;
    std::optional<report::LineIndex> lines;
    constexpr std::string_view kCall = "Sprintf(";
    for (size_t at = text.find(kCall); at != std::string::npos; at = text.find(kCall, at + 1)) {
      size_t q = at + kCall.size();
      while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
      if (q >= text.size() || (text[q] != '"' && text[q] != '`')) continue;
      size_t end = text.find(text[q], q + 1);
      if (end == std::string::npos) break;
      std::string_view format(text.data() + q + 1, end - q - 1);
      std::string form = go_format_form(format);
      if (!is_name_form(form)) continue;
      if (!lines) lines.emplace(text);
      out.push_back({std::move(form), std::string(format), rel, lines->position(q).line});
    }
  }
  return out;
}

std::vector<NameForm> templated_migration_tables(const source::FileSystem& fs, const std::string& root,
                                                 const std::vector<std::string>& files) {
  std::vector<NameForm> out;
  for (const std::string& rel : files) {
    if (!rel.ends_with(".tmpl")) continue;
    size_t slash = rel.rfind('/');
    std::string folder = rel.substr(0, slash == std::string::npos ? 0 : slash);
    for (char& c : folder) c = lower(c);
    if (folder.find("migrat") == std::string::npos) continue;
    std::string text, err;
    if (!fs.read(source::join_path(root, rel), &text, &err)) continue;
    // Lower case, `--` comments blanked (a template's comments show examples), offsets kept.
    std::string low(text.size(), ' ');
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '-' && i + 1 < text.size() && text[i + 1] == '-') {
        while (i < text.size() && text[i] != '\n') ++i;
        if (i < text.size()) low[i] = '\n';
        continue;
      }
      low[i] = lower(text[i]);
    }
    report::LineIndex lines(text);
    auto skip_blank = [&](size_t i) {
      while (i < low.size() && std::isspace(static_cast<unsigned char>(low[i]))) ++i;
      return i;
    };
    auto word_at = [&](size_t i, std::string_view w) {
      return low.compare(i, w.size(), w) == 0 && (i + w.size() >= low.size() || !name_char(low[i + w.size()]));
    };
    for (size_t at = low.find("create"); at != std::string::npos; at = low.find("create", at + 1)) {
      if ((at > 0 && name_char(low[at - 1])) || !word_at(at, "create")) continue;
      size_t i = skip_blank(at + 6);
      for (std::string_view kind : {"unlogged", "temporary", "temp"})
        if (word_at(i, kind)) i = skip_blank(i + kind.size());
      if (!word_at(i, "table")) continue;
      i = skip_blank(i + 5);
      if (word_at(i, "if")) {
        size_t n = skip_blank(i + 2);
        if (!word_at(n, "not")) continue;
        size_t x = skip_blank(n + 3);
        if (!word_at(x, "exists")) continue;
        i = skip_blank(x + 6);
      }
      // The name: name characters, quotes, dots and {{ ... }} groups; a dot outside a group
      // starts the table's part after its schema.
      std::string form, shown;
      bool templated = false;
      while (i < low.size()) {
        if (low.compare(i, 2, "{{") == 0) {
          size_t close = low.find("}}", i + 2), eol = low.find('\n', i);
          if (close == std::string::npos || close > eol) break;
          form.push_back(sql::kHole);
          shown.append(text, i, close + 2 - i);
          templated = true;
          i = close + 2;
        } else if (low[i] == '.') {
          form.clear(), shown.clear(), templated = false;
          ++i;
        } else if (low[i] == '"') {
          ++i;
        } else if (name_char(low[i])) {
          form.push_back(low[i]);
          shown.push_back(text[i]);
          ++i;
        } else {
          break;
        }
      }
      if (templated && is_name_form(form)) out.push_back({std::move(form), std::move(shown), rel, lines.position(at).line});
    }
  }
  return out;
}

}  // namespace schemagate::pipeline
