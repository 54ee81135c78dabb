const knex = require("../knex");

async function find(email) {
  return knex("users").select("id", "email", "apikey", "banned").where("email", email).first();
}

async function promote(id) {
  return knex("users").where("id", id).update({ role: "ADMIN", updated_at: new Date() });
}

module.exports = { find, promote };
