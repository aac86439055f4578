CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`filename` text,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`provenance` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `models` ADD `file_id` text REFERENCES files(id);--> statement-breakpoint
ALTER TABLE `versions` ADD `file_id` text REFERENCES files(id);