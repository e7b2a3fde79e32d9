package app.kinora.provenance.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import tools.jackson.databind.JsonNode;

/**
 * RFC 3161 timestamps of a signature, as C2PA 2.x keeps them ({@code sigTst2} in the unprotected
 * header): the timestamp authority signs a hash of {@code ["CounterSignature", protected, h'',
 * bstr(signature)]}, so the time vouches for this very signature.
 */
final class Timestamps {

  private final URI authority;
  private final Duration timeout;
  private final HttpClient http;

  /** @param authority the timestamp authority's URL, or null for none */
  Timestamps(URI authority, Duration timeout) {
    this.authority = authority;
    this.timeout = timeout;
    this.http = authority == null
        ? null
        : HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  boolean configured() {
    return authority != null;
  }

  /**
   * Asks the authority for a timestamp of the signature.
   *
   * @return the unprotected header entry {@code sigTst2}
   */
  Map<String, Object> request(byte[] protectedHeader, byte[] signature) throws IOException {
    var imprint = sha256(counterSignature(protectedHeader, signature));
    var generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    var request = generator.generate(
        TSPAlgorithms.SHA256, imprint, new java.math.BigInteger(64, new SecureRandom()));
    try {
      var response = http.send(
          HttpRequest.newBuilder(authority)
              .timeout(timeout)
              .header("Content-Type", "application/timestamp-query")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the timestamp authority answered " + response.statusCode());
      }
      var answer = new TimeStampResponse(response.body());
      answer.validate(request);
      if (answer.getTimeStampToken() == null) {
        throw new IOException("the timestamp authority gave no timestamp");
      }
      var token = new LinkedHashMap<String, Object>();
      token.put("val", answer.getEncoded());
      return Map.of("tstTokens", List.of(token));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the timestamp authority", e);
    } catch (TSPException e) {
      throw new IOException("the timestamp authority's answer is not valid", e);
    }
  }

  /** The time a valid timestamp in the header vouches for. */
  Optional<Instant> read(
      JsonNode unprotected, byte[] protectedHeader, byte[] claim, byte[] signature) {
    var v2 = counterSignature(protectedHeader, signature);
    var v1 = Cose.toBeSigned(protectedHeader, claim);
    for (var entry : List.of(Map.entry("sigTst2", v2), Map.entry("sigTst", v1))) {
      for (var token : unprotected.path(entry.getKey()).path("tstTokens")) {
        if (token.path("val").isBinary()) {
          var time = verified(token.path("val").binaryValue(), entry.getValue());
          if (time.isPresent()) {
            return time;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> verified(byte[] value, byte[] covered) {
    try {
      TimeStampToken token;
      try {
        token = new TimeStampResponse(value).getTimeStampToken();
      } catch (TSPException | IOException | IllegalArgumentException e) {
        token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(value));
      }
      if (token == null) {
        return Optional.empty();
      }
      var info = token.getTimeStampInfo();
      var digest = MessageDigest.getInstance(
          info.getMessageImprintAlgOID().getId().equals("2.16.840.1.101.3.4.2.1")
              ? "SHA-256"
              : info.getMessageImprintAlgOID().getId());
      if (!MessageDigest.isEqual(digest.digest(covered), info.getMessageImprintDigest())) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      var certificates = token.getCertificates().getMatches(token.getSID());
      for (var certificate : certificates) {
        var verifier =
            new JcaSimpleSignerInfoVerifierBuilder().build((X509CertificateHolder) certificate);
        if (token.isSignatureValid(verifier)) {
          return Optional.of(info.getGenTime().toInstant());
        }
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static byte[] counterSignature(byte[] protectedHeader, byte[] signature) {
    return Cbor.encode(
        List.of("CounterSignature", protectedHeader, new byte[0], Cbor.encode(signature)));
  }

  private static byte[] sha256(byte[] bytes) {
    return BmffHash.messageDigest("sha256").digest(bytes);
  }
}
