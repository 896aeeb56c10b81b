package io.popoto.sql.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Parses JSON with comments into a {@link Located} tree, turning syntax errors into problems. */
final class LocatedJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();

  private final String file;

  private LocatedJson(String file) {
    this.file = file;
  }

  static Located parse(String file, InputStream in) throws CatalogException {
    // A Reader makes Jackson count columns in characters rather than UTF-8 bytes.
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        JsonParser parser = FACTORY.createParser(reader)) {
      LocatedJson json = new LocatedJson(file);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new CatalogException(new SourcePosition(file, 1, 1), "The catalog file is empty");
      }
      Located root = json.value(parser);
      if (parser.nextToken() != null) {
        throw new CatalogException(json.at(parser.currentTokenLocation()),
            "Unexpected content after the end of the catalog's top-level object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new CatalogException(new LocatedJson(file).at(e.getLocation()),
          "JSON syntax error: " + withoutContent(e.getOriginalMessage()));
    } catch (IOException e) {
      // Decoding errors name no bytes; the exception's class says what went wrong.
      throw new CatalogException(new SourcePosition(file, 0, 0),
          "Cannot read the catalog: " + e.getClass().getSimpleName()
          + (e instanceof java.nio.charset.CharacterCodingException ? " (not UTF-8 text)" : ""));
    }
  }

  /**
   * What Jackson found and expected, without anything it quotes from the file: a catalog path
   * may point at any file (a token, /etc/passwd), and its content must never reach a message.
   * Jackson's messages read "problem [quoted content]: expectation"; only its own words are
   * kept: the problem up to the first quote or parenthesis, and the expectation with quoted
   * text removed except single structural characters.
   */
  static String withoutContent(String message) {
    if (message == null || message.isBlank()) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    String text = newline >= 0 ? message.substring(0, newline) : message;
    int cut = text.length();
    for (char c : new char[] {'\'', '"', '(', ':'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String problem = text.substring(0, cut).strip();
    if (text.contains("out of range")) {
      problem += " out of range";
    }
    String expected = null;
    for (String marker : new String[] {"was expecting ", ": expected "}) {
      int i = text.indexOf(marker);
      if (i >= 0) {
        expected = text.substring(i + marker.length());
        break;
      }
    }
    if (expected != null) {
      expected = expected.replaceAll("\\((?:for \\w+ starting|start marker) at \\[Source:.*line: "
          + "(\\d+), column: (\\d+)\\]\\)", "(opened at line $1, column $2)")
          .replace("token 'null', 'true' or 'false'", "token null, true or false")
          .replaceAll("'([\\[\\]{}:,])'", "$1")
          .replaceAll("'[^']*'?|\"[^\"]*\"?|\\(code \\d+\\)|\\[Source:[^\\]]*\\]?", "")
          .replaceAll("\\s{2,}", " ").strip();
    }
    return (problem.isEmpty() ? "malformed JSON" : problem)
        + (expected == null || expected.isEmpty() ? "" : ": expected " + expected);
  }

  private Located value(JsonParser p) throws IOException {
    SourcePosition pos = at(p.currentTokenLocation());
    switch (p.currentToken()) {
      case START_OBJECT: {
        Located obj = new Located(Located.Kind.OBJECT, pos, null);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          SourcePosition keyPos = at(p.currentTokenLocation());
          p.nextToken();
          obj.members.add(new Located.Member(key, keyPos, value(p)));
        }
        return obj;
      }
      case START_ARRAY: {
        Located array = new Located(Located.Kind.ARRAY, pos, null);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.elements.add(value(p));
        }
        return array;
      }
      case VALUE_STRING: return new Located(Located.Kind.STRING, pos, p.getText());
      case VALUE_NUMBER_INT: return new Located(Located.Kind.INTEGER, pos, p.getLongValue());
      case VALUE_NUMBER_FLOAT: return new Located(Located.Kind.DECIMAL, pos, p.getText());
      case VALUE_TRUE: return new Located(Located.Kind.BOOLEAN, pos, Boolean.TRUE);
      case VALUE_FALSE: return new Located(Located.Kind.BOOLEAN, pos, Boolean.FALSE);
      default: return new Located(Located.Kind.NULL, pos, null);
    }
  }

  private SourcePosition at(JsonLocation location) {
    if (location == null) {
      return new SourcePosition(file, 0, 0);
    }
    return new SourcePosition(file, location.getLineNr(), location.getColumnNr());
  }
}
