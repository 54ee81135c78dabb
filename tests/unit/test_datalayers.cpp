// Data layers: each case runs one layer's row on a small file, as the scanner does, and checks
// the exact requirements (relation, column, use) and the bytes each one points at, and what is
// left unchecked.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/datalayers/datalayer.h"
#include "analyzers/datalayers/gorm_naming.h"
#include "analyzers/datalayers/js_modules.h"
#include "analyzers/datalayers/sqlalchemy_naming.h"
#include "analyzers/datalayers/xorm_naming.h"
#include "analyzers/datalayers/typeorm_naming.h"
#include "analyzers/languages/language.h"
#include "analyzers/languages/tree_parser.h"

namespace {

using schemagate::datalayers::DataLayer;
using schemagate::datalayers::FileInput;
using schemagate::datalayers::FileOutput;
using schemagate::requirements::Object;
using schemagate::requirements::Use;

const DataLayer& layer(std::string_view name) {
  for (auto& l : schemagate::datalayers::datalayers())
    if (l.name == name) return l;
  FAIL("no data layer " << name);
  return schemagate::datalayers::datalayers().front();
}

FileOutput run(std::string_view name, std::string_view path, const std::string& source) {
  const DataLayer& l = layer(name);
  FileOutput out;
  const auto* lang = schemagate::languages::language_for_path(path);
  if (!lang) {
    REQUIRE(static_cast<bool>(l.claims));
    REQUIRE(l.claims(path));
    l.extract(FileInput{path, source, TSNode{}, "", "public"}, &out);
    return out;
  }
  schemagate::languages::Parser parser(*lang);
  REQUIRE(parser.ok());
  auto tree = parser.parse(source);
  REQUIRE(l.relevant(source));
  l.extract(FileInput{path, source, ts_tree_root_node(tree.get()), "typescript", "public"}, &out);
  return out;
}

/// "column public.llm_results.model_version @<text at the span>" for every requirement.
std::vector<std::string> described(const FileOutput& out, const std::string& source) {
  std::vector<std::string> lines;
  for (auto& r : out.requirements.requirements) {
    std::string s = r.object == Object::Relation ? "relation " : "column ";
    s += r.schema + "." + r.relation + (r.column.empty() ? "" : "." + r.column);
    s += r.use == Use::Insert ? " insert" : r.use == Use::Write ? " write" : " read";
    s += " @" + source.substr(r.span.begin, r.span.end - r.span.begin);
    lines.push_back(s);
  }
  return lines;
}

/// Runs the layer's index over `project` (path, text) as the scanner's index phase does (the
/// files it reads: `index_reads`, else those `relevant`), then extracts `path` with the facts.
/// `index_name`: the layer whose index reads the project, when another than the one extracting
/// (TypeORM's query builders read what the entity layer indexed).
FileOutput run_in_project(std::string_view name, const std::vector<std::pair<std::string, std::string>>& project,
                          std::string_view path, std::string_view index_name = {}) {
  const DataLayer& l = layer(index_name.empty() ? name : index_name);
  schemagate::datalayers::ProjectFacts facts;
  const std::string* source = nullptr;
  for (auto& [p, text] : project) {
    if (p == path) source = &text;
    const auto* lang = schemagate::languages::language_for_path(p);
    REQUIRE(lang);
    if (!l.index || (l.index_reads ? !l.index_reads(p, text) : !l.relevant(text))) continue;
    schemagate::languages::Parser parser(*lang);
    auto tree = parser.parse(text);
    std::vector<std::pair<std::string, std::string>> found;
    l.index(FileInput{p, text, ts_tree_root_node(tree.get()), lang->name, "public"}, &found);
    for (auto& [k, v] : found) facts[k].push_back(v);
  }
  REQUIRE(source);
  const auto* lang = schemagate::languages::language_for_path(path);
  schemagate::languages::Parser parser(*lang);
  auto tree = parser.parse(*source);
  FileOutput out;
  FileInput in{path, *source, ts_tree_root_node(tree.get()), lang->name, "public"};
  in.facts = &facts;
  layer(name).extract(in, &out);
  return out;
}

}  // namespace

TEST_CASE("prisma: mapped scalar fields of every model; relations, @ignore, Unsupported and @@ignore are not columns") {
  std::string src = R"SRC(datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
enum Provider {
  OPENAI
  @@map("llm_provider")
}
model Tenant {
  id      Int         @id // the key
  results LlmResult[]
  @@map("tenants")
}
model LlmResult {
  id           Int      @id @default(autoincrement())
  tenant       Tenant   @relation(fields: [tenantId], references: [id])
  tenantId     Int      @map(name: "tenant_id")
  provider     Provider
  tags         String[]
  modelVersion String   @map("model_version") @db.VarChar(64)
  vector       Unsupported("vector(3)")?
  notes        String?  @ignore
  updatedAt    DateTime @updatedAt
  @@map("llm_results")
  @@schema("ai")
}
model Old {
  id Int @id
  @@ignore
}
)SRC";
  FileOutput out = run("prisma", "prisma/schema.prisma", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.tenants read @Tenant",
                                   "column public.tenants.id read @id",
                                   "relation ai.llm_results read @LlmResult",
                                   "column ai.llm_results.id read @id",
                                   "column ai.llm_results.tenant_id read @tenantId",
                                   "column ai.llm_results.provider read @provider",
                                   "column ai.llm_results.tags read @tags",
                                   "column ai.llm_results.model_version read @modelVersion",
                                   "column ai.llm_results.updatedAt read @updatedAt",
                               });
  CHECK(out.requirements.units.size() == 2);
  CHECK(out.requirements.units[1].fingerprint_text == "prisma model LlmResult");
  CHECK(out.requirements.requirements[7].describe ==
        "model LlmResult field modelVersion maps to column ai.llm_results.model_version; every query of LlmResult "
        "selects it");
  CHECK(out.unchecked.empty());
}

TEST_CASE("prisma: another provider is skipped; a folder file without datasource types relations it cannot see as unchecked") {
  CHECK(run("prisma", "schema.prisma", "datasource db {\n  provider = \"mysql\"\n}\nmodel A {\n  id Int @id\n}\n")
            .requirements.requirements.empty());
  std::string src = "model Post {\n  id     Int  @id\n  author User @relation(fields: [authorId], references: [id])\n"
                    "  authorId Int\n  status Status\n}\n";
  FileOutput out = run("prisma", "prisma/schema/post.prisma", src);
  CHECK(described(out, src) == std::vector<std::string>{"relation public.Post read @Post", "column public.Post.id read @id",
                                                        "column public.Post.authorId read @authorId"});
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].offset == src.find("status"));
  // Outside a schema folder, no datasource: the provider is unknown.
  FileOutput lone = run("prisma", "other.prisma", src);
  CHECK(lone.requirements.requirements.empty());
  CHECK(lone.unchecked.size() == 1);
}

TEST_CASE("drizzle: explicit names, property names, pgSchema tables, callbacks; helpers and camelCase without casing unchecked") {
  std::string src = R"SRC(import { pgTable, pgSchema, text, integer, timestamp, pgEnum } from "drizzle-orm/pg-core";
export const provider = pgEnum("llm_provider", ["openai"]);
const ai = pgSchema("ai");
export const llmResults = pgTable("llm_results", {
  id: integer().primaryKey(),
  tenantId: integer("tenant_id").notNull(),
  provider: provider("provider"),
  output: text().notNull(),
  createdAt: timestamp({ withTimezone: true }),
  ...timestamps,
  slug: makeSlug(),
});
export const runs = ai.table("runs", (t) => ({ runId: t.text("run_id"), status: t.text() }));
const prefixed = pgTable(`x_${name}`, { id: integer() });
)SRC";
  FileOutput out = run("drizzle", "src/db/schema.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.llm_results read @llm_results",
                                   "column public.llm_results.id read @id",
                                   "column public.llm_results.tenant_id read @tenant_id",
                                   "column public.llm_results.provider read @provider",
                                   "column public.llm_results.output read @output",
                                   "relation ai.runs read @runs",
                                   "column ai.runs.run_id read @run_id",
                                   "column ai.runs.status read @status",
                               });
  REQUIRE(out.unchecked.size() == 4);
  CHECK(out.unchecked[0].offset == src.find("createdAt"));
  CHECK(out.unchecked[1].offset == src.find("...timestamps"));
  CHECK(out.unchecked[2].offset == src.find("slug"));
  CHECK(out.unchecked[3].offset == src.find("pgTable(`x_"));
  CHECK(out.requirements.units[0].fingerprint_text == "drizzle table llmResults");
}

TEST_CASE("drizzle: pgTableCreator with a template of the name prefixes it; another creator is unchecked") {
  std::string src = "import { pgTableCreator } from 'drizzle-orm/pg-core';\n"
                    "export const createTable = pgTableCreator((name) => `acme_${name}`);\n"
                    "const other = pgTableCreator((name) => `${env.PREFIX}${name}`);\n"
                    "export const posts = createTable('post', (d) => ({ id: d.integer(), name: d.varchar({ length: 256 }) }));\n"
                    "export const tags = other('tag', { id: integer() });\n";
  FileOutput out = run("drizzle", "src/server/db/schema.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{"relation public.acme_post read @post",
                                                        "column public.acme_post.id read @id",
                                                        "column public.acme_post.name read @name"});
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].offset == src.find("other('tag'"));
}

TEST_CASE("drizzle: casing snake_case names properties as drizzle-orm does") {
  std::string src = "import { pgTable, text } from 'drizzle-orm/pg-core';\n"
                    "export const db = drizzle({ client, casing: 'snake_case' });\n"
                    "export const t = pgTable('t', { modelVersion: text(), userID: text(), HTTPServer2: text() });\n";
  FileOutput out = run("drizzle", "db.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{"relation public.t read @t",
                                                        "column public.t.model_version read @modelVersion",
                                                        "column public.t.user_id read @userID",
                                                        "column public.t.http_server2 read @HTTPServer2"});
}

TEST_CASE("supabase-js: select grammar, rows written, filters, schema(); embedded resources and other clients not required") {
  std::string src = R"SRC(import { createClient } from "@supabase/supabase-js";
const client = createClient(url, key);
export async function f(supabase, table) {
  await supabase.from("llm_results").select("id, out:output, tokens::text, meta->>model, tenant:tenants(name), ...p(x), count()").eq("tenant_id", 1).order("id", { ascending: false }).order("name", { referencedTable: "tenants" });
  await client.schema("audit").from("events").insert([{ tenant_id: 1, kind: "x" }, { tenant_id: 2, payload: {} }]).select();
  await supabase.from("jobs").upsert({ id, ...rest }, { onConflict: "tenant_id, prompt_hash" });
  await supabase.from("jobs").update({ status: "done" }).match({ id: 3 });
  await supabase.from(table).delete();
  await supabase.storage.from("avatars").upload("a.png", file);
  Array.from("abc");
}
)SRC";
  FileOutput out = run("supabase-js", "src/f.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.llm_results read @llm_results",
                                   "column public.llm_results.id read @id",
                                   "column public.llm_results.output read @output",
                                   "column public.llm_results.tokens read @tokens",
                                   "column public.llm_results.meta read @meta",
                                   "column public.llm_results.tenant_id read @tenant_id",
                                   "column public.llm_results.id read @id",
                                   "relation audit.events insert @events",
                                   "column audit.events.tenant_id write @tenant_id",
                                   "column audit.events.kind write @kind",
                                   "column audit.events.tenant_id write @tenant_id",
                                   "column audit.events.payload write @payload",
                                   "relation public.jobs insert @jobs",
                                   "column public.jobs.id write @id",
                                   "column public.jobs.tenant_id read @tenant_id",
                                   "column public.jobs.prompt_hash read @prompt_hash",
                                   "relation public.jobs write @jobs",
                                   "column public.jobs.status write @status",
                                   "column public.jobs.id read @id",
                               });
  auto& events = out.requirements.requirements[7];
  CHECK(events.insert_columns == std::vector<std::string>{"tenant_id", "kind", "payload"});
  CHECK(events.insert_columns_known);
  CHECK_FALSE(out.requirements.requirements[12].insert_columns_known);
  REQUIRE(out.unchecked.size() == 2);
  CHECK(out.unchecked[0].offset == src.find("{ id, ...rest }"));
  CHECK(out.unchecked[1].offset == src.find("supabase.from(table)"));
  CHECK(out.requirements.units[1].fingerprint_text == "supabase-js.schema('audit').from('events').insert().select()");
  CHECK(out.requirements.requirements[9].describe ==
        "supabase-js .schema('audit').from('events').insert() writes column audit.events.kind through PostgREST");
}

TEST_CASE("typeorm: entity tables and columns; naming-strategy-dependent and embedded columns unchecked") {
  std::string src = R"SRC(import { Entity, Column, PrimaryGeneratedColumn, CreateDateColumn, ManyToOne, JoinColumn } from "typeorm";
@Entity({ name: "llm_results", schema: "ai" })
export class LlmResult {
  @PrimaryGeneratedColumn("uuid") id: string;
  @ManyToOne(() => Tenant) @JoinColumn({ name: "tenant_id" }) tenant: Tenant;
  @ManyToOne(() => User) @JoinColumn() user: User;
  @Column({ type: "text", name: "model_version" }) modelVersion: string;
  @Column() output: string;
  @CreateDateColumn() createdAt: Date;
  @Column(() => Address) address: Address;
  helper(): void {}
}
export @Entity() class UsageEvent { @Column() tokens: number; }
class NotAnEntity { @Column() x: number; }
)SRC";
  FileOutput out = run("typeorm", "src/llm-result.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation ai.llm_results read @llm_results",
                                   "column ai.llm_results.id read @id",
                                   "column ai.llm_results.tenant_id read @tenant_id",
                                   "column ai.llm_results.model_version read @model_version",
                                   "column ai.llm_results.output read @output",
                                   "relation public.usage_event read @UsageEvent",
                                   "column public.usage_event.tokens read @tokens",
                               });
  REQUIRE(out.unchecked.size() == 2);
  CHECK(out.unchecked[0].offset == src.find("createdAt"));
  CHECK(out.unchecked[1].offset == src.find("@Column(() => Address)"));
}

TEST_CASE("typeorm query builder: alias paths are the entity's columns; what TypeORM sends as written is read as PostgreSQL reads it") {
  std::string entities = R"SRC(import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
export abstract class Base { @PrimaryGeneratedColumn() id: number; @Column({ name: "updated_at" }) updatedAt: Date; }
@Entity("accounts") export class Account extends Base {
  @Column() email: string;
  @Column({ name: "display_name" }) displayName: string;
  @OneToMany(() => Post, (p) => p.account) posts: Post[];
}
@Entity("posts") export class Post {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @ManyToOne(() => Account) @JoinColumn({ name: "account_id" }) account: Account;
  @Column(() => Meta) meta: Meta;
}
)SRC";
  std::string code = R"SRC(import { Repository, Brackets } from "typeorm";
export class S {
  constructor(private readonly accounts: Repository<Account>) {}
  a(ids: number[]) {
    return this.accounts.createQueryBuilder("acc")
      .leftJoinAndSelect("acc.posts", "p")
      .where("acc.displayName = :n AND LOWER(acc.email) LIKE 'x.y%' AND acc.id IN (:...ids)", { ids })
      .andWhere("p.account = :a")
      .andWhere(`p.title = ${"x"}`)
      .andWhere(new Brackets((qb) => qb.where("p.title <> ''")))
      .andWhere(new Brackets(build))
      .orderBy("acc.updatedAt", "DESC")
      .addOrderBy('p."title"')
      .andWhere("p.meta.kind = 1 AND p.created_at::date > now() AND acc.Email2 = 1")
      .getMany();
  }
  b(db: any) {
    return db.createQueryBuilder().update(Post).set({ title: "t", account: null, ...x }).where("id = 1").execute();
  }
  c(mikro: any) { return mikro.createQueryBuilder("x").where("x.y = 1"); }
}
)SRC";
  FileOutput out = run_in_project("typeorm-query-builder", {{"src/e.ts", entities}, {"src/s.ts", code}}, "src/s.ts", "typeorm");
  std::vector<std::string> got;
  for (auto& r : out.requirements.requirements)
    got.push_back(r.relation + (r.column.empty() ? "" : "." + r.column) + "@" +
                  code.substr(r.span.begin, r.span.end - r.span.begin));
  CHECK(got == std::vector<std::string>{"accounts@acc", "posts@posts", "posts.account_id@posts", "accounts.display_name@displayName",
                                        "accounts.email@email", "accounts.id@id", "posts.account_id@account", "posts.title@title", "posts.title@title",
                                        "accounts.updated_at@updatedAt", "posts.title@title", "posts.created_at@created_at",
                                        "posts@Post", "posts.title@title", "posts.id@id"});
  std::set<std::string> reasons;
  for (auto& u : out.unchecked) reasons.insert(u.reason);
  CHECK(reasons.count("a fragment is built at run time"));
  CHECK(reasons.count("a condition built by a callback the scan cannot follow"));  // new Brackets(build)
  CHECK(reasons.count("p.meta.kind is a path into an embedded or related entity"));
  CHECK(reasons.count("acc.Email2 is no column property of entity Account the scan can name"));
  CHECK(reasons.count("account is a relation"));
  CHECK(reasons.count("the keys of the object are built at run time"));
  CHECK(reasons.count("unqualified name n is not judged") == 0);
  // Every use above is part of its chain; mikro's builder is nobody's TypeORM chain.
  for (auto& u : out.unchecked) CHECK(u.unit != SIZE_MAX);
  CHECK(out.requirements.units.size() == 2);
}

TEST_CASE("typeorm query builder: a relation's join column is named by @JoinColumn or by the naming strategy") {
  CHECK(schemagate::datalayers::typeorm::camel_case("requestedBy_id") == "requestedById");
  CHECK(schemagate::datalayers::typeorm::camel_case("Owner_user_id") == "ownerUserId");
  CHECK(schemagate::datalayers::typeorm::join_column_name("requestedBy", "id", "snake") == "requested_by_id");
  CHECK(schemagate::datalayers::typeorm::join_column_name("requestedBy", "id", "snake-plain").empty());
  std::string entities = R"SRC(import { Column, Entity, JoinColumn, ManyToOne, OneToMany, OneToOne, PrimaryGeneratedColumn, PrimaryColumn } from "typeorm";
@Entity() export class User { @PrimaryGeneratedColumn() id: number; @Column() code: string;
  @OneToMany(() => Request, (r) => r.requestedBy) requests: Request[];
  @OneToOne(() => Settings, (s) => s.user) settings: Settings; }
@Entity() export class Settings { @PrimaryGeneratedColumn() id: number;
  @OneToOne(() => User, (u) => u.settings) @JoinColumn() user: User; }
@Entity() export class Request { @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => User, (u) => u.requests) requestedBy: User;
  @ManyToOne(() => User) @JoinColumn({ referencedColumnName: "code" }) approver: User;
  @ManyToOne(() => Pair) pair: Pair; }
@Entity() export class Pair { @PrimaryColumn() a: number; @PrimaryColumn() b: number; }
export const ds = new DataSource({ type: "postgres", entities: [User, Request] });
)SRC";
  std::string code = R"SRC(export const q = (users: Repository<User>) => users.createQueryBuilder("user")
  .leftJoinAndSelect("user.requests", "request")
  .leftJoin("user.settings", "settings")
  .leftJoin("request.pair", "pair")
  .where("request.approver = :a AND request.pair = :p").getMany();
)SRC";
  FileOutput out = run_in_project("typeorm-query-builder", {{"src/e.ts", entities}, {"src/s.ts", code}}, "src/s.ts", "typeorm");
  std::vector<std::string> got;
  for (auto& r : out.requirements.requirements)
    if (!r.column.empty()) got.push_back(r.relation + "." + r.column + "@" + code.substr(r.span.begin, r.span.end - r.span.begin));
  // A composite key names two join columns: the pair's are not judged.
  CHECK(got == std::vector<std::string>{"request.requestedById@requests", "settings.userId@settings", "request.approverCode@approver"});
}

TEST_CASE("typeorm: the project's naming strategy names a property without a name of its own") {
  std::string entity = "import { Entity, Column } from 'typeorm';\n"
                       "@Entity() export class LlmResult { @Column() modelVersion: string; @Column() userID: string; }\n";
  // Code that uses the entity (one only listed is not required).
  std::string use = "import { LlmResult } from './e';\nexport const all = (ds: any) => ds.getRepository(LlmResult).find();\n";
  auto columns = [&](const FileOutput& out) {
    std::vector<std::string> c;
    for (auto& r : out.requirements.requirements)
      if (!r.column.empty()) c.push_back(r.column);
    return c;
  };
  std::string snake = "import { DataSource } from 'typeorm';\nimport { SnakeNamingStrategy } from 'typeorm-naming-strategies';\n"
                      "export default new DataSource({ type: 'postgres', entities: [], namingStrategy: new SnakeNamingStrategy() });\n";
  FileOutput out = run_in_project("typeorm", {{"src/ds.ts", snake}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out) == std::vector<std::string>{"model_version", "user_id"});
  std::string plain = "import { TypeOrmModule } from '@nestjs/typeorm';\n"
                      "export const m = TypeOrmModule.forRoot({ type: 'postgres', autoLoadEntities: true });\n";
  out = run_in_project("typeorm", {{"src/app.module.ts", plain}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out) == std::vector<std::string>{"modelVersion", "userID"});
  // A class of the project: its own snakeCase may differ from typeorm's on runs of capitals.
  std::string custom = "import { DataSource, DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';\n"
                       "class Snake extends DefaultNamingStrategy implements NamingStrategyInterface {\n"
                       "  columnName(propertyName: string, customName: string, prefixes: string[]): string {\n"
                       "    return customName ? customName : snakeCase(propertyName);\n  }\n}\n"
                       "export default new DataSource({ type: 'postgres', entities: [], namingStrategy: new Snake() });\n";
  out = run_in_project("typeorm", {{"src/ds.ts", custom}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out) == std::vector<std::string>{"model_version"});
  CHECK(out.unchecked.size() == 1);
  // Configurations that disagree, or a strategy class that does something else: unchecked.
  out = run_in_project("typeorm", {{"src/ds.ts", snake}, {"src/app.module.ts", plain}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out).empty());
  std::string prefixed = custom;
  prefixed.replace(prefixed.find("snakeCase(propertyName)"), 23, "'x_' + propertyName");
  out = run_in_project("typeorm", {{"src/ds.ts", prefixed}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out).empty());
  CHECK(out.unchecked.size() == 2);
  // The project's own class named SnakeNamingStrategy is read, not taken for the library's.
  std::string own = prefixed;
  own.replace(own.find("class Snake "), 12, "class SnakeNamingStrategy ");
  own.replace(own.find("new Snake()"), 11, "new SnakeNamingStrategy()");
  out = run_in_project("typeorm", {{"src/ds.ts", own}, {"src/e.ts", entity}, {"src/q.ts", use}}, "src/e.ts");
  CHECK(columns(out).empty());
}

TEST_CASE("kysely: tables, aliases, joins, qualified and unqualified columns, rows written") {
  std::string src = R"SRC(export async function f(db: Kysely<DB>, id: number) {
  await db.selectFrom("llm_results as r").innerJoin("tenants", "tenants.id", "r.tenant_id").select(["r.output", "name as tenant", "modelVersion"]).where("r.id", "=", id).execute();
  await db.insertInto("llm_results").values({ tenant_id: 1, model_version: "x" }).returning("id").execute();
  await db.withSchema("audit").updateTable("events").set({ tokens: 3, ...rest }).where((eb) => eb("id", "=", 1)).execute();
  await db.deleteFrom(table).execute();
  await db.selectFrom(db.selectFrom("x").selectAll().as("s")).select("s.a").execute();
  await db.selectFrom("u").select(["id as month"]).orderBy("month").groupBy("id").execute();
  await db.selectFrom("v").select([sql`date_trunc('month', t)`.as("month")]).orderBy("month").execute();
  await db.selectFrom("w").where((eb) => eb.exists(eb.selectFrom("y").where("outer_col", "=", 1).where("y.k", "=", 2))).execute();
}
)SRC";
  FileOutput out = run("kysely", "src/f.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.llm_results read @llm_results",
                                   "relation public.tenants read @tenants",
                                   "column public.tenants.id read @id",
                                   "column public.llm_results.tenant_id read @tenant_id",
                                   "column public.llm_results.output read @output",
                                   "column public.llm_results.name read @name",
                                   "column public.llm_results.id read @id",
                                   "relation public.llm_results insert @llm_results",
                                   "column public.llm_results.tenant_id write @tenant_id",
                                   "column public.llm_results.model_version write @model_version",
                                   "column public.llm_results.id read @id",
                                   "relation audit.events write @events",
                                   "column audit.events.tokens write @tokens",
                                   "column audit.events.id read @id",
                                   "relation public.x read @x",
                                   "relation public.u read @u",
                                   "column public.u.id read @id",
                                   "column public.u.id read @id",
                                   "relation public.v read @v",
                                   "relation public.w read @w",
                                   "relation public.y read @y",
                                   "column public.y.k read @k",
                               });
  CHECK(out.requirements.requirements[5].candidates == std::vector<std::string>{"public.llm_results", "public.tenants"});
  CHECK(out.requirements.requirements[7].insert_columns == std::vector<std::string>{"tenant_id", "model_version"});
  REQUIRE(out.unchecked.size() == 3);
  CHECK(out.unchecked[0].offset == src.find("modelVersion"));
  CHECK(out.unchecked[1].offset == src.find("{ tokens: 3"));
  CHECK(out.unchecked[2].offset == src.find("table).execute"));
}

TEST_CASE("knex: instance calls, from/into, joins, where objects, rows, returning; other callers and subqueries not judged") {
  std::string src = R"SRC(const knex = require("knex");
const pg = knex({ client: "pg" });
export async function f(db, id) {
  await pg("llm_results as r").join("tenants", "tenants.id", "r.tenant_id").select("r.output", "name as tenant").where({ "r.id": id }).orderBy("tenant");
  await pg.insert([{ tenant_id: 1, model_version: "x" }]).into("llm_results").returning(["id"]);
  await pg.transaction(async (trx) => {
    await trx("jobs").where("status", "queued").whereIn("id", pg("locks").select("job_id").where("owner", 1)).update({ status: "running", ...extra });
  });
  await db("users").select("id");
  await pg(table).del();
  await pg("audit.events").where("createdAt", ">", 1).orderBy("at");
}
)SRC";
  FileOutput out = run("knex", "src/f.js", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.llm_results read @llm_results",
                                   "relation public.tenants read @tenants",
                                   "column public.tenants.id read @id",
                                   "column public.llm_results.tenant_id read @tenant_id",
                                   "column public.llm_results.output read @output",
                                   "column public.llm_results.name read @name",
                                   "column public.llm_results.id read @id",
                                   "relation public.llm_results insert @llm_results",
                                   "column public.llm_results.tenant_id write @tenant_id",
                                   "column public.llm_results.model_version write @model_version",
                                   "column public.llm_results.id read @id",
                                   "relation public.jobs write @jobs",
                                   "column public.jobs.status read @status",
                                   "column public.jobs.id read @id",
                                   "column public.jobs.status write @status",
                                   "relation public.locks read @locks",
                                   "relation audit.events read @events",
                                   "column audit.events.at read @at",
                               });
  CHECK(out.requirements.requirements[7].insert_columns == std::vector<std::string>{"tenant_id", "model_version"});
  REQUIRE(out.unchecked.size() == 3);
  CHECK(out.unchecked[0].offset == src.find("{ status: \"running\""));
  CHECK(out.unchecked[1].offset == src.find("table).del"));
  CHECK(out.unchecked[2].offset == src.find("createdAt"));
}

TEST_CASE("sqlalchemy: declarative columns, explicit names, mixins, single-table inheritance, Table(); relationships and deferred not required") {
  std::string src = R"py(import datetime
from typing import Optional
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, deferred, column_property, declared_attr


class Base(DeclarativeBase):
    pass


class Stamped:
    created_at: Mapped[datetime.datetime] = mapped_column(sa.DateTime(timezone=True))


class Account(Stamped, Base):
    __tablename__ = "accounts"
    __table_args__ = (sa.UniqueConstraint("email"), {"schema": "billing"})

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column("email_address", sa.String(255))
    plan: Mapped[Optional[str]]
    owner: Mapped["User"] = relationship()
    invoices: Mapped[list["Invoice"]] = relationship(back_populates="account")
    blob = deferred(sa.Column(sa.LargeBinary))
    total = column_property(sa.select(sa.func.sum(1)).scalar_subquery())
    kind = sa.Column(sa.String(20))
    __mapper_args__ = {"polymorphic_on": kind}


class PartnerAccount(Account):
    partner_code = sa.Column(sa.String(8))


class Abstract(Base):
    __abstract__ = True
    note = sa.Column(sa.Text)


class Event(Abstract):
    __tablename__ = "Events"
    id = sa.Column(sa.Integer, primary_key=True)
    payload = sa.Column(name="body", type_=sa.JSON)


class Named:
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower() + "s"


class Widget(Named, Base):
    id = sa.Column(sa.Integer, primary_key=True)


class Report(Base):
    __tablename__ = "reports"
    __bind_key__ = "warehouse"
    id = sa.Column(sa.Integer, primary_key=True)


tags = sa.Table("account_tags", Base.metadata, sa.Column("account_id", sa.ForeignKey("billing.accounts.id")), sa.Column("tag", sa.String), schema="billing")
legacy = sa.Table("legacy", Base.metadata, sa.Column("id", sa.Integer), autoload_with=None)
)py";
  FileOutput out = run("sqlalchemy", "app/models.py", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation billing.account_tags read @account_tags",
                                   "column billing.account_tags.account_id read @account_id",
                                   "column billing.account_tags.tag read @tag",
                                   "relation public.legacy read @legacy",
                                   "relation billing.accounts read @Account",
                                   "column billing.accounts.id read @id",
                                   "column billing.accounts.email_address read @email_address",
                                   "column billing.accounts.plan read @plan",
                                   "column billing.accounts.kind read @kind",
                                   "column billing.accounts.created_at read @created_at",
                                   "column billing.accounts.partner_code read @partner_code",
                                   "relation public.Events read @Event",
                                   "column public.Events.id read @id",
                                   "column public.Events.body read @body",
                                   "column public.Events.note read @note",
                               });
  std::vector<std::string> unchecked;
  for (auto& u : out.unchecked) unchecked.push_back(src.substr(u.offset, 6) + ": " + u.reason);
  CHECK(unchecked == std::vector<std::string>{
                         "Widget: the model's table name is computed at run time",
                         "blob =: deferred column billing.accounts.blob: loaded only when accessed, not required",
                         "Report: the model is bound to another database (__bind_key__)",
                     });
  auto& reqs = out.requirements.requirements;
  REQUIRE(reqs.size() == 15);
  CHECK(reqs[6].describe ==
        "SQLAlchemy model Account maps attribute email to column billing.accounts.email_address; every query of the model "
        "selects it");
  CHECK(reqs[6].fix ==
        "generate a migration with `alembic revision --autogenerate` (op.add_column(\"accounts\", sa.Column(\"email_address\", "
        "...))) and apply it with `alembic upgrade head` before deploying this code");
  CHECK(reqs[11].quoted);
  CHECK(out.creates_declared_tables.empty());
  CHECK(out.declared_tables.size() == 5);  // account_tags, legacy, accounts (twice: the subclass), Events
}

TEST_CASE("sqlalchemy: SQLModel tables, Flask-SQLAlchemy automatic names, create_all() outside tests") {
  std::string src = R"py(import uuid
from flask_sqlalchemy import SQLAlchemy
from sqlmodel import Field, Relationship, SQLModel, Column, Text

db = SQLAlchemy()


class HeroBase(SQLModel):
    name: str = Field(index=True)
    age: int | None = None


class Hero(HeroBase, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    secret: str = Field(sa_column=Column("secret_name", Text))
    team: "Team" = Relationship(back_populates="heroes")


class HeroPublic(HeroBase):
    id: uuid.UUID


class APIKey(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    key = db.Column(db.String(40))


class Setting(db.Model):
    key = db.Column(db.String(40))


def init():
    db.create_all()
)py";
  FileOutput out = run("sqlalchemy", "app/models.py", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.hero read @Hero",
                                   "column public.hero.id read @id",
                                   "column public.hero.secret_name read @secret_name",
                                   "column public.hero.name read @name",
                                   "column public.hero.age read @age",
                                   "relation public.api_key read @APIKey",
                                   "column public.api_key.id read @id",
                                   "column public.api_key.key read @key",
                               });
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].reason == "Flask-SQLAlchemy names the table of a model without a primary key of its own at run time");
  CHECK(out.creates_declared_tables.size() == 1);
  CHECK(out.requirements.requirements[0].describe ==
        "SQLAlchemy SQLModel model Hero is mapped to table hero; every query of the model reads it");
  FileOutput test = run("sqlalchemy", "tests/conftest.py", src);
  CHECK(test.requirements.requirements.empty());
  CHECK(test.creates_declared_tables.empty());
}

TEST_CASE("sqlalchemy: Core tables declared for another engine (a ClickHouse dialect) are not PostgreSQL's") {
  std::string src = R"py(import sqlalchemy
from clickhouse_connect.cc_sqlalchemy.dialect import ClickHouseDialect
from sqlalchemy import Column, MetaData, String, Table

metadata = MetaData()
events = Table("events_by_timestamp", metadata, Column("id", String), Column("name", String))
)py";
  FileOutput out = run("sqlalchemy", "app/analytics/service.py", src);
  CHECK(out.requirements.requirements.empty());
  CHECK(out.declared_tables.empty());
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].reason == "declarations for ClickHouse (the file imports clickhouse_connect), not PostgreSQL");
  CHECK(src.substr(out.unchecked[0].offset, 19) == "events_by_timestamp");
}

TEST_CASE("gorm: TableName models, tags, gorm.Model, GORM's column names; relations and unexported fields left out") {
  const std::string src =
      "package store\n"
      "import \"gorm.io/gorm\"\n"
      "type Status string\n"
      "type Tenant struct { ID uint; Name string }\n"
      "type Audit struct { CreatedBy string }\n"
      "type LLMResult struct {\n"
      "  gorm.Model\n"
      "  Audit\n"
      "  TenantID uint\n"
      "  Tenant Tenant\n"
      "  Hash string `gorm:\"column:prompt_hash;index\"`\n"
      "  APIKeyURL, HTTPStatus string\n"
      "  State Status\n"
      "  Owner Owner\n"
      "  Tags []string\n"
      "  Meta map[string]string\n"
      "  Payload datatypes.JSON\n"
      "  cost float64\n"
      "  Preview string `gorm:\"-\"`\n"
      "  Runs []Run `gorm:\"foreignKey:ResultID\"`\n"
      "}\n"
      "func (LLMResult) TableName() string { return \"llm_results\" }\n"
      "type Unnamed struct { gorm.Model; Title string }\n";
  FileOutput out = run("gorm", "store/results.go", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.llm_results read @llm_results",
                                   "column public.llm_results.id write @gorm.Model",
                                   "column public.llm_results.created_at write @gorm.Model",
                                   "column public.llm_results.updated_at write @gorm.Model",
                                   "column public.llm_results.deleted_at write @gorm.Model",
                                   "column public.llm_results.created_by write @CreatedBy",
                                   "column public.llm_results.tenant_id write @TenantID",
                                   "column public.llm_results.prompt_hash write @prompt_hash",
                                   "column public.llm_results.api_key_url write @APIKeyURL",
                                   "column public.llm_results.http_status write @HTTPStatus",
                                   "column public.llm_results.state write @State",
                                   "column public.llm_results.payload write @Payload",
                               });
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].reason.starts_with("no TableName() method"));
  CHECK(src.compare(out.unchecked[0].offset, 7, "Unnamed") == 0);
}

TEST_CASE("gorm: Table and Model chains name columns in Where, Select, Order, Pluck; Joins left out; AutoMigrate") {
  const std::string src =
      "package store\n"
      "import \"gorm.io/gorm\"\n"
      "type Result struct { ID uint; Output string }\n"
      "func (Result) TableName() string { return \"results\" }\n"
      "func q(db *gorm.DB) {\n"
      "  db.Table(\"events\").Where(\"tenant_id = ? AND kind IN ? OR seen_at IS NULL\", 1, k).Order(\"seen_at desc, id\").Find(&x)\n"
      "  db.Model(&Result{}).Select(\"id, output\").Where(\"lower(output) = ?\", s).Find(&y)\n"
      "  db.Table(\"events\").Joins(\"JOIN users u ON u.id = events.user_id\").Where(\"u.name = ?\", n).Find(&z)\n"
      "  _ = db.Table(\"stats\").Distinct(\"day\").Pluck(\"day\", &days).Error\n"
      "}\n";
  FileOutput out = run("gorm", "store/q.go", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.results read @results",
                                   "column public.results.id write @ID",
                                   "column public.results.output write @Output",
                                   "relation public.events read @events",
                                   "column public.events.tenant_id read @tenant_id",
                                   "column public.events.kind read @kind",
                                   "column public.events.seen_at read @seen_at",
                                   "column public.events.seen_at read @seen_at",
                                   "column public.events.id read @id",
                                   "column public.results.id read @id",
                                   "column public.results.output read @output",
                                   "relation public.stats read @stats",
                                   "column public.stats.day read @day",
                                   "column public.stats.day read @day",
                               });
  const std::string migrating = src + "func m(db *gorm.DB) { db.AutoMigrate(&Result{}) }\n";
  FileOutput auto_out = run("gorm", "store/q.go", migrating);
  REQUIRE(auto_out.unchecked.size() == 1);
  CHECK(auto_out.unchecked[0].reason.starts_with("this file calls AutoMigrate"));
  CHECK(described(auto_out, migrating).size() == 9);  // the Table chains only
}

TEST_CASE("gorm: default table names across the package; embedded bases, result types, naming config, AutoMigrate") {
  std::vector<std::pair<std::string, std::string>> project = {
      {"store/models.go",
       "package store\n"
       "import \"gorm.io/gorm\"\n"
       "type ProjectRun struct { gorm.Model; ProjectID uint }\n"
       "type Person struct { ID uint; Email string `gorm:\"index\"` }\n"
       "type Base struct { ID uint `gorm:\"primaryKey\"` }\n"
       "type Widget struct { Base; Label string `gorm:\"index\"` }\n"
       "type RunCount struct { Status string `gorm:\"column:status\"` }\n"
       "type Audit struct { gorm.Model; Actor string }\n"},
      {"store/widget_table.go", "package store\nfunc (Widget) TableName() string { return \"inventory_widgets\" }\n"},
      {"store/q.go",
       "package store\n"
       "import \"gorm.io/gorm\"\n"
       "var Models = []interface{}{&Audit{}}\n"
       "func f(db *gorm.DB, s *S) {\n"
       "  var p Person\n"
       "  db.Where(\"email = ?\", e).First(&p)\n"
       "  q := db.Table(\"other\")\n"
       "  q.Where(\"other_col = ?\", 1).Find(&p)\n"
       "  s.db.Model(&ProjectRun{}).Where(\"id = ?\", 1).Updates(map[string]any{\"project_id\": 2})\n"
       "}\n"},
      {"cmd/main.go", "package main\nimport \"gorm.io/gorm\"\nfunc main() { db.AutoMigrate(store.Models...) }\n"},
  };
  FileOutput models = run_in_project("gorm", project, "store/models.go");
  const std::string src = project[0].second;
  CHECK(described(models, src) == std::vector<std::string>{
                                      "relation public.people read @Person",
                                      "column public.people.id write @ID",
                                      "column public.people.email write @Email",
                                      "relation public.project_runs read @ProjectRun",
                                      "column public.project_runs.id write @gorm.Model",
                                      "column public.project_runs.created_at write @gorm.Model",
                                      "column public.project_runs.updated_at write @gorm.Model",
                                      "column public.project_runs.deleted_at write @gorm.Model",
                                      "column public.project_runs.project_id write @ProjectID",
                                      "relation public.inventory_widgets read @Widget",
                                      "column public.inventory_widgets.id write @ID",
                                      "column public.inventory_widgets.label write @Label",
                                  });
  std::vector<std::string> reasons;
  for (auto& u : models.unchecked) reasons.push_back(src.substr(u.offset, 5) + ": " + u.reason.substr(0, 30));
  CHECK(reasons == std::vector<std::string>{"Audit: the code calls AutoMigrate on ", "Base : embedded in another struct: it",
                                            "RunCo: no TableName() method: the tab"});
  FileOutput q = run_in_project("gorm", project, "store/q.go");
  CHECK(described(q, project[2].second) == std::vector<std::string>{
                                               "column public.people.email read @email",
                                               "column public.project_runs.id read @id",
                                               "column public.project_runs.project_id write @project_id",
                                           });
  project.push_back({"db/open.go", "package db\nimport \"gorm.io/gorm\"\nvar c = gorm.Config{NamingStrategy: ns}\n"});
  FileOutput configured = run_in_project("gorm", project, "store/models.go");
  CHECK(described(configured, src).size() == 3);  // Widget's TableName only
  CHECK(schemagate::datalayers::gorm::table_name("HTTPProxy") == "http_proxies");
  CHECK(schemagate::datalayers::gorm::table_name("Human") == "humen");
  CHECK(schemagate::datalayers::gorm::table_name("Status") == "statuses");
  CHECK(schemagate::datalayers::gorm::table_name("Knife") == "knives");
  CHECK(schemagate::datalayers::gorm::table_name("Sheep") == "sheep");
  CHECK(schemagate::datalayers::gorm::table_name("OAuth2") == "o_auth2");
}


TEST_CASE("sqlalchemy: bases of other modules, through relative imports and a package's import *; an ambiguous base adds nothing, a cycle ends") {
  const std::string model = R"py(from sqlalchemy.orm import Mapped, mapped_column
from shop.models import Base, Stamped
from core.models.base import Audited
from .loop import Loop


class Order(Base, Stamped, Audited, Loop):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
)py";
  std::vector<std::pair<std::string, std::string>> files = {
      {"src/shop/models/__init__.py", "from .base import *\n"},
      {"src/shop/models/base.py", R"py(import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase
from ..mixins import Stamped


class Base(DeclarativeBase):
    pass
)py"},
      {"src/shop/mixins.py", R"py(import sqlalchemy as sa


class Stamped:
    created_at = sa.Column(sa.DateTime)
)py"},
      // Two modules end in core/models/base: which one the import means is not known.
      {"src/core/models/base.py", "import sqlalchemy as sa\n\n\nclass Audited:\n    audited_by = sa.Column(sa.Text)\n"},
      {"vendor/core/models/base.py", "import sqlalchemy as sa\n\n\nclass Audited:\n    audit_ref = sa.Column(sa.Text)\n"},
      {"src/shop/models/loop.py", "import sqlalchemy as sa\nfrom .other import Other\n\n\nclass Loop(Other):\n    looped = sa.Column(sa.Integer)\n"},
      {"src/shop/models/other.py", "import sqlalchemy as sa\nfrom .loop import Loop\n\n\nclass Other(Loop):\n    other = sa.Column(sa.Integer)\n"},
      {"src/shop/models/orders.py", model},
  };
  FileOutput out = run_in_project("sqlalchemy", files, "src/shop/models/orders.py");
  // Stamped: re-exported by `import *` from base.py, which imported it from ../mixins.py. The
  // cycle Loop -> Other -> Loop is read once each.
  CHECK(described(out, model) == std::vector<std::string>{
                                     "relation public.orders read @Order",
                                     "column public.orders.id read @id",
                                     "column public.orders.created_at read @Order",
                                     "column public.orders.looped read @Order",
                                     "column public.orders.other read @Order",
                                 });
  REQUIRE(out.requirements.units.size() == 1);
}

TEST_CASE("sqlalchemy naming: the known camel-to-snake transforms, as Python's re gives them") {
  using schemagate::datalayers::sqlalchemy_naming::apply;
  CHECK(apply("UL", "FlowRunState") == "flow_run_state");
  CHECK(apply("UL", "APIKey") == "a_p_i_key");  // every capital, acronyms too
  CHECK(apply("UL", "ConcurrencyLimitV2") == "concurrency_limit_v2");
  CHECK(apply("VL", "FlowRun") == "_flow_run");
  CHECK(apply("VLS", "FlowRun") == "flow_run");
  CHECK(apply("AL", "APIKey2Value") == "apikey2_value");
  CHECK(apply("BAL", "APIKey") == "api_key");  // the two-step recipe
  CHECK(apply("BAL", "HTTPResponseCode") == "http_response_code");
  CHECK(apply("BL", "GetHTTPResponseCode") == "gethttp_responsecode");
  CHECK(apply("CAL", "GetHTTPResponseCode") == "get_http_response_code");
  CHECK(apply("CAL", "HTTPResponseCode") == "http_response_code");
  CHECK(apply("=events", "Event") == "events");
  CHECK(apply("", "Event").empty());
  CHECK(apply("UL", "Caf\xc3\xa9Order").empty());  // lower() of a non-ASCII letter: not here
}

TEST_CASE("sqlalchemy: a __tablename__ directive computed from the class name names each model; unknown ones stay unchecked") {
  const std::string model = R"py(import re
import uuid
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from app.util import CAMEL_TO_SNAKE


def resolve_table_name(name):
    """doc"""
    names = re.split("(?=[A-Z])", name)  # noqa
    return "_".join([x.lower() for x in names if x])


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return CAMEL_TO_SNAKE.sub("_", cls.__name__).lower()

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


class Legacy(DeclarativeBase):
    @declared_attr
    def __tablename__(cls):
        return resolve_table_name(cls.__name__)


class Plural(DeclarativeBase):
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower() + "s"


class FlowRunState(Base):
    name: Mapped[str]

    @declared_attr.directive
    @classmethod
    def __table_args__(cls) -> Iterable[sa.Index]:
        return (sa.Index("ix", cls.name), sa.Index("trgm", cls.name).ddl_if(dialect="postgresql"))


class Event(Base):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return "events"


class IndividualContact(Legacy):
    email = sa.Column(sa.String)


class SubState(FlowRunState):
    extra: Mapped[str]


class Thing(Plural):
    label = sa.Column(sa.String)


class Lowered(DeclarativeBase):
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()


class AuditLog(Lowered):
    entry = sa.Column(sa.String)
)py";
  std::vector<std::pair<std::string, std::string>> files = {
      {"app/util.py", "import re\n\nCAMEL_TO_SNAKE = re.compile(r\"(?<!^)(?=[A-Z])\")\n"},
      {"app/models.py", model},
  };
  FileOutput out = run_in_project("sqlalchemy", files, "app/models.py");
  CHECK(described(out, model) == std::vector<std::string>{
                                     "relation public.flow_run_state read @FlowRunState",
                                     "column public.flow_run_state.name read @name",
                                     "column public.flow_run_state.id read @id",
                                     "relation public.events read @Event",
                                     "column public.events.id read @id",
                                     "relation public.individual_contact read @IndividualContact",
                                     "column public.individual_contact.email read @email",
                                     "relation public.auditlog read @AuditLog",
                                     "column public.auditlog.entry read @entry",
                                 });
  // A subclass of a mapped model (joined or single-table: the directive decides at run time)
  // and a model of an unknown transform.
  std::vector<std::string> unchecked;
  for (auto& u : out.unchecked) unchecked.push_back(model.substr(u.offset, 12) + ": " + u.reason);
  CHECK(unchecked == std::vector<std::string>{
                         "SubState(Flo: the model's table name is computed at run time",
                         "Thing(Plural: the model's table name is computed at run time",
                     });
}

TEST_CASE("django: a models module is read only in a project that uses Django") {
  // An API client's enums under models/: classes on bases of the project, no django.db. In a
  // project whose index found no Django ("django:wanted" absent) they are not read.
  const DataLayer& django = layer("django");
  REQUIRE(static_cast<bool>(django.relevant_in));
  const std::string enums = "from enum import Enum\n\nclass StepRunStatus(str, Enum):\n    PENDING = \"PENDING\"\n";
  const std::string model = "from django.db import models\n\nclass Job(models.Model):\n    name = models.TextField()\n";
  schemagate::datalayers::ProjectFacts without, with = {{"django:wanted", {""}}};
  CHECK_FALSE(django.relevant_in(enums, &without));
  CHECK(django.relevant_in(enums, &with));
  CHECK(django.relevant_in(enums, nullptr));  // no facts: as relevant
  CHECK(django.relevant_in(model, &with));
  CHECK_FALSE(django.relevant_in(model, &without));
}

TEST_CASE("django: an abstract base of another app adds its fields at the model's name; a concrete one does not") {
  const std::string model = R"py(from django.db import models
from core.models import Stamped, Place


class Shop(Stamped):
    name = models.CharField(max_length=80)


class Branch(Place):
    opened = models.DateField()
)py";
  std::vector<std::pair<std::string, std::string>> files = {
      {"core/models.py", R"py(from django.db import models


class Stamped(models.Model):
    created = models.DateTimeField()
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)

    class Meta:
        abstract = True


class Place(models.Model):
    address = models.TextField()
)py"},
      {"shops/models.py", model},
  };
  FileOutput out = run_in_project("django", files, "shops/models.py");
  // Branch is multi-table inheritance: Place's fields stay in core_place.
  CHECK(described(out, model) == std::vector<std::string>{
                                     "relation public.shops_shop read @Shop",
                                     "column public.shops_shop.name read @name",
                                     "column public.shops_shop.created read @Shop",
                                     "column public.shops_shop.owner_id read @Shop",
                                     "relation public.shops_branch read @Branch",
                                     "column public.shops_branch.opened read @opened",
                                 });
}

TEST_CASE("supabase-js: rpc() calls a function by its argument names; computed names and arguments") {
  std::string src = R"SRC(import { createClient } from "@supabase/supabase-js";
const supabase = createClient(url, key);
export async function f(name: string, args: object) {
  await supabase.rpc("claim_next_job", { worker_id: "w1", limit: 3 });
  await supabase.rpc("pending_job_count");
  await supabase.schema("billing").rpc("close_invoice", { invoice_id: 7 }, { head: true });
  await supabase.rpc("search_docs", args);
  await supabase.rpc(name, {});
  await other.rpc("not_supabase", {});
}
)SRC";
  FileOutput out = run("supabase-js", "src/f.ts", src);
  auto& reqs = out.requirements.requirements;
  REQUIRE(reqs.size() == 4);
  CHECK(reqs[0].object == Object::Function);
  CHECK(reqs[0].schema == "public");
  CHECK(reqs[0].function == "claim_next_job");
  CHECK(reqs[0].by_name);
  CHECK(reqs[0].argument_names == std::vector<std::string>{"worker_id", "limit"});
  CHECK(reqs[0].arguments == 2);
  CHECK(src.substr(reqs[0].span.begin, reqs[0].span.end - reqs[0].span.begin) == "claim_next_job");
  CHECK(reqs[0].describe == "supabase-js .rpc('claim_next_job') calls function public.claim_next_job(worker_id => ..., "
                            "limit => ...) through PostgREST");
  CHECK(reqs[1].argument_names.empty());
  CHECK(reqs[1].arguments_known);
  CHECK(reqs[2].schema == "billing");
  CHECK(reqs[2].argument_names == std::vector<std::string>{"invoice_id"});
  CHECK(out.requirements.units[2].fingerprint_text == "supabase-js.schema('billing').rpc('close_invoice')");
  CHECK_FALSE(reqs[3].arguments_known);
  REQUIRE(out.unchecked.size() == 2);
  CHECK(out.unchecked[0].offset == src.find("args);"));
  CHECK(out.unchecked[1].offset == src.find("supabase.rpc(name"));
}

TEST_CASE("function overloads: PostgREST's match by argument names") {
  schemagate::schema::Function f;
  f.declared = 3;
  f.min_args = 2;
  f.max_args = 3;
  f.arg_names = {"p_tenant", "p_tokens", "p_model"};
  f.arg_names_known = true;
  using V = std::vector<std::string>;
  CHECK(f.accepts_named(V{"p_tenant", "p_tokens"}));
  CHECK(f.accepts_named(V{"p_model", "p_tokens", "p_tenant"}));
  CHECK_FALSE(f.accepts_named(V{"p_tenant"}));                          // a required one missing
  CHECK_FALSE(f.accepts_named(V{"p_tenant", "p_tokens", "tenant"}));    // a name it does not declare
  schemagate::schema::Function body;  // one unnamed argument takes the whole JSON body
  body.declared = body.min_args = body.max_args = 1;
  body.arg_names = {""};
  body.arg_names_known = true;
  CHECK(body.accepts_named(V{"anything", "at_all"}));
  schemagate::schema::Function unknown;  // names not known: by count
  unknown.declared = unknown.min_args = unknown.max_args = 1;
  CHECK(unknown.accepts_named(V{"x"}));
  CHECK_FALSE(unknown.accepts_named(V{"x", "y"}));
}

TEST_CASE("kysely: CamelCasePlugin on every instance maps names to snake case; disagreeing instances leave them unchecked") {
  std::string db = "import { CamelCasePlugin, Kysely } from 'kysely';\n"
                   "export const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });\n";
  std::string q = "export const f = () => db.selectFrom('llmResults').select(['modelVersion', 'tenantID', 'id']).execute();\n";
  FileOutput out = run_in_project("kysely", {{"src/db.ts", db}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(described(out, q) == std::vector<std::string>{"relation public.llm_results read @llmResults",
                                                      "column public.llm_results.model_version read @modelVersion",
                                                      "column public.llm_results.tenant_id read @tenantID",
                                                      "column public.llm_results.id read @id"});
  CHECK(out.unchecked.empty());
  // No plugin anywhere: sent as written.
  std::string plain = "export const db = new Kysely<DB>({ dialect });\n";
  out = run_in_project("kysely", {{"src/db.ts", plain}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(described(out, q) == std::vector<std::string>{"relation public.llmResults read @llmResults",
                                                      "column public.llmResults.modelVersion read @modelVersion",
                                                      "column public.llmResults.tenantID read @tenantID",
                                                      "column public.llmResults.id read @id"});
  // One instance with the plugin, one without: which one runs the query is not known.
  out = run_in_project("kysely", {{"src/db.ts", db}, {"src/other.ts", plain}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(out.requirements.requirements.empty());
  CHECK(out.unchecked.size() == 1);
}

TEST_CASE("drizzle: the casing of the project's drizzle() instances names properties; drizzle.config alone when none") {
  std::string schema = "import { pgTable, text } from 'drizzle-orm/pg-core';\n"
                       "export const t = pgTable('t', { modelVersion: text(), id: text() });\n";
  std::string snake = "import { drizzle } from 'drizzle-orm/node-postgres';\n"
                      "export const db = drizzle(process.env.URL, { schema, casing: 'snake_case' });\n";
  std::string none = "import { drizzle as make } from 'drizzle-orm/postgres-js';\nexport const db = make(client);\n";
  FileOutput out = run_in_project("drizzle", {{"src/schema.ts", schema}, {"src/db.ts", snake}}, "src/schema.ts");
  CHECK(described(out, schema) == std::vector<std::string>{"relation public.t read @t",
                                                           "column public.t.model_version read @modelVersion",
                                                           "column public.t.id read @id"});
  out = run_in_project("drizzle", {{"src/schema.ts", schema}, {"src/db.ts", none}}, "src/schema.ts");
  CHECK(described(out, schema) == std::vector<std::string>{"relation public.t read @t",
                                                           "column public.t.modelVersion read @modelVersion",
                                                           "column public.t.id read @id"});
  out = run_in_project("drizzle", {{"src/schema.ts", schema}, {"src/db.ts", snake}, {"src/other.ts", none}}, "src/schema.ts");
  CHECK(out.unchecked.size() == 1);
  std::string config = "import { defineConfig } from 'drizzle-kit';\n"
                       "export default defineConfig({ dialect: 'postgresql', casing: 'snake_case' });\n";
  out = run_in_project("drizzle", {{"src/schema.ts", schema}, {"drizzle.config.ts", config}}, "src/schema.ts");
  CHECK(described(out, schema)[1] == "column public.t.model_version read @modelVersion");
}

TEST_CASE("sequelize-typescript: @Table classes, @Column / @ForeignKey / @CreatedAt attributes, the project's define") {
  std::string db = "import { Sequelize } from 'sequelize-typescript';\n"
                   "export const sequelize = new Sequelize(url, { dialect: 'postgres', define: { underscored: true } });\n";
  std::string model = R"SRC(import { Table, Column, Model, ForeignKey, BelongsTo, CreatedAt, DataType } from "sequelize-typescript";
@Table({ tableName: "llm_results", timestamps: true })
export class LlmResult extends Model {
  @ForeignKey(() => Tenant)
  @Column
  tenantId: number;
  @BelongsTo(() => Tenant)
  tenant: Tenant;
  @Column({ type: DataType.TEXT, field: "output_text" })
  output: string;
  @Column(DataType.VIRTUAL)
  preview: string;
  @CreatedAt
  createdOn: Date;
  notAnAttribute = 3;
}
@Table
export class Tenant extends Model {
  @Column name: string;
}
)SRC";
  FileOutput out = run_in_project("sequelize", {{"src/db.ts", db}, {"src/models.ts", model}}, "src/models.ts");
  CHECK(described(out, model) == std::vector<std::string>{
                                     "relation public.llm_results read @llm_results",
                                     "column public.llm_results.tenant_id read @tenantId",
                                     "column public.llm_results.output_text read @output_text",
                                     "column public.llm_results.created_on read @createdOn",
                                     "column public.llm_results.id read @LlmResult",
                                     "column public.llm_results.updated_at read @LlmResult",
                                     "relation public.Tenants read @Tenant",
                                     "column public.Tenants.name read @name",
                                     "column public.Tenants.id read @Tenant",
                                     "column public.Tenants.created_at read @Tenant",
                                     "column public.Tenants.updated_at read @Tenant",
                                 });
  CHECK(out.requirements.requirements[1].fix ==
        "generate a migration with `npx sequelize-cli migration:generate --name add-tenant-id-to-llm-results` whose up "
        "calls queryInterface.addColumn('llm_results', 'tenant_id', ...), then run `npx sequelize-cli db:migrate` before "
        "deploying this code");
  // Two instances that disagree on underscored: a model that does not set it is unchecked.
  std::string other = "const { Sequelize } = require('sequelize');\n"
                      "const s = new Sequelize(url, { define: { underscored: false } });\n";
  out = run_in_project("sequelize", {{"src/db.ts", db}, {"src/other.ts", other}, {"src/models.ts", model}}, "src/models.ts");
  CHECK(out.requirements.requirements.empty());
  CHECK(out.unchecked.size() == 2);
}

TEST_CASE("kysely: callbacks (expression builders, joins, $if, onConflict), whereRef, a class's field list") {
  std::string src = R"SRC(export class Repo {
  constructor(private readonly db: Kysely<DB>) {}
  private baseFields: Array<keyof R> = ["id", "output"];
  private later = ["a"];
  async f(trx: Transaction<DB>, v: string) {
    await this.db.selectFrom("r").select(this.baseFields).$if(v === "x", (qb) => qb.select("prompt").where("flag", "=", true)).execute();
    await this.db.selectFrom("r as a").innerJoin("t as b", (join) => join.onRef("b.id", "=", "a.t_id").on("b.kind", "=", v)).select("b.name").execute();
    await trx.selectFrom(["r as a", "t as b"]).whereRef("a.t_id", "=", "b.id").where((eb) => eb.or([eb("a.k", "=", v), eb.between("a.n", 1, 2)])).select((eb) => ["a.m", eb.fn.count("a.c").as("n")]).execute();
    await trx.insertInto("r").values({ prompt: v }).onConflict((oc) => oc.column("prompt").doUpdateSet({ output: v })).execute();
    await this.db.selectFrom("r").where((eb) => eb.exists(eb.selectFrom("s").select("s.x").whereRef("s.r_id", "=", "r.id"))).select(this.later).execute();
    this.later = ["b"];
  }
}
)SRC";
  FileOutput out = run("kysely", "src/repo.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.r read @r",
                                   "column public.r.id read @id",
                                   "column public.r.output read @output",
                                   "column public.r.prompt read @prompt",
                                   "column public.r.flag read @flag",
                                   "relation public.r read @r",
                                   "relation public.t read @t",
                                   "column public.t.id read @id",
                                   "column public.r.t_id read @t_id",
                                   "column public.t.kind read @kind",
                                   "column public.t.name read @name",
                                   "relation public.r read @r",
                                   "relation public.t read @t",
                                   "column public.r.t_id read @t_id",
                                   "column public.t.id read @id",
                                   "column public.r.k read @k",
                                   "column public.r.n read @n",
                                   "column public.r.m read @m",
                                   "column public.r.c read @c",
                                   "relation public.r insert @r",
                                   "column public.r.prompt write @prompt",
                                   "column public.r.prompt read @prompt",
                                   "column public.r.output write @output",
                                   "relation public.r read @r",
                                   "relation public.s read @s",
                                   "column public.s.x read @x",
                                   "column public.s.r_id read @r_id",
                               });
  // this.later is assigned again: its list is not taken from the declaration.
  CHECK(out.unchecked.empty());
}

TEST_CASE("kysely: destructured expression builders; spreads of a same-file constant object in values() and set()") {
  std::string src = R"SRC(const base = { tenant_id: 1, status: "new" };
export async function f(db: Kysely<DB>, input: any) {
  await db.selectFrom("jobs").selectAll().where(({ eb, and, ref }) => and([eb("state", "=", 1), eb(ref("jobs.owner"), "=", 2)])).execute();
  await db.selectFrom("jobs").select(({ fn, ref: r }) => [fn.count("attempts").as("n"), r("queue")]).execute();
  await db.selectFrom("jobs").selectAll().where(({ or }) => or({ kind: 1, priority: 2 })).execute();
  await db.insertInto("jobs").values({ ...base, payload: "{}" }).execute();
  const extra = { retries: 0 };
  extra.more = 1;
  await db.updateTable("jobs").set({ ...extra, ...input, note: "x" }).execute();
}
)SRC";
  FileOutput out = run("kysely", "src/f.ts", src);
  auto d = described(out, src);
  auto has = [&](const std::string& s) { return std::find(d.begin(), d.end(), s) != d.end(); };
  for (const char* c : {"state", "owner", "attempts", "queue", "kind", "priority"})
    CHECK_MESSAGE(has(std::string("column public.jobs.") + c + " read @" + c), c);
  for (const char* c : {"tenant_id", "status", "payload"})
    CHECK_MESSAGE(has(std::string("column public.jobs.") + c + " write @" + c), c);
  CHECK(has("column public.jobs.note write @note"));
  CHECK_FALSE(has("column public.jobs.retries write @retries"));  // extra is changed after it is declared
  size_t partly = 0;
  for (auto& u : out.unchecked) partly += u.reason == "the columns of the row are built at run time";
  CHECK(partly == 1);  // set(): extra and input; values() is whole
}

TEST_CASE("kysely: calls on the variable a chain is stored in continue it, unless it is given another query") {
  std::string src = R"SRC(export async function f(db: Kysely<DB>, v?: string) {
  let query = db.selectFrom("pages").select("id");
  if (v) {
    query = query.where("slug_id", "=", v);
  }
  const other = db.selectFrom("spaces").select("id");
  let q2 = db.selectFrom("users").select("id");
  q2 = other;
  q2 = q2.where("space_only", "=", 1);
  const q3 = db.selectFrom("labels").select("id");
  if (v) {
    const q3 = db.selectFrom("tags").select("id");
    await q3.where("tag_only", "=", v).execute();
  }
  return query.orderBy("position").execute();
}
)SRC";
  FileOutput out = run("kysely", "src/f.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.pages read @pages",
                                   "column public.pages.id read @id",
                                   "column public.pages.slug_id read @slug_id",
                                   "column public.pages.position read @position",
                                   "relation public.spaces read @spaces",
                                   "column public.spaces.id read @id",
                                   "relation public.users read @users",
                                   "column public.users.id read @id",
                                   "relation public.labels read @labels",
                                   "column public.labels.id read @id",
                                   "relation public.tags read @tags",
                                   "column public.tags.id read @id",
                                   "column public.tags.tag_only read @tag_only",
                               });
}

TEST_CASE("kysely: a nestjs-kysely config names the application's queries; a Migrator's own instance does not") {
  std::string module = "import { KyselyModule } from 'nestjs-kysely';\n"
                       "import { CamelCasePlugin, PostgresDialect } from 'kysely';\n"
                       "export const m = KyselyModule.forRootAsync({ useFactory: () => ({ dialect: new PostgresDialect({ pool }), "
                       "plugins: [new CamelCasePlugin()] }) });\n";
  std::string migrate = "import { Kysely, Migrator } from 'kysely';\n"
                        "const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });\n"
                        "const migrator = new Migrator({ db, provider });\n";
  std::string q = "export const f = (db) => db.selectFrom('llmResults').select('modelVersion').execute();\n";
  FileOutput out = run_in_project("kysely", {{"src/database.module.ts", module}, {"src/migrate.ts", migrate}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(described(out, q) == std::vector<std::string>{"relation public.llm_results read @llmResults",
                                                      "column public.llm_results.model_version read @modelVersion"});
  // The same instance exported for the application: it names queries too, and disagrees.
  std::string shared = migrate + "export { db };\n";
  out = run_in_project("kysely", {{"src/database.module.ts", module}, {"src/migrate.ts", shared}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(out.requirements.requirements.empty());
  CHECK(out.unchecked.size() == 1);
}

TEST_CASE("kysely: a project's plugin that hands back the node renames nothing; another file's CTE is no table") {
  std::string db = "import { Kysely, KyselyPlugin } from 'kysely';\n"
                   "class LeakyTxPlugin implements KyselyPlugin {\n"
                   "  transformQuery(args: PluginTransformQueryArgs) { if (this.over) { throw new Error('x'); } return args.node; }\n"
                   "  async transformResult(args) { return args.result; }\n}\n"
                   "export class Database {\n"
                   "  db = new Kysely<DB>({ dialect });\n"
                   "  tx() { const p = new LeakyTxPlugin(); return this.db.withPlugin(p).transaction(); }\n}\n";
  std::string util = "export const ancestorsQb = (db) => db.withRecursive('ancestor(uri, height)', (cte) => cte.selectFrom('post').select(['uri']));\n";
  std::string q = "export const f = (db) => ancestorsQb(db).selectFrom('ancestor').selectAll().execute();\n"
                  "export const g = (db) => db.selectFrom('post').select('replyParent').execute();\n";
  FileOutput out = run_in_project("kysely", {{"src/db.ts", db}, {"src/util.ts", util}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(described(out, q) == std::vector<std::string>{"relation public.post read @post",
                                                      "column public.post.replyParent read @replyParent"});
  CHECK(out.unchecked.empty());
  // A plugin that builds a new node may rename: names with capitals are unchecked.
  std::string renaming = db;
  renaming.replace(renaming.find("return args.node;"), 17, "return rename(args.node);");
  out = run_in_project("kysely", {{"src/db.ts", renaming}, {"src/util.ts", util}, {"src/q.ts", q}}, "src/q.ts");
  CHECK(described(out, q) == std::vector<std::string>{"relation public.post read @post"});
  CHECK(out.unchecked.size() == 1);
}

TEST_CASE("kysely: a subquery's `t.col` of a table it does not name is the outer table's, unless some chain aliases `t`") {
  std::string repo = R"SRC(export class PageRepo {
  withSpace(eb: ExpressionBuilder<DB, 'pages'>) {
    return jsonObjectFrom(eb.selectFrom('spaces').select(['spaces.name', 'slug']).whereRef('spaces.id', '=', 'pages.space_id')).as('space');
  }
  f(db: Kysely<DB>) {
    return db.selectFrom('pages').select((eb) => [eb.selectFrom('users').select('users.name').whereRef('users.id', '=', 'pages.creator_id').where('p.id', '=', 1).as('creator')]).execute();
  }
}
)SRC";
  std::string other = "export const g = (db) => db.selectFrom('posts as p').selectAll().execute();\n";
  FileOutput out = run_in_project("kysely", {{"src/repo.ts", repo}, {"src/other.ts", other}}, "src/repo.ts");
  CHECK(described(out, repo) == std::vector<std::string>{
                                    "relation public.spaces read @spaces",
                                    "column public.spaces.name read @name",
                                    "column public.spaces.id read @id",
                                    "column public.pages.space_id read @space_id",
                                    "relation public.pages read @pages",
                                    "relation public.users read @users",
                                    "column public.users.name read @name",
                                    "column public.users.id read @id",
                                    "column public.pages.creator_id read @creator_id",
                                });
}

TEST_CASE("sequelize: the options of new Sequelize() are followed to the object this file declares, through spreads") {
  std::string model = "import { Table, Column, Model } from 'sequelize-typescript';\n"
                      "@Table({ tableName: 'reminders' })\n"
                      "export class Reminder extends Model {\n  @Column sendAt: Date;\n}\n";
  auto columns = [&](const std::string& code) {
    std::string db = "import { Sequelize } from 'sequelize-typescript';\n" + code;
    FileOutput out = run_in_project("sequelize", {{"src/db.ts", db}, {"src/models.ts", model}}, "src/models.ts");
    std::vector<std::string> got;
    for (auto& r : out.requirements.requirements)
      if (r.object == schemagate::requirements::Object::Column) got.push_back(r.column);
    if (!out.unchecked.empty()) got.push_back("unchecked: " + out.unchecked.front().reason);
    return got;
  };
  // Declared in the file, passed by name, and spread into another object: both agree.
  CHECK(columns("const common = { logging: false, define: { underscored: true } };\n"
                "export const a = new Sequelize(process.env.DATABASE_URL, common);\n"
                "export const b = new Sequelize({ ...common, host: 'replica' });\n") ==
        std::vector<std::string>{"send_at", "id", "created_at", "updated_at"});
  // A later key overrides a spread's define, as in the object.
  CHECK(columns("const common = { define: { underscored: true } };\n"
                "export const a = new Sequelize({ ...common, define: { timestamps: false } });\n") ==
        std::vector<std::string>{"sendAt", "id"});
  // A connection string declared in the file is no options: Sequelize's defaults.
  CHECK(columns("const url = process.env.DATABASE_URL || 'postgres://localhost/app';\n"
                "export const a = new Sequelize(url);\n") ==
        std::vector<std::string>{"sendAt", "id", "createdAt", "updatedAt"});
  // Options from elsewhere (an import, a parameter's spread) may set anything: not assumed.
  const std::string unknown =
      "unchecked: model Reminder does not set define options (freezeTableName, paranoid, timestamps, underscored) that "
      "the project's new Sequelize() may set: its instances disagree, or take their options from elsewhere; set them "
      "in the model";
  CHECK(columns("import { options } from './config';\nexport const a = new Sequelize(process.env.URL, options);\n") ==
        std::vector<std::string>{unknown});
  CHECK(columns("export function connect(config) {\n  return new Sequelize({ ...config, logging: false });\n}\n") ==
        std::vector<std::string>{unknown});
}

TEST_CASE("kysely: a repository method that writes its parameter as a row: the callers' object keys are columns written") {
  std::string repo = R"SRC(export class SpaceRepo {
  constructor(private readonly db: Kysely<DB>) {}
  async insertSpace(row: InsertableSpace, trx?: Transaction<DB>) { return this.db.insertInto('spaces').values(row).execute(); }
  async updateSpace(patch: UpdatableSpace, id: string) { return this.db.updateTable('spaces').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute(); }
}
export class OtherRepo {
  async updateSpace(patch: object) { return this.db.updateTable('archived_spaces').set(patch).execute(); }
}
)SRC";
  std::string service = R"SRC(export class SpaceService {
  constructor(private spaceRepo: SpaceRepo, private other: Elsewhere) {}
  create(dto: Dto) {
    return this.spaceRepo.insertSpace({ name: dto.name, is_personal: false }, trx);
  }
  rename(id: string) {
    this.other.insertSpace({ not_a_column: 1 });
    return this.spaceRepo.updateSpace({ name: 'x' }, id);
  }
}
)SRC";
  FileOutput out = run_in_project("kysely", {{"src/space.repo.ts", repo}, {"src/space.service.ts", service}}, "src/space.service.ts");
  CHECK(described(out, service) == std::vector<std::string>{"column public.spaces.name write @name",
                                                            "column public.spaces.is_personal write @is_personal"});
  // updateSpace is two classes' methods that write different tables: not followed; insertSpace on
  // a holder of another type is not SpaceRepo's.
  CHECK(out.requirements.units.size() == 1);
  CHECK(out.requirements.units[0].fingerprint_text == "kysely.SpaceRepo.insertSpace()");
  CHECK(out.requirements.requirements[0].describe ==
        "Kysely SpaceRepo.insertSpace(): insertInto('spaces').values() writes column spaces.name");
}

TEST_CASE("kysely: new Kysely(config) follows a variable or a function of the file to its object") {
  std::string q = "export const f = (db) => db.selectFrom('llmResults').select('modelVersion').execute();\n";
  auto described_with = [&](const std::string& db) {
    return described(run_in_project("kysely", {{"src/db.ts", db}, {"src/q.ts", q}}, "src/q.ts"), q);
  };
  const std::vector<std::string> mapped = {"relation public.llm_results read @llmResults",
                                           "column public.llm_results.model_version read @modelVersion"};
  CHECK(described_with("export function getKyselyConfig(url: string) {\n"
                       "  return { dialect: new PostgresJSDialect({ postgres: postgres(url) }), plugins: [new CamelCasePlugin()] };\n}\n"
                       "export const db = new Kysely<DB>(getKyselyConfig(process.env.URL));\n") == mapped);
  CHECK(described_with("const config = { dialect, plugins: [new CamelCasePlugin()] };\n"
                       "export const db = new Kysely<DB>(config);\n") == mapped);
  // A config from another module: not known.
  CHECK(described_with("import { config } from './config';\nexport const db = new Kysely<DB>(config);\n").empty());
}

TEST_CASE("kysely: a chain passed to a constructor (an arguments node without a callee) is read, not a crash") {
  // Found by fuzz_code_typescript: the argument list of `new X(...)` has no `function` field.
  std::string src = "import { Kysely } from 'kysely';\n"
                    "const db = new Kysely<any>({ dialect });\n"
                    "export const page = new Loader(db.selectFrom('pages').select('title'));\n";
  FileOutput out = run("kysely", "src/q.ts", src);
  CHECK(described(out, src) == std::vector<std::string>{"relation public.pages read @pages", "column public.pages.title read @title"});
}

TEST_CASE("bun: table: on bun.BaseModel, tag names, bun's underscore, embedded structs of this file and another package") {
  const std::string base =
      "package core\n"
      "import \"time\"\n"
      "type Timestamps struct {\n"
      "  CreatedAt time.Time `bun:\"created_at,notnull\"`\n"
      "  UpdatedAt time.Time `bun:\",nullzero\"`\n"
      "}\n";
  const std::string models =
      "package billing\n"
      "import (\n"
      "  \"github.com/uptrace/bun\"\n"
      "  core \"example.com/app/internal/core\"\n"
      ")\n"
      "type Audit struct { ChangedBy string }\n"
      "type Invoice struct {\n"
      "  bun.BaseModel `bun:\"table:invoices,alias:i\"`\n"
      "  core.Timestamps\n"
      "  Audit `bun:\"embed:audit_\"`\n"
      "  ID int64 `bun:\",pk,autoincrement\"`\n"
      "  CPUPlatform, IPv4 string\n"
      "  AmountCents int64 `bun:\"amount_cents,notnull\"`\n"
      "  Lines []Line `bun:\"rel:has-many,join:id=invoice_id\"`\n"
      "  Tags []string\n"
      "  Payload Payload `bun:\"payload,type:jsonb\"`\n"
      "  PDF []byte `bun:\"-\"`\n"
      "  Count int `bun:\",scanonly\"`\n"
      "  draft bool\n"
      "}\n"
      "type Draft struct {\n"
      "  bun.BaseModel\n"
      "  ID int64\n"
      "}\n";
  FileOutput out = run_in_project("bun", {{"internal/core/base.go", base}, {"internal/billing/models.go", models}},
                                  "internal/billing/models.go");
  CHECK(described(out, models) == std::vector<std::string>{
                                      "relation public.invoices read @invoices",
                                      "column public.invoices.created_at read @core.Timestamps",
                                      "column public.invoices.updated_at read @core.Timestamps",
                                      "column public.invoices.audit_changed_by read @ChangedBy",
                                      "column public.invoices.id read @ID",
                                      "column public.invoices.cpu_platform read @CPUPlatform",
                                      "column public.invoices.i_pv4 read @IPv4",
                                      "column public.invoices.amount_cents read @amount_cents",
                                      "column public.invoices.payload read @payload",
                                  });
  REQUIRE(out.unchecked.size() == 1);
  CHECK(out.unchecked[0].reason.starts_with("no table: in its bun.BaseModel tag"));
  CHECK(models.compare(out.unchecked[0].offset, 5, "Draft") == 0);
}

TEST_CASE("bun: NewSelect/NewUpdate chains through Model and Table; joins and relations left out; NewCreateTable") {
  const std::string models =
      "package store\n"
      "import \"github.com/uptrace/bun\"\n"
      "type User struct {\n"
      "  bun.BaseModel `bun:\"table:users\"`\n"
      "  ID int64\n"
      "}\n";
  const std::string queries =
      "package store\n"
      "import \"github.com/uptrace/bun\"\n"
      "func q(ctx context.Context, db *bun.DB) {\n"
      "  var users []User\n"
      "  db.NewSelect().Model(&users).Column(\"id\", \"email\").Where(\"email = ? AND banned IS NULL\", e).Order(\"created_at DESC\").Scan(ctx)\n"
      "  db.NewUpdate().Table(\"sessions\").Set(\"revoked_at = ?\", now).Where(\"user_id = ?\", 1).Exec(ctx)\n"
      "  db.NewSelect().Model(&users).Relation(\"Profile\").Where(\"nickname = ?\", n).Scan(ctx)\n"
      "  db.NewSelect().Model((*Unknown)(nil)).Where(\"x = ?\", 1).Scan(ctx)\n"
      "  db.NewInsert().Model(&users).On(\"CONFLICT (id) DO UPDATE\").Set(\"email = EXCLUDED.email\").Exec(ctx)\n"
      "}\n";
  FileOutput out = run_in_project("bun", {{"store/models.go", models}, {"store/queries.go", queries}}, "store/queries.go");
  CHECK(described(out, queries) == std::vector<std::string>{
                                       "column public.users.id read @id",
                                       "column public.users.email read @email",
                                       "column public.users.email read @email",
                                       "column public.users.banned read @banned",
                                       "column public.users.created_at read @created_at",
                                       "relation public.sessions read @sessions",
                                       "column public.sessions.revoked_at read @revoked_at",
                                       "column public.sessions.user_id read @user_id",
                                       "column public.users.email read @email",
                                   });
  FileOutput created = run_in_project("bun", {{"store/models.go", models}, {"store/create.go",
                                                                            "package store\nimport \"github.com/uptrace/bun\"\n"
                                                                            "func c(db *bun.DB) { db.NewCreateTable().Model((*User)(nil)).Exec(ctx) }\n"}},
                                      "store/models.go");
  CHECK(created.requirements.requirements.empty());
  REQUIRE(created.unchecked.size() == 1);
  CHECK(created.unchecked[0].reason.starts_with("the project creates its table at run time"));
}

TEST_CASE("pop: TableName models (a literal or one local variable), db tags; chains take the table of their model argument") {
  const std::string user =
      "package models\n"
      "import \"github.com/gobuffalo/pop/v6\"\n"
      "type User struct {\n"
      "  ID uuid.UUID `json:\"id\" db:\"id\"`\n"
      "  Email string `json:\"email\" db:\"email\"`\n"
      "  Agent *string `db:\"user_agent\" rw:\"r\"`\n"
      "  Password string `db:\"-\"`\n"
      "  Admin bool `json:\"admin\"`\n"
      "  Sessions []Session `has_many:\"sessions\" db:\"sessions\"`\n"
      "}\n"
      "func (User) TableName() string {\n"
      "  tableName := \"users\"\n"
      "  return tableName\n"
      "}\n"
      "func (u *User) BeforeCreate(tx *pop.Connection) error { return nil }\n";
  const std::string find =
      "package models\n"
      "import \"example.com/app/internal/storage\"\n"
      "func FindUser(tx *storage.Connection, email string) (*User, error) {\n"
      "  user := &User{}\n"
      "  err := tx.Q().Where(\"email = ? AND deleted_at IS NULL\", email).Order(\"created_at desc\").First(user)\n"
      "  return user, err\n"
      "}\n"
      "func Count(tx *storage.Connection) (int, error) { return tx.Q().Where(\"lower(email) = ?\", e).Count(&User{}) }\n"
      "func Joined(tx *storage.Connection, u *User) error {\n"
      "  return tx.Q().Join(\"sessions s\", \"s.user_id = users.id\").Where(\"s.ip = ?\", ip).First(u)\n"
      "}\n"
      "func Other(tx *storage.Connection, v *Unknown) error { return tx.Q().Where(\"a = ?\", 1).First(v) }\n"
      "func Touch(tx *storage.Connection, u *User) error { return tx.UpdateColumns(u, \"email\", \"last_seen_at\") }\n"
      "func Eager(tx *storage.Connection, u *User) error { return tx.Eager().Q().Where(\"aud = ?\", a).First(u) }\n"
      "func load(tx *storage.Connection) (*User, error) { return nil, nil }\n"
      "func Ban(tx *storage.Connection) error { u, err := load(tx); _ = err; return tx.UpdateOnly(u, \"banned_until\") }\n"
      "type API struct{}\n"
      "func (a *API) user(tx *storage.Connection) (*User, error) { return nil, nil }\n"
      "func (a *API) Rename(tx *storage.Connection, other *Repo) error {\n"
      "  u, _ := a.user(tx)\n"
      "  if err := tx.UpdateOnly(u, \"name\"); err != nil { return err }\n"
      "  v, _ := other.user(tx)\n"  // another type's method of the same name: not this file's
      "  return tx.UpdateOnly(v, \"nickname\")\n"
      "}\n";
  FileOutput models = run_in_project("pop", {{"internal/models/user.go", user}, {"internal/models/find.go", find}},
                                     "internal/models/user.go");
  CHECK(described(models, user) == std::vector<std::string>{
                                       "relation public.users read @users",
                                       "column public.users.id read @id",
                                       "column public.users.email read @email",
                                       "column public.users.user_agent read @user_agent",
                                   });
  FileOutput chains = run_in_project("pop", {{"internal/models/user.go", user}, {"internal/models/find.go", find}},
                                     "internal/models/find.go");
  CHECK(described(chains, find) == std::vector<std::string>{
                                       "column public.users.email read @email",
                                       "column public.users.deleted_at read @deleted_at",
                                       "column public.users.created_at read @created_at",
                                       "column public.users.email write @email",
                                       "column public.users.last_seen_at write @last_seen_at",
                                       "column public.users.aud read @aud",
                                       "column public.users.banned_until write @banned_until",
                                       "column public.users.name write @name",
                                   });
  // A project without pop: a struct with db tags and a TableName method is an sqlx scan target.
  std::string sqlx = user;
  sqlx.replace(sqlx.find("import \"github.com/gobuffalo/pop/v6\"\n"), 37, "import \"github.com/jmoiron/sqlx\"\n");
  FileOutput elsewhere = run_in_project("pop", {{"internal/models/user.go", sqlx}}, "internal/models/user.go");
  CHECK(elsewhere.requirements.requirements.empty());
}

TEST_CASE("squirrel: Select/Insert/Update chains from the package or a StatementBuilder variable; joins keep qualified names") {
  const std::string src =
      "package orders\n"
      "import sq \"github.com/Masterminds/squirrel\"\n"
      "var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)\n"
      "func f() {\n"
      "  psql.Select(\"o.id\", \"total AS t\", \"count(*)\").From(\"orders o\").Where(sq.Eq{\"o.customer_id\": c, \"state\": s}).OrderBy(\"t\")\n"
      "  sq.Select(\"id\", \"total AS t\").From(\"orders\").Where(sq.And{sq.Eq{\"a\": 1}, sq.Gt{\"b\": 2}}).Where(\"c = ? AND d IS NULL\", 3).OrderBy(\"t\", \"placed_at DESC\")\n"
      "  psql.Insert(\"orders\").Columns(\"customer_id\", \"total\").Values(1, 2)\n"
      "  psql.Update(\"orders\").Set(\"state\", s).SetMap(map[string]interface{}{\"shipped_at\": now}).Where(\"id = ?\", id)\n"
      "  sq.Select(\"o.id\", \"email\").From(\"orders o\").Join(\"customers c ON c.id = o.customer_id\").Where(sq.Eq{\"o.state\": s, \"name\": n})\n"
      "  sq.Select(\"*\").FromSelect(inner, \"x\").Where(\"y = ?\", 1)\n"
      "}\n"
      "type DBInfo struct { stbl sq.StatementBuilderType }\n"
      "func (d *DBInfo) g() { d.stbl.Delete(\"tuple\").Where(sq.Eq{\"store\": s}) }\n";
  FileOutput out = run("squirrel", "orders/repo.go", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.orders read @orders",
                                   "column public.orders.customer_id read @customer_id",
                                   "column public.orders.state read @state",
                                   "column public.orders.id read @id",
                                   "column public.orders.total read @total",
                                   "relation public.orders read @orders",
                                   "column public.orders.a read @a",
                                   "column public.orders.b read @b",
                                   "column public.orders.c read @c",
                                   "column public.orders.d read @d",
                                   "column public.orders.id read @id",
                                   "column public.orders.total read @total",
                                   "column public.orders.placed_at read @placed_at",
                                   "relation public.orders read @orders",
                                   "column public.orders.customer_id write @customer_id",
                                   "column public.orders.total write @total",
                                   "relation public.orders read @orders",
                                   "column public.orders.state write @state",
                                   "column public.orders.shipped_at write @shipped_at",
                                   "column public.orders.id write @id",
                                   "relation public.orders read @orders",
                                   "column public.orders.state read @state",
                                   "column public.orders.id read @id",
                                   "relation public.tuple read @tuple",
                                   "column public.tuple.store read @store",
                               });
}

TEST_CASE("ent: schema fields and StorageKey, the ID, ent's mixins, entsql table or ent's plural; Schema.Create outside tests") {
  const std::string src =
      "package schema\n"
      "import (\n"
      "  \"entgo.io/ent\"\n"
      "  \"entgo.io/ent/schema/field\"\n"
      ")\n"
      "type Vehicle struct { ent.Schema }\n"
      "func (Vehicle) Fields() []ent.Field {\n"
      "  return []ent.Field{\n"
      "    field.String(\"plate\").Unique(),\n"
      "    field.Int(\"odometer_km\").Optional().StorageKey(\"odometer\"),\n"
      "    field.String(\"vin\").StorageKey(prefix + \"vin\"),\n"
      "  }\n"
      "}\n"
      "func (Vehicle) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, audit.Mixin{}} }\n"
      "func (Vehicle) Annotations() []schema.Annotation { return []schema.Annotation{entsql.Annotation{Table: \"fleet_vehicles\"}} }\n"
      "type UserGroup struct { ent.Schema }\n"
      "func (UserGroup) Fields() []ent.Field { return []ent.Field{field.UUID(\"id\", uuid.UUID{}), field.String(\"name\")} }\n"
      "type Person struct { ent.Schema }\n"
      "func (Person) Fields() []ent.Field { return []ent.Field{field.String(\"name\")} }\n"
      "type Invoice struct { ent.Schema }\n"
      "func (Invoice) Fields() []ent.Field { return []ent.Field{field.String(\"number\")} }\n"
      "func (Invoice) Annotations() []schema.Annotation { return []schema.Annotation{entsql.Schema(\"billing\")} }\n";
  FileOutput out = run("ent", "ent/schema/schema.go", src);
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.fleet_vehicles read @fleet_vehicles",
                                   "column public.fleet_vehicles.id read @fleet_vehicles",
                                   "column public.fleet_vehicles.plate read @plate",
                                   "column public.fleet_vehicles.odometer read @odometer",
                                   "column public.fleet_vehicles.create_time read @mixin.Time{}",
                                   "column public.fleet_vehicles.update_time read @mixin.Time{}",
                                   "relation public.user_groups read @UserGroup",
                                   "column public.user_groups.id read @id",
                                   "column public.user_groups.name read @name",
                               });
  REQUIRE(out.unchecked.size() == 2);
  CHECK(out.unchecked[0].reason.find("no plain plural of Person") != std::string::npos);
  CHECK(out.unchecked[1].reason.starts_with("its Annotations() name the table or its schema"));
  const std::string main_go = "package main\nfunc main() { client.Schema.Create(ctx) }\n";
  FileOutput migrating = run_in_project("ent", {{"ent/schema/schema.go", src}, {"cmd/server/main.go", main_go}},
                                        "ent/schema/schema.go");
  CHECK(migrating.requirements.requirements.empty());
  CHECK(migrating.unchecked.size() == 4);
  FileOutput tested = run_in_project("ent", {{"ent/schema/schema.go", src}, {"internal/testutils/db.go", main_go}},
                                     "ent/schema/schema.go");
  CHECK(tested.requirements.requirements.size() == 9);
}

TEST_CASE("ent: a mixin of the project's, in another package, adds its literal fields") {
  const std::string mixins =
      "package entutils\n"
      "import (\n  \"entgo.io/ent\"\n  \"entgo.io/ent/schema/field\"\n  \"entgo.io/ent/schema/mixin\"\n)\n"
      "type NamespaceMixin struct{ mixin.Schema }\n"
      "func (NamespaceMixin) Fields() []ent.Field { return []ent.Field{field.String(\"namespace\").Immutable()} }\n"
      "type PrefixMixin struct{ mixin.Schema; Prefix string }\n"
      "func (m PrefixMixin) Fields() []ent.Field { return []ent.Field{field.String(\"x\").StorageKey(m.Prefix + \"_x\")} }\n";
  const std::string schema =
      "package schema\n"
      "import (\n  \"entgo.io/ent\"\n  \"entgo.io/ent/schema/field\"\n  \"example.com/app/pkg/entutils\"\n)\n"
      "type Meter struct { ent.Schema }\n"
      "func (Meter) Mixin() []ent.Mixin { return []ent.Mixin{entutils.NamespaceMixin{}, entutils.PrefixMixin{Prefix: \"m\"}} }\n"
      "func (Meter) Fields() []ent.Field { return []ent.Field{field.String(\"slug\")} }\n";
  FileOutput out = run_in_project("ent", {{"pkg/entutils/mixins.go", mixins}, {"ent/schema/meter.go", schema}},
                                  "ent/schema/meter.go");
  CHECK(described(out, schema) == std::vector<std::string>{
                                      "relation public.meters read @Meter",
                                      "column public.meters.id read @Meter",
                                      "column public.meters.slug read @slug",
                                      "column public.meters.namespace read @entutils.NamespaceMixin{}",
                                  });
}

TEST_CASE("xorm: table and column mappers are read apart; a prefix mapper or two mappers on one side are not certain") {
  namespace xm = schemagate::datalayers::xorm;
  std::vector<std::string> settings = xm::mapper_settings("engine.SetColumnMapper(names.GonicMapper{})\n");
  CHECK(settings == std::vector<std::string>{"column=gonic"});
  xm::Mappers m = xm::project_mappers(settings);
  REQUIRE(m.table);
  REQUIRE(m.column);
  CHECK(*m.table == xm::Mapper::snake);  // xorm's default
  CHECK(*m.column == xm::Mapper::gonic);
  CHECK(xm::map_name("APIKey", *m.column) == "api_key");
  CHECK(xm::map_name("APIKey", *m.table) == "a_p_i_key");

  settings = xm::mapper_settings("x.SetMapper(names.GonicMapper{})");
  CHECK(settings == std::vector<std::string>{"table=gonic", "column=gonic"});

  m = xm::project_mappers(xm::mapper_settings("e.SetTableMapper(names.NewPrefixMapper(names.SnakeMapper{}, prefix))"));
  CHECK(!m.table);
  REQUIRE(m.column);
  CHECK(*m.column == xm::Mapper::snake);

  m = xm::project_mappers({"table=snake", "table=gonic"});
  CHECK(!m.table);
}

TEST_CASE("xorm: a prefix mapper's prefix: a literal \"\" is the wrapped mapper; a configuration key is left to the caller") {
  namespace xm = schemagate::datalayers::xorm;
  CHECK(xm::mapper_settings("e.SetTableMapper(names.NewPrefixMapper(names.GonicMapper{}, \"\"))") ==
        std::vector<std::string>{"table=gonic"});
  // casdoor: the prefix through a variable set from its configuration, the mapper through another.
  std::vector<std::string> settings = xm::mapper_settings(
      "\ttableNamePrefix := conf.GetConfigString(\"tableNamePrefix\")\n"
      "\ttbMapper := names.NewPrefixMapper(names.SnakeMapper{}, tableNamePrefix)\n"
      "\tormer.Engine.SetTableMapper(tbMapper)\n");
  REQUIRE(settings == std::vector<std::string>{"table=snake@config:tableNamePrefix"});
  CHECK(xm::configured_prefix_key(settings[0]) == "tableNamePrefix");
  CHECK(!xm::project_mappers(settings).table);  // not read: not certain
  // A prefix computed in code, or a suffix mapper: not modelled.
  CHECK(xm::mapper_settings("e.SetTableMapper(names.NewPrefixMapper(names.SnakeMapper{}, p + \"_\"))") ==
        std::vector<std::string>{"table=snake@other"});
  CHECK(!xm::project_mappers(xm::mapper_settings("e.SetTableMapper(names.NewSuffixMapper(names.SnakeMapper{}, \"_t\"))")).table);
}

TEST_CASE("synapse DatabasePool: the helper calls found from the names the text spells, in the order a walk of the tree meets them") {
  // Each call is a unit, in document order, an enclosing call before the one in its arguments.
  // A helper's name in a comment or a string, an attribute that is not called, another name
  // that holds a helper's, and a bare function of that name are no calls of the pool's.
  const std::string src =
      "class Store:\n"
      "    async def f(self, txn):\n"
      "        # self.db_pool.simple_delete(table=\"in_comment\", keyvalues={})\n"
      "        note = \"self.db_pool.simple_delete(table='in_string', keyvalues={})\"\n"
      "        helper = self.db_pool.simple_insert\n"
      "        await self.db_pool.not_simple_insert(table=\"other_name\", values={})\n"
      "        simple_insert(table=\"bare\", values={})\n"
      "        await self.db_pool.simple_insert(\n"
      "            table=\"outer\",\n"
      "            values={\"v\": await self.db_pool.simple_select_one_onecol(\n"
      "                table=\"inner\", keyvalues={\"k\": 1}, retcol=\"c\")},\n"
      "        )\n"
      "        await (self.db_pool.\n"
      "               simple_delete(table=\"split\", keyvalues={\"id\": 2}, desc=\"d\"))\n";
  FileOutput out = run("synapse-database-pool", "synapse/storage/databases/main/store.py", src);
  std::vector<std::string> units;
  for (auto& u : out.requirements.units) units.push_back(u.fingerprint_text);
  CHECK(units == std::vector<std::string>{"simple_insert(outer v)", "simple_select_one_onecol(inner k c)",
                                          "simple_delete(split id)"});
  CHECK(described(out, src) == std::vector<std::string>{
                                   "relation public.outer insert @outer", "column public.outer.v insert @v",
                                   "relation public.inner read @inner", "column public.inner.k read @k",
                                   "column public.inner.c read @c", "relation public.split write @split",
                                   "column public.split.id read @id"});
  CHECK(out.unchecked.empty());
}

TEST_CASE("JavaScript imports: the module a specifier names, as the Knex and Prisma client layers follow it") {
  using schemagate::datalayers::js::module_of;
  using schemagate::datalayers::js::names_module;
  CHECK(module_of("src/db/index.ts") == "src/db");
  CHECK(module_of("./survey-record.js") == "./survey-record");
  CHECK(module_of("src/lib/survey.service.ts") == "src/lib/survey.service");  // only a script extension goes
  CHECK(module_of("index.ts").empty());
  // Relative: resolved from the importer's folder, exactly.
  CHECK(names_module("./survey-record", "apps/web/survey/page.ts", "apps/web/survey/survey-record"));
  CHECK(names_module("../../models/db.js", "packages/server/lib/a/b.ts", "packages/server/models/db"));
  CHECK_FALSE(names_module("./survey-record", "apps/web/other/page.ts", "apps/web/survey/survey-record"));
  CHECK_FALSE(names_module("../../../../x", "a/b.ts", "x"));  // above the root
  // An alias or a package's subpath: the rest is the module's path's end, whole segments.
  CHECK(names_module("@/lib/survey/service", "apps/web/a.ts", "apps/web/lib/survey/service"));
  CHECK(names_module("~/db", "src/a.ts", "src/db"));
  CHECK_FALSE(names_module("@/lib/service", "apps/web/a.ts", "apps/web/lib/myservice"));
  // A package by its name: a folder of the module's path.
  CHECK(names_module("@nangohq/database", "packages/server/a.ts", "packages/database/lib"));
  CHECK_FALSE(names_module("@nangohq/database", "packages/server/a.ts", "packages/databases/lib"));
  // A module never names itself.
  CHECK_FALSE(names_module("./db", "src/db.ts", "src/db"));
}

TEST_CASE("jinzhu/inflection's plural: certain only where its release and its later commits agree") {
  using schemagate::datalayers::gorm::certain_plural;
  using schemagate::datalayers::gorm::plural;
  // The same in every release: bun's and GORM's default tables of these.
  for (const auto& [one, plural_of_one] : std::vector<std::pair<std::string, std::string>>{
           {"account", "accounts"}, {"status", "statuses"}, {"emoji", "emojis"}, {"pin_category", "pin_categories"},
           {"account_settings", "account_settings"}, {"person", "people"}, {"human", "humen"}, {"box", "boxes"},
           {"drive", "drives"}, {"zombie", "zombies"}, {"series", "series"}, {"analysis", "analyses"},
           {"wolf", "wolves"}, {"knife", "knives"}, {"index", "indices"}, {"ip_v4", "ip_v4"},
           {"user_time", "user_times"}}) {  // an uncountable is a whole word: "time" alone
    // A copy: clang's lambdas (CAPTURE) cannot capture a structured binding.
    const std::string word = one, many = plural_of_one;
    CAPTURE(word);
    CHECK(plural(word) == many);
    CHECK(certain_plural(word) == std::optional<std::string>(many));
  }
  // v1.0.0 and the later commits differ (irregulars, uncountables, campus), or only a
  // pseudo-version held it (evidence): no name is certain.
  for (std::string word : {"leaf", "goose", "foot", "tooth", "moose", "chassis", "campus", "time", "software",
                           "evidence"}) {
    CAPTURE(word);
    CHECK_FALSE(certain_plural(word).has_value());
  }
  CHECK(plural("leaf") == "leafs");  // v1.0.0, which GORM v2 and bun require
  CHECK(plural("evidence") == "evidences");
  // A project on v1.0.0 gets its names; one whose go.mod pins another version, the certain ones.
  using schemagate::datalayers::gorm::module_plural;
  CHECK(module_plural("leaf", false) == std::optional<std::string>("leafs"));
  CHECK(module_plural("evidence", false) == std::optional<std::string>("evidences"));
  CHECK_FALSE(module_plural("leaf", true).has_value());
  CHECK(module_plural("account", true) == std::optional<std::string>("accounts"));
}

TEST_CASE("go_module_version: a go.mod's requirement of a module, its replacement, not a comment or a longer path") {
  using schemagate::datalayers::gorm::go_module_version;
  const std::string module = "github.com/jinzhu/inflection";
  CHECK(go_module_version("module x\n\nrequire github.com/jinzhu/inflection v1.0.0\n", module) == "v1.0.0");
  CHECK(go_module_version("require (\n\tgorm.io/gorm v1.25.10\n\tgithub.com/jinzhu/inflection "
                          "v1.0.1-0.20231016084002-bbe0a3e7399f // indirect\n)\n",
                          module) == "v1.0.1-0.20231016084002-bbe0a3e7399f");
  CHECK(go_module_version("require github.com/jinzhu/inflection v1.0.0\n"
                          "replace github.com/jinzhu/inflection => ../inflection\n",
                          module) == "replaced");
  CHECK(go_module_version("// github.com/jinzhu/inflection v9.9.9\nrequire gorm.io/gorm v1.25.10\n", module).empty());
  CHECK(go_module_version("require github.com/jinzhu/inflection-fork v2.0.0\n", module).empty());
  CHECK(go_module_version("module x\n", module).empty());
}

namespace schemagate::datalayers {
extern const DataLayer kActiveRecord;
}  // namespace schemagate::datalayers

TEST_CASE("activerecord: the files the scan parses for it are the ones it reads (no tests, specs or db/)") {
  const DataLayer& ar = schemagate::datalayers::kActiveRecord;
  REQUIRE(static_cast<bool>(ar.reads_path));
  CHECK(ar.reads_path("app/models/user.rb"));
  CHECK(ar.reads_path("app/controllers/users_controller.rb"));
  CHECK(ar.reads_path("lib/tasks/cleanup.rb"));
  CHECK(ar.reads_path("engines/billing/app/models/invoice.rb"));
  CHECK_FALSE(ar.reads_path("db/migrate/20240101000000_create_users.rb"));
  CHECK_FALSE(ar.reads_path("db/seeds.rb"));
  CHECK_FALSE(ar.reads_path("engines/billing/db/migrate/20240101000000_create_invoices.rb"));
  CHECK_FALSE(ar.reads_path("test/models/user_test.rb"));
  CHECK_FALSE(ar.reads_path("spec/models/user_spec.rb"));
  CHECK_FALSE(ar.reads_path("engines/billing/test/models/invoice_test.rb"));
}

TEST_CASE("activerecord: the index parses only files that may declare a class, a module or the naming configuration") {
  const DataLayer& ar = schemagate::datalayers::kActiveRecord;
  REQUIRE(ar.index_text_only);
  REQUIRE(static_cast<bool>(ar.index_parses));
  CHECK(ar.index_parses("class User < ApplicationRecord\nend\n"));
  CHECK(ar.index_parses("module Billing\nend\n"));
  CHECK(ar.index_parses("ActiveSupport::Inflector.inflections(:en) { |inflect| inflect.irregular 'octopus', 'octopi' }\n"));
  CHECK(ar.index_parses("Rails.application.config.active_record.table_name_prefix = 'app_'\n"));
  CHECK(ar.index_parses("config.active_record.pluralize_table_names = false\n"));
  CHECK_FALSE(ar.index_parses("RSpec.describe User do\n  it 'saves' do\n    expect(User.new.save).to be true\n  end\nend\n"));
  CHECK_FALSE(ar.index_parses("Rails.application.routes.draw do\n  resources :users\nend\n"));
  // A file left unparsed still says the project uses ActiveRecord when it names it.
  std::vector<std::pair<std::string, std::string>> facts;
  ar.index(FileInput{"config/initializers/ar.rb", "ActiveRecord::Base.logger = nil\n", TSNode{}, "ruby", "public"}, &facts);
  CHECK(facts == std::vector<std::pair<std::string, std::string>>{{"activerecord:project", ""}});
}
