#include "analyzers/source/gated_read.h"

#include "analyzers/source/word_search.h"

namespace schemagate::source {
namespace {
thread_local const TextGate* current_gate = nullptr;
}  // namespace

bool TextGate::admits(std::string_view text) const {
  std::string lowered;
  if (ignore_case) {
    lowered.resize(text.size());
    for (size_t i = 0; i < text.size(); ++i)
      lowered[i] = (text[i] >= 'A' && text[i] <= 'Z') ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    text = lowered;
  }
  for (const auto& clause : clauses) {
    bool any = false;
    // Each word found by its rarest byte (occurs_where): find stops at every byte its first one
    // is, and a Go project's discovery asks this of every Go file several times.
    for (std::string_view word : clause)
      if (word.empty() || occurs_where(text, word, [](size_t) { return true; })) {
        any = true;
        break;
      }
    if (!any) return false;
  }
  return true;
}

bool read_if(const FileSystem& fs, const std::string& path, const TextGate& gate, std::string* out, std::string* err) {
  const TextGate* outer = current_gate;
  current_gate = &gate;
  bool ok = fs.read(path, out, err);
  current_gate = outer;
  if (ok && gate.admits(*out)) return true;
  out->clear();
  return false;
}

const TextGate* gate_of_read() { return current_gate; }

}  // namespace schemagate::source
