package io.popoto.sql.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one table access reads: which columns. It travels into generated code as a JSON string
 * constant, so a plan compiled once can be executed many times.
 *
 * @param columns indexes into the table's columns, in output order
 */
public record ScanSpec(List<Integer> columns) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ScanSpec> PARSED = new ConcurrentHashMap<>();

  public ScanSpec {
    columns = List.copyOf(columns);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ScanSpec fromJson(String json) {
    return PARSED.computeIfAbsent(json, j -> {
      try {
        return JSON.readValue(j, ScanSpec.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("bad scan spec " + j, e);
      }
    });
  }
}
