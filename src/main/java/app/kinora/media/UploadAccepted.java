package app.kinora.media;

/** An upload was checked, sanitised and stored for its owner. */
public record UploadAccepted(Upload upload) {}
