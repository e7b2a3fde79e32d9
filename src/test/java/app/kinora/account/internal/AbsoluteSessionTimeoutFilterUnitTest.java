package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutFilterUnitTest {

  final AbsoluteSessionTimeoutFilter filter = new AbsoluteSessionTimeoutFilter(Duration.ofDays(7));

  MockHttpServletResponse request(MockHttpSession session, MockFilterChain chain) throws Exception {
    var request = new MockHttpServletRequest("GET", "/account");
    request.setSession(session);
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void endsASessionSignedInLongerAgoThanTheLimitHoweverActive() throws Exception {
    var session = new MockHttpSession();
    session.setAttribute(
        UserSessions.SIGNED_IN_AT,
        Instant.now().minus(Duration.ofDays(7).plusMinutes(1)).toEpochMilli());
    var chain = new MockFilterChain();

    var response = request(session, chain);

    assertThat(session.isInvalid()).isTrue();
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void letsAYoungerSessionThrough() throws Exception {
    var session = new MockHttpSession();
    session.setAttribute(
        UserSessions.SIGNED_IN_AT, Instant.now().minus(Duration.ofDays(6)).toEpochMilli());
    var chain = new MockFilterChain();

    request(session, chain);

    assertThat(session.isInvalid()).isFalse();
    assertThat(chain.getRequest()).isNotNull();
  }
}
