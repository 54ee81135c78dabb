// schemagate refs: the audit view. Every SQL site, what it references and how each reference
// resolved, and the sites left unchecked with the reason: how a user sees what was understood.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"

namespace schemagate::cli {

int run_refs(const CommonOptions& options) {
  // The same scan as check (offline or against the database), so what is listed is what is checked.
  pipeline::CodeScan scan;
  std::vector<std::string> gone;
  if (!collect(options, &scan, &gone)) return kCannotDecide;

  if (options.format == "json") {
    // Written site by site, each dumped alone and indented to its depth, not built as one
    // document: the same bytes as dumping the whole object with an indent of 2, without holding a
    // second copy of every site (the output at 10x hatchet's size is 70 MB).
    constexpr auto replace = nlohmann::ordered_json::error_handler_t::replace;
    auto put = [](const nlohmann::ordered_json& j, const char* indent) {
      std::string text = j.dump(2, ' ', false, replace);
      std::string out;
      out.reserve(text.size() + text.size() / 8);
      for (char c : text) {
        out += c;
        if (c == '\n') out += indent;  // a string's own line ends are escaped: only the layout's
      }
      std::cout << out;
    };
    // `name` holds the items as an array at the top level; "[]" when there are none.
    auto array = [&](const char* name, size_t count, auto&& item) {
      std::cout << ",\n  \"" << name << "\": ";
      if (count == 0) {
        std::cout << "[]";
        return;
      }
      std::cout << "[\n";
      for (size_t i = 0; i < count; ++i) {
        std::cout << "    ";
        put(item(i), "    ");
        std::cout << (i + 1 < count ? ",\n" : "\n");
      }
      std::cout << "  ]";
    };
    std::cout << "{\n  \"version\": 1";
    array("sites", scan.sites.size(), [&](size_t i) {
      const auto& s = scan.sites[i];
      nlohmann::ordered_json j;
      j["file"] = s.file;
      j["line"] = s.line;
      j["column"] = s.column;
      j["via"] = s.via;
      j["sql"] = s.sql;
      j["checked"] = s.checked;
      // A site checked around run-time fragments: "checked" stays false (not everything is), the
      // reason says what is not.
      if (s.partly) j["partly_checked"] = true;
      j["reason"] = s.checked ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.reason);
      j["reason_id"] = s.checked ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.reason_id);
      nlohmann::ordered_json refs = nlohmann::ordered_json::array();
      for (auto& r : s.references) {
        nlohmann::ordered_json rj;
        rj["kind"] = r.kind;
        rj["status"] = r.status;
        rj["relation"] = r.relation;
        rj["column_name"] = r.kind == "column" ? nlohmann::ordered_json(r.column) : nlohmann::ordered_json(nullptr);
        rj["line"] = r.line;
        rj["column"] = r.column_number;
        if (!r.note.empty()) rj["note"] = r.note;
        refs.push_back(rj);
      }
      j["references"] = refs;
      return j;
    });
    if (!scan.skipped.empty())
      array("skipped", scan.skipped.size(), [&](size_t i) {
        return nlohmann::ordered_json{{"file", scan.skipped[i].path}, {"reason", scan.skipped[i].reason}};
      });
    std::cout << ",\n  \"summary\": ";
    put({{"files_scanned", scan.summary.files_scanned}, {"sql_sites", scan.summary.sql_sites},
         {"checked_sites", scan.summary.checked_sites},
         {"partly_checked_sites", scan.summary.partly_checked_sites},
         {"unchecked_sites", scan.summary.unchecked_sites}},
        "  ");
    std::cout << "\n}\n";
    return kClean;
  }
  for (auto& s : scan.sites) {
    std::cout << s.file << ":" << s.line << ":" << s.column << ": " << s.via << ": "
              << (s.checked ? "checked" : (s.partly ? "partly checked: " : "unchecked: ") + s.reason) << "\n";
    if (!s.sql.empty()) {
      std::string one_line;
      bool space = false;
      for (char c : s.sql) {
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
          space = !one_line.empty();
          continue;
        }
        if (space) one_line += ' ';
        space = false;
        one_line += c;
      }
      std::cout << "    sql: " << one_line << "\n";
    }
    for (auto& r : s.references) {
      std::cout << "    " << r.line << ":" << r.column_number << " " << r.kind << " "
                << (r.kind == "column" ? r.relation + (r.relation.empty() ? "" : ".") + r.column : r.relation) << ": "
                << r.status;
      if (!r.note.empty()) std::cout << " (" << r.note << ")";
      std::cout << "\n";
    }
  }
  for (auto& s : scan.skipped) std::cout << s.path << ": skipped: " << s.reason << "\n";
  if (!options.quiet)
    std::cout << "schemagate: " << scan.summary.files_scanned << (scan.summary.files_scanned == 1 ? " file" : " files") << " scanned, " << scan.summary.sql_sites
              << " SQL sites (" << scan.summary.checked_sites << " checked, "
              << (scan.summary.partly_checked_sites
                      ? std::to_string(scan.summary.partly_checked_sites) + " partly checked, "
                      : std::string())
              << scan.summary.unchecked_sites
              << " unchecked)\n";
  return kClean;
}

}  // namespace schemagate::cli
