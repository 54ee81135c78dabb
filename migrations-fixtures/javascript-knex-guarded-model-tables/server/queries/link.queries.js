const knex = require("../knex");

async function byUser(userId) {
  return knex("links")
    .select("links.id", "links.address", "links.description", "links.visit_count")
    .where("links.user_id", userId)
    .orderBy("links.created_at", "desc");
}

module.exports = { byUser };
