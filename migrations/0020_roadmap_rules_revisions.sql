CREATE TABLE `roadmap_rules_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`step_locale_times` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`by_name` text
);
