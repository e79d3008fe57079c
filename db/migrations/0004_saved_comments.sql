CREATE TABLE `saved_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`instructor_id` text NOT NULL,
	`question_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`instructor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `saved_comments_instructor` ON `saved_comments` (`instructor_id`,`question_id`);