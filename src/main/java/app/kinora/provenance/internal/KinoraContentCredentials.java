package app.kinora.provenance.internal;

import app.kinora.provenance.ContentCredentials;
import app.kinora.provenance.Credentials;
import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.ProvenanceProperties;
import app.kinora.provenance.spi.InvisibleWatermark;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Signs with the configured (or self-made) key; reads with the same parser. */
@Service
class KinoraContentCredentials implements ContentCredentials {

  private static final Logger log = LoggerFactory.getLogger(KinoraContentCredentials.class);
  /** Room kept in the signature's padding for a timestamp authority's answer. */
  private static final int TIMESTAMP_ROOM = 12_000;

  private final SigningKeys.Signing signing;
  private final Cose.Algorithm algorithm;
  private final byte[] protectedHeader;
  private final Timestamps timestamps;
  private final ManifestReader reader;
  private final String version;
  private final List<InvisibleWatermark> watermarks;

  @Autowired
  KinoraContentCredentials(
      ProvenanceProperties properties,
      @Value("${kinora.privacy.operator.name:}") String operator,
      ObjectProvider<BuildProperties> build,
      List<InvisibleWatermark> watermarks)
      throws IOException {
    this(
        SigningKeys.load(properties, operator),
        anchors(properties.trustAnchors()),
        new Timestamps(properties.timestampAuthority(), properties.timestampTimeout()),
        build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion(),
        watermarks);
    log.info(
        "Content Credentials are signed by \"{}\"{}",
        identity().subject(),
        identity().selfSigned()
            ? " (self-signed: verifiers will show them as untrusted; see docs/provenance.md)"
            : "");
  }

  KinoraContentCredentials(
      SigningKeys.Signing signing,
      List<X509Certificate> anchors,
      Timestamps timestamps,
      String version,
      List<InvisibleWatermark> watermarks) {
    this.signing = signing;
    this.watermarks = List.copyOf(watermarks);
    this.algorithm = Cose.Algorithm.forKey(signing.key());
    this.protectedHeader = Cose.protectedHeader(algorithm, signing.chain());
    this.timestamps = timestamps;
    this.reader = new ManifestReader(
        new SignatureCheck(signing.certificate(), signing.selfMade(), anchors, timestamps));
    this.version = version;
  }

  @Override
  public SigningIdentity identity() {
    return new SigningIdentity(
        SignatureCheck.subject(signing.certificate().getSubjectX500Principal().getName()),
        signing.selfMade());
  }

  @Override
  public Credentials read(Path file) throws IOException {
    return reader.read(file);
  }

  @Override
  public Credentials readHead(java.io.InputStream mp4) throws IOException {
    return reader.readHead(mp4);
  }

  @Override
  public void sign(Path mp4, ManifestDraft draft, Path original) throws IOException {
    var temporary = mp4.resolveSibling(mp4.getFileName() + ".signing");
    Files.deleteIfExists(temporary);
    try {
      ManifestWriter.Plan plan;
      byte[] placeholder;
      long boxOffset;
      try (var from = FileChannel.open(original, StandardOpenOption.READ)) {
        plan = plan(original, from, Bmff.topLevel(from), draft);
      }
      for (var watermark : watermarks) {
        watermark.embed(mp4);
      }
      try (var source = FileChannel.open(mp4, StandardOpenOption.READ)) {
        var boxes = Bmff.topLevel(source);
        placeholder = ManifestWriter.store(plan, new byte[32], this::placeholderSignature);
        boxOffset = Mp4Rewrite.write(source, boxes, Bmff.manifestBox(placeholder), temporary);
      }
      try (var out =
          FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        var hash = BmffHash.compute(out, Bmff.topLevel(out), BmffHash.STANDARD, "sha256");
        var store = ManifestWriter.store(plan, hash, this::signature);
        if (store.length != placeholder.length) {
          throw new IllegalStateException("the signed manifest store changed its size");
        }
        Mp4Rewrite.writeAt(out, boxOffset + Bmff.manifestBoxHeader(), store);
        out.force(false);
      }
      Files.move(
          temporary, mp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (MalformedManifest e) {
      throw new IOException("the video cannot be signed: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The new manifest's plan; credentials the original had become its parent. */
  private ManifestWriter.Plan plan(
      Path mp4, FileChannel source, List<Bmff.Box> boxes, ManifestDraft draft) throws IOException {
    Jumbf.SuperBox previous = null;
    Jumbf.SuperBox parent = null;
    Map<String, List<String>> results = Map.of();
    var existing = Bmff.manifestBoxes(source, boxes);
    if (existing.size() == 1) {
      try {
        previous = Jumbf.parse(Bmff.manifestStore(source, existing.getFirst()));
        parent = ManifestReader.manifests(previous).getLast();
        results = validationCodes(reader.read(mp4));
      } catch (RuntimeException e) { // a damaged store the platform sent: not kept
        log.warn(
            "The video's own Content Credentials are unreadable and are not kept: {}",
            e.getMessage());
        previous = null;
        parent = null;
      }
    }
    return new ManifestWriter.Plan(
        "urn:c2pa:" + UUID.randomUUID(),
        "xmp:iid:" + UUID.randomUUID(),
        draft,
        version,
        previous,
        parent,
        results,
        protectedHeader,
        algorithm.signatureLength(signing.key()),
        watermarks.stream().map(InvisibleWatermark::name).toList());
  }

  /** The parent's check in C2PA's status codes. */
  private static Map<String, List<String>> validationCodes(Credentials parent) {
    var success = new ArrayList<String>();
    var failure = new ArrayList<String>();
    var signed = parent.manifest().map(Credentials.Manifest::signatureValid).orElse(false);
    (signed ? success : failure)
        .add(signed ? "claimSignature.validated" : "claimSignature.mismatch");
    switch (parent.state()) {
      case VALID -> success.add("assertion.bmffHash.match");
      case CHANGED -> failure.add("assertion.bmffHash.mismatch");
      default -> {}
    }
    var codes = new LinkedHashMap<String, List<String>>();
    codes.put("success", success);
    codes.put("failure", failure);
    return codes;
  }

  private byte[] placeholderSignature(byte[] toBeSigned) {
    var unprotected = new LinkedHashMap<String, Object>();
    unprotected.put("pad", new byte[timestamps.configured() ? TIMESTAMP_ROOM : 0]);
    return Cose.sign1(
        protectedHeader, unprotected, new byte[algorithm.signatureLength(signing.key())]);
  }

  /** The real signature, padded to the placeholder's length. */
  private byte[] signature(byte[] toBeSigned) {
    var signature = Cose.sign(signing.key(), algorithm, toBeSigned);
    int target = placeholderSignature(toBeSigned).length;
    if (timestamps.configured()) {
      try {
        var stamped = fit(timestamps.request(protectedHeader, signature), signature, target);
        if (stamped.isPresent()) {
          return stamped.get();
        }
        log.warn("The timestamp did not fit the room kept for it; this manifest has none");
      } catch (IOException e) {
        log.warn("No timestamp for this manifest: {}", e.getMessage());
      }
    }
    return fit(null, signature, target)
        .orElseThrow(() -> new IllegalStateException("the signature does not fit its room"));
  }

  /** The COSE_Sign1 whose padding makes it exactly {@code target} bytes long. */
  private java.util.Optional<byte[]> fit(
      Map<String, Object> timestamp, byte[] signature, int target) {
    var unprotected = new LinkedHashMap<String, Object>();
    if (timestamp != null) {
      unprotected.put("sigTst2", timestamp);
    }
    unprotected.put("pad", new byte[0]);
    int base = Cose.sign1(protectedHeader, unprotected, signature).length;
    // a longer pad may need a longer length prefix: try the few lengths around the gap
    for (int pad = target - base; pad >= Math.max(0, target - base - 4); pad--) {
      unprotected.put("pad", new byte[pad]);
      var sealed = Cose.sign1(protectedHeader, unprotected, signature);
      if (sealed.length == target) {
        return java.util.Optional.of(sealed);
      }
    }
    return java.util.Optional.empty();
  }

  private static List<X509Certificate> anchors(Path file) throws IOException {
    if (file == null) {
      return List.of();
    }
    try (var in = Files.newInputStream(file)) {
      var anchors = new ArrayList<X509Certificate>();
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.add((X509Certificate) certificate);
      }
      return anchors;
    } catch (CertificateException e) {
      throw new IllegalStateException(
          "kinora.provenance.trust-anchors is not a PEM file of certificates", e);
    }
  }
}
