const { R } = require("redbean-node");
const knex = require("knex");
const path = require("path");

class Database {
    static async connect(dbConfig, dataDir) {
        let config;
        if (dbConfig.type === "sqlite") {
            const Dialect = require("knex/lib/dialects/sqlite3/index.js");
            Dialect.prototype._driver = () => require("@louislam/sqlite3");
            config = {
                client: Dialect,
                connection: {
                    filename: path.join(dataDir, "kuma.db"),
                },
                useNullAsDefault: true,
            };
        } else if (dbConfig.type === "mariadb") {
            config = {
                client: "mysql2",
                connection: {
                    host: dbConfig.hostname,
                    port: dbConfig.port,
                    user: dbConfig.username,
                    password: dbConfig.password,
                    database: dbConfig.dbName,
                },
            };
        } else {
            throw new Error("Unknown Database type: " + dbConfig.type);
        }
        R.setup(knex(config));
        await R.knex.migrate.latest({
            directory: path.join(__dirname, "../db/knex_migrations"),
        });
    }
}

module.exports = Database;
