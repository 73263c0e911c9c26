-- What a turn reads about a young person changed: bump young_people.revision, so that an
-- isolate's cached copy of it is refused (worker/store/turns.ts, turn_guards).
-- A turn's own update sets the revision itself; any other update of the row bumps it here.
CREATE TRIGGER `young_people_revision` AFTER UPDATE ON `young_people` WHEN NEW.`revision` = OLD.`revision`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `identities_insert_revision` AFTER INSERT ON `identities`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `identities_update_revision` AFTER UPDATE ON `identities`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `identities_delete_revision` AFTER DELETE ON `identities`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `alerts_insert_revision` AFTER INSERT ON `alerts`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `alerts_update_revision` AFTER UPDATE ON `alerts`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `alerts_delete_revision` AFTER DELETE ON `alerts`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `referent_links_insert_revision` AFTER INSERT ON `referent_links`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `referent_links_update_revision` AFTER UPDATE ON `referent_links`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `referent_links_delete_revision` AFTER DELETE ON `referent_links`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `roadmap_progress_insert_revision` AFTER INSERT ON `roadmap_progress`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `roadmap_progress_update_revision` AFTER UPDATE ON `roadmap_progress`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `roadmap_progress_delete_revision` AFTER DELETE ON `roadmap_progress`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `reminders_sent_insert_revision` AFTER INSERT ON `reminders_sent`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `reminders_sent_update_revision` AFTER UPDATE ON `reminders_sent`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = NEW.`young_id`; END;
--> statement-breakpoint
CREATE TRIGGER `reminders_sent_delete_revision` AFTER DELETE ON `reminders_sent`
BEGIN UPDATE `young_people` SET `revision` = `revision` + 1 WHERE `id` = OLD.`young_id`; END;
