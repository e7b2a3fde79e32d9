package app.kinora.provider.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vertex AI's long-running operation as {@code fetchPredictOperation} returns it, read as a stream:
 * a finished one may carry the whole video as Base64 ({@code response.videos[0].bytesBase64Encoded}),
 * which is decoded straight into a file or skipped, never held in memory.
 */
record VertexOperation(
    boolean done,
    Integer errorCode,
    String errorMessage,
    Double progressPercent,
    int filteredCount,
    List<String> filteredReasons,
    String storageUri,
    boolean inlineVideo) {

  /**
   * @param video where the first video's bytes go when the answer carries them; null to skip them
   * @throws tools.jackson.core.JacksonException when the answer is not the JSON object expected
   */
  static VertexOperation read(JsonMapper json, InputStream body, OutputStream video)
      throws IOException {
    try (var parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new StreamReadException(parser, "not a JSON object");
      }
      var fields = new Fields(video);
      walk(parser, "", fields);
      return new VertexOperation(
          fields.done,
          fields.errorCode,
          fields.errorMessage,
          fields.progressPercent,
          fields.filteredCount,
          List.copyOf(fields.filteredReasons),
          fields.storageUri,
          fields.inlineVideo);
    }
  }

  /** Visits every value under the current object or array, naming it by its path. */
  private static void walk(JsonParser parser, String path, Fields fields) throws IOException {
    var array = parser.currentToken() == JsonToken.START_ARRAY;
    var index = 0;
    for (var token = parser.nextToken();
        token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      String key;
      if (array) {
        key = path + "[" + index++ + "]";
      } else {
        key = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
        token = parser.nextToken();
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        walk(parser, key, fields);
      } else {
        fields.take(key, parser);
      }
    }
  }

  private static final class Fields {
    private final OutputStream video;
    boolean done;
    Integer errorCode;
    String errorMessage;
    Double progressPercent;
    int filteredCount;
    final List<String> filteredReasons = new ArrayList<>();
    String storageUri;
    boolean inlineVideo;

    Fields(OutputStream video) {
      this.video = video;
    }

    void take(String key, JsonParser value) throws IOException {
      switch (key) {
        case "done" -> done = value.currentToken() == JsonToken.VALUE_TRUE;
        case "error.code" -> errorCode = value.getValueAsInt(0);
        case "error.message" -> errorMessage = value.getValueAsString();
        case "metadata.progressPercent" -> progressPercent = value.getValueAsDouble(0);
        case "response.raiMediaFilteredCount" -> filteredCount = value.getValueAsInt(0);
        case "response.videos[0].gcsUri" -> storageUri = value.getValueAsString();
        case "response.videos[0].bytesBase64Encoded" -> {
          inlineVideo = true;
          if (video != null) {
            value.readBinaryValue(video);
          }
        }
        default -> {
          if (key.startsWith("response.raiMediaFilteredReasons[")) {
            filteredReasons.add(value.getValueAsString());
          }
        }
      }
    }
  }
}
