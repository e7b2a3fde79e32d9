/**
 * Notification: email to users over SMTP (Spring Mail), written from text templates under
 * {@code templates/mail/}. It keeps no data about anyone.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.kinora.notification;
