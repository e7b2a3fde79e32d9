package app.kinora.provenance.internal;

/** Bytes that claim to be Content Credentials but cannot be read as such. */
class MalformedManifest extends RuntimeException {
  MalformedManifest(String message) {
    super(message);
  }
}
