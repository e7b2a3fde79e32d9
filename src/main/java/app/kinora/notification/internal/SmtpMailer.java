package app.kinora.notification.internal;

import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.notification.NotificationProperties;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes emails from text templates and hands them to the SMTP server of {@code spring.mail.*}.
 * Without a mail server configured nothing is sent and a warning (without the address) says so.
 */
@Service
class SmtpMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NotificationProperties properties;
  private final TemplateEngine templates = textTemplates();

  SmtpMailer(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void send(Email email) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver(email);
        }
      });
    } else {
      deliver(email);
    }
  }

  private void deliver(Email email) {
    var mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      log.warn(
          "No mail server is configured (spring.mail.host): the email '{}' was not sent",
          email.template());
      return;
    }
    var message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(email.to());
    message.setSubject(email.subject());
    message.setText(render(email));
    try {
      mailSender.send(message);
    } catch (MailException e) {
      log.error("The email '{}' could not be sent: {}", email.template(), e.getMessage());
    }
  }

  String render(Email email) {
    var variables = new HashMap<>(email.variables());
    var body =
        templates.process(email.template(), new Context(java.util.Locale.ENGLISH, variables));
    return body.strip() + "\n\n-- \n" + signature() + "\n";
  }

  /** Who sent it and where to write; what the operator has not set is left out. */
  private String signature() {
    var parts = java.util.stream.Stream.of(properties.operatorName(), properties.contactAddress())
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .toList();
    return parts.isEmpty() ? "Kinora" : String.join(" · ", parts);
  }

  private static TemplateEngine textTemplates() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
