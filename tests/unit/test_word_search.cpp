// The one-pass word search (source/word_search.h) against std::string_view::find, and the data
// layers' gates (LayerGates): a gate that is shut must never hide a test that would say yes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "tests/unit/ref_named_query.h"
#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/language.h"
#include "analyzers/pipeline/file_scanner.h"
#include "analyzers/source/gated_read.h"
#include "analyzers/source/word_search.h"

namespace {

using schemagate::source::WordSearch;

std::vector<bool> by_find(const std::vector<std::string>& words, std::string_view text) {
  std::vector<bool> found;
  for (auto& w : words) found.push_back(text.find(w) != std::string_view::npos);
  return found;
}

using Places = std::vector<std::pair<size_t, uint32_t>>;  // (end, word)

/// Where each located word ends in `text`, by find, sorted.
Places located_by_find(const std::vector<std::string>& words, const std::vector<bool>& located, const std::string& text) {
  Places want;
  for (uint32_t w = 0; w < words.size(); ++w)
    if (located[w])
      for (size_t at = text.find(words[w]); at != std::string::npos; at = text.find(words[w], at + 1))
        want.push_back({at + words[w].size(), w});
  std::sort(want.begin(), want.end());
  return want;
}

/// The hits as places, sorted; *in_order: they came in order of their ends.
Places places_of(const std::vector<schemagate::source::WordHit>& hits, bool* in_order) {
  Places got;
  *in_order = true;
  for (auto& h : hits) {
    if (!got.empty() && got.back().first > h.end) *in_order = false;
    got.push_back({h.end, h.word});
  }
  std::sort(got.begin(), got.end());
  return got;
}

void same_as_find(const std::vector<std::string>& words, std::string_view text) {
  WordSearch search(words);
  CAPTURE(text);
  CHECK(search.occurring(text) == by_find(words, text));
}

/// Up to `max` bytes over a small alphabet, so that words overlap and repeat often.
std::string random_abc(std::mt19937& rng, size_t max) {
  std::string s(rng() % (max + 1), 'a');
  for (char& c : s) c = "ab.c"[rng() % 4];
  return s;
}

}  // namespace

TEST_CASE("word search: each word found exactly where find finds it") {
  // Overlapping words, one inside another, shared prefixes, a word at the very end.
  std::vector<std::string> words = {"abab", "bab", "gorm", "gorm:\"", "gorm.io/gorm", "sqlx", "github.com/jmoiron/sqlx", ".Q().", "Q"};
  same_as_find(words, "");
  same_as_find(words, "ababab");
  same_as_find(words, "xbabx");
  same_as_find(words, "import \"gorm.io/gorm\"");
  same_as_find(words, "`gorm:\"column:id\"`");
  same_as_find(words, "gor");                             // a prefix only
  same_as_find(words, "github.com/jmoiron/sql");          // the long word cut short: not sqlx either
  same_as_find(words, "x := github.com/jmoiron/sqlx");    // at the end
  same_as_find(words, "tx.Q().Where");
  same_as_find(words, "gorgorm");                         // a restart inside a partial match
  same_as_find(words, "gorm.io/gor");                     // the inner "gorm" found, the long one not
  same_as_find({"aaa", "aa", "a"}, "aa");
  same_as_find({"abc", "bcd", "cde"}, "abcde");
  same_as_find({"ab", "ab"}, "xab");  // duplicates each answer
  same_as_find({}, "anything");
  // Bytes outside ASCII, NUL included.
  same_as_find({std::string("\0x", 2), "\xff\xfe", "é"}, std::string("a\0x\xff\xfe café", 11));
}

TEST_CASE("word search: an empty word occurs in every text, the empty one too") {
  same_as_find({"", "a"}, "");
  same_as_find({"", "a"}, "bab");
}

TEST_CASE("word search: random words over a small alphabet agree with find") {
  std::mt19937 rng(17);
  auto random_text = [&](size_t max) { return random_abc(rng, max); };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> words;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 8); k < n; ++k) {
      std::string w = random_text(5);
      if (w.empty()) w = "a";
      words.push_back(w);
    }
    WordSearch search(words);
    for (int t = 0; t < 10; ++t) {
      std::string text = random_text(40);
      CAPTURE(text);
      REQUIRE(search.occurring(text) == by_find(words, text));
    }
  }
}

TEST_CASE("occurs_where: every place find finds the word, in order, until one is wanted") {
  std::mt19937 rng(23);
  for (int round = 0; round < 3000; ++round) {
    std::string needle = random_abc(rng, 6);
    if (needle.empty()) needle = "b";
    if (round % 3 == 0) needle += "_Xe";  // a rare byte not at the start
    std::string text = random_abc(rng, 60);
    if (round % 2 == 0) text.insert(rng() % (text.size() + 1), needle);
    CAPTURE(needle);
    CAPTURE(text);
    std::vector<size_t> expected, got;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) expected.push_back(at);
    CHECK_FALSE(schemagate::source::occurs_where(text, needle, [&](size_t at) { return got.push_back(at), false; }));
    REQUIRE(got == expected);
    if (!expected.empty()) {  // stops at the place wanted
      size_t wanted = expected[expected.size() / 2], asked = 0;
      CHECK(schemagate::source::occurs_where(text, needle, [&](size_t at) { return ++asked, at == wanted; }));
      CHECK(asked == expected.size() / 2 + 1);
    }
  }
  CHECK_FALSE(schemagate::source::occurs_where("abc", "", [](size_t) { return true; }));
  CHECK_FALSE(schemagate::source::occurs_where("ab", "abc", [](size_t) { return true; }));
  CHECK(schemagate::source::occurs_where("abc", "abc", [](size_t at) { return at == 0; }));
}

namespace {

using schemagate::datalayers::DataLayer;
using schemagate::datalayers::LayerGates;

/// Texts each layer's tests say yes to, and their neighbours: every gate word alone and inside
/// code, and a few files of each kind of project.
std::vector<std::string> corpus() {
  std::vector<std::string> texts = {
      "",
      "package store\n\nimport (\n\t\"database/sql\"\n\t\"github.com/jmoiron/sqlx\"\n)\n\nfunc (s *S) Get() { s.db.Get(&u, \"SELECT * FROM users\") }\n",
      "package models\n\ntype User struct {\n\tID int `gorm:\"primaryKey\" db:\"id\" xorm:\"pk\" bun:\"id\" orm:\"pk\"`\n}\n\nfunc (User) TableName() string { return \"users\" }\n",
      "import \"entgo.io/ent\"\n\ntype User struct{ ent.Schema }\nclient.Schema.Create(ctx)\n",
      "from sqlalchemy import Column\nclass User(Base):\n    __tablename__ = 'users'\n    name = mapped_column()\nBase.metadata.create_all(engine)\n",
      "from django.db import models\nclass User(models.Model):\n    pass\n",
      "from .models import User\nimport re\nNAME = re.compile('[A-Z]')\n",
      "class AppConfig: pass\n",
      "def f(self):\n    return self.db_pool.simple_select_one('users', {})\n",
      "session.query(User).all()\nx = db.query.filter()\n",
      "import { Kysely } from 'kysely'\nconst db = new Kysely<DB>({})\ndb.selectFrom('users')\n",
      "import knex from 'knex'\nclass Repo { constructor(private db: Knex) {} run() { return this.db('users') } }\n",
      "import { drizzle } from 'drizzle-orm/node-postgres'\n",
      "import { createClient } from '@supabase/supabase-js'\nconst supabase = createClient()\nsupabase.from('users').select()\nsupabase.rpc('f')\n",
      "import { PrismaClient } from '@prisma/client'\nconst prisma = new PrismaClient()\nprisma.user.findMany()\n",
      "import { Sequelize } from 'sequelize'\nimport session from 'express-session'\nimport pg from 'connect-pg-simple'\n",
      "import { Entity } from 'typeorm'\nrepo.createQueryBuilder('u')\nTypeOrmModule.forRoot({ namingStrategy: new SnakeNamingStrategy() })\n",
      "import sql from 'sql-tools'\n",
      "@Entity\n@Table(name = \"users\")\npublic class User {}\n@SpringBootApplication\n@MappedSuperclass @Embeddable\nspring.jpa.hibernate.naming.physical-strategy=x\nglobally_quoted_identifiers=true\n",
      "class User < ActiveRecord::Base\nend\nUser.where(name: 'x').find_by(id: 1)\nUser.update_all(a: 1)\n",
      "import sq \"github.com/Masterminds/squirrel\"\nvar psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)\ntype R struct { sb sq.StatementBuilderType }\nconst table = \"users\"\n",
      "import \"github.com/huandu/go-sqlbuilder\"\nimport \"github.com/gobuffalo/pop\"\ntx.Q().Where(\"a = ?\", 1)\ntx.UpdateColumns(&u, \"name\")\n",
      "import \"github.com/uptrace/bun\"\ndb.NewSelect().Model(&u)\ndb.NewInsert()\n",
      "engine.SetMapper(names.GonicMapper{})\nimport \"xorm.io/xorm\"\nimport \"github.com/beego/beego/v2/client/orm\"\n",
      "db = db.Unsafe()\ndb.MapperFunc(strings.ToLower)\nsqlx.NameMapper = f\nreflectx.NewMapper(\"db\")\ndb.Mapper = m\n",
  };
  size_t base = texts.size();
  for (auto& layer : schemagate::datalayers::datalayers())
    for (auto* words : {&layer.relevant_words, &layer.relevant_in_words, &layer.index_words, &layer.wanted_words})
      for (std::string_view w : *words) {
        texts.emplace_back(w);
        texts.push_back("package x\n// " + std::string(w) + "\nfunc f() {}\n");
      }
  for (size_t i = 0; i < base; ++i) texts.push_back(texts[i] + texts[(i + 1) % base]);
  // Each line alone: a word whose neighbours would open the gate anyway.
  for (size_t i = 0; i < base; ++i)
    for (size_t at = 0, end; at < texts[i].size(); at = end + 1) {
      end = std::min(texts[i].find('\n', at), texts[i].size());
      texts.push_back(texts[i].substr(at, end - at));
    }
  return texts;
}

}  // namespace

TEST_CASE("data layer gates: a shut gate never hides a test that says yes") {
  schemagate::datalayers::ProjectFacts facts = {{"sqlx:package", {"store"}}, {"activerecord:model", {""}}};
  for (const std::string& text : corpus()) {
    for (auto& layer : schemagate::datalayers::datalayers()) {
      for (std::string_view family : layer.languages) {
        LayerGates gates(family, text);
        CAPTURE(layer.name);
        CAPTURE(text);
        if (layer.relevant && layer.relevant(text)) CHECK(gates.relevant(layer));
        if (layer.relevant_in && (layer.relevant_in(text, nullptr) || layer.relevant_in(text, &facts)))
          CHECK(gates.relevant_in(layer));
        if (layer.index_reads) {
          for (std::string_view path : {"a/models.py", "a/__init__.py", "a/apps.py", "store/user.go", "src/db.ts", "User.java"})
            if (layer.index_reads(path, text)) CHECK(gates.index_reads(layer));
        } else if (layer.relevant && layer.relevant(text)) {
          CHECK(gates.index_reads(layer));
        }
        if (layer.index_wanted && layer.index_wanted(text)) CHECK(gates.index_wanted(layer));
      }
    }
  }
}

TEST_CASE("data layer gates: each declared word opens its gate, and a text of none shuts it") {
  for (auto& layer : schemagate::datalayers::datalayers()) {
    for (std::string_view family : layer.languages) {
      CAPTURE(layer.name);
      for (std::string_view w : layer.relevant_words) CHECK(LayerGates(family, w).relevant(layer));
      for (std::string_view w : layer.wanted_words) CHECK(LayerGates(family, w).index_wanted(layer));
      if (!layer.relevant_words.empty()) CHECK_FALSE(LayerGates(family, "~").relevant(layer));
      if (!layer.index_words.empty()) CHECK_FALSE(LayerGates(family, "~").index_reads(layer));
    }
  }
  // A layer of no family's table is always asked.
  DataLayer own{.name = "own", .languages = {"go"}, .relevant_words = {"never"}};
  CHECK(LayerGates("go", "").relevant(own));
}


TEST_CASE("runs_named_query from the word search answers as one find per name did") {
  std::vector<std::string> texts = {
      "", "db.Exec(", "db.Exec", "Exec(", "import \"database/sql\"\ndb.ExecContext(ctx, q)",
      "import \"database/sql\"\ndb.Exec", "import \"database/sql\"\nx := db.QueryRowContext(ctx, q)",
      "import \"github.com/jackc/pgx/v5\"\nfmt.Sprintf(queryFmt, t)", "import \"gorm.io/gorm\"\nfmt.Sprintf(SQL_x)",
      "import \"lib/pq\"\nfmt.Sprintf(\"%s\", a)", "import \"lib/pq\"\nfmt.Sprintf(stmt", "fmt.Sprintf(Query",
      "cursor.execute(sql)", "await conn.fetchrow(q)", "conn.fetchval(", "session.execute(text('select 1'))",
      "pool.query(sql)", "client.$queryRaw(sql)", "db.none(q)", "knex.raw(q)", "ActiveRecord::Base.connection.execute(sql)",
      "jdbcTemplate.queryForObject(sql, Long.class)", "stmt.executeQuery()", "x.executemany(q, rows)"};
  for (const auto& lang : schemagate::languages::languages()) {
    if (lang.name == "sql") continue;
    for (const std::string& text : texts) {
      CAPTURE(lang.name);
      CAPTURE(text);
      CHECK(schemagate::pipeline::runs_named_query(text, lang) == schemagate::testing::ref_runs_named_query(text, lang));
    }
  }
}

TEST_CASE("word search: a located word is reported at every place find finds it") {
  std::mt19937 rng(23);
  auto random_text = [&](size_t max) { return random_abc(rng, max); };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> words;
    std::vector<bool> located;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 8); k < n; ++k) {
      std::string w = random_text(4);
      if (w.empty()) w = "b";
      words.push_back(w);
      located.push_back(rng() % 2 == 0);
    }
    WordSearch search(words, located);
    for (int t = 0; t < 10; ++t) {
      std::string text = random_text(40);
      CAPTURE(text);
      std::vector<schemagate::source::WordHit> hits;
      CHECK(search.occurring(text, &hits) == by_find(words, text));
      bool in_order = false;
      CHECK(places_of(hits, &in_order) == located_by_find(words, located, text));
      CHECK(in_order);  // in order of their ends
    }
  }
}

TEST_CASE("word search: a long text read as parts at once finds every word at every place, in order") {
  // Texts from just under WordSearch's split length to several times it; words up to 30 bytes
  // (longer than the bytes a part reads before its start) over the small alphabet, so that
  // words straddle the parts' starts; the empty word in some rounds.
  std::mt19937 rng(29);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> words;
    std::vector<bool> located;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 10); k < n; ++k) {
      std::string w = random_abc(rng, k == 0 ? 30 : 6);
      if (w.empty() && round % 5 != 0) w = "ab";
      words.push_back(w);
      located.push_back(rng() % 3 != 0);
    }
    WordSearch search(words, located);
    for (int t = 0; t < 4; ++t) {
      std::string text(1000 + rng() % 4000, 'a');
      for (char& c : text) c = "ab.c"[rng() % 4];
      if (t == 0) text.resize(1023);  // one under the split: read as one
      CAPTURE(round);
      CAPTURE(text.size());
      std::vector<schemagate::source::WordHit> hits;
      REQUIRE(search.occurring(text, &hits) == by_find(words, text));
      std::vector<std::pair<size_t, uint32_t>> got, want;
      for (auto& h : hits) got.push_back({h.end, h.word});
      for (uint32_t w = 0; w < words.size(); ++w)
        if (located[w])
          for (size_t at = text.find(words[w]); at != std::string::npos && at <= text.size();
               at = words[w].empty() ? (at == text.size() ? std::string::npos : at + 1) : text.find(words[w], at + 1))
            want.push_back({at + words[w].size(), w});
      for (size_t k = 1; k < got.size(); ++k) REQUIRE(got[k - 1].first <= got[k].first);  // in order of their ends
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      REQUIRE(got == want);
    }
  }
}

TEST_CASE("word search: the four readings tested as one find the words that end in any of them, as find does") {
  // Word sets of every size up to 150 over letters (states that end no word of every count, so
  // rows left unused before those that do), texts of other bytes with words planted, some at
  // the same place in each of the four parts (words that end in several readings at once).
  std::mt19937 rng(41);
  for (int round = 0; round < 150; ++round) {
    std::vector<std::string> words;
    std::vector<bool> located;
    for (int k = 0; k <= round; ++k) {
      std::string w(2 + rng() % 7, 'a');
      for (char& c : w) c = static_cast<char>('a' + rng() % 26);
      words.push_back(w);
      located.push_back(rng() % 4 != 0);
    }
    WordSearch search(words, located);
    std::string text(1024 + rng() % 8000, ' ');
    for (char& c : text) c = " .,;()0123456789\n"[rng() % 17];
    size_t n = text.size();
    for (int planted = 0; planted < 12; ++planted) {
      const std::string& w = words[rng() % words.size()];
      size_t at = rng() % (n / 4 - w.size());
      for (size_t part = 0; part < 4; ++part)
        if (planted % 3 == 0 || part == rng() % 4) text.replace(n * part / 4 + at, w.size(), w);
    }
    CAPTURE(round);
    std::vector<schemagate::source::WordHit> hits;
    REQUIRE(search.occurring(text, &hits) == by_find(words, text));
    bool in_order = false;
    REQUIRE(places_of(hits, &in_order) == located_by_find(words, located, text));
    REQUIRE(in_order);
  }
}

TEST_CASE("a text gate admits a text exactly when each clause has a word find finds") {
  using schemagate::source::TextGate;
  TextGate go{{{"goose", "migrate"}, {"Up(", ".Register"}}, false};
  CHECK(go.admits("import \"github.com/pressly/goose/v3\"\nfunc init() { goose.AddMigration(Up, Down) }\nfunc Up("));
  CHECK_FALSE(go.admits("import \"github.com/pressly/goose/v3\"\n"));  // the second clause has none
  CHECK_FALSE(go.admits("func Up(tx *sql.Tx) error"));                 // the first clause has none
  CHECK(go.admits("m.Register(migrate)"));
  TextGate lower{{{"create table"}}, true};
  CHECK(lower.admits("-- x\nCREATE TABLE t (id int)"));
  CHECK_FALSE(lower.admits("CREATE  TABLE t"));
  CHECK(TextGate{{{""}}, false}.admits(""));  // an empty word occurs everywhere
  CHECK(TextGate{{}, false}.admits("anything"));
  // Random clauses over a small alphabet: the same answer as std::string_view::find.
  std::mt19937 rng(31);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::vector<std::string>> words(1 + rng() % 3);
    for (auto& clause : words)
      for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n; ++k) clause.push_back(random_abc(rng, 4));
    TextGate gate{{}, false};
    for (const auto& clause : words) gate.clauses.emplace_back(clause.begin(), clause.end());
    std::string text = random_abc(rng, 30);
    bool expected = std::all_of(words.begin(), words.end(), [&](const std::vector<std::string>& clause) {
      return std::any_of(clause.begin(), clause.end(), [&](const std::string& w) { return text.find(w) != std::string::npos; });
    });
    CAPTURE(text);
    REQUIRE(gate.admits(text) == expected);
  }
}
