alter table customers add column notes mediumtext default null after email;
