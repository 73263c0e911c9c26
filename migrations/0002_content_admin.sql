CREATE TABLE `content_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`locale_times` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`by_name` text
);
--> statement-breakpoint
CREATE INDEX `content_revisions_item` ON `content_revisions` (`kind`,`item_id`,`id`);--> statement-breakpoint
CREATE TABLE `content_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`draft` text NOT NULL,
	`published` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`published_at` integer,
	`published_by` text
);
