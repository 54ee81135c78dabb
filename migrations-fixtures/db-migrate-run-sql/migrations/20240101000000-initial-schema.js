'use strict';

exports.up = function (db, callback) {
    db.runSql(
        `CREATE TABLE features (
            name varchar(255) PRIMARY KEY,
            enabled boolean NOT NULL DEFAULT false
        );`,
        callback,
    );
};

exports.down = function (db, callback) {
    db.runSql('DROP TABLE features;', callback);
};
