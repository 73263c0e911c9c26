ALTER TABLE `unanswered_askers` ADD `answered` text;--> statement-breakpoint
ALTER TABLE `unanswered_questions` ADD `answered` text;