package io.popoto.sql.codec;

import io.popoto.sql.catalog.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

/**
 * Reads a scalar, list, dict or envelope column value (str, int, float, bool, bytes,
 * relationship key, list and dict as JSON text, Decimal, date, time, datetime, DataFrame)
 * straight from its msgpack bytes with the streaming unpacker: no value tree, no map for an
 * envelope. A full scan decodes several of these per
 * row, and the tree was most of their cost (docs/performance.md).
 *
 * <p>Only the well-formed shapes Popoto writes are read here. Anything else (a type that does
 * not fit, a malformed or odd envelope, trailing bytes, invalid UTF-8, a bad number or date,
 * an int beyond 64 bits) is {@link #UNDECIDED}, and {@link ValueCodec} reads those bytes the
 * full way, which gives the same values and names every error exactly as it always has.
 */
final class DirectValues {
  /** The bytes need the full reading. */
  static final Object UNDECIDED = new Object();

  private static final byte[] PAYLOAD = ascii(Envelope.PAYLOAD);
  private static final byte[] DECIMAL = ascii(Envelope.DECIMAL);
  private static final byte[] DATE = ascii(Envelope.DATE);
  private static final byte[] TIME = ascii(Envelope.TIME);
  private static final byte[] DATETIME = ascii(Envelope.DATETIME);
  private static final byte[] DATAFRAME = ascii(Envelope.DATAFRAME);

  private DirectValues() {}

  private static byte[] ascii(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The value as {@link ValueCodec} returns it, except that time and datetime are
   * {@link TemporalPayloads.Stamp}s still to be moved to UTC; null for a msgpack nil.
   */
  static Object read(ValueType type, byte[] bytes) {
    if (bytes == null || bytes.length == 0 || !direct(type)) {
      return UNDECIDED;
    }
    Object scalar = scalar(type, bytes);
    if (scalar == NOT_SCALAR) {
      scalar = enveloped(type, bytes);
    }
    return scalar != NOT_SCALAR ? scalar : streamed(type, bytes);
  }

  /**
   * An envelope column's value (Decimal, date, time, datetime, DataFrame) when its bytes are
   * the envelope as Popoto packs it ({@link #envelopeRange}): the payload read in place, without
   * the unpacker, the names' copies or the map reading; else {@link #NOT_SCALAR}.
   */
  private static Object enveloped(ValueType type, byte[] bytes) {
    byte[] tag = tagOf(type);
    long range = tag == null ? -1 : envelopeRange(bytes, tag);
    if (range < 0) {
      return NOT_SCALAR;
    }
    String payload = JsonText.strictText(bytes, (int) (range >>> 32), (int) range);
    if (payload == null) {
      return NOT_SCALAR;
    }
    try {
      return fromPayload(type, payload);
    } catch (RuntimeException e) {
      return NOT_SCALAR; // the full reading words the failure
    }
  }

  /**
   * Where the str payload of the envelope {@code {tag: true, "as_encodable": str}} lies in its
   * bytes, as {@code from << 32 | to}, when they are that map exactly, its two names fixstrs in
   * either order (the way Popoto's msgpack writes them) and the payload a fixstr, str8 or str16;
   * -1 for any other bytes, which the unpacker then reads.
   */
  static long envelopeRange(byte[] b, byte[] tag) {
    if (b.length < 4 || (b[0] & 0xff) != 0x82) {
      return -1;
    }
    int afterTag = name(b, 1, tag);
    if (afterTag > 0) {
      if (afterTag >= b.length || (b[afterTag] & 0xff) != 0xc3) {
        return -1;
      }
      int atPayload = name(b, afterTag + 1, PAYLOAD);
      long range = atPayload < 0 ? -1 : str(b, atPayload);
      return range >= 0 && (int) range == b.length ? range : -1;
    }
    int atPayload = name(b, 1, PAYLOAD);
    long range = atPayload < 0 ? -1 : str(b, atPayload);
    if (range < 0) {
      return -1;
    }
    int end = name(b, (int) range, tag);
    return end > 0 && end == b.length - 1 && (b[end] & 0xff) == 0xc3 ? range : -1;
  }

  /** The index after {@code name} as a fixstr at {@code b[at]}; -1 when it is not there. */
  private static int name(byte[] b, int at, byte[] name) {
    int end = at + 1 + name.length;
    if (end > b.length || (b[at] & 0xff) != (0xa0 | name.length)) {
      return -1;
    }
    return Arrays.equals(b, at + 1, end, name, 0, name.length) ? end : -1;
  }

  /** The range of the fixstr, str8 or str16 whose header is at {@code b[at]}; else -1. */
  private static long str(byte[] b, int at) {
    if (at >= b.length) {
      return -1;
    }
    int head = b[at] & 0xff;
    int from;
    int length;
    if (head >= 0xa0 && head <= 0xbf) {
      from = at + 1;
      length = head & 0x1f;
    } else if (head == 0xd9 && at + 1 < b.length) {
      from = at + 2;
      length = b[at + 1] & 0xff;
    } else if (head == 0xda && at + 2 < b.length) {
      from = at + 3;
      length = (b[at + 1] & 0xff) << 8 | b[at + 2] & 0xff;
    } else {
      return -1;
    }
    return from + length > b.length ? -1 : (long) from << 32 | (from + length);
  }

  /** The datetime envelope's tag, for {@link ValueCodec#dateTimeMillis}. */
  static byte[] dateTimeTag() {
    return DATETIME;
  }

  /** {@link #read} with the streaming unpacker alone: every shape {@link #scalar} leaves. */
  static Object streamed(ValueType type, byte[] bytes) {
    if (bytes == null || bytes.length == 0 || !direct(type)) {
      return UNDECIDED;
    }
    Reader reader = READER.get();
    try {
      MessageUnpacker in = reader.over(bytes);
      if (type == ValueType.LIST && in.getNextFormat().getValueType()
          == org.msgpack.value.ValueType.ARRAY) {
        String flat = JsonText.flatArray(in);
        if (flat != null) {
          return in.hasNext() ? UNDECIDED : flat;
        }
        in = reader.over(bytes); // floats or nested values: the generator's writing, from the start
      }
      Object value = value(type, in);
      return in.hasNext() ? UNDECIDED : value;
    } catch (IOException | RuntimeException e) {
      return UNDECIDED; // the full reading words the failure
    }
  }

  /** Not one of the shapes {@link #scalar} reads: the unpacker reads it. */
  private static final Object NOT_SCALAR = new Object();

  /**
   * The one-header scalars most columns hold, read off their first bytes when the value fills
   * the bytes exactly: nil; for str and key columns a str of up to 64 KiB; for int and float
   * columns every int format (and float32/64 for float columns); for bool columns true and
   * false. Fetching the thread's unpacker and pointing it at the bytes cost as much as reading
   * such a value. Everything else is {@link #NOT_SCALAR}, and the unpacker gives what it always
   * gave, so the two readings agree wherever this one answers ({@code DirectValuesTest}).
   */
  private static Object scalar(ValueType type, byte[] b) {
    int head = b[0] & 0xff;
    int n = b.length;
    if (head == 0xc0) {
      return n == 1 ? null : NOT_SCALAR;
    }
    switch (type) {
      case STR: case KEY:
        long range = str(b, 0);
        return range < 0 || (int) range != n ? NOT_SCALAR
            : orUndecided(JsonText.strictText(b, (int) (range >>> 32), n));
      case INT:
        return integer(head, b);
      case FLOAT:
        if (head == 0xcb && n == 9) {
          return Double.longBitsToDouble(bigEndian(b, 1, 8));
        }
        if (head == 0xca && n == 5) {
          return (double) Float.intBitsToFloat((int) bigEndian(b, 1, 4));
        }
        Object whole = integer(head, b);
        return whole instanceof Long l ? (Object) (double) l : whole;
      case BOOL:
        return n != 1 ? NOT_SCALAR : head == 0xc3 ? Boolean.TRUE
            : head == 0xc2 ? Boolean.FALSE : NOT_SCALAR;
      default:
        return NOT_SCALAR;
    }
  }

  /** An int of any msgpack int format filling the bytes, as a Long; else NOT_SCALAR. */
  private static Object integer(int head, byte[] b) {
    int n = b.length;
    if (head <= 0x7f || head >= 0xe0) {
      return n == 1 ? (Object) (long) (byte) head : NOT_SCALAR;
    }
    switch (head) {
      case 0xcc: return n == 2 ? (Object) bigEndian(b, 1, 1) : NOT_SCALAR;
      case 0xcd: return n == 3 ? (Object) bigEndian(b, 1, 2) : NOT_SCALAR;
      case 0xce: return n == 5 ? (Object) bigEndian(b, 1, 4) : NOT_SCALAR;
      case 0xcf: // beyond a long: the unpacker's overflow
        return n == 9 && b[1] >= 0 ? (Object) bigEndian(b, 1, 8) : NOT_SCALAR;
      case 0xd0: return n == 2 ? (Object) (long) b[1] : NOT_SCALAR;
      case 0xd1: return n == 3 ? (Object) (long) (short) bigEndian(b, 1, 2) : NOT_SCALAR;
      case 0xd2: return n == 5 ? (Object) (long) (int) bigEndian(b, 1, 4) : NOT_SCALAR;
      case 0xd3: return n == 9 ? (Object) bigEndian(b, 1, 8) : NOT_SCALAR;
      default: return NOT_SCALAR;
    }
  }

  /** {@code count} bytes from {@code from}, big-endian, unsigned (8 bytes: the long's bits). */
  private static long bigEndian(byte[] b, int from, int count) {
    long v = 0;
    for (int i = from; i < from + count; i++) {
      v = v << 8 | (b[i] & 0xff);
    }
    return v;
  }

  /**
   * One unpacker per thread, pointed at each value in turn: a new one per value (its input, its
   * buffer wrapper, its first buffer fetch) cost as much as reading a short value.
   */
  private static final ThreadLocal<Reader> READER = ThreadLocal.withInitial(Reader::new);

  private static final class Reader {
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);

    MessageUnpacker over(byte[] bytes) throws IOException {
      input.reset(bytes);
      unpacker.reset(input);
      return unpacker;
    }
  }

  private static boolean direct(ValueType type) {
    switch (type) {
      case SET: case TUPLE: case GEO: return false; // sorted, or envelopes: from a tree
      default: return true;
    }
  }

  private static Object value(ValueType type, MessageUnpacker in) throws IOException {
    MessageFormat format = in.getNextFormat();
    if (format == MessageFormat.NIL) {
      in.unpackNil();
      return null;
    }
    org.msgpack.value.ValueType found = format.getValueType();
    switch (type) {
      case STR: case KEY:
        return found.isRawType() ? orUndecided(JsonText.strictText(raw(in, found))) : UNDECIDED;
      case BYTES: return found.isRawType() ? raw(in, found) : UNDECIDED;
      case INT: return found == org.msgpack.value.ValueType.INTEGER ? in.unpackLong() : UNDECIDED;
      case FLOAT:
        if (found == org.msgpack.value.ValueType.FLOAT) {
          return in.unpackDouble();
        }
        return found == org.msgpack.value.ValueType.INTEGER ? (double) in.unpackLong() : UNDECIDED;
      case BOOL:
        return found == org.msgpack.value.ValueType.BOOLEAN ? in.unpackBoolean() : UNDECIDED;
      case LIST: // JSON text written as the array is read
        return found == org.msgpack.value.ValueType.ARRAY ? JsonText.streamed(in) : UNDECIDED;
      case DICT:
        return found == org.msgpack.value.ValueType.MAP ? JsonText.streamed(in) : UNDECIDED;
      default:
        if (found != org.msgpack.value.ValueType.MAP) {
          return UNDECIDED;
        }
        String payload = envelopePayload(in, tagOf(type));
        return payload == null ? UNDECIDED : fromPayload(type, payload);
    }
  }

  /**
   * The str payload of the two-entry map {@code {tag: true, "as_encodable": str}} (either
   * order), or null for any other map.
   */
  private static String envelopePayload(MessageUnpacker in, byte[] tag) throws IOException {
    if (in.unpackMapHeader() != 2) {
      return null;
    }
    String payload = null;
    boolean tagged = false;
    for (int i = 0; i < 2; i++) {
      if (in.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
        return null;
      }
      // compared as bytes: unpackString sets up a charset decoder (and an 8 KiB buffer) per
      // unpacker, which cost more than the rest of the row
      byte[] name = raw(in, org.msgpack.value.ValueType.STRING);
      org.msgpack.value.ValueType next = in.getNextFormat().getValueType();
      if (Arrays.equals(name, PAYLOAD) && payload == null
          && next == org.msgpack.value.ValueType.STRING) {
        payload = JsonText.strictText(raw(in, next));
        if (payload == null) {
          return null;
        }
      } else if (Arrays.equals(name, tag) && !tagged && next == org.msgpack.value.ValueType.BOOLEAN
          && in.unpackBoolean()) {
        tagged = true;
      } else {
        return null;
      }
    }
    return tagged ? payload : null;
  }

  private static Object fromPayload(ValueType type, String payload) {
    switch (type) {
      case DECIMAL: return new BigDecimal(payload);
      case DATE: return TemporalPayloads.date(payload);
      case TIME: return TemporalPayloads.time(payload);
      case DATETIME: return TemporalPayloads.dateTime(payload);
      default: return payload; // DATAFRAME: pandas' JSON text
    }
  }

  /** The envelope tag of an envelope column type; null for the others. */
  private static byte[] tagOf(ValueType type) {
    switch (type) {
      case DECIMAL: return DECIMAL;
      case DATE: return DATE;
      case TIME: return TIME;
      case DATETIME: return DATETIME;
      case DATAFRAME: return DATAFRAME;
      default: return null;
    }
  }

  private static byte[] raw(MessageUnpacker in, org.msgpack.value.ValueType found)
      throws IOException {
    int length = found == org.msgpack.value.ValueType.STRING
        ? in.unpackRawStringHeader() : in.unpackBinaryHeader();
    return in.readPayload(length);
  }

  private static Object orUndecided(Object value) {
    return value == null ? UNDECIDED : value;
  }
}
