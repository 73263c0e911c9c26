CREATE TABLE `unanswered_askers` (
	`text` text NOT NULL,
	`young_id` text NOT NULL,
	`locale` text NOT NULL,
	`asked_at` integer NOT NULL,
	PRIMARY KEY(`text`, `young_id`),
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unanswered_askers_young` ON `unanswered_askers` (`young_id`);--> statement-breakpoint
CREATE INDEX `unanswered_askers_at` ON `unanswered_askers` (`asked_at`);--> statement-breakpoint
ALTER TABLE `young_people` ADD `purge_warned_at` integer;--> statement-breakpoint
CREATE INDEX `audit_log_target` ON `audit_log` (`target`);--> statement-breakpoint
CREATE INDEX `link_codes_expires` ON `link_codes` (`expires_at`);--> statement-breakpoint
CREATE INDEX `staff_sessions_expires` ON `staff_sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `unanswered_questions_seen` ON `unanswered_questions` (`last_seen_at`);--> statement-breakpoint
-- Rows written before this migration were neither scrubbed nor held back until enough people asked: gone.
DELETE FROM `unanswered_questions`;
