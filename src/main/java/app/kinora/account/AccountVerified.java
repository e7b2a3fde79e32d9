package app.kinora.account;

import app.kinora.shared.UserId;

/** An account's email address was confirmed (by link, by a provider that vouches for it, or at bootstrap). */
public record AccountVerified(UserId user) {}
