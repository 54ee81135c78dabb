#include "analyzers/report/baseline.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "analyzers/report/fingerprint.h"

namespace schemagate::report {
namespace {

using Json = nlohmann::ordered_json;

bool is_fingerprint(const std::string& s) {
  return s.size() == 16 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

auto entry_order(const BaselineEntry& e) {
  return std::tie(e.file, e.rule, e.relation, e.column_name, e.fingerprint, e.message);
}

/// Reads optional string field `key` of entry `i`: absent and null give "", other types fail.
bool read_string(const Json& entry, size_t i, const char* key, bool nullable, std::optional<std::string>* out,
                 std::string* err) {
  auto it = entry.find(key);
  if (it == entry.end() || (nullable && it->is_null())) return true;
  if (!it->is_string()) {
    *err = "findings[" + std::to_string(i) + "]: \"" + key + "\" must be a string" + (nullable ? " or null" : "");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

}  // namespace

std::string write_baseline(const std::vector<Diagnostic>& diagnostics) {
  std::vector<BaselineEntry> entries;
  for (auto& d : diagnostics)
    entries.push_back({finding_fingerprint(d), d.rule, d.file, d.relation, d.column_name, d.message});
  std::sort(entries.begin(), entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return entry_order(a) < entry_order(b); });
  Json findings = Json::array();
  for (auto& e : entries) {
    Json f;
    f["fingerprint"] = e.fingerprint;
    f["rule"] = e.rule;
    f["file"] = e.file;
    f["relation"] = e.relation.empty() ? Json(nullptr) : Json(e.relation);
    f["column_name"] = e.column_name ? Json(*e.column_name) : Json(nullptr);
    f["message"] = e.message;
    findings.push_back(f);
  }
  Json out;
  out["version"] = 1;
  out["findings"] = findings;
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

bool read_baseline(std::string_view text, Baseline* out, std::string* err) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {  // nlohmann's exceptions stop here (habit 6): parse errors, number overflow
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..." -> from "parse error".
    size_t start = what.find("] ");
    *err = "not JSON: " + (start == std::string::npos ? what : what.substr(start + 2));
    return false;
  }
  if (!doc.is_object()) {
    *err = "expected an object {\"version\": 1, \"findings\": [...]} as written by `schemagate baseline`";
    return false;
  }
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() || version->get<long long>() != 1) {
    *err = version == doc.end() ? "\"version\" is missing (this schemagate reads baseline version 1)"
                                : "baseline version " + version->dump() + " is not supported (this schemagate reads version 1)";
    return false;
  }
  auto findings = doc.find("findings");
  if (findings == doc.end() || !findings->is_array()) {
    *err = "\"findings\" must be an array";
    return false;
  }
  Baseline result;
  for (size_t i = 0; i < findings->size(); ++i) {
    const Json& f = (*findings)[i];
    std::string where = "findings[" + std::to_string(i) + "]: ";
    if (!f.is_object()) {
      *err = where + "must be an object";
      return false;
    }
    BaselineEntry e;
    std::optional<std::string> fingerprint, rule, file, relation, message;
    if (!read_string(f, i, "fingerprint", false, &fingerprint, err) || !read_string(f, i, "rule", false, &rule, err) ||
        !read_string(f, i, "file", false, &file, err) || !read_string(f, i, "relation", true, &relation, err) ||
        !read_string(f, i, "column_name", true, &e.column_name, err) ||
        !read_string(f, i, "message", false, &message, err))
      return false;
    if (!fingerprint || !is_fingerprint(*fingerprint)) {
      *err = where + "\"fingerprint\" must be 16 lowercase hex digits, as `schemagate baseline` writes it";
      return false;
    }
    if (!rule || rule->empty()) {
      *err = where + "\"rule\" is missing";
      return false;
    }
    e.fingerprint = *fingerprint;
    e.rule = *rule;
    e.file = file.value_or("");
    e.relation = relation.value_or("");
    e.message = message.value_or("");
    result.entries.push_back(std::move(e));
  }
  *out = std::move(result);
  return true;
}

void apply_baseline(const Baseline& baseline, std::vector<Diagnostic>* diagnostics, std::vector<BaselineEntry>* gone) {
  std::map<std::string, int> recorded;  // fingerprint -> how many entries hold it
  for (auto& e : baseline.entries) ++recorded[e.fingerprint];
  std::map<std::string, int> remaining = recorded;  // how many more findings it forgives
  std::vector<Diagnostic> kept;
  for (auto& d : *diagnostics) {
    auto it = remaining.find(finding_fingerprint(d));
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(d));
  }
  *diagnostics = std::move(kept);
  // Of N entries with one fingerprint and M < N matches, the last N - M are the gone ones.
  std::map<std::string, int> seen;
  for (auto& e : baseline.entries) {
    int matched = recorded[e.fingerprint] - remaining[e.fingerprint];
    if (seen[e.fingerprint]++ >= matched) gone->push_back(e);
  }
}

std::string describe_gone(const BaselineEntry& e) {
  std::string what = e.rule;
  if (!e.relation.empty()) {
    what += " \"" + e.relation + "\"";
    if (e.column_name) what += ".\"" + *e.column_name + "\"";
  } else if (e.column_name) {
    what += " \"" + *e.column_name + "\"";
  }
  return (e.file.empty() ? std::string() : e.file + ": ") + what +
         " is in the baseline but no longer occurs: regenerate the baseline to drop it";
}

}  // namespace schemagate::report
