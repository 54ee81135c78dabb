// Adds one boolean per feature flag: the column names are computed at run time.
const FLAGS = ["archived", "pinned"];

module.exports = {
  up: async (queryInterface, Sequelize) => {
    for (const flag of FLAGS) {
      await queryInterface.addColumn("documents", `is_${flag}`, { type: Sequelize.BOOLEAN, defaultValue: false });
    }
  },
};
