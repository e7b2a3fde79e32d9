package app.kinora.account.internal;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Draws an otpauth URI as a QR code (SVG data URI; the CSP allows data: images). */
final class TotpEnrolment {

  private TotpEnrolment() {}

  static String qrDataUri(String otpauthUri) {
    var qr = QrCode.encodeText(otpauthUri, QrCode.Ecc.MEDIUM);
    var border = 4;
    var size = qr.size + border * 2;
    var path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
        }
      }
    }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
        + path + "\" fill=\"#000\"/></svg>";
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }
}
