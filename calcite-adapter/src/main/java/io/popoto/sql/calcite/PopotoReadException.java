package io.popoto.sql.calcite;

/** A row that cannot be read in strict mode; the driver turns it into an SQLException. */
public class PopotoReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PopotoReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
