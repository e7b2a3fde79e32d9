package app.kinora.media;

import app.kinora.shared.UserId;

/** An upload was deleted with its files: by its owner, or because the request it came with was refused. */
public record UploadDiscarded(UploadId id, UserId owner) {}
