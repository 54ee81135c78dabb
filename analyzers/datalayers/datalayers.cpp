// The table of data layers. Adding one is one file defining its DataLayer and one line here.
#include "analyzers/datalayers/datalayer.h"

namespace schemagate::datalayers {

// Each is defined in the file of the same name (Django's models in django.cpp).
extern const DataLayer kPrisma;
extern const DataLayer kPrismaClient;
extern const DataLayer kDrizzle;
extern const DataLayer kSupabase;
extern const DataLayer kTypeorm;
extern const DataLayer kTypeormQueryBuilder;
extern const DataLayer kKysely;
extern const DataLayer kKnex;
extern const DataLayer kSequelize;
extern const DataLayer kSqlTools;
extern const DataLayer kConnectPgSimple;
extern const DataLayer kJpa;
extern const DataLayer kDjangoModels;
extern const DataLayer kSqlalchemy;
extern const DataLayer kSqlalchemyStatements;
extern const DataLayer kSynapseDatabasePool;
extern const DataLayer kActiveRecord;
extern const DataLayer kGorm;
extern const DataLayer kXorm;
extern const DataLayer kBun;
extern const DataLayer kBeego;
extern const DataLayer kPop;
extern const DataLayer kSquirrel;
extern const DataLayer kEnt;
extern const DataLayer kGoSqlbuilder;
extern const DataLayer kSqlx;

const std::vector<DataLayer>& datalayers() {
  static const std::vector<DataLayer> table = {
      kPrisma, kPrismaClient, kDrizzle, kSupabase, kTypeorm, kTypeormQueryBuilder, kKysely, kKnex, kSequelize, kSqlTools, kConnectPgSimple, kJpa, kDjangoModels, kSqlalchemy, kSqlalchemyStatements, kSynapseDatabasePool, kActiveRecord, kGorm, kXorm, kBun, kBeego, kPop, kSquirrel, kEnt, kGoSqlbuilder, kSqlx,
  };
  return table;
}

bool claimed(std::string_view path) {
  for (auto& layer : datalayers())
    if (layer.claims && layer.claims(path)) return true;
  return false;
}

}  // namespace schemagate::datalayers
