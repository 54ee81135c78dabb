// The table of data layers. Adding one is one file defining its DataLayer and one line here.
#include "analyzers/datalayers/datalayer.h"

#include <algorithm>
#include <array>
#include <map>

#include "analyzers/source/word_search.h"

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

/// The gate words of every layer of one family, searched together; gates[layer][test]: the
/// indexes of that test's words in `search` (empty: no gate).
struct FamilyWords {
  source::WordSearch search;
  std::vector<std::array<std::vector<uint32_t>, 4>> gates;  // by the layer's row in datalayers()
};

namespace {

std::vector<std::string_view> test_words(const DataLayer& layer, int test) {
  switch (test) {
    case 0: return layer.relevant_words;
    case 1: return layer.relevant_in_words;
    case 2: return layer.index_reads ? layer.index_words : layer.relevant_words;
    default: return layer.wanted_words;
  }
}

FamilyWords family_words(std::string_view family, const std::vector<std::string>& also, const std::vector<std::string>& located,
                         std::vector<uint32_t>* also_ids, std::vector<int32_t>* located_of) {
  std::vector<std::string> words;
  std::map<std::string, uint32_t, std::less<>> index;
  auto add = [&](std::string_view w) {
    auto [it, fresh] = index.try_emplace(std::string(w), static_cast<uint32_t>(words.size()));
    if (fresh) words.emplace_back(w);
    return it->second;
  };
  std::vector<std::array<std::vector<uint32_t>, 4>> gates(datalayers().size());
  for (size_t l = 0; l < datalayers().size(); ++l) {
    const DataLayer& layer = datalayers()[l];
    bool reads = family.empty() ? layer.claims != nullptr
                                : std::find(layer.languages.begin(), layer.languages.end(), family) != layer.languages.end();
    if (!reads) continue;
    for (int test = 0; test < 4; ++test)
      for (std::string_view w : test_words(layer, test)) gates[l][test].push_back(add(w));
  }
  for (const std::string& w : also) also_ids->push_back(add(w));
  std::vector<bool> each;
  for (size_t i = 0; i < located.size(); ++i) {
    uint32_t id = add(located[i]);
    each.resize(words.size());
    located_of->resize(words.size(), -1);
    each[id] = true;
    (*located_of)[id] = static_cast<int32_t>(i);
  }
  return FamilyWords{source::WordSearch(std::move(words), each), std::move(gates)};
}

}  // namespace

FileWordSearch::FileWordSearch(std::string_view family, const std::vector<std::string>& also,
                               const std::vector<std::string>& located)
    : words_(std::make_unique<FamilyWords>(family_words(family, also, located, &also_, &located_of_))) {}
FileWordSearch::~FileWordSearch() = default;
FileWordSearch::FileWordSearch(FileWordSearch&&) noexcept = default;

const FileWordSearch& FileWordSearch::of(std::string_view family) {
  // Every family any layer reads, built once (the scan's threads share them).
  static const std::map<std::string, FileWordSearch, std::less<>> families = [] {
    std::map<std::string, FileWordSearch, std::less<>> all;
    all.emplace("", FileWordSearch("", {}));
    for (auto& layer : datalayers())
      for (std::string_view f : layer.languages)
        if (!all.count(f)) all.emplace(std::string(f), FileWordSearch(f, {}));
    return all;
  }();
  static const FileWordSearch none("~none", {});
  auto it = families.find(family);
  return it == families.end() ? none : it->second;
}

LayerGates::LayerGates(const FileWordSearch& words, std::string_view text)
    : words_(&words),
      found_(words.words_->search.words().empty() ? std::vector<bool>() : words.words_->search.occurring(text)) {}

LayerGates::LayerGates(const FileWordSearch& words, std::string_view text, std::vector<source::WordHit>* located)
    : words_(&words),
      found_(words.words_->search.words().empty() ? std::vector<bool>() : words.words_->search.occurring(text, located)) {
  if (words.words_->search.words().empty()) located->clear();
  for (source::WordHit& h : *located) h.word = static_cast<uint32_t>(words.located_of_[h.word]);
}

bool LayerGates::open(const DataLayer& layer, int test) const {
  const std::vector<DataLayer>& table = datalayers();
  std::less<const DataLayer*> before;
  if (before(&layer, table.data()) || !before(&layer, table.data() + table.size())) return true;  // a test's own layer
  size_t row = static_cast<size_t>(&layer - table.data());
  const std::vector<uint32_t>& ids = words_->words_->gates[row][test];
  return ids.empty() || std::any_of(ids.begin(), ids.end(), [&](uint32_t id) { return found_[id]; });
}

bool claimed(std::string_view path) {
  for (auto& layer : datalayers())
    if (layer.claims && layer.claims(path)) return true;
  return false;
}

}  // namespace schemagate::datalayers
