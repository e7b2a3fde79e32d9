package app.kinora.notification;

/** Sends emails to users. */
public interface Mailer {

  /**
   * Sends the email, after the current transaction commits if there is one (so that a rolled
   * back change sends nothing). A failure to deliver is logged, not thrown: the person can ask
   * again.
   */
  void send(Email email);
}
