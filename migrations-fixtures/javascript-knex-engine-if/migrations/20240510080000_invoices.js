// Invoices. The product ships for PostgreSQL and for SQL Server; the client is picked at deploy
// time, so the migration asks Knex which one it runs on.
exports.up = async (knex) => {
  const isMssql = knex.client.config.client === "mssql";

  await knex.schema.createTable("invoices", (t) => {
    t.increments();
    t.string("number", 32).notNullable();
    if (process.env.DB === "mssql") t.specificType("memo", "VARCHAR(max)");
    else t.text("memo");
    if (knex.client.config.client === "mssql") {
      t.specificType("total", "MONEY");
      t.string("legacy_ref", 64);
    } else if (["mysql", "mysql2", "mariadb"].includes(knex.client.config.client)) {
      t.decimal("total", 12, 2);
    } else {
      t.decimal("total", 12, 2).notNullable();
      t.uuid("external_id");
    }
    t.specificType("currency", isMssql ? "NCHAR(3) COLLATE Latin1_General_BIN" : "char(3)").notNullable();
  });

  if (isMssql) {
    await knex.raw("UPDATE TOP (1) invoices SET memo = N'' WHERE memo IS NULL");
  }
  if (knex.client.config.client !== "pg") return;
  await knex.raw("CREATE INDEX invoices_external_id ON invoices (external_id)");
};

exports.down = (knex) => knex.schema.dropTable("invoices");
