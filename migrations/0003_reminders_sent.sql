CREATE TABLE `reminders_sent` (
	`young_id` text NOT NULL,
	`step_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`young_id`, `step_id`, `kind`),
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminders_sent_young_at` ON `reminders_sent` (`young_id`,`sent_at`);