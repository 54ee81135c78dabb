CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`synced` integer DEFAULT 0 NOT NULL
);
