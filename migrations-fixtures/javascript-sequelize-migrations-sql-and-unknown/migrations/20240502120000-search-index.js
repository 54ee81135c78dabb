module.exports = {
  up: async (queryInterface) => {
    const searchDocument = `
ALTER TABLE documents ADD COLUMN "searchVector" tsvector;
CREATE INDEX documents_tsv_idx ON documents USING gin("searchVector");
    `;
    await queryInterface.sequelize.query(searchDocument);
  },
};
