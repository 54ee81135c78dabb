// The table of data layers. Adding one is one file defining its DataLayer and one line here.
#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers {

extern const DataLayer kPrisma;
extern const DataLayer kDrizzle;
extern const DataLayer kSupabase;
extern const DataLayer kTypeorm;
extern const DataLayer kKysely;
extern const DataLayer kKnex;

const std::vector<DataLayer>& datalayers() {
  static const std::vector<DataLayer> table = {
      kPrisma,
      kDrizzle,
      kSupabase,
      kTypeorm,
      kKysely,
      kKnex,
  };
  return table;
}

bool claimed(std::string_view path) {
  for (auto& layer : datalayers())
    if (layer.claims && layer.claims(path)) return true;
  return false;
}

}  // namespace schemagate::datalayers
