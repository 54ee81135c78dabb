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

const selectable_admin = ["users.id", "users.email", "users.role", "users.banned", "links_count"];

async function getAdmin(params) {
  const query = knex("users").select(...selectable_admin).offset(params.skip).limit(params.limit);

  query.leftJoin(
    knex("links").select("user_id").count("* as links_count").groupBy("user_id").as("l"),
    "users.id",
    "l.user_id"
  );

  return query;
}

module.exports = { find, promote, add, getAdmin };
