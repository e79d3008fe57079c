-- What the class marked (insights, review) is kept with the class's other pages: a student's mark
-- that adds, removes or moves a tag raises the version of each class they are enrolled in. A note
-- edited as it is typed changes no count, so it raises nothing.
CREATE FUNCTION class_versions_marks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(e.class_id, NEW.user_id) FROM enrollments e WHERE e.student_id = NEW.user_id;
  ELSE
    PERFORM class_versions_bump(e.class_id, OLD.user_id) FROM enrollments e WHERE e.student_id = OLD.user_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_marks AFTER INSERT OR DELETE OR UPDATE OF tag, passage_id, start_offset, end_offset ON marks FOR EACH ROW EXECUTE FUNCTION class_versions_marks();
