CREATE TABLE `turn_guards` (
	`stale` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `young_people` ADD `revision` integer DEFAULT 0 NOT NULL;