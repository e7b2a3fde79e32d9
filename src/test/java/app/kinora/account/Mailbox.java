package app.kinora.account;

import app.kinora.TestServers;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** The messages GreenMail received, read as a person reads their inbox. */
public final class Mailbox {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private Mailbox() {}

  /** The messages sent to an address so far. */
  public static List<MimeMessage> messagesTo(String address) {
    return Arrays.stream(TestServers.mail().getReceivedMessages())
        .filter(message -> {
          try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch(to -> to.toString().equalsIgnoreCase(address));
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  /** Waits for the {@code count}-th message to the address and returns its text. */
  public static String awaitMessage(String address, int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> messagesTo(address).size() >= count);
    return text(messagesTo(address).get(count - 1));
  }

  public static String subject(String address, int index) {
    try {
      return messagesTo(address).get(index - 1).getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The path and query of the first link in a message (the test's server may run on any port). */
  public static String firstLinkPath(String text) {
    var matcher = LINK.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no link in:\n" + text);
    }
    var uri = java.net.URI.create(matcher.group());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static String text(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
