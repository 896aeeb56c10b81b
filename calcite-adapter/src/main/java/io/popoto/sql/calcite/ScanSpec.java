package io.popoto.sql.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one table access reads: which columns, found through which access path. It travels into
 * generated code as a JSON string constant, so a plan compiled once runs many times; statement
 * parameters are bound at execution.
 *
 * @param columns indexes into the table's columns, in output order
 * @param path where candidate keys come from; null means the class set
 * @param paramCount how many statement parameters the path may reference
 */
public record ScanSpec(List<Integer> columns, AccessPath path, int paramCount) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ScanSpec> PARSED = new ConcurrentHashMap<>();

  public ScanSpec {
    columns = List.copyOf(columns);
  }

  ScanSpec(List<Integer> columns) {
    this(columns, null, 0);
  }

  ScanSpec withColumns(List<Integer> newColumns) {
    return new ScanSpec(newColumns, path, paramCount);
  }

  ScanSpec withPath(AccessPath newPath, int newParamCount) {
    return new ScanSpec(columns, newPath, newParamCount);
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
