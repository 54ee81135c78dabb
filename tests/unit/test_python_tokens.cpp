// Python's code read lexically (python_tokens.h): a call in the code counts, the same name in a
// comment, a docstring or a message does not; what cannot be delimited counts.
#include <doctest/doctest.h>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/project_constants.h"
#include "analyzers/languages/python_tokens.h"

namespace languages = schemagate::languages;
using languages::python_calls_one_of;
using languages::python_code_only;

TEST_CASE("python tokens: comments and string bodies are blanked, f-string fields kept") {
  CHECK(*python_code_only("x = 'raw' # execute(q)\ny") == "x = '   '             \ny");
  CHECK(*python_code_only("s = \"\"\"\ntext(q)\n\"\"\"") == "s = \"\"\"\n       \n\"\"\"");
  CHECK(*python_code_only("s = f'{execute(q)} x'") == "s = f'{execute(q)} x'");  // its field is code
  CHECK(*python_code_only("s = rb'\\'' + b\"\\\\\"") == "s = rb'  ' + b\"  \"");
  CHECK_FALSE(python_code_only("s = 'open\nexecute(q)"));
  CHECK_FALSE(python_code_only("s = f\"{d[\"k\"]}\""));  // a quote of its own in a field: cannot tell
}

TEST_CASE("python tokens: a database call in the code, not its name in prose") {
  const std::vector<std::string_view> names = {"execute", "text", "raw"};
  // Skipped: the names in a docstring, a comment, a message, an attribute or a longer name.
  CHECK_FALSE(python_calls_one_of("def f():\n    \"\"\"Execute the raw text.\"\"\"\n    # text(q)\n    log('raw(')\n", names));
  CHECK_FALSE(python_calls_one_of("body = resp.text\nself.raw_data = x\nexecute_later(q)\n", names));
  // Kept: a call, its parenthesis on the next line, inside an f-string's field, or past a string
  // the lexer cannot close.
  CHECK(python_calls_one_of("await conn.execute(q)", names));
  CHECK(python_calls_one_of("rows = (conn.execute\n    (q))", names));
  CHECK(python_calls_one_of("msg = f'{text(q)}'", names));
  CHECK(python_calls_one_of("s = 'open\nexecute(q)", names));
  CHECK_FALSE(python_calls_one_of("nothing here", names));
}

TEST_CASE("python tokens: the wrapper and scan gates read calls, not words") {
  const languages::Language& py = *languages::language_for_path("a.py");
  using P = languages::ProjectConstants;
  // A handler whose docstring says what the store executes: no database call, no wrapper.
  CHECK_FALSE(P::may_define_wrapper(py, "def on_event(self, event):\n    \"\"\"Raw text to execute.\"\"\"\n    return self.store(event)\n"));
  CHECK(P::may_define_wrapper(py, "def run(self, q):\n    \"\"\"Runs q.\"\"\"\n    return self.cur.execute(q)\n"));
  const std::set<std::string> names = {"run"};
  CHECK_FALSE(P::may_define_wrapper_of(py, "def run(self, q):\n    # execute(q) once the pool is up\n    return q\n", names));
  CHECK(P::may_define_wrapper_of(py, "def run(self, q):\n    return self.cur.execute(\n        q)\n", names));
}

namespace schemagate::datalayers {
extern const DataLayer kSynapseDatabasePool;
extern const DataLayer kSqlalchemy;
}  // namespace schemagate::datalayers

TEST_CASE("python tokens: synapse's pool helpers are read where a helper is called, outside tests") {
  const auto& pool = schemagate::datalayers::kSynapseDatabasePool;
  // Skipped: a server module that imports wsgiref.simple_server beside db_pool.
  CHECK_FALSE(pool.relevant("from wsgiref.simple_server import WSGIServer\nself.db_pool = pool\n"));
  CHECK_FALSE(pool.relevant("self.db_pool = pool  # see .simple_select_one()\n"));
  // Kept: a helper call.
  CHECK(pool.relevant("await self.db_pool.simple_select_one(\n    table='users', keyvalues={'name': n}, retcols=('x',))\n"));
  CHECK_FALSE(pool.reads_path("tests/storage/test_base.py"));
  CHECK_FALSE(pool.reads_path("synapse/tests/test_x.py"));
  CHECK(pool.reads_path("synapse/storage/databases/main/room.py"));
}

TEST_CASE("python tokens: SQLAlchemy's index runs where the project names SQLAlchemy") {
  const auto& sa = schemagate::datalayers::kSqlalchemy;
  CHECK_FALSE(sa.index_wanted("await self.store.create_all_registration_tokens(desc='create_all_tokens')\n"));
  CHECK_FALSE(sa.index_wanted("from .room import RoomStore\n"));
  CHECK(sa.index_wanted("Base.metadata.create_all(engine)\n"));
  CHECK(sa.index_wanted("from sqlalchemy.orm import DeclarativeBase\n"));
  CHECK(sa.index_wanted("class User(Base):\n    __tablename__ = 'users'\n"));
}

TEST_CASE("python tokens: a job that runs another module's statement is kept, a digest that names calls in prose is not") {
  const languages::Language& py = *languages::language_for_path("a.py");
  // The shape of migrations-fixtures/python-database-call-beside-prose: no statement in its own
  // literals, the call on the line after its name's mention in the docstring.
  std::string_view job =
      "\"\"\"Each job fetches the raw text of its statement: to select the sessions from a backup, see docs.\"\"\"\n"
      "from app.queries import STALE_SESSIONS\n\n"
      "async def expire_sessions(pool, cutoff):\n"
      "    async with pool.acquire() as conn:\n"
      "        rows = await conn.fetch(\n            STALE_SESSIONS, cutoff\n        )\n";
  std::string_view digest =
      "\"\"\"The digest fetches nothing itself: the raw text below is rendered.\"\"\"\n"
      "def render(user, topics):\n"
      "    # Select the topics from the user's settings, then render the text.\n"
      "    return '\\n'.join(f'- {t.title}' for t in topics)\n";
  CHECK(languages::ProjectConstants::may_define_wrapper(py, job));
  CHECK_FALSE(languages::ProjectConstants::may_define_wrapper(py, digest));
}
