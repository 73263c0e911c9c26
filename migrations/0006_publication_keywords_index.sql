ALTER TABLE `publications` ADD `keywords` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `match_index` text;