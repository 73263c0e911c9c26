CREATE INDEX `alerts_created` ON `alerts` (`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_kind_subject` ON `alerts` (`kind`,`subject`);--> statement-breakpoint
CREATE INDEX `telegram_updates_received` ON `telegram_updates` (`received_at`);