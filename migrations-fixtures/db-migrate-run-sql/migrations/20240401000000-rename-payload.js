'use strict';

exports.up = function (db, cb) {
    db.renameColumn('events', 'payload', 'data', cb);
};

exports.down = function (db, cb) {
    db.renameColumn('events', 'data', 'payload', cb);
};
