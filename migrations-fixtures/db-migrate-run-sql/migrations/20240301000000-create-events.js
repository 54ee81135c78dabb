'use strict';

exports.up = function (db, cb) {
    db.createTable(
        'events',
        {
            id: { type: 'int', primaryKey: true, autoIncrement: true },
            feature_name: { type: 'string', length: 255, notNull: true },
            payload: 'jsonb',
        },
        cb,
    );
};

exports.down = function (db, cb) {
    db.dropTable('events', cb);
};
