module.exports = {
  ...require("./user.model"),
  ...require("./link.model"),
};
