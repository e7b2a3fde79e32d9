package app.kinora.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A multipart/form-data body written byte by byte, so that it can also be written wrong. */
final class Multipart {

  static final String BOUNDARY = "hostileBoundary7MA4YWxkTrZu0gW";

  private record Part(String name, String filename, String contentType, byte[] content) {}

  private final List<Part> parts = new ArrayList<>();

  Multipart text(String name, String value) {
    return text(name, value.getBytes(StandardCharsets.UTF_8));
  }

  Multipart text(String name, byte[] value) {
    parts.add(new Part(name, null, null, value));
    return this;
  }

  Multipart file(String name, String filename, String contentType, byte[] content) {
    parts.add(new Part(name, filename, contentType, content));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  byte[] bytes() {
    return write(true);
  }

  /** The body without its closing boundary, as a client that stopped sending leaves it. */
  byte[] withoutClosingBoundary() {
    return write(false);
  }

  private byte[] write(boolean close) {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      var header = new StringBuilder(
          "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
      if (part.filename() != null) {
        header.append("; filename=\"").append(part.filename()).append('"');
      }
      header.append("\r\n");
      if (part.contentType() != null) {
        header.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      out.writeBytes(header.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (close) {
      out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
