// Reads the migration readers make only to look for a few words. Discovering a Go project's
// migrations reads every Go file of the tree to ask "may this file register migrations?"; a file
// that answers no mattered to the schema build only by answering no. The schema cache
// (pipeline/schema_cache) keeps that answer, and the gate that gave it, instead of the file's
// bytes: a handler edited in a pre-commit run that still answers no keeps the cached build. The
// gate is data (the words it looks for), so a later run asks it again of a file that changed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::source {

/// A test of a file's text by the words it holds: every clause needs one of its words to occur.
struct TextGate {
  std::vector<std::vector<std::string_view>> clauses;
  bool ignore_case = false;  ///< the words are lower case, matched against the lower-cased text
  bool admits(std::string_view text) const;
};

/// Reads `path` for a caller that uses its text only when `gate` admits it: true with *out set
/// when it was read and admitted; false otherwise, with *out empty (*err set when it could not
/// be read). While `fs` reads, gate_of_read() tells it the gate.
bool read_if(const FileSystem& fs, const std::string& path, const TextGate& gate, std::string* out, std::string* err);

/// The gate of the read_if this thread is in, or null: a FileSystem that records what a run read
/// (the schema cache's) asks it in read().
const TextGate* gate_of_read();

/// Whether the gate of the read_if this thread is in admits `text` (the text read into the
/// caller's buffer), true when there is none. Asked once per read: the file systems a read goes
/// through (the schema cache's recording, the build's input log) and read_if itself share the
/// answer for the same buffer, where each asked the gate again (1.1% of a cold check of hatchet).
bool read_admitted(std::string_view text);

}  // namespace schemagate::source
