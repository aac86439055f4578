-- Word search in bill titles, accent- and case-insensitive ("michoacan" finds "Michoacán"), kept in step by triggers.
CREATE VIRTUAL TABLE `bills_fts` USING fts5(title, content='bills', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `bills_fts`(rowid, title) SELECT rowid, title FROM `bills`;
--> statement-breakpoint
CREATE TRIGGER `bills_fts_insert` AFTER INSERT ON `bills` BEGIN
  INSERT INTO `bills_fts`(rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `bills_fts_delete` AFTER DELETE ON `bills` BEGIN
  INSERT INTO `bills_fts`(`bills_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `bills_fts_update` AFTER UPDATE OF title ON `bills` BEGIN
  INSERT INTO `bills_fts`(`bills_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO `bills_fts`(rowid, title) VALUES (new.rowid, new.title);
END;
