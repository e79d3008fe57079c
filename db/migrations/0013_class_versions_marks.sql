-- What the class marked (insights, review) is kept with the class's other pages: a student's mark
-- that adds, removes or moves a tag raises the version of each class they are enrolled in. A note
-- edited as it is typed changes no count, so it raises nothing.
CREATE TRIGGER class_versions_marks_insert AFTER INSERT ON marks BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, NEW.user_id, 1 FROM enrollments WHERE student_id = NEW.user_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_marks_update AFTER UPDATE OF tag, passage_id, start_offset, end_offset ON marks BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, NEW.user_id, 1 FROM enrollments WHERE student_id = NEW.user_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER class_versions_marks_delete AFTER DELETE ON marks BEGIN
  INSERT INTO class_versions (class_id, member_id, version)
  SELECT class_id, OLD.user_id, 1 FROM enrollments WHERE student_id = OLD.user_id
  ON CONFLICT (class_id, member_id) DO UPDATE SET version = class_versions.version + 1;
END;
