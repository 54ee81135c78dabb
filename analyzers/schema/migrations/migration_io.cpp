// Listing and reading for the migration formats; see migration_io.h.
#include "analyzers/schema/migrations/migration_io.h"

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

}  // namespace schemagate::schema::migrations
