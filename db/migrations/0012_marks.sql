CREATE TABLE `marks` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`passage_id` text NOT NULL,
	`tag` text NOT NULL,
	`note` text,
	`start_offset` integer,
	`end_offset` integer,
	`exact` text NOT NULL,
	`prefix` text NOT NULL,
	`suffix` text NOT NULL,
	`text_version` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`passage_id`) REFERENCES `passages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `marks_by_reader` ON `marks` (`user_id`,`passage_id`);--> statement-breakpoint
CREATE INDEX `marks_by_passage` ON `marks` (`passage_id`);