// Positions inside schemagate are byte offsets into a file (schema::Origin, Note, Diagnostic).
// A person reads lines: the Locator knows the text of the files a run read (migrations, the code
// file being judged) and is the one place that turns an offset of any of them into a line and
// column, through LineIndex. What only has a line (a snapshot's or a manifest's origin, written
// by a format older than offsets) keeps the line it recorded.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/report/diagnostic.h"
#include "analyzers/report/line_index.h"
#include "analyzers/schema/migrations/migration.h"
#include "analyzers/schema/schema.h"

namespace schemagate::report {

class Locator {
 public:
  /// `parent`: files it knows are known here too (a run's migrations under one code file's
  /// Locator); it must outlive this one.
  explicit Locator(const Locator* parent = nullptr) : parent_(parent) {}
  /// Registers `text` as the content of `file` (root-relative). The text must outlive the
  /// Locator. A file added twice keeps its first text (the first set that defines it wins).
  void add(const std::string& file, std::string_view text);
  /// Registers a migration: the text its positions are offsets of (its source file when it is
  /// written in code and has an origin map, else its SQL).
  void add(const schema::migrations::MigrationFile& migration);
  bool knows(const std::string& file) const { return files_.count(file) || (parent_ && parent_->knows(file)); }

  /// 1-based line and column (code points) of byte `offset` of `file`; {0, 0} for a file not added.
  LineColumn position(const std::string& file, uint32_t offset) const;
  /// The line where `origin` is: from its offset in a file added, else the line it recorded; 0
  /// when neither is known (a database's objects).
  int line(const schema::Origin& origin) const;
  /// "file:line" of `origin` (as messages quote a place), or "file:0" when its line is unknown.
  std::string place(const schema::Origin& origin) const;
  /// "file:line" of byte `offset` of `file`.
  std::string place(const std::string& file, uint32_t offset) const;
  /// "file:line:column" of byte `offset` of `file`, as a message names a place in one line.
  std::string place_column(const std::string& file, uint32_t offset) const;
  /// The text of 1-based `line` of `file` ("" for a file not added).
  std::string_view line_text(const std::string& file, int line) const;

  /// Fills line, column and source_line of `d`, and the lines of its notes, from their offsets in
  /// files added; positions already given as lines stay.
  void locate(Diagnostic* d) const;
  /// Places `d` on the whole line of `origin` (from its first non-blank byte, as a statement is
  /// underlined in a migration), quoting that line of `shown` (the text the frame shows).
  void locate_line(Diagnostic* d, const schema::Origin& origin, std::string_view shown) const;

 private:
  /// A file's text, and its line index, built when a position in it is first asked: a run adds
  /// every migration, and a pre-commit run asks positions in few of them, if any.
  struct File {
    explicit File(std::string_view t) : text(t) {}
    std::string_view text;
    mutable std::once_flag indexed;  // positions are asked from several scanning threads
    mutable std::optional<LineIndex> lines;
  };
  const LineIndex* index(const std::string& file) const;
  const Locator* parent_ = nullptr;
  std::map<std::string, File, std::less<>> files_;
};

/// 1-based line of byte `offset` of `text`: for a message that names a place while the text is at hand.
int line_in(std::string_view text, size_t offset);
/// "file:line" of byte `offset` of `text`, the content of `file`.
std::string place_in(const std::string& file, std::string_view text, size_t offset);

/// A note at `origin`: its offset when it has one (the Locator gives its line), else the line it recorded.
Note note_at(const schema::Origin& origin, std::string message);

}  // namespace schemagate::report
