// A file's requirements as the scan holds them until the evaluate phase. The evaluate phase can
// start only once every file is scanned (a relation one file creates at run time excuses another
// file's use of it), so every requirement of the project is held at once; a Requirement has room
// for every kind of need (functions, enum labels, a data layer's notes) and takes over 500 bytes,
// while most are a relation, a column or a function named by SQL. Those are held in 52 bytes,
// their names once per file; any other is held as it is. What is given back is exactly what was
// held.
#pragma once
#include <cstdint>
#include <vector>

#include "analyzers/requirements/requirement.h"

namespace schemagate::pipeline {

class CompactRequirements {
 public:
  /// Holds `reqs`, leaving it empty, in place of what was held.
  void hold(requirements::FileRequirements&& reqs);
  /// What hold() was given, in its order; what is held stays.
  requirements::FileRequirements unpacked() const;
  /// The same, leaving nothing held.
  requirements::FileRequirements take();
  bool empty() const { return held_.empty(); }  ///< no requirement (units aside)
  size_t size() const { return held_.size(); }

 private:
  /// A requirement whose fields are all below or defaults; else `full` is 1 + its index in full_.
  struct Held {
    uint32_t schema = 0, relation = 0, column = 0, function = 0;  ///< indexes in names_
    uint32_t candidates = 0, insert_columns = 0;    ///< where the list starts in lists_ (0: empty)
    uint32_t unit = 0;
    int32_t arguments = 0;
    requirements::Span span;
    uint8_t object = 0;  ///< requirements::Object
    uint8_t use = 0;     ///< requirements::Use
    bool quoted = false;
    bool insert_columns_known = true;
    bool procedure = false;
    uint32_t full = 0;
  };
  /// Sets the fields `h` holds.
  void fill(const Held& h, requirements::Requirement* r) const;
  std::vector<std::string> list(uint32_t at) const;

  std::vector<requirements::Unit> units_;
  std::vector<Held> held_;
  std::vector<requirements::Requirement> full_;
  std::vector<std::string> names_;  ///< each name once
  /// Lists of names: a count, then that many indexes in names_; lists_[0] is the empty list.
  std::vector<uint32_t> lists_;
};

}  // namespace schemagate::pipeline
