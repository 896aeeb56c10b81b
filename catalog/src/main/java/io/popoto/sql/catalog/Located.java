package io.popoto.sql.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it was written. Objects keep every member, duplicates
 * included, because Jackson's own tree silently keeps only the last one and has no positions.
 */
final class Located {
  enum Kind { OBJECT, ARRAY, STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

  /** One object member; the key's position is where messages about the member point. */
  record Member(String key, SourcePosition keyPosition, Located value) {}

  final Kind kind;
  final SourcePosition position;
  /** String, Long, the number's text for DECIMAL, Boolean; null otherwise. */
  final Object scalar;
  final List<Member> members = new ArrayList<>();
  final List<Located> elements = new ArrayList<>();

  Located(Kind kind, SourcePosition position, Object scalar) {
    this.kind = kind;
    this.position = position;
    this.scalar = scalar;
  }

  /** The last member with this key, or null; duplicates are reported separately. */
  Member member(String key) {
    Member found = null;
    for (Member m : members) {
      if (m.key().equals(key)) {
        found = m;
      }
    }
    return found;
  }

  String string() {
    return (String) scalar;
  }

  /** The JSON type as a user reads it in a message. */
  String describe() {
    switch (kind) {
      case OBJECT: return "an object";
      case ARRAY: return "an array";
      case STRING: return "a string";
      case INTEGER: case DECIMAL: return "a number";
      case BOOLEAN: return "a boolean";
      default: return "null";
    }
  }

  /** Plain Java value: String, Long, Double, Boolean, List, Map (insertion ordered) or null. */
  Object toJava() {
    switch (kind) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Member m : members) {
          map.put(m.key(), m.value().toJava());
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (Located e : elements) {
          list.add(e.toJava());
        }
        return list;
      }
      case DECIMAL: return Double.valueOf((String) scalar);
      default: return scalar;
    }
  }
}
