package io.popoto.sql.codec;

/** A hash value that cannot be read as its field's declared type. */
public class PopotoDecodeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final String field;
  private final String found;

  /**
   * @param key the Redis key of the hash (may be null when not known yet)
   * @param field the hash field
   * @param found what the bytes hold, in msgpack terms ("msgpack str", "map with __set__" ...)
   * @param message why it could not be decoded
   */
  public PopotoDecodeException(String key, String field, String found, String message) {
    super("Cannot decode field '" + field + "'" + (key == null ? "" : " of key '" + key + "'")
        + ": " + message + " (found " + found + ")");
    this.key = key;
    this.field = field;
    this.found = found;
  }

  public String key() {
    return key;
  }

  public String field() {
    return field;
  }

  public String found() {
    return found;
  }
}
