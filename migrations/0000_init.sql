CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`young_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`message` text,
	`subject` text,
	`created_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`young_notified_at` integer,
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alerts_young` ON `alerts` (`young_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `content_items` (
	`kind` text NOT NULL,
	`id` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`kind`, `id`)
);
--> statement-breakpoint
CREATE TABLE `event_counts` (
	`day` text NOT NULL,
	`event` text NOT NULL,
	`key` text DEFAULT '' NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `event`, `key`)
);
--> statement-breakpoint
CREATE TABLE `identities` (
	`channel` text NOT NULL,
	`key` text NOT NULL,
	`young_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`blocked_at` integer,
	PRIMARY KEY(`channel`, `key`),
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identities_young` ON `identities` (`young_id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`version` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `roadmap_progress` (
	`young_id` text NOT NULL,
	`step_id` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`young_id`, `step_id`),
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `telegram_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unanswered_questions` (
	`text` text PRIMARY KEY NOT NULL,
	`locale` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `young_people` (
	`id` text PRIMARY KEY NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`birth` text,
	`status` text,
	`dept` text,
	`entered_care` text,
	`consent_at` integer,
	`cursor` text DEFAULT '{}' NOT NULL,
	`reminders_opt_out` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_active_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `young_people_last_active` ON `young_people` (`last_active_at`);