const knex = require("../knex");

async function find(email) {
  return knex("users").select("id", "email", "apikey", "role").where("email", email).first();
}

async function add(email) {
  return knex("users").insert({ email, role: "USER" }).returning("id");
}

module.exports = { find, add };
