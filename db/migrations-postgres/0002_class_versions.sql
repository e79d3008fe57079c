CREATE TABLE "class_versions" (
	"class_id" text NOT NULL,
	"member_id" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "class_versions_class_id_member_id_pk" PRIMARY KEY("class_id","member_id")
);
--> statement-breakpoint
CREATE FUNCTION class_versions_bump(c text, m text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO class_versions (class_id, member_id, version) VALUES (c, m, 1)
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1
$$;
--> statement-breakpoint
CREATE FUNCTION class_versions_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM attempts t WHERE t.id = NEW.attempt_id AND t.class_id IS NOT NULL AND t.submitted_at IS NOT NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM attempts t WHERE t.id = OLD.attempt_id AND t.class_id IS NOT NULL AND t.submitted_at IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_answers AFTER INSERT OR UPDATE OR DELETE ON answers FOR EACH ROW EXECUTE FUNCTION class_versions_answers();
--> statement-breakpoint
CREATE FUNCTION class_versions_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.submitted_at IS NOT NULL AND NEW.class_id IS NOT NULL THEN
    PERFORM class_versions_bump(NEW.class_id, NEW.user_id);
  ELSIF TG_OP = 'UPDATE' AND NEW.class_id IS NOT NULL
    AND (OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.class_id IS DISTINCT FROM NEW.class_id) THEN
    PERFORM class_versions_bump(NEW.class_id, NEW.user_id);
  ELSIF TG_OP = 'DELETE' AND OLD.submitted_at IS NOT NULL AND OLD.class_id IS NOT NULL THEN
    PERFORM class_versions_bump(OLD.class_id, OLD.user_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_attempts AFTER INSERT OR UPDATE OR DELETE ON attempts FOR EACH ROW EXECUTE FUNCTION class_versions_attempts();
--> statement-breakpoint
CREATE FUNCTION class_versions_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE a.id = NEW.answer_id AND t.class_id IS NOT NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE a.id = OLD.answer_id AND t.class_id IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback AFTER INSERT OR UPDATE OR DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION class_versions_feedback();
--> statement-breakpoint
CREATE FUNCTION class_versions_feedback_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM feedback f JOIN answers a ON a.id = f.answer_id JOIN attempts t ON t.id = a.attempt_id WHERE f.id = NEW.feedback_id AND t.class_id IS NOT NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(t.class_id, t.user_id) FROM feedback f JOIN answers a ON a.id = f.answer_id JOIN attempts t ON t.id = a.attempt_id WHERE f.id = OLD.feedback_id AND t.class_id IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_history AFTER INSERT OR UPDATE OR DELETE ON feedback_history FOR EACH ROW EXECUTE FUNCTION class_versions_feedback_history();
--> statement-breakpoint
CREATE FUNCTION class_versions_enrollments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(NEW.class_id, '');
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(OLD.class_id, '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_enrollments AFTER INSERT OR DELETE ON enrollments FOR EACH ROW EXECUTE FUNCTION class_versions_enrollments();
--> statement-breakpoint
CREATE FUNCTION class_versions_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(NEW.class_id, '');
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(OLD.class_id, '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_assignments AFTER INSERT OR UPDATE OR DELETE ON assignments FOR EACH ROW EXECUTE FUNCTION class_versions_assignments();
--> statement-breakpoint
CREATE FUNCTION class_versions_classes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.name IS DISTINCT FROM NEW.name THEN
    PERFORM class_versions_bump(NEW.id, '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_classes AFTER UPDATE ON classes FOR EACH ROW EXECUTE FUNCTION class_versions_classes();
--> statement-breakpoint
CREATE FUNCTION class_versions_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email THEN
    PERFORM class_versions_bump(e.class_id, NEW.id) FROM enrollments e WHERE e.student_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_users AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION class_versions_users();
--> statement-breakpoint
CREATE FUNCTION class_versions_lessons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_lessons AFTER UPDATE ON lessons FOR EACH ROW EXECUTE FUNCTION class_versions_lessons();
--> statement-breakpoint
CREATE FUNCTION class_versions_questions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = NEW.lesson_id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = OLD.lesson_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_questions AFTER INSERT OR UPDATE OR DELETE ON questions FOR EACH ROW EXECUTE FUNCTION class_versions_questions();
--> statement-breakpoint
CREATE FUNCTION class_versions_passages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = NEW.lesson_id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM assignments s WHERE s.lesson_id = OLD.lesson_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_passages AFTER INSERT OR UPDATE OR DELETE ON passages FOR EACH ROW EXECUTE FUNCTION class_versions_passages();
--> statement-breakpoint
CREATE FUNCTION class_versions_question_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM questions q JOIN assignments s ON s.lesson_id = q.lesson_id WHERE q.id = NEW.question_id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM class_versions_bump(s.class_id, '') FROM questions q JOIN assignments s ON s.lesson_id = q.lesson_id WHERE q.id = OLD.question_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER class_versions_question_versions AFTER INSERT OR UPDATE OR DELETE ON question_versions FOR EACH ROW EXECUTE FUNCTION class_versions_question_versions();
