// dbmate and goose keep "up" and "down" SQL in one file, separated by comment directives. The
// schema model must see only the up SQL, yet every diagnostic points into the file, so the down
// part is not cut out but blanked: each of its bytes becomes a space, newlines stay, and an
// offset into MigrationFile::sql is the same offset into the file on disk.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace schemagate::schema::migrations {

/// One line of a text as byte offsets: [begin, end) is its content without "\n" or a "\r"
/// before it; `next` is where the following line begins.
struct LineSpan {
  size_t begin = 0;
  size_t end = 0;
  size_t next = 0;
};

std::vector<LineSpan> split_lines(std::string_view text);

/// A copy of `text` in which every byte outside [begin, end) is a space, except '\n'.
std::string keep_only(std::string_view text, size_t begin, size_t end);

/// Recognises a directive line; it receives the line without its newline.
using LinePredicate = bool (*)(std::string_view line);

/// Whether some line of `text` satisfies `is_marker`.
bool has_line(std::string_view text, LinePredicate is_marker);

/// The up section of a file: the lines after the first `is_up` line, up to the first `is_down`
/// line after it or the end of the file, with everything else (both directive lines included)
/// blanked by keep_only. Returns false, leaving *sql alone, when no line is an up directive.
bool extract_up_section(std::string_view text, LinePredicate is_up, LinePredicate is_down,
                        std::string* sql);

}  // namespace schemagate::schema::migrations
