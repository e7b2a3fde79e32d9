package app.kinora.safety;

/**
 * An image to screen: a reference image of a request, as media sanitised it (metadata gone).
 *
 * @param mediaType e.g. {@code image/png}
 * @param content the image's bytes
 */
public record ScreenedImage(String mediaType, byte[] content) {}
