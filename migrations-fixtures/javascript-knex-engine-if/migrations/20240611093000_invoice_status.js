// Invoice status: an enum on PostgreSQL, a string elsewhere.
exports.up = async (knex) => {
  const dialect = knex.client.config.client;
  if (dialect !== "mysql" && dialect !== "mssql") {
    await knex.raw("CREATE TYPE invoice_status AS ENUM ('draft', 'sent', 'paid')");
    await knex.raw("ALTER TABLE invoices ADD COLUMN status invoice_status NOT NULL DEFAULT 'draft'");
  } else {
    await knex.raw("ALTER TABLE invoices ADD status NVARCHAR(16) NOT NULL CONSTRAINT df_status DEFAULT 'draft'");
  }
  // Not about the engine: read as before.
  if (process.env.SEED_DEMO === "yes") {
    await knex.schema.createTable("demo_invoices", (t) => {
      t.increments();
      t.string("label");
    });
  }
};

exports.down = async (knex) => {
  await knex.raw("ALTER TABLE invoices DROP COLUMN status");
};
