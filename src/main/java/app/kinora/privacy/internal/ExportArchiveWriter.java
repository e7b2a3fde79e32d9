package app.kinora.privacy.internal;

import app.kinora.privacy.PersonalDataInventory;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a user's export archive (format in {@code docs/export-format.md}): {@code data.json}
 * with every module's section, then each module's files under {@code files/<module>/}, copied
 * one stream at a time so memory stays small however large the library is.
 */
@Component
public class ExportArchiveWriter {

  /** The version of the archive's layout and JSON schema. */
  public static final String FORMAT = "kinora-export/1";

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final PersonalDataInventory inventory;
  private final Clock clock;

  ExportArchiveWriter(PersonalDataInventory inventory, Clock clock) {
    this.inventory = inventory;
    this.clock = clock;
  }

  public void write(UserId user, Path archive) throws IOException {
    try (var zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      var document = new LinkedHashMap<String, Object>();
      document.put("format", FORMAT);
      document.put("createdAt", clock.instant().toString());
      document.put("userId", user.toString());
      document.put("modules", inventory.exportOf(user));
      zip.putNextEntry(new ZipEntry("data.json"));
      zip.write(JSON.writeValueAsBytes(document));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("README.txt"));
      zip.write(readme().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Map.Entry<String, java.util.List<app.kinora.privacy.spi.ExportedFile>> module :
          inventory.filesOf(user).entrySet()) {
        for (var file : module.getValue()) {
          if (!SAFE_PATH.matcher(file.path()).matches() || file.path().contains("..")) {
            throw new IllegalStateException("Unsafe path in export: " + file.path());
          }
          zip.putNextEntry(new ZipEntry("files/" + module.getKey() + "/" + file.path()));
          try (InputStream in = file.content().open()) {
            in.transferTo(nonClosing(zip));
          }
          zip.closeEntry();
        }
      }
    }
  }

  private static String readme() {
    return """
        Your data from Kinora.

        data.json  everything Kinora keeps about you, by module (format %s,
                   described in docs/export-format.md of the Kinora source)
        files/     your uploads and videos, by module

        Secrets (password hashes, API key hashes) are never included.
        """.formatted(FORMAT);
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {}
    };
  }
}
