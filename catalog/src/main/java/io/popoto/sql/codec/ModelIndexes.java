package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The one list of the Redis indexes a model's catalog implies, for everything that reports them
 * (JDBC getIndexInfo, column remarks, system tables): each named by its key pattern, {@code *}
 * standing for each segment that varies, so a user can find it with SCAN.
 */
public final class ModelIndexes {
  /** The SQL column of the instance key. */
  public static final String KEY_COLUMN = "_key";

  /**
   * One index.
   *
   * @param name the key pattern ({@code $KeyF:Restaurant:city:*})
   * @param field the indexed field, or null for the class set and composite indexes
   * @param columns the SQL columns it is looked up by, in order
   * @param unique whether one value finds at most one row (the class set, UniqueKeyField,
   *     UniqueField, a unique {@code Meta.indexes} entry)
   * @param ordered a score-ordered zset (sorted and geo fields) rather than a hashed lookup
   */
  public record IndexInfo(String name, FieldDef field, List<String> columns, boolean unique,
      boolean ordered) {
    public IndexInfo {
      columns = List.copyOf(columns);
    }
  }

  private ModelIndexes() {}

  public static List<IndexInfo> of(IndexKeys keys, ModelDef m) {
    List<IndexInfo> out = new ArrayList<>();
    out.add(new IndexInfo(keys.classSet(m), null, List.of(KEY_COLUMN), true, false));
    for (FieldDef f : m.fields()) {
      String pattern = pattern(keys, m, f);
      switch (f.fieldClass().indexKind()) {
        case VALUE_SET -> out.add(new IndexInfo(pattern, f, List.of(f.name()), isUnique(f),
            false));
        case REVERSE_SET, TAG_SET -> out.add(new IndexInfo(pattern, f, List.of(f.name()), false,
            false));
        case SORTED_SET -> {
          // A partitioned zset is found by its partition values first, then ranged by score.
          List<String> columns = new ArrayList<>(f.partitionBy());
          columns.add(f.name());
          out.add(new IndexInfo(pattern, f, columns, false, true));
        }
        case GEO -> out.add(new IndexInfo(pattern, f,
            List.of(f.name() + "_latitude", f.name() + "_longitude"), false, true));
        default -> {
          // no index
        }
      }
    }
    for (ModelMeta.CompositeIndex ix : m.meta().indexes()) {
      out.add(new IndexInfo(IndexKeys.compositeIndex(m, ix), null, ix.fields(), ix.unique(),
          false));
    }
    return out;
  }

  /** UniqueKeyField and UniqueField refuse a second row with the same value. */
  public static boolean isUnique(FieldDef f) {
    return f.fieldClass() == FieldClass.UNIQUE_KEY_FIELD
        || f.fieldClass() == FieldClass.UNIQUE_FIELD;
  }

  /** The key pattern of a field's index, or null when its class maintains none. */
  public static String pattern(IndexKeys keys, ModelDef model, FieldDef f) {
    String prefix = keys.fieldKey(model, f);
    switch (f.fieldClass().indexKind()) {
      case VALUE_SET:
      case REVERSE_SET:
      case TAG_SET:
        return prefix + ":*";
      case SORTED_SET:
        return prefix + ":*".repeat(f.partitionBy().size());
      case GEO:
        return prefix;
      default:
        return null;
    }
  }
}
