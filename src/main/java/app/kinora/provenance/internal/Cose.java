package app.kinora.provenance.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COSE_Sign1 (RFC 9052) as C2PA signs a claim: a detached payload (the claim's CBOR), the
 * algorithm and the certificate chain ({@code x5chain}, label 33) in the protected header.
 */
final class Cose {

  static final int SIGN1_TAG = 18;
  private static final int ALG = 1;
  private static final int X5CHAIN = 33;

  private Cose() {}

  /** The signature algorithms Kinora signs with. */
  enum Algorithm {
    ES256(-7, "SHA256withECDSAinP1363Format"),
    ES384(-35, "SHA384withECDSAinP1363Format"),
    ES512(-36, "SHA512withECDSAinP1363Format"),
    PS256(-37, "RSASSA-PSS");

    final int id;
    private final String jca;

    Algorithm(int id, String jca) {
      this.id = id;
      this.jca = jca;
    }

    static Algorithm forKey(java.security.Key key) {
      if (key instanceof ECKey ec) {
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        return bits <= 256 ? ES256 : bits <= 384 ? ES384 : ES512;
      }
      if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= 2048) {
        return PS256;
      }
      throw new IllegalArgumentException(
          "Content Credentials need an EC (P-256, P-384, P-521) or an RSA key of 2048 bits or more");
    }

    static Algorithm of(int id) {
      for (var algorithm : values()) {
        if (algorithm.id == id) {
          return algorithm;
        }
      }
      throw new MalformedManifest(
          "the signature uses an algorithm Kinora does not check (" + id + ")");
    }

    /** The length of a signature, which is fixed for a key. */
    int signatureLength(java.security.Key key) {
      if (key instanceof RSAKey rsa) {
        return (rsa.getModulus().bitLength() + 7) / 8;
      }
      int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
      return 2 * ((bits + 7) / 8);
    }

    Signature engine() throws GeneralSecurityException {
      var engine = Signature.getInstance(jca);
      if (this == PS256) {
        engine.setParameter(
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      }
      return engine;
    }
  }

  static byte[] protectedHeader(Algorithm algorithm, List<X509Certificate> chain) {
    var certificates = new ArrayList<Object>();
    try {
      for (var certificate : chain) {
        certificates.add(certificate.getEncoded());
      }
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    var header = new LinkedHashMap<Object, Object>();
    header.put(ALG, algorithm.id);
    header.put(X5CHAIN, certificates);
    return Cbor.encode(header);
  }

  /** The bytes a signature covers: {@code ["Signature1", protected, h'', payload]}. */
  static byte[] toBeSigned(byte[] protectedHeader, byte[] payload) {
    return Cbor.encode(List.of("Signature1", protectedHeader, new byte[0], payload));
  }

  static byte[] sign(PrivateKey key, Algorithm algorithm, byte[] toBeSigned) {
    try {
      var engine = algorithm.engine();
      engine.initSign(key);
      engine.update(toBeSigned);
      return engine.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the signing key could not sign", e);
    }
  }

  static boolean verify(PublicKey key, Algorithm algorithm, byte[] toBeSigned, byte[] signature) {
    try {
      var engine = algorithm.engine();
      if (algorithm != Algorithm.PS256 && signature.length != algorithm.signatureLength(key)) {
        // COSE wants r‖s; some signers (c2pa-ts under Node) write ECDSA signatures in DER
        engine = Signature.getInstance(algorithm.jca.replace("inP1363Format", ""));
      }
      engine.initVerify(key);
      engine.update(toBeSigned);
      return engine.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The tagged COSE_Sign1 with a detached payload. */
  static byte[] sign1(byte[] protectedHeader, Map<String, Object> unprotected, byte[] signature) {
    var structure = new ArrayList<Object>();
    structure.add(protectedHeader);
    structure.add(unprotected);
    structure.add(null);
    structure.add(signature);
    return Cbor.encode(new Cbor.Tagged(SIGN1_TAG, structure));
  }
}
