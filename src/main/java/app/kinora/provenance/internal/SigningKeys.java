package app.kinora.provenance.internal;

import app.kinora.provenance.ProvenanceProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The key and certificate chain that sign Kinora's manifests: from the configured PKCS#12
 * keystore, else a pair Kinora makes on its first start — a small certificate authority of its own
 * and a signing certificate it issued — kept as PEM files under the data directory.
 */
final class SigningKeys {

  private static final String FILE = "signing.pem";

  private SigningKeys() {}

  /** A private key and its chain, the signing certificate first. */
  record Signing(PrivateKey key, List<X509Certificate> chain, boolean selfMade) {

    Signing {
      chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
      return chain.getFirst();
    }
  }

  static Signing load(ProvenanceProperties properties, String operator) throws IOException {
    if (properties.keystore() != null) {
      return fromKeystore(properties);
    }
    return selfMade(properties.credentialsDir(), operator);
  }

  private static Signing fromKeystore(ProvenanceProperties properties) {
    var password = properties.keystorePassword() == null
        ? new char[0]
        : properties.keystorePassword().toCharArray();
    try (InputStream in = Files.newInputStream(properties.keystore())) {
      var store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      var alias = properties.keyAlias();
      if (alias == null) {
        var aliases = java.util.Collections.list(store.aliases()).stream()
            .filter(a -> isKey(store, a))
            .toList();
        if (aliases.size() != 1) {
          throw new IllegalStateException("kinora.provenance.keystore holds " + aliases.size()
              + " keys: name one with kinora.provenance.key-alias");
        }
        alias = aliases.getFirst();
      }
      var key = (PrivateKey) store.getKey(alias, password);
      var certificates = store.getCertificateChain(alias);
      if (key == null || certificates == null) {
        throw new IllegalStateException("kinora.provenance.keystore has no key " + alias);
      }
      var chain = new ArrayList<X509Certificate>();
      for (var certificate : certificates) {
        chain.add((X509Certificate) certificate);
      }
      Cose.Algorithm.forKey(key);
      return new Signing(key, chain, false);
    } catch (GeneralSecurityException | IOException e) {
      // the operator reads this when the node refuses to start: name the setting
      throw new IllegalStateException(
          "kinora.provenance.keystore could not be opened: " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Loads the pair made on an earlier start, or makes it now. Key and chain share one file, moved
   * into place atomically, so that nodes starting together on one directory agree on one pair.
   */
  static Signing selfMade(Path directory, String operator) throws IOException {
    var file = directory.resolve(FILE);
    if (!Files.exists(file)) {
      Files.createDirectories(directory);
      var made = SelfMadeCertificates.make(operator);
      var objects = new ArrayList<Object>();
      // PKCS#8 ("PRIVATE KEY"): an EC key in the older form would come back without its public half
      objects.add(
          new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(made.key(), null).generate());
      objects.addAll(made.chain());
      var temporary = Files.createTempFile(directory, ".signing", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(temporary, pem(objects.toArray()));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // another node made its pair first: use that one
      } catch (UnsupportedOperationException e) {
        Files.writeString(temporary, pem(objects.toArray()));
        Files.move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
    return read(file);
  }

  private static Signing read(Path file) throws IOException {
    try (var reader = new PEMParser(Files.newBufferedReader(file))) {
      var converter = new JcaPEMKeyConverter();
      var certificates = new JcaX509CertificateConverter();
      PrivateKey key = null;
      var chain = new ArrayList<X509Certificate>();
      for (var object = reader.readObject(); object != null; object = reader.readObject()) {
        switch (object) {
          case PEMKeyPair pair -> key = converter.getKeyPair(pair).getPrivate();
          case PrivateKeyInfo info -> key = converter.getPrivateKey(info);
          case X509CertificateHolder holder -> chain.add(certificates.getCertificate(holder));
          default -> throw new IOException("unexpected " + object.getClass().getSimpleName());
        }
      }
      if (key == null || chain.isEmpty()) {
        throw new IOException("the signing key file " + file + " is incomplete");
      }
      return new Signing(key, chain, true);
    } catch (GeneralSecurityException e) {
      throw new IOException("the signing key file " + file + " is damaged", e);
    }
  }

  private static String pem(Object... objects) throws IOException {
    var text = new StringWriter();
    try (var writer = new JcaPEMWriter(text)) {
      for (var object : objects) {
        writer.writeObject(object);
      }
    }
    return text.toString();
  }
}
