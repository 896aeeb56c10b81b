package io.popoto.sql.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readings straight from an envelope's bytes ({@link ValueCodec#dateTimeMillis}, and
 * {@link DirectValues#read} for every envelope type) answer only what the full reading
 * answers: on seeded random payloads in and around the shapes Popoto writes (legacy and ISO,
 * every fraction length, offsets of every form, fields out of range, stray characters), in
 * every envelope layout (either order, names and payloads in other str formats, a false tag,
 * a byte too many or too few), for both lines and naive zones with fixed and changing offsets.
 */
class DateTimeBytesTest {
  private static final List<ValueCodec> CODECS = List.of(
      new ValueCodec(new Catalog(FormatLine.V0_8, ZoneId.of("UTC"), List.of())),
      new ValueCodec(new Catalog(FormatLine.V0_8, ZoneId.of("+05:30"), List.of())),
      new ValueCodec(new Catalog(FormatLine.V0_8, ZoneId.of("Europe/Berlin"), List.of())),
      new ValueCodec(new Catalog(FormatLine.V0_8, null, List.of())),
      new ValueCodec(new Catalog(FormatLine.NEWEST, null, List.of())));
  private static final String[] TAGS = {Envelope.DATETIME, Envelope.DATE, Envelope.TIME,
      Envelope.DECIMAL, Envelope.DATAFRAME};

  @Test
  void epochMillisAreTheFullReadingsInstantWhereverTheyAnswer() {
    Random random = new Random(20261204);
    FieldDef field = field(ValueType.DATETIME);
    int answered = 0;
    int popotoShapes = 0;
    int popotoAnswered = 0;
    for (int round = 0; round < 20_000; round++) {
      boolean popoto = round % 2 == 0; // exactly what Popoto writes, or something near it
      String payload = popoto ? popotoPayload(random) : oddPayload(random);
      byte[] bytes = popoto ? envelope(Envelope.DATETIME, payload, true, 0, true, 0)
          : randomEnvelope(random, Envelope.DATETIME, payload);
      for (ValueCodec codec : CODECS) {
        long millis = codec.dateTimeMillis(bytes);
        Object full = outcome(codec, field, bytes);
        String what = payload + " " + Arrays.toString(bytes);
        if (millis != ValueCodec.NO_MILLIS) {
          answered++;
          assertTrue(full instanceof LocalDateTime, what + ": " + full);
          assertEquals(((LocalDateTime) full).toInstant(ZoneOffset.UTC).toEpochMilli(), millis,
              what);
        }
        if (popoto) {
          popotoShapes++;
          popotoAnswered += millis != ValueCodec.NO_MILLIS ? 1 : 0;
        }
      }
    }
    assertTrue(answered > 20_000, "answered " + answered);
    // every Popoto shape is read in place, except naive values in a zone with daylight saving
    assertTrue(popotoAnswered >= popotoShapes * 7 / 10, popotoAnswered + " of " + popotoShapes);
  }

  @Test
  void envelopesReadInPlaceGiveWhatTheUnpackerGives() {
    Random random = new Random(4);
    int answered = 0;
    for (int round = 0; round < 10_000; round++) {
      String tag = TAGS[random.nextInt(TAGS.length)];
      ValueType type = typeOf(tag);
      String payload = switch (type) {
        case DATETIME -> random.nextBoolean() ? popotoPayload(random) : oddPayload(random);
        case DATE -> random.nextBoolean() ? "2024" + two(random, 14) + two(random, 33)
            : "2024-0" + random.nextInt(10) + "-1" + random.nextInt(10);
        case TIME -> two(random, 25) + ":" + two(random, 61) + (random.nextBoolean()
            ? ":" + two(random, 61) + ".5" : "") + (random.nextBoolean() ? "+02:00" : "");
        case DECIMAL -> List.of("18.50", "0.10", "1E+3", "-0", "NaN", "x", "", "3.64")
            .get(random.nextInt(8));
        default -> "{\"a\":{\"0\":" + random.nextInt(100) + "}}";
      };
      String bytesTag = random.nextInt(10) == 0 ? TAGS[random.nextInt(TAGS.length)] : tag;
      byte[] bytes = randomEnvelope(random, bytesTag, payload);
      Object inPlace = DirectValues.read(type, bytes);
      Object unpacked = DirectValues.streamed(type, bytes);
      assertEquals(unpacked, inPlace, type + " " + payload + " " + Arrays.toString(bytes));
      answered += inPlace != DirectValues.UNDECIDED ? 1 : 0;
    }
    assertTrue(answered > 3_000, "answered " + answered);
  }

  /** A payload as Popoto writes it: 0.8's legacy text, or 1.x isoformat() naive or UTC. */
  private static String popotoPayload(Random random) {
    LocalDateTime t = LocalDateTime.of(1 + random.nextInt(9999), 1, 1, 0, 0)
        .plusDays(random.nextInt(366)).plusSeconds(random.nextInt(86_400))
        .plusNanos(random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000) * 1000L);
    switch (random.nextInt(3)) {
      case 0: // strftime("%Y%m%dT%H:%M:%S.%f")
        return String.format("%04d%02d%02dT%02d:%02d:%02d.%06d", t.getYear(), t.getMonthValue(),
            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
      case 1:
        return isoformat(t, "");
      default:
        return isoformat(t, random.nextBoolean() ? "+00:00" : "-07:00");
    }
  }

  /** Python's isoformat(): the fraction only when there is one, always six digits. */
  private static String isoformat(LocalDateTime t, String offset) {
    String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    return s + (t.getNano() == 0 ? "" : String.format(".%06d", t.getNano() / 1000)) + offset;
  }

  /** A payload near Popoto's shapes: any field may be out of range, short, long or odd. */
  private static String oddPayload(Random random) {
    StringBuilder s = new StringBuilder();
    int yearDigits = random.nextInt(8) == 0 ? 3 + random.nextInt(3) : 4;
    for (int i = 0; i < yearDigits; i++) {
      s.append(random.nextInt(10));
    }
    boolean legacy = random.nextBoolean();
    if (legacy) {
      s.append(two(random, 14)).append(two(random, 33));
    } else {
      s.append('-').append(two(random, 14)).append('-').append(two(random, 33));
    }
    s.append(legacy || random.nextInt(3) > 0 ? 'T' : random.nextInt(4) == 0 ? 'x' : ' ');
    s.append(two(random, 25)).append(':').append(two(random, 61));
    if (random.nextInt(5) > 0) {
      s.append(':').append(two(random, 61));
      if (random.nextInt(4) > 0) {
        s.append('.');
        for (int i = random.nextInt(11); i > 0; i--) {
          s.append(random.nextInt(10));
        }
      }
    }
    switch (random.nextInt(9)) {
      case 0 -> s.append('Z');
      case 1 -> s.append('+').append(two(random, 20)).append(':').append(two(random, 61));
      case 2 -> s.append('-').append(two(random, 20)).append(':').append(two(random, 61));
      case 3 -> s.append('+').append(two(random, 20)).append(two(random, 61));
      case 4 -> s.append('+').append(two(random, 19));
      case 5 -> s.append("+05:30:15");
      case 6 -> s.append(random.nextBoolean() ? "z" : " ");
      default -> { }
    }
    if (random.nextInt(12) == 0) { // one stray character anywhere
      s.setCharAt(random.nextInt(s.length()), "0a:-.T +é".charAt(random.nextInt(9)));
    }
    return s.toString();
  }

  private static String two(Random random, int below) {
    return String.format("%02d", random.nextInt(below));
  }

  /** An envelope in any layout: either order, other str formats, a false tag, a byte off. */
  private static byte[] randomEnvelope(Random random, String tag, String payload) {
    byte[] b = envelope(tag, payload, random.nextBoolean(), random.nextInt(6) == 0 ? 1 : 0,
        random.nextInt(12) > 0, random.nextInt(4));
    switch (random.nextInt(16)) {
      case 0: return Arrays.copyOf(b, b.length + 1); // a nil after it
      case 1: return Arrays.copyOf(b, b.length - 1);
      default: return b;
    }
  }

  /**
   * {@code {tag: flag, "as_encodable": payload}}, tag first or not; names as fixstr (0) or
   * str8 (1); the payload as the smallest str (0), str8 (1), str16 (2) or str32 (3).
   */
  private static byte[] envelope(String tag, String payload, boolean tagFirst, int nameFormat,
      boolean flag, int payloadFormat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x82);
    if (tagFirst) {
      str(out, tag, nameFormat);
      out.write(flag ? 0xc3 : 0xc2);
    }
    str(out, Envelope.PAYLOAD, nameFormat);
    str(out, payload, payloadFormat);
    if (!tagFirst) {
      str(out, tag, nameFormat);
      out.write(flag ? 0xc3 : 0xc2);
    }
    return out.toByteArray();
  }

  private static void str(ByteArrayOutputStream out, String text, int format) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (format == 0 && b.length < 32) {
      out.write(0xa0 | b.length);
    } else if (format <= 1 && b.length < 256) {
      out.write(0xd9);
      out.write(b.length);
    } else if (format <= 2) {
      out.write(0xda);
      out.write(b.length >> 8);
      out.write(b.length);
    } else {
      out.write(0xdb);
      out.writeBytes(new byte[] {0, 0, (byte) (b.length >> 8), (byte) b.length});
    }
    out.writeBytes(b);
  }

  private static Object outcome(ValueCodec codec, FieldDef field, byte[] bytes) {
    try {
      return codec.decodeTree("Order:1", field, bytes);
    } catch (PopotoDecodeException e) {
      return e;
    }
  }

  private static FieldDef field(ValueType type) {
    return new FieldDef("f", FieldClass.FIELD, type, true, null, List.of(), null, null, false,
        null);
  }

  private static ValueType typeOf(String tag) {
    switch (tag) {
      case Envelope.DATETIME: return ValueType.DATETIME;
      case Envelope.DATE: return ValueType.DATE;
      case Envelope.TIME: return ValueType.TIME;
      case Envelope.DECIMAL: return ValueType.DECIMAL;
      default: return ValueType.DATAFRAME;
    }
  }
}
