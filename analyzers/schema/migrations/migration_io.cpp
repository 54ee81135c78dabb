// Listing and reading for the migration formats; see migration_io.h.
#include "analyzers/schema/migrations/migration_io.h"

#include <cctype>
#include <string_view>

namespace schemagate::schema::migrations {

std::string on_disk(const std::string& root, const std::string& path) {
  if (path.empty() || path == ".") return root.empty() ? std::string(".") : root;
  return source::join_path(root, path);
}

std::vector<std::string> sql_file_names(const source::FileSystem& fs, const std::string& root,
                                        const std::string& dir) {
  std::vector<std::string> names;
  for (const source::DirEntry& entry : fs.list(on_disk(root, dir)))
    if (!entry.is_dir && entry.name.size() > 4 && entry.name.ends_with(".sql"))
      names.push_back(entry.name);
  return names;
}

bool read_migration_text(const source::FileSystem& fs, const std::string& root,
                         const std::string& path, std::string* out, std::string* err) {
  std::string reason;
  if (fs.read(on_disk(root, path), out, &reason)) return true;
  if (err) *err = path + ": " + reason;
  return false;
}

void blank_psql_meta_commands(std::string* text) {
  std::string& t = *text;
  size_t at = 0;
  bool in_copy = false;
  while (at < t.size()) {
    size_t end = t.find('\n', at);
    if (end == std::string::npos) end = t.size();
    std::string_view line = std::string_view(t).substr(at, end - at);
    bool blank = in_copy || (!line.empty() && line[0] == '\\');
    if (in_copy && line.rfind("\\.", 0) == 0) in_copy = false;
    if (!in_copy && !blank) {
      std::string l(line);
      for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l.rfind("copy ", 0) == 0 && l.find("from stdin") != std::string::npos) in_copy = true;
    }
    if (blank)
      for (size_t i = at; i < end; ++i)
        if (t[i] != '\r') t[i] = ' ';
    at = end + 1;
  }
}

bool go_module_requires(const source::FileSystem& fs, const std::string& root, const std::string& dir,
                        std::initializer_list<std::string_view> paths) {
  std::string d = dir;
  while (true) {
    std::string text, err;
    if (fs.read(on_disk(root, d.empty() ? "go.mod" : d + "/go.mod"), &text, &err)) {
      for (std::string_view p : paths)
        if (text.find(p) != std::string::npos) return true;
      return false;
    }
    if (d.empty() || d == ".") return false;
    size_t slash = d.rfind('/');
    d = slash == std::string::npos ? "" : d.substr(0, slash);
  }
}

}  // namespace schemagate::schema::migrations
