CREATE TABLE `referent_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`young_id` text NOT NULL,
	`staff_id` text,
	`staff_name` text,
	`text` text,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`young_id`) REFERENCES `young_people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `referent_replies_young` ON `referent_replies` (`young_id`,`status`);--> statement-breakpoint
CREATE INDEX `referent_replies_pending` ON `referent_replies` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `referent_links` ADD `nickname` text;
--> statement-breakpoint
-- A turn reads the young person's held replies (worker/store/turns.ts): a change bumps the revision, as 0008 does.
CREATE TRIGGER `referent_replies_insert_revision` AFTER INSERT ON `referent_replies`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `referent_replies_update_revision` AFTER UPDATE ON `referent_replies`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `referent_replies_delete_revision` AFTER DELETE ON `referent_replies`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;

