package app.kinora.provider.adapter;

import java.time.Duration;

/** Timeouts of every call to a platform: connecting, and waiting for each answer. */
public record HttpTimeouts(Duration connect, Duration read) {}
