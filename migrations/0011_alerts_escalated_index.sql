DROP INDEX `alerts_kind_subject`;--> statement-breakpoint
CREATE INDEX `alerts_escalated` ON `alerts` (`subject`) WHERE "alerts"."kind" = 'escalation';