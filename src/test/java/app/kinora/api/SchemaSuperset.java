package app.kinora.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a schema of Kinora's OpenAPI document with OpenAI's, as plain maps (JSON or YAML read
 * as is), and lists every way in which a client written against OpenAI's could be surprised:
 *
 * <ul>
 *   <li>a property of OpenAI's that Kinora lacks;
 *   <li>a property OpenAI requires that Kinora does not;
 *   <li>a value type Kinora may answer that OpenAI's does not allow (null included);
 *   <li>enumerated values beyond OpenAI's, unless Kinora marks the property as its extension;
 * </ul>
 *
 * and, the other way round, a property Kinora adds without marking it {@code x-kinora-extension}.
 * Objects and arrays are compared all the way down; {@code $ref}s are followed in each document.
 */
final class SchemaSuperset {

  private final Map<String, Object> kinoraDocument;
  private final Map<String, Object> openAiDocument;
  private final List<String> problems = new ArrayList<>();

  private SchemaSuperset(Map<String, Object> kinoraDocument, Map<String, Object> openAiDocument) {
    this.kinoraDocument = kinoraDocument;
    this.openAiDocument = openAiDocument;
  }

  /** The differences of Kinora's schema {@code name} from OpenAI's of the same name; empty when none. */
  static List<String> problems(
      Map<String, Object> kinoraDocument, Map<String, Object> openAiDocument, String name) {
    var check = new SchemaSuperset(kinoraDocument, openAiDocument);
    var ref = "#/components/schemas/" + name;
    check.compare(name, check.resolve(kinoraDocument, ref), check.resolve(openAiDocument, ref));
    return check.problems;
  }

  private void compare(String where, Map<String, Object> kinora, Map<String, Object> openAi) {
    kinora = resolve(kinoraDocument, kinora);
    openAi = resolve(openAiDocument, openAi);
    var kinoraTypes = types(kinoraDocument, kinora);
    var openAiTypes = types(openAiDocument, openAi);
    if (!openAiTypes.isEmpty() && !openAiTypes.containsAll(kinoraTypes)) {
      problems.add(where + ": Kinora may answer " + kinoraTypes + ", OpenAI allows " + openAiTypes);
    }
    var openAiEnum = enumOf(openAiDocument, openAi);
    var kinoraEnum = enumOf(kinoraDocument, kinora);
    boolean marked = Boolean.TRUE.equals(kinora.get(ApiDocumentation.EXTENSION));
    if (openAiEnum != null && !marked) {
      if (kinoraEnum == null) {
        problems.add(where + ": OpenAI allows only " + openAiEnum + ", Kinora any value");
      } else if (!openAiEnum.containsAll(kinoraEnum)) {
        problems.add(where + ": Kinora's values " + kinoraEnum + " go beyond " + openAiEnum);
      }
    }
    var openAiObject = objectOf(openAiDocument, openAi);
    if (openAiObject != null) {
      var kinoraObject = objectOf(kinoraDocument, kinora);
      if (kinoraObject == null) {
        problems.add(where + ": not an object with properties in Kinora's schema");
        return;
      }
      compareObjects(where, kinoraObject, openAiObject);
    }
    var openAiItems = itemsOf(openAiDocument, openAi);
    if (openAiItems != null) {
      var kinoraItems = itemsOf(kinoraDocument, kinora);
      if (kinoraItems == null) {
        problems.add(where + ": not an array in Kinora's schema");
      } else {
        compare(where + "[]", kinoraItems, openAiItems);
      }
    }
  }

  private void compareObjects(
      String where, Map<String, Object> kinora, Map<String, Object> openAi) {
    var kinoraProperties = map(kinora.get("properties"));
    var openAiProperties = map(openAi.get("properties"));
    var kinoraRequired = strings(kinora.get("required"));
    for (var required : strings(openAi.get("required"))) {
      if (!kinoraRequired.contains(required)) {
        problems.add(where + "." + required + ": required by OpenAI, not by Kinora");
      }
    }
    for (var entry : openAiProperties.entrySet()) {
      var property = map(kinoraProperties.get(entry.getKey()));
      if (property.isEmpty()) {
        problems.add(where + "." + entry.getKey() + ": missing in Kinora's schema");
      } else {
        compare(where + "." + entry.getKey(), property, map(entry.getValue()));
      }
    }
    for (var entry : kinoraProperties.entrySet()) {
      if (!openAiProperties.containsKey(entry.getKey())
          && !Boolean.TRUE.equals(map(entry.getValue()).get(ApiDocumentation.EXTENSION))) {
        problems.add(where + "." + entry.getKey() + ": Kinora's addition is not marked "
            + ApiDocumentation.EXTENSION);
      }
    }
  }

  /** The JSON types a value may have: {@code type} (one or a list), {@code nullable}, {@code anyOf}/{@code oneOf}. */
  private Set<String> types(Map<String, Object> document, Map<String, Object> schema) {
    schema = resolve(document, schema);
    var types = new LinkedHashSet<String>();
    var type = schema.get("type");
    if (type instanceof String one) {
      types.add(one);
    } else if (type instanceof Collection<?> many) {
      many.forEach(t -> types.add(String.valueOf(t)));
    } else if (schema.containsKey("properties")) {
      types.add("object");
    }
    if (Boolean.TRUE.equals(schema.get("nullable"))) {
      types.add("null");
    }
    for (var combinator : List.of("anyOf", "oneOf")) {
      if (schema.get(combinator) instanceof Collection<?> options) {
        options.forEach(option -> types.addAll(types(document, map(option))));
      }
    }
    return types;
  }

  /** The enumerated values, merged over {@code anyOf}; null when any value of the type is allowed. */
  private Set<Object> enumOf(Map<String, Object> document, Map<String, Object> schema) {
    schema = resolve(document, schema);
    if (schema.get("enum") instanceof Collection<?> values) {
      var set = new LinkedHashSet<Object>(values);
      set.remove(null);
      return set;
    }
    if (schema.get("anyOf") instanceof Collection<?> options) {
      var set = new LinkedHashSet<Object>();
      for (var option : options) {
        var resolved = resolve(document, map(option));
        if ("null".equals(resolved.get("type"))) {
          continue;
        }
        var values = enumOf(document, resolved);
        if (values == null) {
          return null;
        }
        set.addAll(values);
      }
      return set.isEmpty() ? null : set;
    }
    return null;
  }

  /** The object schema itself, or its non-null {@code anyOf} option. */
  private Map<String, Object> objectOf(Map<String, Object> document, Map<String, Object> schema) {
    schema = resolve(document, schema);
    if (schema.containsKey("properties")) {
      return schema;
    }
    for (var combinator : List.of("anyOf", "oneOf", "allOf")) {
      if (schema.get(combinator) instanceof Collection<?> options) {
        for (var option : options) {
          var found = objectOf(document, map(option));
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private Map<String, Object> itemsOf(Map<String, Object> document, Map<String, Object> schema) {
    schema = resolve(document, schema);
    return schema.containsKey("items") ? resolve(document, map(schema.get("items"))) : null;
  }

  private Map<String, Object> resolve(Map<String, Object> document, Map<String, Object> schema) {
    while (schema.get("$ref") instanceof String ref) {
      schema = resolve(document, ref);
    }
    return schema;
  }

  private Map<String, Object> resolve(Map<String, Object> document, String ref) {
    Object node = document;
    for (var part : ref.substring(2).split("/")) {
      node = map(node).get(part);
    }
    if (node == null) {
      problems.add("unresolved " + ref);
      return Map.of();
    }
    return map(node);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> strings(Object value) {
    return value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
  }
}
