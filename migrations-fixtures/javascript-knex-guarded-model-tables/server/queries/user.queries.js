const knex = require("../knex");

async function find(email) {
  return knex("users").select("id", "email", "apikey", "banned").where("email", email).first();
}

async function promote(id) {
  return knex("users").where("id", id).update({ role: "ADMIN", updated_at: new Date() });
}

async function add(params) {
  const data = {
    email: params.email,
    ...(params.banned !== undefined && { banned: params.banned }),
    ...(params.role && { role: params.role }),
  };
  return knex("users").insert(data);
}

module.exports = { find, promote, add };
