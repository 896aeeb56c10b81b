package io.popoto.sql.catalog;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The models of one Popoto keyspace, with the facts Redis does not record: which Popoto line
 * wrote the data and in which time zone naive datetimes were written (spec 7).
 */
public final class Catalog {
  private final FormatLine formatLine;
  private final ZoneId naiveZone;
  private final Map<String, ModelDef> models;

  /**
   * @param formatLine which Popoto line wrote the data
   * @param naiveZone the zone naive datetimes were written in, or null when unknown
   * @param models the models, in declaration order
   */
  public Catalog(FormatLine formatLine, ZoneId naiveZone, List<ModelDef> models) {
    this.formatLine = formatLine == null ? FormatLine.V0_8 : formatLine;
    this.naiveZone = naiveZone;
    Map<String, ModelDef> map = new LinkedHashMap<>();
    for (ModelDef m : models) {
      map.put(m.name(), m);
    }
    this.models = Collections.unmodifiableMap(map);
  }

  public FormatLine formatLine() {
    return formatLine;
  }

  /** The zone naive datetimes were written in; null when the catalog does not know it. */
  public ZoneId naiveZone() {
    return naiveZone;
  }

  public List<ModelDef> models() {
    return List.copyOf(models.values());
  }

  /** The model with exactly this name, or null. */
  public ModelDef model(String name) {
    return models.get(name);
  }

  /** The model with this name ignoring case when the exact name is not declared, or null. */
  public ModelDef modelIgnoreCase(String name) {
    ModelDef exact = models.get(name);
    if (exact != null) {
      return exact;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (ModelDef m : models.values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return m;
      }
    }
    return null;
  }
}
