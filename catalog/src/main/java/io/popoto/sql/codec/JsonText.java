package io.popoto.sql.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;

/**
 * Renders nested msgpack values (list, dict, set and tuple columns) as JSON text. Nested maps are
 * never treated as envelopes, as in Popoto. Map keys are stringified like Python's json.dumps
 * (1 → "1", 1.5 → "1.5", True → "true", None → "null"); bin keys, as msgpack-numpy writes them,
 * become their UTF-8 text; bin values and undecodable bin keys become base64.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /**
   * The JSON text of a value tree: packed again and read the one way below, so that a list
   * read straight from its reply bytes ({@link DirectValues}) and one read through a tree (a
   * fallback, a tuple's payload, a capped list's item, a set's element) are written alike.
   */
  static String of(Value value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packValue(value);
      packer.flush();
      try (MessageUnpacker in = MessagePack.newDefaultUnpacker(packer.toByteArray())) {
        return streamed(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON text of the unpacker's next value, read without building a value tree. */
  static String streamed(MessageUnpacker in) throws IOException {
    return written(g -> writeValue(g, in));
  }

  /**
   * The JSON text of an array of strings, ints, bools and nils, the shape most list columns
   * hold (keys, words, ids), or null for any other array, which {@link #streamed} then writes
   * from its start. The text is the generator's: the same separators, Jackson's own string
   * quoting, ints as the generator writes longs; a generator per value cost more than the
   * writing, a list column is one per row, and floats and nested values are left to it.
   */
  static String flatArray(MessageUnpacker in) throws IOException {
    int n = in.unpackArrayHeader();
    FlatText out = new FlatText(2 + 48 * n);
    out.ascii('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      MessageFormat format = in.getNextFormat();
      switch (format.getValueType()) {
        case NIL -> {
          in.unpackNil();
          out.ascii("null");
        }
        case BOOLEAN -> out.ascii(in.unpackBoolean() ? "true" : "false");
        case INTEGER -> out.ascii(format == MessageFormat.UINT64
            ? in.unpackBigInteger().toString() // as the generator writes it, long or not
            : Long.toString(in.unpackLong()));
        case STRING -> out.string(in, in.unpackRawStringHeader());
        default -> {
          return null;
        }
      }
    }
    out.ascii(']');
    return out.toString();
  }

  /**
   * The text {@link #flatArray} writes: bytes while it is all ASCII that JSON writes as it is,
   * the payloads read straight into them and the text made once at the end; from the first
   * string that needs quoting or decoding on, Jackson's quoting into a StringBuilder. Decoding
   * and quoting every string of a list column char by char was a sixth of a full scan's client
   * CPU, and most lists hold keys and words of plain ASCII.
   */
  private static final class FlatText {
    private byte[] bytes;
    private int length;
    private StringBuilder text;

    FlatText(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    void ascii(char c) {
      if (text != null) {
        text.append(c);
        return;
      }
      room(1);
      bytes[length++] = (byte) c;
    }

    void ascii(String s) {
      if (text != null) {
        text.append(s);
        return;
      }
      int n = s.length();
      room(n);
      for (int i = 0; i < n; i++) {
        bytes[length++] = (byte) s.charAt(i); // ASCII: one byte per char
      }
    }

    void string(MessageUnpacker in, int size) throws IOException {
      if (text == null) {
        room(size + 2);
        int from = length + 1;
        in.readPayload(bytes, from, size);
        if (plain(bytes, from, from + size)) {
          bytes[length] = '"';
          bytes[from + size] = '"';
          length = from + size + 1;
          return;
        }
        byte[] payload = Arrays.copyOfRange(bytes, from, from + size);
        text = new StringBuilder(bytes.length + size)
            .append(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
        quoted(payload);
        return;
      }
      quoted(in.readPayload(size));
    }

    private void quoted(byte[] payload) {
      text.append('"');
      QUOTE.quoteAsString(lenientText(payload), text);
      text.append('"');
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    /** ASCII that Jackson's quoting leaves as it is: no control char, quote or backslash. */
    private static boolean plain(byte[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        byte c = b[i];
        if (c < 0x20 || c == '"' || c == '\\') { // bytes above 0x7f are negative
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return text != null ? text.toString()
          : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
  }

  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

  /** A set's elements in a stable order (Popoto stores them in arbitrary order). */
  static String sortedArray(ArrayValue array) {
    List<Value> elements = new ArrayList<>(array.list());
    elements.sort(SET_ORDER);
    try {
      return written(g -> {
        g.writeStartArray();
        for (Value v : elements) {
          g.writeRawValue(of(v));
        }
        g.writeEndArray();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * What {@code body} writes, as text: on Jackson's recycled buffers, as its own
   * writeValueAsString does (a StringWriter appends to a synchronized buffer and copies it once
   * more, and a list column is one of these per row).
   */
  private static String written(Body body) throws IOException {
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        body.write(g);
      }
      return out.getAndClear();
    } finally {
      recycler.releaseToPool();
    }
  }

  private static void writeValue(JsonGenerator g, MessageUnpacker in) throws IOException {
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL -> {
        in.unpackNil();
        g.writeNull();
      }
      case BOOLEAN -> g.writeBoolean(in.unpackBoolean());
      case INTEGER -> {
        if (format == MessageFormat.UINT64) {
          BigInteger big = in.unpackBigInteger();
          if (big.bitLength() < 64) {
            g.writeNumber(big.longValue());
          } else {
            g.writeNumber(big);
          }
        } else {
          g.writeNumber(in.unpackLong());
        }
      }
      case FLOAT -> g.writeNumber(in.unpackDouble());
      case STRING -> g.writeString(lenientText(in.readPayload(in.unpackRawStringHeader())));
      case BINARY -> g.writeString(base64(in.readPayload(in.unpackBinaryHeader())));
      case ARRAY -> {
        int n = in.unpackArrayHeader();
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
          writeValue(g, in);
        }
        g.writeEndArray();
      }
      case MAP -> {
        int n = in.unpackMapHeader();
        g.writeStartObject();
        for (int i = 0; i < n; i++) {
          g.writeFieldName(keyText(in));
          writeValue(g, in);
        }
        g.writeEndObject();
      }
      default -> {
        ExtensionTypeHeader ext = in.unpackExtensionTypeHeader();
        g.writeString(base64(in.readPayload(ext.getLength())));
      }
    }
  }

  private static String keyText(MessageUnpacker in) throws IOException {
    switch (in.getNextFormat().getValueType()) {
      case STRING: return lenientText(in.readPayload(in.unpackRawStringHeader()));
      case BINARY: {
        byte[] raw = in.readPayload(in.unpackBinaryHeader());
        String text = strictText(raw);
        return text != null ? text : base64(raw);
      }
      case INTEGER: return in.unpackBigInteger().toString();
      case FLOAT: return jsonFloatKey(in.unpackDouble());
      case BOOLEAN: return in.unpackBoolean() ? "true" : "false";
      case NIL:
        in.unpackNil();
        return "null";
      default: return of(in.unpackValue()); // an array, map or extension as a key: its JSON
    }
  }

  /** json.dumps writes float keys with float.__repr__, but NaN/Infinity as in JSON5. */
  private static String jsonFloatKey(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonText.floatRepr(d);
  }

  private static boolean isAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  static String strictText(byte[] bytes) {
    return strictText(bytes, 0, bytes.length);
  }

  /**
   * The strict UTF-8 text of {@code bytes[from..to)}, or null when it is not valid UTF-8. Read
   * in place: a str column's value is its reply bytes after the header, and copying them out
   * first was 7% of what a join's inner read allocated.
   */
  static String strictText(byte[] bytes, int from, int to) {
    int length = to - from;
    if (isAscii(bytes, from, to)) {
      return new String(bytes, from, length, StandardCharsets.US_ASCII); // no decoder
    }
    // Every malformed sequence decodes to U+FFFD, so text without one is valid as it is, and
    // other scripts and emoji need no decoder of their own per value
    String lenient = new String(bytes, from, length, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lenientText(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** nil, bools, numbers (by value), strings (by code point), then the rest by JSON text. */
  private static final Comparator<Value> SET_ORDER = (a, b) -> {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 1: return Boolean.compare(a.asBooleanValue().getBoolean(),
          b.asBooleanValue().getBoolean());
      case 2: return Double.compare(number(a), number(b));
      case 3: return compareCodePoints(lenientText(a.asRawValue().asByteArray()),
              lenientText(b.asRawValue().asByteArray()));
      default: return of(a).compareTo(of(b));
    }
  };

  private static int rank(Value v) {
    if (v.isNilValue()) {
      return 0;
    }
    if (v.isBooleanValue()) {
      return 1;
    }
    if (v.isNumberValue()) {
      return 2;
    }
    return v.isStringValue() ? 3 : 4;
  }

  private static double number(Value v) {
    return v.isIntegerValue() ? v.asIntegerValue().toBigInteger().doubleValue()
        : v.asFloatValue().toDouble();
  }

  /** Python's str order: by code point, not by UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
