package app.kinora.privacy.spi;

import java.util.List;

/**
 * A module that sends users' data to outside services (model providers, payments, storage…)
 * lists the ones enabled in this deployment, so the policy's subprocessor page is always true.
 */
public interface SubprocessorSource {

  List<Subprocessor> subprocessors();
}
