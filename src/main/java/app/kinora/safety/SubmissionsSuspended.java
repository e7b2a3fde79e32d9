package app.kinora.safety;

/** The account may not ask for videos: repeated refusals, or an operator's decision. */
public class SubmissionsSuspended extends RuntimeException {

  public SubmissionsSuspended() {
    super("New videos are suspended for this account after repeated requests against the content"
        + " policy. Write to the operator of this site to have it reviewed.");
  }
}
