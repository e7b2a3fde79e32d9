package app.kinora.account.internal;

import app.kinora.account.CurrentUser;
import app.kinora.shared.UserId;

/** A request to {@code /v1} authenticated by an API key. */
record ApiKeyPrincipal(UserId userId, String displayName) implements CurrentUser {}
