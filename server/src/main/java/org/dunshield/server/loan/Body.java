package org.dunshield.server.loan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Iterator;

/**
 * A request's JSON object and its fields as the loan desk reads them: text, or a number taken
 * exactly as written (never through {@code double}), or a boolean. Unknown fields are refused, so a
 * misspelt option is not silently ignored. Every error names the field.
 */
final class Body {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final JsonNode node;

  private Body(JsonNode node) {
    this.node = node;
  }

  /** Parses {@code text} as one JSON object whose fields are all in {@code known}. */
  static Body parse(String text, Collection<String> known) {
    JsonNode node;
    try {
      node = text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; expected "
            + String.join(", ", known));
      }
    }
    return new Body(node);
  }

  /** The field as text: a string as is, a number as written; {@code null} when absent or null. */
  String text(String field) {
    return text(node.get(field), "field '" + field + "'");
  }

  boolean flag(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("field '" + field + "' must be true or false");
    }
    return v.booleanValue();
  }

  JsonNode get(String field) {
    return node.get(field);
  }

  static String text(JsonNode v, String what) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return v.decimalValue().toPlainString();
    }
    throw new IllegalArgumentException(what + " must be a string or a number");
  }

  /** How error messages name a field of a JSON body: {@code field 'feeUpfront'}. */
  static String name(String field) {
    return "field '" + field + "'";
  }
}
