package io.popoto.sql.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the JSON shape of catalog objects: allowed, repeated and wrongly typed properties. */
final class Shapes {
  private Shapes() {}

  /** Reports unknown and repeated properties of an object; {@code owner} reads "model 'X'". */
  static void checkMembers(Located obj, List<String> allowed, String owner, Problems problems) {
    Map<String, Located.Member> seen = new HashMap<>();
    for (Located.Member m : obj.members) {
      if (!allowed.contains(m.key())) {
        problems.add(m.keyPosition(), "Unknown property '" + m.key() + "' of " + owner
            + "; allowed: " + String.join(", ", allowed));
      } else if (seen.containsKey(m.key())) {
        problems.add(m.keyPosition(), "Property '" + m.key() + "' of " + owner
            + " is given twice; the first is at line " + seen.get(m.key()).keyPosition().line());
      } else {
        seen.put(m.key(), m);
      }
    }
  }

  /** The member's string, or null after reporting a value of another JSON type. */
  static String string(Located.Member m, String owner, Problems problems) {
    return expect(m, Located.Kind.STRING, "a string", owner, problems) ? m.value().string() : null;
  }

  /** The member's boolean, or null after reporting a value of another JSON type. */
  static Boolean bool(Located.Member m, String owner, Problems problems) {
    return expect(m, Located.Kind.BOOLEAN, "a boolean", owner, problems)
        ? (Boolean) m.value().scalar : null;
  }

  static boolean expect(Located.Member m, Located.Kind kind, String wanted, String owner,
      Problems problems) {
    if (m.value().kind == kind) {
      return true;
    }
    problems.add(m.value().position, "Property '" + m.key() + "' of " + owner + " must be "
        + wanted + ", not " + m.value().describe());
    return false;
  }
}
