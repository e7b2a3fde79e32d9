package app.kinora.provenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Content Credentials found in a file and what checking them showed.
 *
 * @param state the verdict
 * @param active the newest manifest (the one that speaks for the file), when there is one
 * @param problems what failed, in plain words
 */
public record Credentials(State state, Manifest active, List<String> problems) {

  public Credentials {
    problems = List.copyOf(problems);
  }

  public static Credentials none() {
    return new Credentials(State.NONE, null, List.of());
  }

  public Optional<Manifest> manifest() {
    return Optional.ofNullable(active);
  }

  /** Whether the credentials say a trained model made the pictures. */
  public boolean aiGenerated() {
    return manifest().map(Manifest::aiGenerated).orElse(false);
  }

  /** The verdict on a file. */
  public enum State {
    /** No Content Credentials at all. */
    NONE,
    /** Signed, the signature holds and the file is as it was signed. */
    VALID,
    /**
     * Signed and the signature holds; the file itself was not hashed (a quick read of its head,
     * as the API's video object does).
     */
    SIGNED,
    /** The signature holds but the file changed after it was signed. */
    CHANGED,
    /** The credentials are damaged or their signature does not hold. */
    INVALID
  }

  /** How far a signer's certificate can be trusted. */
  public enum Trust {
    /** Chains to a certificate authority the operator configured as trusted. */
    TRUSTED,
    /** Signed by this Kinora server's own self-signed credentials. */
    THIS_SERVER,
    /** A certificate nobody here vouches for (e.g. self-signed, or a CA not on a trust list). */
    UNTRUSTED
  }

  /**
   * One manifest.
   *
   * @param generator the tool that wrote it, e.g. {@code Kinora/0.1.0}
   * @param signer who signed it
   * @param signedAt the time stated in the manifest (from a timestamp authority when there was one)
   * @param timestamped whether {@code signedAt} comes from a timestamp authority
   * @param signatureValid whether the signature over the claim holds
   */
  public record Manifest(
      String label,
      String generator,
      Signer signer,
      Instant signedAt,
      boolean timestamped,
      List<Action> actions,
      List<Ingredient> ingredients,
      boolean signatureValid) {

    public Manifest {
      actions = List.copyOf(actions);
      ingredients = List.copyOf(ingredients);
    }

    /** The IPTC source type its first action states, or its parent's. */
    public Optional<SourceType> sourceType() {
      var own =
          actions.stream().map(Action::sourceType).flatMap(Optional::stream).findFirst();
      if (own.isPresent()) {
        return own;
      }
      return ingredients.stream()
          .filter(ingredient -> "parentOf".equals(ingredient.relationship()))
          .map(Ingredient::manifest)
          .flatMap(Optional::stream)
          .map(Manifest::sourceType)
          .flatMap(Optional::stream)
          .findFirst();
    }

    /** Made by a trained model (IPTC {@code trainedAlgorithmicMedia}), not just computed. */
    public boolean aiGenerated() {
      return sourceType()
          .filter(type -> type == SourceType.TRAINED_ALGORITHMIC_MEDIA)
          .isPresent();
    }
  }

  /**
   * Who signed: the certificate's subject and issuer (common name, else organisation).
   *
   * @param notAfter the end of the certificate's validity
   */
  public record Signer(String subject, String issuer, Trust trust, Instant notAfter) {}

  /**
   * One action of a manifest.
   *
   * @param action e.g. {@code c2pa.created}
   * @param digitalSourceType the IPTC URI, when stated
   * @param softwareAgent the tool or model that did it
   * @param description a sentence the signer wrote about it
   */
  public record Action(
      String action, String digitalSourceType, String softwareAgent, String description) {

    public Optional<SourceType> sourceType() {
      return digitalSourceType == null ? Optional.empty() : SourceType.of(digitalSourceType);
    }
  }

  /**
   * Something the file was made from.
   *
   * @param relationship {@code parentOf}, {@code componentOf} or {@code inputTo}
   * @param instanceId what identifies it (Kinora writes {@code sha256:} and the file's hash)
   * @param manifest the ingredient's own credentials, kept in the file
   */
  public record Ingredient(
      String title,
      String mediaType,
      String relationship,
      String instanceId,
      Optional<Manifest> manifest) {}
}
