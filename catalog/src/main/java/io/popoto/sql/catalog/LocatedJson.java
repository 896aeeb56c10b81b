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
      String message = e.getOriginalMessage();
      int newline = message.indexOf('\n');
      if (newline >= 0) {
        message = message.substring(0, newline);
      }
      // Jackson points at the opening brace through a redacted source description.
      message = message.replaceAll("\\(start marker at \\[Source:.*line: (\\d+), column: (\\d+)\\]\\)",
          "(opened at line $1, column $2)");
      throw new CatalogException(new LocatedJson(file).at(e.getLocation()),
          "JSON syntax error: " + message);
    } catch (IOException e) {
      throw new CatalogException(new SourcePosition(file, 0, 0),
          "Cannot read the catalog: " + e.getMessage());
    }
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
