// The table of data layers. Adding one is one file defining its DataLayer and one line here.
#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers {

// Each is defined in the file of the same name.
extern const DataLayer kJpa;
extern const DataLayer kDjangoModels;  // django.cpp

const std::vector<DataLayer>& datalayers() {
  static const std::vector<DataLayer> table = {kJpa, kDjangoModels};
  return table;
}

bool claimed(std::string_view path) {
  for (auto& layer : datalayers())
    if (layer.claims && layer.claims(path)) return true;
  return false;
}

}  // namespace schemagate::datalayers
