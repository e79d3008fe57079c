CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`answer_id` text NOT NULL,
	`instructor_id` text NOT NULL,
	`rubric_levels` text NOT NULL,
	`points` real,
	`override_reason` text,
	`comment` text NOT NULL,
	`updated_at` integer NOT NULL,
	`returned_at` integer,
	`unread_by_student` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instructor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_answer_id_unique` ON `feedback` (`answer_id`);--> statement-breakpoint
CREATE INDEX `feedback_instructor` ON `feedback` (`instructor_id`);--> statement-breakpoint
CREATE TABLE `feedback_history` (
	`id` text PRIMARY KEY NOT NULL,
	`feedback_id` text NOT NULL,
	`snapshot` text NOT NULL,
	`returned_at` integer NOT NULL,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_history_feedback` ON `feedback_history` (`feedback_id`);