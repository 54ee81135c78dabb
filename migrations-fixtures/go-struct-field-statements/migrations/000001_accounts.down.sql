DROP TABLE user_preferences;
DROP TABLE users;
