#include "analyzers/source/gated_read.h"

#include "analyzers/source/word_search.h"

namespace schemagate::source {
namespace {
thread_local const TextGate* current_gate = nullptr;
/// The answer of the read_if this thread is in, for the buffer it was given (by its bytes'
/// address and size), until that read_if returns.
struct Verdict {
  const TextGate* gate = nullptr;
  const char* data = nullptr;
  size_t size = 0;
  bool admitted = false;
};
thread_local Verdict verdict;

bool admitted_by(const TextGate& gate, std::string_view text) {
  if (verdict.gate == &gate && verdict.data == text.data() && verdict.size == text.size()) return verdict.admitted;
  bool admitted = gate.admits(text);
  verdict = {&gate, text.data(), text.size(), admitted};
  return admitted;
}
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
  verdict = {};
  bool ok = fs.read(path, out, err);
  current_gate = outer;
  bool admitted = ok && admitted_by(gate, *out);
  verdict = {};  // the buffer may hold another text at the next read
  if (admitted) return true;
  out->clear();
  return false;
}

const TextGate* gate_of_read() { return current_gate; }

bool read_admitted(std::string_view text) { return !current_gate || admitted_by(*current_gate, text); }

}  // namespace schemagate::source
