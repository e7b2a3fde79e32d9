package app.kinora.billing;

import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.Map;

/**
 * What the references in a user's credits history are about, for the credits page to name them:
 * implemented by the module whose work the credits paid for (generation: the videos). The ledger
 * keeps only the reference, never a prompt, so its rows say nothing once the work is deleted.
 */
public interface LedgerSubjects {

  /** Titles and links of those {@code references} this module knows and {@code owner} may see. */
  Map<String, Subject> describe(UserId owner, Collection<String> references);

  /** A line's subject: a short title and the page it links to. */
  record Subject(String title, String link) {}
}
