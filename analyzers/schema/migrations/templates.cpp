// Go text/template migrations: see templates.h.
#include "analyzers/schema/migrations/templates.h"

#include "analyzers/source/gated_read.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "analyzers/report/locator.h"

namespace schemagate::schema::migrations {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Calls visit(begin, end, key) for each `{{ ... }}` on one line of `sql`.
template <class Visit>
void each_template(std::string_view sql, Visit visit) {
  for (size_t at = sql.find("{{"); at != std::string_view::npos; at = sql.find("{{", at + 2)) {
    size_t close = sql.find("}}", at + 2);
    if (close == std::string_view::npos) return;
    if (sql.substr(at, close - at).find('\n') != std::string_view::npos) continue;
    visit(at, close + 2, template_key(sql.substr(at + 2, close - at - 2)));
    at = close;
  }
}

/// The key `index .Options "KEY"` -> KEY; "" for any other template.
std::string options_key(const std::string& key) {
  const std::string prefix = "index .Options \"";
  if (key.rfind(prefix, 0) != 0 || key.size() < prefix.size() + 2 || key.back() != '"') return "";
  std::string name = key.substr(prefix.size(), key.size() - prefix.size() - 1);
  for (char c : name)
    if (!word(c)) return "";
  return name;
}

}  // namespace

std::string template_key(std::string_view inside) {
  std::string out;
  for (char c : inside) {
    if (blank(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  // `{{- x -}}` trims the text around it in Go; the key is the action itself.
  if (out.rfind("- ", 0) == 0) out.erase(0, 2);
  if (out.size() >= 2 && out.compare(out.size() - 2, 2, " -") == 0) out.resize(out.size() - 2);
  return out;
}

std::vector<std::string> template_keys(std::string_view sql) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  each_template(sql, [&](size_t, size_t, std::string key) {
    if (seen.insert(key).second) keys.push_back(std::move(key));
  });
  return keys;
}

void expand_templates(std::string* sql, const std::map<std::string, std::string>& values) {
  if (values.empty() || sql->find("{{") == std::string::npos) return;
  std::string out;
  size_t copied = 0;
  each_template(*sql, [&](size_t begin, size_t end, const std::string& key) {
    auto it = values.find(key);
    if (it == values.end()) return;
    out.append(*sql, copied, begin - copied);
    out += it->second;
    copied = end;
  });
  if (copied == 0) return;
  out.append(*sql, copied, std::string::npos);
  *sql = std::move(out);
}

std::map<std::string, FoundTemplateValue> find_template_values(const source::FileSystem& fs, const std::string& root,
                                                               const std::vector<std::string>& go_files,
                                                               const std::vector<std::string>& keys) {
  std::map<std::string, std::string> wanted;  // options key -> template key
  for (auto& k : keys)
    if (std::string name = options_key(k); !name.empty()) wanted[name] = k;
  std::map<std::string, FoundTemplateValue> found;
  if (wanted.empty()) return found;

  struct Text {
    std::string path, text;
  };
  std::vector<Text> texts;
  // Read through a gate: a file that fills none of the options (`"Namespace":`) and gives no
  // default (`default:"`) is of no use, and a later run asks only whether that is still so (the
  // schema cache keeps the gate, not the file's bytes: an edited handler keeps the build).
  std::vector<std::string> words;
  for (auto& w : wanted) words.push_back("\"" + w.first + "\":");
  words.push_back("default:\"");
  source::TextGate gate;
  gate.clauses.emplace_back(words.begin(), words.end());
  for (auto& path : go_files) {
    std::string text;
    std::string ignored;
    if (!source::read_if(fs, source::join_path(root, path), gate, &text, &ignored)) continue;
    texts.push_back({path, std::move(text)});
  }
  auto where = [](const Text& t, size_t at) {
    return report::place_in(t.path, t.text, at);
  };
  for (auto& [name, key] : wanted) {
    // `"Namespace": globalConfig.DB.Namespace,`: the field that fills the option.
    std::set<std::string> fields;
    std::string passed_at;
    std::string quoted = "\"" + name + "\":";
    for (auto& t : texts)
      for (size_t at = t.text.find(quoted); at != std::string::npos; at = t.text.find(quoted, at + 1)) {
        size_t i = at + quoted.size();
        while (i < t.text.size() && blank(t.text[i])) ++i;
        size_t start = i;
        while (i < t.text.size() && (word(t.text[i]) || t.text[i] == '.')) ++i;
        std::string expr = t.text.substr(start, i - start);
        size_t dot = expr.rfind('.');
        if (dot == std::string::npos || dot + 1 == expr.size()) continue;
        fields.insert(expr.substr(dot + 1));
        if (passed_at.empty()) passed_at = where(t, at);
      }
    if (fields.size() != 1) continue;
    const std::string& field = *fields.begin();
    // `Namespace string `json:"namespace" envconfig:"DB_NAMESPACE" default:"auth"``: its default.
    std::set<std::string> values;
    std::string default_at;
    for (auto& t : texts) {
      size_t line_start = 0;
      while (line_start < t.text.size()) {
        size_t line_end = t.text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = t.text.size();
        std::string_view line(t.text.data() + line_start, line_end - line_start);
        size_t i = 0;
        while (i < line.size() && blank(line[i])) ++i;
        if (line.substr(i, field.size()) == field && i + field.size() < line.size() && blank(line[i + field.size()])) {
          size_t tag = line.find("default:\"");
          if (tag != std::string_view::npos && line.find('`') < tag) {
            size_t v = tag + 9, close = line.find('"', v);
            if (close != std::string_view::npos) {
              values.insert(std::string(line.substr(v, close - v)));
              if (default_at.empty()) default_at = where(t, line_start);
            }
          }
        }
        line_start = line_end + 1;
      }
    }
    if (values.size() != 1) continue;
    found[key] = {*values.begin(), default_at + ": default of " + field + ", passed as option \"" + name + "\" at " +
                                       passed_at};
  }
  return found;
}

}  // namespace schemagate::schema::migrations
