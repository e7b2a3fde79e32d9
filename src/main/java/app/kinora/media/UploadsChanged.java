package app.kinora.media;

import app.kinora.shared.UserId;

/**
 * An upload was accepted ({@code removed} false) or deleted. Published synchronously after the
 * change; listeners look the upload up through {@link MediaUploads} and must be idempotent.
 */
public record UploadsChanged(UploadId id, UserId owner, boolean removed) {}
