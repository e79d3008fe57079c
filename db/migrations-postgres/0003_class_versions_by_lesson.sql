-- Questions and passages both belong to a lesson: one trigger function serves both tables.
CREATE FUNCTION class_versions_by_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = NEW.lesson_id;
  END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.lesson_id IS DISTINCT FROM NEW.lesson_id) THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = OLD.lesson_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER class_versions_questions ON questions;
--> statement-breakpoint
DROP TRIGGER class_versions_passages ON passages;
--> statement-breakpoint
DROP FUNCTION class_versions_questions();
--> statement-breakpoint
DROP FUNCTION class_versions_passages();
--> statement-breakpoint
CREATE TRIGGER class_versions_questions AFTER INSERT OR UPDATE OR DELETE ON questions FOR EACH ROW EXECUTE FUNCTION class_versions_by_lesson();
--> statement-breakpoint
CREATE TRIGGER class_versions_passages AFTER INSERT OR UPDATE OR DELETE ON passages FOR EACH ROW EXECUTE FUNCTION class_versions_by_lesson();
