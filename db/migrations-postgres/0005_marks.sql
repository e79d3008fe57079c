CREATE TABLE "marks" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"passage_id" text NOT NULL,
	"tag" text NOT NULL,
	"note" text,
	"start_offset" integer,
	"end_offset" integer,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	"text_version" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_passage_id_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marks_by_reader" ON "marks" USING btree ("user_id","passage_id");--> statement-breakpoint
CREATE INDEX "marks_by_passage" ON "marks" USING btree ("passage_id");