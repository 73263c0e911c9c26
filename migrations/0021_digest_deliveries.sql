CREATE TABLE `digest_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`week` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_deliveries_unique` ON `digest_deliveries` (`staff_id`,`week`);--> statement-breakpoint
CREATE INDEX `digest_deliveries_status` ON `digest_deliveries` (`status`,`created_at`);