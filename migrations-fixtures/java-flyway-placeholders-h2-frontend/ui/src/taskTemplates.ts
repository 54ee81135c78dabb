// Starting points for a JDBC task in the workflow editor: the user replaces the table name.
export const jdbcSelectTemplate = {
  statement: "SELECT * FROM tableName WHERE id=?",
  parameters: [] as string[],
};
