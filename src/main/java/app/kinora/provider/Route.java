package app.kinora.provider;

import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.RemoteVideoProvider;

/** One way to serve a model alias: a platform and its own model. */
record Route(RemoteVideoProvider provider, ModelDescriptor model) {

  String providerId() {
    return provider.id();
  }

  @Override
  public String toString() {
    return provider.id() + ":" + model.id();
  }
}
