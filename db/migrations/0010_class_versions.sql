CREATE TABLE `class_versions` (
	`class_id` text NOT NULL,
	`member_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`class_id`, `member_id`)
);
--> statement-breakpoint
CREATE TRIGGER class_versions_answers_insert AFTER INSERT ON answers BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, user_id, 1 FROM attempts WHERE id = NEW.attempt_id AND class_id IS NOT NULL AND submitted_at IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_answers_update AFTER UPDATE ON answers BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, user_id, 1 FROM attempts WHERE id = NEW.attempt_id AND class_id IS NOT NULL AND submitted_at IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_answers_delete AFTER DELETE ON answers BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, user_id, 1 FROM attempts WHERE id = OLD.attempt_id AND class_id IS NOT NULL AND submitted_at IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_attempts_insert AFTER INSERT ON attempts WHEN NEW.submitted_at IS NOT NULL BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.class_id, NEW.user_id, 1 WHERE NEW.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_attempts_update AFTER UPDATE ON attempts WHEN OLD.submitted_at IS NOT NEW.submitted_at OR OLD.class_id IS NOT NEW.class_id BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.class_id, NEW.user_id, 1 WHERE NEW.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_attempts_delete AFTER DELETE ON attempts WHEN OLD.submitted_at IS NOT NULL BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT OLD.class_id, OLD.user_id, 1 WHERE OLD.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_insert AFTER INSERT ON feedback BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE a.id = NEW.answer_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_update AFTER UPDATE ON feedback BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE a.id = NEW.answer_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_delete AFTER DELETE ON feedback BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE a.id = OLD.answer_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_history_insert AFTER INSERT ON feedback_history BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM feedback f JOIN answers a ON a.id = f.answer_id JOIN attempts t ON t.id = a.attempt_id WHERE f.id = NEW.feedback_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_history_update AFTER UPDATE ON feedback_history BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM feedback f JOIN answers a ON a.id = f.answer_id JOIN attempts t ON t.id = a.attempt_id WHERE f.id = NEW.feedback_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_feedback_history_delete AFTER DELETE ON feedback_history BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT t.class_id, t.user_id, 1 FROM feedback f JOIN answers a ON a.id = f.answer_id JOIN attempts t ON t.id = a.attempt_id WHERE f.id = OLD.feedback_id AND t.class_id IS NOT NULL
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_enrollments_insert AFTER INSERT ON enrollments BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.class_id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_enrollments_delete AFTER DELETE ON enrollments BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT OLD.class_id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_assignments_insert AFTER INSERT ON assignments BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.class_id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_assignments_update AFTER UPDATE ON assignments BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.class_id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_assignments_delete AFTER DELETE ON assignments BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT OLD.class_id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_classes_update AFTER UPDATE ON classes WHEN OLD.name IS NOT NEW.name BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT NEW.id, '', 1 WHERE true
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_users_update AFTER UPDATE ON users WHEN OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, NEW.id, 1 FROM enrollments WHERE student_id = NEW.id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_lessons_update AFTER UPDATE ON lessons BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = NEW.id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_questions_insert AFTER INSERT ON questions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = NEW.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_questions_update AFTER UPDATE ON questions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = NEW.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_questions_delete AFTER DELETE ON questions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = OLD.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_passages_insert AFTER INSERT ON passages BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = NEW.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_passages_update AFTER UPDATE ON passages BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = NEW.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_passages_delete AFTER DELETE ON passages BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, '', 1 FROM assignments WHERE lesson_id = OLD.lesson_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_question_versions_insert AFTER INSERT ON question_versions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT s.class_id, '', 1 FROM questions q JOIN assignments s ON s.lesson_id = q.lesson_id WHERE q.id = NEW.question_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_question_versions_update AFTER UPDATE ON question_versions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT s.class_id, '', 1 FROM questions q JOIN assignments s ON s.lesson_id = q.lesson_id WHERE q.id = NEW.question_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_question_versions_delete AFTER DELETE ON question_versions BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT s.class_id, '', 1 FROM questions q JOIN assignments s ON s.lesson_id = q.lesson_id WHERE q.id = OLD.question_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
