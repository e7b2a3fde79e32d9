package app.kinora.account.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands the sign-up and password reset pages' widget a fresh challenge to solve. */
@RestController
class ProofOfWorkController {

  static final String PATH = "/proof-of-work";

  private final ProofOfWork proofOfWork;

  ProofOfWorkController(ProofOfWork proofOfWork) {
    this.proofOfWork = proofOfWork;
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProofOfWork.Challenge> challenge() {
    if (!proofOfWork.enabled()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(proofOfWork.challenge());
  }
}
