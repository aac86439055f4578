CREATE TABLE `federation_profiles` (
	`federation_id` text PRIMARY KEY NOT NULL,
	`heading_es` text,
	`heading_en` text,
	`lede_es` text,
	`lede_en` text,
	`map` text,
	FOREIGN KEY (`federation_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action
);
