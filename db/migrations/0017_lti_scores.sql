CREATE TABLE `lti_grade_links` (
	`class_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`platform_id` text NOT NULL,
	`line_item_url` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`class_id`, `lesson_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lti_score_posts` (
	`class_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`student_id` text NOT NULL,
	`score` text NOT NULL,
	`score_hash` text NOT NULL,
	`sent_hash` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`sent_at` integer,
	PRIMARY KEY(`class_id`, `lesson_id`, `student_id`),
	FOREIGN KEY (`student_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
