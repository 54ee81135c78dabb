DROP TABLE activities, user_groups, groups, users;
