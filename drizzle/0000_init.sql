CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`date_value` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_effective` text,
	`classification` text NOT NULL,
	`description` text NOT NULL,
	`status_rank` integer,
	`source_id` text NOT NULL,
	`confidence` text NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_bill` ON `actions` (`bill_id`,`date_effective`);--> statement-breakpoint
CREATE INDEX `actions_status` ON `actions` (`jurisdiction_id`,`status_rank`,`date_effective`);--> statement-breakpoint
CREATE INDEX `actions_undated` ON `actions` (`jurisdiction_id`,`status_rank`) WHERE date_effective IS NULL;--> statement-breakpoint
CREATE TABLE `amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`version_id` text NOT NULL,
	`proposer` text NOT NULL,
	`date_value` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_effective` text,
	`text` text NOT NULL,
	`fate` text DEFAULT 'pending' NOT NULL,
	`result_version_id` text,
	`source_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `amendments_bill` ON `amendments` (`bill_id`);--> statement-breakpoint
CREATE INDEX `amendments_version` ON `amendments` (`version_id`);--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`identifier` text,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`harmonizes` integer DEFAULT false NOT NULL,
	`sponsors` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`source_id` text,
	`confidence` text NOT NULL,
	`status_rank` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bills_jurisdiction` ON `bills` (`jurisdiction_id`,`status_rank`,`kind`);--> statement-breakpoint
CREATE INDEX `bills_kind` ON `bills` (`kind`,`status_rank`);--> statement-breakpoint
CREATE INDEX `bills_status` ON `bills` (`status_rank`);--> statement-breakpoint
CREATE TABLE `comparisons` (
	`key` text PRIMARY KEY NOT NULL,
	`result` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jurisdictions` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name_es` text NOT NULL,
	`name_en` text NOT NULL,
	`official_name` text NOT NULL,
	`map_id` text
);
--> statement-breakpoint
CREATE TABLE `model_provisions` (
	`model_id` text NOT NULL,
	`ref` text NOT NULL,
	`position` integer NOT NULL,
	`mandatory` integer DEFAULT true NOT NULL,
	`criterion` text,
	PRIMARY KEY(`model_id`, `ref`),
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `models` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`source` text,
	`date_value` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_effective` text,
	`sha256` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seed_runs` (
	`dataset` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seed_runs_dataset` ON `seed_runs` (`dataset`,`sha256`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`citation` text NOT NULL,
	`url` text
);
--> statement-breakpoint
CREATE TABLE `versions` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`stage` text NOT NULL,
	`date_value` text NOT NULL,
	`date_precision` text NOT NULL,
	`date_effective` text,
	`source_url` text,
	`sha256` text NOT NULL,
	`text` text NOT NULL,
	`word_count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `versions_bill` ON `versions` (`bill_id`);