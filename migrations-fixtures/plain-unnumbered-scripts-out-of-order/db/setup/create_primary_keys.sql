ALTER TABLE user_setting ADD CONSTRAINT user_setting_pkey PRIMARY KEY (id);
