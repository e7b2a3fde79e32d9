package app.kinora.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/** Reads JSON text like Jackson does, but refuses text holding a control character (see {@link ControlCharacters}). */
class TextWithoutControlCharacters extends StringDeserializer {

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    var text = super.deserialize(parser, context);
    int c = text == null ? -1 : ControlCharacters.first(text);
    if (c >= 0) {
      throw InvalidFormatException.from(
          parser,
          "it holds the control character " + ControlCharacters.name(c) + ", which is not accepted",
          text,
          String.class);
    }
    return text;
  }
}
