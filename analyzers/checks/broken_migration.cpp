// broken-migration: a migration alters, renames or drops a table or column that does not exist
// when it runs (after the migrations before it). PostgreSQL rejects the statement (42P01 /
// 42703), the migration tool stops, and everything after it waits: the code that needs the
// later migrations fails in production. The DDL simulation decides, and only when certain
// (schema::DdlNote::fails): IF EXISTS forms, DO blocks, relations no migration ever created
// and names the model could not follow are never reported.
#include "analyzers/checks/check.h"

namespace schemagate::checks {

void run_broken_migration(const MigrationsContext& context, const Check& self, std::vector<report::Diagnostic>* out) {
  for (auto& note : context.notes) {
    if (!note.fails) continue;
    if (context.pending && !context.pending->count(note.origin.file)) continue;  // it ran: the object existed
    const schema::migrations::MigrationFile* m = nullptr;
    for (auto& f : context.migrations)
      if (f.path == note.origin.file) m = &f;
    if (!m) continue;
    auto d = diagnostic_at_migration(self, note.origin, context.places, m->origin.empty() ? m->sql : m->text);
    d.message = "migration " + m->path + " fails: " + note.message;
    d.help = "write the statement against the schema the earlier migrations leave (or fix their order); "
             "PostgreSQL runs it only if it names what exists at that point";
    out->push_back(std::move(d));
  }
}

}  // namespace schemagate::checks
