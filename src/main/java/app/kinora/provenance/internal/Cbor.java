package app.kinora.provenance.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CBOR as C2PA writes it: definite lengths, maps in the order given, integer keys where COSE wants
 * them. Values are maps, lists, text, whole numbers, booleans, byte arrays, {@code null} and
 * {@link Tagged}. Reading gives Jackson's tree (integer keys become their decimal text).
 */
final class Cbor {

  private static final CBORMapper MAPPER = CBORMapper.builder().build();

  private static final int MAX_DEPTH = 64;

  private Cbor() {}

  /** A value with a CBOR tag, e.g. COSE_Sign1's 18. */
  record Tagged(int tag, Object value) {}

  static byte[] encode(Object value) {
    var bytes = new ByteArrayOutputStream();
    try (var generator = (CBORGenerator) MAPPER.createGenerator(bytes)) {
      write(generator, value);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads one CBOR item into a tree, refusing items nested deeper than any manifest needs (the
   * bytes come from files anyone may upload to {@code /verify}).
   */
  static JsonNode decode(byte[] bytes) {
    try {
      return readOne(bytes);
    } catch (JacksonException e) {
      throw new MalformedManifest("a value is not valid CBOR");
    }
  }

  private static JsonNode readOne(byte[] bytes) {
    try (var parser = MAPPER.createParser(bytes)) {
      var token = parser.nextToken();
      if (token == null) {
        throw new MalformedManifest("empty CBOR");
      }
      var node = read(parser, token, 0);
      if (parser.nextToken() != null) {
        throw new MalformedManifest("CBOR with bytes after its value");
      }
      return node;
    }
  }

  private static JsonNode read(JsonParser parser, JsonToken token, int depth) {
    if (depth > MAX_DEPTH) {
      throw new MalformedManifest("CBOR nested too deeply");
    }
    var nodes = JsonNodeFactory.instance;
    return switch (token) {
      case START_OBJECT -> {
        var object = nodes.objectNode();
        for (var next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          var name = parser.currentName();
          object.set(name, read(parser, parser.nextToken(), depth + 1));
        }
        yield object;
      }
      case START_ARRAY -> {
        var array = nodes.arrayNode();
        for (var next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(read(parser, next, depth + 1));
        }
        yield array;
      }
      case VALUE_EMBEDDED_OBJECT -> {
        var out = new ByteArrayOutputStream();
        parser.readBinaryValue(out);
        yield nodes.binaryNode(out.toByteArray());
      }
      case VALUE_STRING -> nodes.stringNode(parser.getString());
      case VALUE_NUMBER_INT -> nodes.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new MalformedManifest("unexpected CBOR " + token);
    };
  }

  private static void write(CBORGenerator out, Object value) {
    switch (value) {
      case null -> out.writeNull();
      case Tagged tagged -> {
        out.writeTag(tagged.tag());
        write(out, tagged.value());
      }
      case Map<?, ?> map -> {
        out.writeStartObject(map, map.size());
        for (var entry : map.entrySet()) {
          if (entry.getKey() instanceof Number number) {
            out.writePropertyId(number.longValue());
          } else {
            out.writeName((String) entry.getKey());
          }
          write(out, entry.getValue());
        }
        out.writeEndObject();
      }
      case List<?> list -> {
        out.writeStartArray(list, list.size());
        for (var item : list) {
          write(out, item);
        }
        out.writeEndArray();
      }
      case byte[] bytes -> out.writeBinary(bytes);
      case String text -> out.writeString(text);
      case Boolean bool -> out.writeBoolean(bool);
      case Integer number -> out.writeNumber(number);
      case Long number -> out.writeNumber(number);
      default ->
        throw new IllegalArgumentException(
            "no CBOR form for " + value.getClass().getSimpleName());
    }
  }
}
