package io.popoto.sql.e2e.datasets;

import io.popoto.sql.catalog.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import redis.clients.jedis.Jedis;

/**
 * A school ({@code catalogs/school.json}) in Popoto's native layout, deterministic from a seed.
 * {@code students} is the scale: about half as many courses, enrollments skewed (about one
 * student in seven takes nothing, the last fifth of the courses has no students). Categories
 * form three trees four levels deep ({@code Science > Physics > Mechanics > Statics} and so
 * on; roots have a null parent). A hot course {@code HOT} can get exactly N enrollments (from students who
 * take other courses too).
 */
public final class SchoolGenerator {
  public static final String CATALOG = "classpath:catalogs/school.json";
  /** Root categories; each has children, grandchildren and some great-grandchildren. */
  public static final List<String> ROOTS = List.of("Science", "Arts", "Engineering");
  private static final String[] GRADES = {"A", "B", "C", "D", "F"};

  private final long seed;
  private int students = 40;
  private Faults faults = Faults.NONE;
  private int hotEnrollments = -1;

  public SchoolGenerator(long seed) {
    this.seed = seed;
  }

  public SchoolGenerator students(int n) {
    if (n < 4) {
      throw new IllegalArgumentException("at least 4 students");
    }
    this.students = n;
    return this;
  }

  public SchoolGenerator faults(Faults f) {
    this.faults = f;
    return this;
  }

  /** Adds course HOT with exactly n enrollments (students repeat when n exceeds them). */
  public SchoolGenerator hotCourse(int n) {
    this.hotEnrollments = n;
    return this;
  }

  public static Catalog catalog() {
    return DatasetWriter.load(CATALOG);
  }

  /** What was written, with the keys tests need. */
  public record Data(List<String> studentKeys, List<String> courseKeys,
      List<String> categoryKeys, HotParent hotCourse, Map<String, Integer> rows, int faults,
      long commands, long millis) {
    public int rowCount(String model) {
      return rows.getOrDefault(model, 0);
    }
  }

  public Data generate(Jedis jedis) {
    long start = System.nanoTime();
    Random random = new Random(seed);
    try (DatasetWriter out = new DatasetWriter(catalog(), jedis, random)) {
      // Category trees: root > 3 children > 2 grandchildren > every other one a leaf below.
      List<String> categoryKeys = new ArrayList<>();
      List<String> placeable = new ArrayList<>(); // categories a course may sit in
      for (String root : ROOTS) {
        String rootKey = category(out, root, null);
        categoryKeys.add(rootKey);
        for (int c = 1; c <= 3; c++) {
          String child = root + " " + c;
          String childKey = category(out, child, rootKey);
          categoryKeys.add(childKey);
          placeable.add(childKey);
          for (int g = 1; g <= 2; g++) {
            String grand = child + "." + g;
            String grandKey = category(out, grand, childKey);
            categoryKeys.add(grandKey);
            placeable.add(grandKey);
            if ((c + g) % 2 == 0) {
              String leafKey = category(out, grand + " (advanced)", grandKey);
              categoryKeys.add(leafKey);
              placeable.add(leafKey);
            }
          }
        }
      }

      List<String> studentKeys = new ArrayList<>();
      for (int i = 1; i <= students; i++) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("student_id", (long) i);
        s.put("name", "Student " + i);
        s.put("year", random.nextInt(10) == 0 ? null : (long) (1 + random.nextInt(4)));
        studentKeys.add(out.write("Student", s));
      }

      int courseCount = Math.max(5, students / 2);
      List<String> courseKeys = new ArrayList<>();
      Set<Integer> nullCategory = new HashSet<>(); // nullable relationship left empty
      for (int k = 0; nullCategory.size() < Math.min(faults.nulls(), courseCount / 2); k++) {
        int c = (3 + 7 * k) % courseCount;
        while (!nullCategory.add(c)) {
          c = (c + 1) % courseCount;
        }
      }
      for (int c = 0; c < courseCount; c++) {
        String category = placeable.get(random.nextInt(placeable.size()));
        if (nullCategory.contains(c)) {
          category = null;
          out.countFault();
        }
        courseKeys.add(course(out, random, String.format("C%03d", 100 + c), category));
      }

      // Enrollments: a seventh of the students take nothing; the last fifth of the courses
      // is never taken; popular courses come first.
      int takeable = Math.max(1, courseCount - courseCount / 5);
      List<String> enrollmentKeys = new ArrayList<>();
      List<Integer> enrollmentCourse = new ArrayList<>();
      for (int i = 0; i < students; i++) {
        if (i % 7 == 6) {
          continue;
        }
        Set<Integer> seen = new HashSet<>();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
          int c = (int) (takeable * Math.pow(random.nextDouble(), 2));
          if (seen.add(c)) {
            enrollmentKeys.add(enrollment(out, random, studentKeys.get(i), courseKeys.get(c)));
            enrollmentCourse.add(c);
          }
        }
      }

      HotParent hot = null;
      if (hotEnrollments >= 0) {
        String hotKey = course(out, random, "HOT", placeable.get(0));
        List<String> takers = new ArrayList<>(); // students who take nothing stay so
        for (int i = 0; i < students; i++) {
          if (i % 7 != 6) {
            takers.add(studentKeys.get(i));
          }
        }
        for (int n = 0; n < hotEnrollments; n++) {
          enrollment(out, random, takers.get(n % takers.size()), hotKey);
        }
        hot = new HotParent("HOT", hotKey, hotEnrollments);
      }

      plantFaults(out, random, studentKeys, courseKeys, categoryKeys, enrollmentKeys,
          enrollmentCourse, takeable);
      out.close();
      return new Data(List.copyOf(studentKeys), List.copyOf(courseKeys),
          List.copyOf(categoryKeys), hot, out.rows(), out.faults(), out.commands(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private void plantFaults(DatasetWriter out, Random random, List<String> studentKeys,
      List<String> courseKeys, List<String> categoryKeys, List<String> enrollmentKeys,
      List<Integer> enrollmentCourse, int takeable) {
    for (int f = 0; f < faults.staleReverse() && !enrollmentKeys.isEmpty(); f++) {
      // An enrollment moved to another course: still listed under the old one, which may be
      // a course nobody takes.
      int x = random.nextInt(enrollmentKeys.size());
      int other = (enrollmentCourse.get(x) + 1 + random.nextInt(courseKeys.size() - 1))
          % courseKeys.size();
      out.staleReverseMember("Enrollment", "course", courseKeys.get(other),
          enrollmentKeys.get(x));
    }
    for (int f = 0; f < faults.dangling(); f++) {
      switch (f % 3) {
        case 0 -> category(out, "Orphan " + f, "Category:Retired " + f);
        case 1 -> course(out, random, String.format("X%03d", f), "Category:Retired " + f);
        default -> enrollment(out, random, "Student:" + (900_000 + f),
            courseKeys.get(random.nextInt(takeable)));
      }
      out.countFault();
    }
    for (int f = 0; f < faults.classWithoutHash(); f++) {
      if (f % 2 == 0) {
        out.classMemberWithoutHash("Enrollment", "Enrollment:" + out.autoKey(), "course",
            courseKeys.get(random.nextInt(courseKeys.size())));
      } else {
        out.classMemberWithoutHash("Student", "Student:" + (800_000 + f), null, null);
      }
    }
  }

  private static String category(DatasetWriter out, String name, String parentKey) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("parent", parentKey);
    return out.write("Category", c);
  }

  private static String course(DatasetWriter out, Random random, String code,
      String categoryKey) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("code", code);
    c.put("title", "Course " + code);
    c.put("credits", (long) (1 + random.nextInt(6)));
    c.put("category", categoryKey);
    return out.write("Course", c);
  }

  private static String enrollment(DatasetWriter out, Random random, String studentKey,
      String courseKey) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("enrollment_id", out.autoKey());
    e.put("student", studentKey);
    e.put("course", courseKey);
    e.put("grade", random.nextInt(5) == 0 ? null : GRADES[random.nextInt(GRADES.length)]);
    return out.write("Enrollment", e);
  }
}
