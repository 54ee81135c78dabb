// Python classes across the project's modules, as far as static reading follows them. A model's
// base is often imported (`from app.models.base import TimestampMixin`, or through a package's
// __init__ that re-exports it), and the columns such a base adds are the model's as much as its
// own. The Python data layers index each class of the project under its name (with the file it
// is in and what the layer needs of it, as a string the layer encodes), and each package
// __init__'s re-exports; an extractor resolves a base name through the file's imports to that
// record. What cannot be followed (a package installed from elsewhere, a name imported twice,
// an import computed at run time) resolves to nothing, and the layer treats the base as unknown.
#pragma once
#include <tree_sitter/api.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers::python {

/// Where a module-level name of a file comes from: `from <module> import <name> [as local]`
/// or `import <module> [as local]` (name empty).
struct Import {
  std::string module;  ///< a path without ".py" ("app/models/base"), relative imports resolved
  bool exact = false;  ///< relative: the path is the file's; absolute: any file ending in it
  std::string name;    ///< the imported name; empty for `import module`
};

/// The module-level imports of a parsed file, by the local name they bind.
std::map<std::string, Import> imports_of(std::string_view path, std::string_view text, TSNode root);

/// A class found in the project: its file and the record its layer indexed.
struct FoundClass {
  std::string path, name, record;
};

/// The index entries of one file: each class (key `<prefix>class:<Name>`, value
/// "<path>\n<record>", records given by the layer) and each name it imports from another
/// module, which other modules may import from it in turn (a package __init__'s re-exports).
void index_classes(std::string_view prefix, std::string_view path, std::string_view text, TSNode root,
                   const std::vector<std::pair<std::string, std::string>>& records,
                   std::vector<std::pair<std::string, std::string>>* out);

/// Whether an index should read `path` although the layer's own relevance test says no: a
/// package __init__ that imports names (it may re-export a model's base).
bool reexports(std::string_view path, std::string_view text);

/// A base as written in a class statement of a file with `imports` ("TimestampMixin",
/// "base.TimestampMixin"), as a reference a record can keep: "=Name" for a name the file does
/// not import (its own class, or a builtin), "module\texact\tname" for an imported one, "?" for
/// what cannot be followed (a call, a subscript).
std::string base_ref(const std::map<std::string, Import>& imports, std::string_view written);

/// The one class of the project a reference made in file `from` stands for, following package
/// re-exports; nullopt when the index has none or more than one.
std::optional<FoundClass> resolve_ref(const ProjectFacts& facts, std::string_view prefix, std::string_view from,
                                      const std::string& ref);

/// A class statement: its name and the name's bytes, its bases as written, and its keyword
/// arguments (metaclass=, SQLModel's table=True) as name -> value text.
struct ClassHeader {
  std::string name;
  uint32_t begin = 0, end = 0;
  std::vector<std::string> bases;
  std::vector<std::pair<std::string, std::string>> keywords;
};
ClassHeader class_header(std::string_view text, TSNode cls);

/// What a layer indexes of one class: its own header lines, the bases (as written, and as
/// base_ref() stores them), and one row per column or field.
struct Record {
  std::vector<std::string> header;
  std::vector<std::pair<std::string, std::string>> bases;  ///< (written, ref)
  std::vector<std::vector<std::string>> rows;
};
std::string encode(const Record& r);
/// nullopt when the text has fewer than `header` header lines (another version's record).
std::optional<Record> decode(const std::string& text, size_t header);

/// The id of base `written` of a class of file `from` in `classes` (a layer's classes of the
/// file being extracted, by name): that class when the file declares it, else the class of
/// another file the project index resolves it to, loaded as "path:Name" by `load(id, found,
/// depth)`, else `written` itself (an unknown base, absent from `classes`).
template <typename Class, typename Load>
std::string base_id(std::map<std::string, Class>& classes, const FileInput& in, std::string_view prefix,
                    const std::string& written, std::string_view from, const std::string& ref, int depth, Load load) {
  if (from == in.path && classes.count(written)) return written;
  if (!in.facts || depth > 16) return written;
  std::optional<FoundClass> found = resolve_ref(*in.facts, prefix, from, ref);
  if (!found) return written;
  if (found->path == in.path) return classes.count(found->name) ? found->name : written;
  std::string id = found->path + ":" + found->name;
  if (!classes.count(id)) {
    classes[id] = Class{};  // a placeholder while it loads: a cycle of bases stops here
    classes[id] = load(id, *found, depth + 1);
  }
  return id;
}

}  // namespace schemagate::datalayers::python
