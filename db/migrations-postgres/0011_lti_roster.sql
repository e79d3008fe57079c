ALTER TABLE "lti_contexts" ADD COLUMN "platform_id" text;--> statement-breakpoint
ALTER TABLE "lti_contexts" ADD COLUMN "memberships_url" text;