-- drizzle-kit's SQLite "ALTER TABLE ADD column REFERENCES" drops the ON DELETE action, and
-- SQLite cannot change a column's foreign key afterwards: this trigger gives staff.team_id
-- its ON DELETE SET NULL (the row is cleared before the foreign key is checked).
CREATE TRIGGER `teams_delete_set_null` BEFORE DELETE ON `teams`
BEGIN
	UPDATE `staff` SET `team_id` = NULL WHERE `team_id` = OLD.`id`;
END;
