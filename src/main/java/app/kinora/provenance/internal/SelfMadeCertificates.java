package app.kinora.provenance.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The credentials Kinora makes for itself when no keystore is configured: a certificate authority
 * of its own (P-256) and a signing certificate it issues with the extensions C2PA asks of a
 * claim signer (digital signature, critical; e-mail protection and document signing; the
 * authority's key identifier).
 */
final class SelfMadeCertificates {

  /** The C2PA document-signing extended key usage. */
  private static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
      new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

  private SelfMadeCertificates() {}

  /** A certificate authority of Kinora's own and a signing certificate issued by it. */
  static SigningKeys.Signing make(String operator) {
    try {
      var now = Instant.now().minus(Duration.ofHours(1));
      var authorityKeys = ecKeyPair();
      var signingKeys = ecKeyPair();
      var organisation = operator == null || operator.isBlank() ? "Kinora" : operator;
      var authorityName = name("Kinora self-signed root", organisation);
      var extensions = new JcaX509ExtensionUtils();
      var authority = new JcaX509v3CertificateBuilder(
              authorityName,
              serial(),
              Date.from(now),
              Date.from(now.plus(Duration.ofDays(3650))),
              authorityName,
              authorityKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(authorityKeys.getPublic()));
      var authorityCertificate = certificate(authority, authorityKeys.getPrivate());
      var signer = new JcaX509v3CertificateBuilder(
              authorityCertificate,
              serial(),
              Date.from(now),
              Date.from(now.plus(Duration.ofDays(1825))),
              name("Kinora Content Credentials", organisation),
              signingKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
            KeyPurposeId.id_kp_emailProtection, DOCUMENT_SIGNING
          }))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(authorityCertificate))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(signingKeys.getPublic()));
      var signingCertificate = certificate(signer, authorityKeys.getPrivate());
      return new SigningKeys.Signing(
          signingKeys.getPrivate(), List.of(signingCertificate, authorityCertificate), true);
    } catch (GeneralSecurityException
        | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException("could not make a signing certificate", e);
    }
  }

  private static X500Name name(String commonName, String organisation) {
    var builder = new org.bouncycastle.asn1.x500.X500NameBuilder();
    builder.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, commonName);
    builder.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, organisation);
    return builder.build();
  }

  private static X509Certificate certificate(
      org.bouncycastle.cert.X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
  }
}
