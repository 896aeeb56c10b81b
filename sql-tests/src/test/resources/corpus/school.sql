-- Differential corpus over the school dataset (SchoolGenerator at fixture scale, with stale
-- reverse-index members, dangling references, null relationships and deleted rows): each line
-- runs through our driver with pushdown on, with pushdown off, and on H2. ORDER BY appears
-- only at the top level and always ends in a unique column. "year" is a reserved word and
-- stays quoted.

-- Sizes
SELECT COUNT(*) FROM Student
SELECT COUNT(*) FROM Course
SELECT COUNT(*) FROM Enrollment
SELECT COUNT(*) FROM Category
-- Many-to-many through Enrollment: courses of a student, students of a course
SELECT c.code, c.title, e.grade FROM Enrollment e JOIN Student s ON e.student = s._key JOIN Course c ON e.course = c._key WHERE s.student_id = 1 ORDER BY c.code, e.enrollment_id
SELECT s.student_id, s.name, e.grade FROM Course c JOIN Enrollment e ON e.course = c._key JOIN Student s ON e.student = s._key WHERE c.code = 'C100' ORDER BY s.student_id, e.enrollment_id
SELECT s.student_id, c.code FROM Student s JOIN Enrollment e ON e.student = s._key JOIN Course c ON c._key = e.course
SELECT e.enrollment_id, e.grade FROM Enrollment e WHERE e.course = 'Course:C101' ORDER BY e.enrollment_id
SELECT e.enrollment_id, c.code FROM Enrollment e JOIN Course c ON e.course = c._key WHERE e.student = 'Student:3'
SELECT s.name FROM Enrollment e JOIN Student s ON e.student = s._key WHERE e.course IN ('Course:C100', 'Course:C102', 'Course:NOPE') ORDER BY s.name, e.enrollment_id
SELECT COUNT(*) FROM Course c JOIN Enrollment e ON e.course = c._key WHERE c.code = 'HOT'
-- Counts over joins, zero rows included by LEFT JOIN
SELECT c.code, COUNT(e._key) AS students FROM Course c LEFT JOIN Enrollment e ON e.course = c._key GROUP BY c.code ORDER BY c.code
SELECT s.student_id, COUNT(e._key), COUNT(e.grade) FROM Student s LEFT JOIN Enrollment e ON e.student = s._key GROUP BY s.student_id ORDER BY s.student_id
SELECT s.student_id, SUM(c.credits) AS credits FROM Student s JOIN Enrollment e ON e.student = s._key JOIN Course c ON c._key = e.course GROUP BY s.student_id
SELECT s."year", COUNT(DISTINCT s._key), COUNT(e._key) FROM Student s LEFT JOIN Enrollment e ON e.student = s._key GROUP BY s."year"
SELECT e.grade, COUNT(*), AVG(c.credits) FROM Enrollment e JOIN Course c ON e.course = c._key GROUP BY e.grade
SELECT e.grade, COUNT(*), AVG(CAST(c.credits AS DOUBLE)) FROM Enrollment e JOIN Course c ON e.course = c._key GROUP BY e.grade
SELECT c.code, COUNT(*) FROM Course c JOIN Enrollment e ON e.course = c._key GROUP BY c.code HAVING COUNT(*) > 3 ORDER BY c.code
-- Anti-joins and semi-joins
SELECT s.student_id FROM Student s WHERE NOT EXISTS (SELECT 1 FROM Enrollment e WHERE e.student = s._key) ORDER BY s.student_id
SELECT c.code FROM Course c WHERE c._key NOT IN (SELECT e.course FROM Enrollment e WHERE e.course IS NOT NULL) ORDER BY c.code
SELECT s.name FROM Student s WHERE s._key IN (SELECT e.student FROM Enrollment e JOIN Course c ON e.course = c._key WHERE c.category = 'Category:Science 1')
SELECT c.code FROM Course c WHERE EXISTS (SELECT 1 FROM Enrollment e WHERE e.course = c._key AND e.grade = 'A') ORDER BY c.code
SELECT s.student_id FROM Student s WHERE EXISTS (SELECT 1 FROM Enrollment e WHERE e.student = s._key AND e.grade = 'F') AND s."year" IS NOT NULL
SELECT cat.name FROM Category cat WHERE cat._key NOT IN (SELECT c.category FROM Course c WHERE c.category IS NOT NULL) ORDER BY cat.name
SELECT e.enrollment_id, e.student FROM Enrollment e WHERE NOT EXISTS (SELECT 1 FROM Student s WHERE s._key = e.student)
-- Null and dangling relationships: LEFT JOIN gives NULLs, INNER drops the rows
SELECT c.code, cat.name FROM Course c LEFT JOIN Category cat ON c.category = cat._key ORDER BY c.code
SELECT COUNT(*), COUNT(cat._key), COUNT(c.category) FROM Course c LEFT JOIN Category cat ON c.category = cat._key
SELECT COUNT(*) FROM Course c INNER JOIN Category cat ON c.category = cat._key
SELECT c.code FROM Course c WHERE c.category IS NULL ORDER BY c.code
SELECT c.code, c.category FROM Course c LEFT JOIN Category cat ON c.category = cat._key WHERE c.category IS NOT NULL AND cat._key IS NULL
SELECT e.enrollment_id, e.student, s.name FROM Enrollment e LEFT JOIN Student s ON e.student = s._key WHERE s._key IS NULL
SELECT ch.name, p.name FROM Category ch LEFT JOIN Category p ON ch.parent = p._key ORDER BY ch.name
-- Category trees: self-joins two and three levels deep
SELECT c1.name, c2.name, c3.name FROM Category c1 JOIN Category c2 ON c2.parent = c1._key JOIN Category c3 ON c3.parent = c2._key WHERE c1.parent IS NULL ORDER BY c1.name, c2.name, c3.name
SELECT c1.name, c2.name, c3.name, c4.name FROM Category c1 JOIN Category c2 ON c2.parent = c1._key JOIN Category c3 ON c3.parent = c2._key LEFT JOIN Category c4 ON c4.parent = c3._key WHERE c1.name = 'Science' ORDER BY c2.name, c3.name, c4.name
SELECT c2.name FROM Category c1 JOIN Category c2 ON c2.parent = c1._key WHERE c1.name = 'Arts' ORDER BY c2.name
SELECT ch.name FROM Category ch WHERE ch.parent = 'Category:Engineering' ORDER BY ch.name
SELECT p.name, COUNT(ch._key) AS children FROM Category p LEFT JOIN Category ch ON ch.parent = p._key GROUP BY p.name ORDER BY p.name
SELECT cat.name FROM Category cat WHERE NOT EXISTS (SELECT 1 FROM Category ch WHERE ch.parent = cat._key) ORDER BY cat.name
SELECT ch.name, ch.parent FROM Category ch LEFT JOIN Category p ON ch.parent = p._key WHERE ch.parent IS NOT NULL AND p._key IS NULL
-- Multi-hop: courses up their category tree, students to categories
SELECT c.code, cat.name, p.name, gp.name FROM Course c JOIN Category cat ON c.category = cat._key LEFT JOIN Category p ON cat.parent = p._key LEFT JOIN Category gp ON p.parent = gp._key ORDER BY c.code
SELECT r.name, COUNT(c._key) FROM Category r JOIN Category ch ON ch.parent = r._key JOIN Course c ON c.category = ch._key WHERE r.parent IS NULL GROUP BY r.name ORDER BY r.name
SELECT DISTINCT s.student_id, cat.name FROM Student s JOIN Enrollment e ON e.student = s._key JOIN Course c ON e.course = c._key JOIN Category cat ON c.category = cat._key WHERE s.student_id <= 5 ORDER BY s.student_id, cat.name
SELECT DISTINCT s2.student_id FROM Enrollment e1 JOIN Enrollment e2 ON e1.course = e2.course JOIN Student s2 ON e2.student = s2._key WHERE e1.student = 'Student:1' AND e2.student <> e1.student ORDER BY s2.student_id
SELECT cat.name, AVG(CAST(c.credits AS DOUBLE)), COUNT(e._key) FROM Category cat JOIN Course c ON c.category = cat._key LEFT JOIN Enrollment e ON e.course = c._key GROUP BY cat.name
SELECT s.student_id, e.grade, c.code FROM Student s JOIN Enrollment e ON e.student = s._key JOIN Course c ON e.course = c._key WHERE s."year" = 2 AND c.credits >= 4
