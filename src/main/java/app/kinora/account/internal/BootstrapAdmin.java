package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.BootstrapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the operator account named in configuration at start, if it does not exist, and
 * registers the configured API key for it. Safe to run on every start and on every node.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final BootstrapProperties bootstrap;
  private final AccountManagement accounts;
  private final Users users;
  private final ApiKeys apiKeys;

  BootstrapAdmin(
      BootstrapProperties bootstrap, AccountManagement accounts, Users users, ApiKeys apiKeys) {
    this.bootstrap = bootstrap;
    this.accounts = accounts;
    this.users = users;
    this.apiKeys = apiKeys;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!StringUtils.hasText(bootstrap.adminEmail())) {
      return;
    }
    var admin = users
        .credentialsByEmail(bootstrap.adminEmail())
        .map(Users.Credentials::account)
        .orElseGet(this::createAdmin);
    if (admin != null && StringUtils.hasText(bootstrap.adminApiKey())) {
      apiKeys.register(admin.id(), "bootstrap", bootstrap.adminApiKey().strip());
    }
  }

  private Account createAdmin() {
    if (!StringUtils.hasText(bootstrap.adminPassword())) {
      log.warn(
          "kinora.bootstrap.admin-email is set without admin-password; no operator account created");
      return null;
    }
    try {
      var admin =
          accounts.createOperator(bootstrap.adminEmail(), "Operator", bootstrap.adminPassword());
      log.info("Created the operator account {}", admin.id());
      return admin;
    } catch (SignUpRejected e) {
      throw new IllegalStateException(
          "kinora.bootstrap is not usable: " + e.field() + ": " + e.getMessage(), e);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // another node created it at the same moment
      return users
          .credentialsByEmail(bootstrap.adminEmail())
          .map(Users.Credentials::account)
          .orElseThrow();
    }
  }
}
