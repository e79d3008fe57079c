CREATE TABLE `glossary_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`lesson_id` text NOT NULL,
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`term` text NOT NULL,
	`aliases` text NOT NULL,
	`category` text NOT NULL,
	`definition` text NOT NULL,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `glossary_lesson_key` ON `glossary_terms` (`lesson_id`,`key`);--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text,
	`summary` text NOT NULL,
	`source` text NOT NULL,
	`age_notice` text,
	`objectives` text NOT NULL,
	`word_count` integer NOT NULL,
	`reading_minutes` integer NOT NULL,
	`content_hash` text NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lessons_slug_unique` ON `lessons` (`slug`);--> statement-breakpoint
CREATE TABLE `passages` (
	`id` text PRIMARY KEY NOT NULL,
	`lesson_id` text NOT NULL,
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`discussion_prompts` text NOT NULL,
	`word_count` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passages_lesson_key` ON `passages` (`lesson_id`,`key`);--> statement-breakpoint
CREATE TABLE `question_versions` (
	`question_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `version`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`lesson_id` text NOT NULL,
	`passage_id` text NOT NULL,
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`kind` text NOT NULL,
	`prompt` text NOT NULL,
	`points` integer NOT NULL,
	`version` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`passage_id`) REFERENCES `passages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_lesson_key` ON `questions` (`lesson_id`,`key`);--> statement-breakpoint
CREATE INDEX `questions_passage` ON `questions` (`passage_id`);--> statement-breakpoint
CREATE TABLE `voices` (
	`id` text PRIMARY KEY NOT NULL,
	`lesson_id` text NOT NULL,
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`role` text NOT NULL,
	`affiliation` text NOT NULL,
	`stake` text NOT NULL,
	`appearances` text NOT NULL,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voices_lesson_key` ON `voices` (`lesson_id`,`key`);