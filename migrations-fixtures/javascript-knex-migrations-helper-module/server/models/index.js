module.exports = { ...require("./user.model") };
