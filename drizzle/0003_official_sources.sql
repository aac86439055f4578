CREATE TABLE `official_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`bill_id` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`sha256` text,
	`version_id` text,
	`fetched_at` text,
	`outcome` text,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action
);
