-- The record's guarantees live in the database, not only in the API: a version's text, an uploaded original and
-- the audit trail can never be changed or deleted, and a bill is never erased. A correction is a new version; a
-- deleted bill is a tombstone (deleted_at) that an admin can restore.
CREATE TRIGGER `versions_immutable_update` BEFORE UPDATE ON `versions` BEGIN
  SELECT RAISE(ABORT, 'versions are immutable: add a new version instead');
END;
--> statement-breakpoint
CREATE TRIGGER `versions_immutable_delete` BEFORE DELETE ON `versions` BEGIN
  SELECT RAISE(ABORT, 'versions are immutable: they cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `files_immutable_update` BEFORE UPDATE ON `files` BEGIN
  SELECT RAISE(ABORT, 'stored originals are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `files_immutable_delete` BEFORE DELETE ON `files` BEGIN
  SELECT RAISE(ABORT, 'stored originals are immutable: they cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_append_only_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_append_only_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `bills_no_delete` BEFORE DELETE ON `bills` BEGIN
  SELECT RAISE(ABORT, 'bills are never erased: set deleted_at (a tombstone) instead');
END;
