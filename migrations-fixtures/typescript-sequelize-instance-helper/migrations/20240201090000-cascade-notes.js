"use strict";

// The foreign key may carry either name, depending on when the first migration ran.
const tableName = "notes";
const constraintNames = ["notes_authorId_fkey", "authorId_foreign_idx"];

module.exports = {
  async up(queryInterface) {
    for (const constraintName of constraintNames) {
      try {
        await queryInterface.sequelize.query(`alter table "${tableName}" drop constraint "${constraintName}"`);
        await queryInterface.sequelize.query(`alter table "${tableName}"
            add constraint "${constraintName}" foreign key("authorId") references "authors" ("id")
            on delete cascade`);
        return;
      } catch (err) {
        // try the other name
      }
    }
  },
};
