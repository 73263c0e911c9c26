CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`webhook_url` text,
	`webhook_secret` text,
	`backup_telegram_chat_id` text,
	`backup_email` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `staff` ADD `team_id` text REFERENCES teams(id);