package app.kinora;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of Kinora's /v1 API, as an outside program would use it. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  public ApiClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public record Reply(int status, JsonNode json, HttpResponse<byte[]> raw) {}

  public Reply postJson(String path, Map<String, ?> body) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** multipart/form-data, as the OpenAI SDKs send it. */
  public Reply postMultipart(String path, Map<String, String> fields) {
    return postMultipart(path, fields, Map.of());
  }

  /** multipart/form-data with files; each file is sent under a neutral name. */
  public Reply postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
    return postMultipart(path, fields, files.entrySet().stream().toList());
  }

  /** multipart/form-data with files in order, a field name possibly repeated ({@code reference_images[]}). */
  public Reply postMultipart(
      String path, Map<String, String> fields, java.util.List<Map.Entry<String, byte[]>> files) {
    var boundary = "kinora" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> write(
        body,
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
            + value + "\r\n"));
    files.forEach(file -> {
      var name = file.getKey();
      var bytes = file.getValue();
      write(
          body,
          "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
              + "\"; filename=\"upload.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(bytes);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    return send(request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void write(java.io.ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply get(String path, String header, String value) {
    return send(request(path).header(header, value).GET());
  }

  public HttpResponse<Path> download(String path, Path target)
      throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
  }

  private HttpRequest.Builder request(String path) {
    var builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      var type = response.headers().firstValue("Content-Type").orElse("");
      var json = type.contains("json") ? JSON.readTree(response.body()) : null;
      return new Reply(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
