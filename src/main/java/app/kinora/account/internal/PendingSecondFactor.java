package app.kinora.account.internal;

import app.kinora.shared.UserId;
import java.io.Serializable;

/**
 * The principal of a session that passed the first factor but not yet the TOTP code. It is not
 * a {@link app.kinora.account.CurrentUser}: it opens nothing but the code page.
 */
record PendingSecondFactor(UserId userId) implements Serializable {

  static final String AUTHORITY = "PENDING_SECOND_FACTOR";
}
