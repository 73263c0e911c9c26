ALTER TABLE `content_settings` ADD `previous_published` text;--> statement-breakpoint
ALTER TABLE `content_settings` ADD `previous_published_at` integer;