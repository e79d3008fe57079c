ALTER TABLE `lti_contexts` ADD `platform_id` text;--> statement-breakpoint
ALTER TABLE `lti_contexts` ADD `memberships_url` text;