package app.kinora.provenance.internal;

import app.kinora.provenance.Credentials;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import tools.jackson.databind.JsonNode;

/**
 * Checks a claim's COSE_Sign1 signature against the certificate in its {@code x5chain}, and how
 * far that certificate can be trusted: this server's own, chained to an anchor the operator
 * trusts, or neither.
 */
final class SignatureCheck {

  private final X509Certificate ownCertificate;
  private final boolean ownIsSelfMade;
  private final List<X509Certificate> anchors;
  private final Timestamps timestamps;

  SignatureCheck(
      X509Certificate ownCertificate,
      boolean ownIsSelfMade,
      List<X509Certificate> anchors,
      Timestamps timestamps) {
    this.ownCertificate = ownCertificate;
    this.ownIsSelfMade = ownIsSelfMade;
    this.anchors = List.copyOf(anchors);
    this.timestamps = timestamps;
  }

  /** The outcome for one manifest. */
  record Verdict(boolean valid, Credentials.Signer signer, Optional<Instant> timestamp) {}

  Verdict check(ParsedManifest manifest) {
    var cose = Cbor.decode(manifest.signature());
    if (!cose.isArray() || cose.size() != 4 || !cose.path(0).isBinary()) {
      throw new MalformedManifest("the signature is not a COSE_Sign1 structure");
    }
    var protectedBytes = cose.path(0).binaryValue();
    var protectedHeader = Cbor.decode(protectedBytes);
    var unprotected = cose.path(1);
    var algorithm = Cose.Algorithm.of(protectedHeader.path("1").asInt());
    var chain = chain(protectedHeader, unprotected);
    var signature = cose.path(3).isBinary() ? cose.path(3).binaryValue() : new byte[0];
    var toBeSigned = Cose.toBeSigned(protectedBytes, manifest.claimBytes());
    boolean valid = Cose.verify(chain.getFirst().getPublicKey(), algorithm, toBeSigned, signature);
    var timestamp = timestamps.read(unprotected, protectedBytes, manifest.claimBytes(), signature);
    return new Verdict(valid, signer(chain), timestamp);
  }

  private static List<X509Certificate> chain(JsonNode protectedHeader, JsonNode unprotected) {
    var candidates = new ArrayList<JsonNode>();
    for (var header : List.of(protectedHeader, unprotected)) {
      for (var label : List.of("33", "x5chain")) {
        if (header.has(label)) {
          candidates.add(header.path(label));
        }
      }
    }
    if (candidates.size() != 1) {
      throw new MalformedManifest("the signature does not name one certificate chain");
    }
    var node = candidates.getFirst();
    var encoded = new ArrayList<byte[]>();
    if (node.isBinary()) {
      encoded.add(node.binaryValue());
    } else {
      node.forEach(certificate -> encoded.add(certificate.binaryValue()));
    }
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var chain = new ArrayList<X509Certificate>();
      for (var bytes : encoded) {
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
      }
      if (chain.isEmpty()) {
        throw new MalformedManifest("the certificate chain is empty");
      }
      return chain;
    } catch (GeneralSecurityException | NullPointerException e) {
      throw new MalformedManifest("the signer's certificate cannot be read");
    }
  }

  private Credentials.Signer signer(List<X509Certificate> chain) {
    var certificate = chain.getFirst();
    return new Credentials.Signer(
        subject(certificate.getSubjectX500Principal().getName()),
        name(certificate.getIssuerX500Principal().getName()),
        trust(chain),
        certificate.getNotAfter().toInstant());
  }

  private Credentials.Trust trust(List<X509Certificate> chain) {
    if (ownIsSelfMade && sameCertificate(chain.getFirst(), ownCertificate)) {
      return Credentials.Trust.THIS_SERVER;
    }
    if (anchors.isEmpty()) {
      return Credentials.Trust.UNTRUSTED;
    }
    try {
      var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
      var trustAnchors = new HashSet<TrustAnchor>();
      anchors.forEach(anchor -> trustAnchors.add(new TrustAnchor(anchor, null)));
      var parameters = new PKIXParameters(trustAnchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(path, parameters);
      return Credentials.Trust.TRUSTED;
    } catch (GeneralSecurityException e) {
      return Credentials.Trust.UNTRUSTED;
    }
  }

  private static boolean sameCertificate(X509Certificate one, X509Certificate other) {
    try {
      return Arrays.equals(one.getEncoded(), other.getEncoded());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The common name with the organisation, e.g. {@code Kinora Content Credentials (Acme Ltd)}. */
  static String subject(String distinguishedName) {
    var name = name(distinguishedName);
    var organisation = part(distinguishedName, "O");
    return organisation == null || organisation.equals(name)
        ? name
        : name + " (" + organisation + ")";
  }

  private static String part(String distinguishedName, String type) {
    try {
      for (var rdn : new LdapName(distinguishedName).getRdns().reversed()) {
        if (rdn.getType().equalsIgnoreCase(type)) {
          return rdn.getValue().toString();
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      // no such part
    }
    return null;
  }

  /** The common name of a distinguished name, else its organisation, else all of it. */
  static String name(String distinguishedName) {
    try {
      var rdns = new LdapName(distinguishedName).getRdns();
      for (var type : List.of("CN", "O")) {
        for (var rdn : rdns.reversed()) {
          if (rdn.getType().equalsIgnoreCase(type)) {
            return rdn.getValue().toString();
          }
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      // fall through to the whole name
    }
    return distinguishedName;
  }
}
