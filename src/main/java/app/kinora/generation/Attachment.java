package app.kinora.generation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A reference file sent with a request, not yet accepted: {@link Generations#submit} checks the
 * request first and only then hands the file to media, which keeps a sanitised copy.
 */
public record Attachment(ReferenceRole role, Content content) {

  /** The file's bytes as sent, opened once. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /**
   * The files of one request.
   *
   * @param keepOriginals keep each file as sent too, for its owner alone
   */
  public record Files(List<Attachment> list, boolean keepOriginals) {

    public static final Files NONE = new Files(List.of(), false);

    public Files {
      list = List.copyOf(list);
    }

    /** How many files came for the role. */
    public long count(ReferenceRole role) {
      return list.stream().filter(file -> file.role() == role).count();
    }
  }
}
