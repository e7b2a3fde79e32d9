package app.kinora.account.internal;

/** A sign-up that cannot go ahead, with the field at fault and a message for the person. */
class SignUpRejected extends RuntimeException {

  private final String field;

  SignUpRejected(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
