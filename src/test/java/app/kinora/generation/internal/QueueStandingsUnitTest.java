package app.kinora.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sentences a queue card shows. */
class QueueStandingsUnitTest {

  @Test
  void placesInLineReadAsOrdinals() {
    assertThat(QueueStandings.inLine(1)).isEqualTo("Next in line");
    assertThat(QueueStandings.inLine(2)).isEqualTo("2nd in line");
    assertThat(QueueStandings.inLine(3)).isEqualTo("3rd in line");
    assertThat(QueueStandings.inLine(4)).isEqualTo("4th in line");
    assertThat(QueueStandings.inLine(11)).isEqualTo("11th in line");
    assertThat(QueueStandings.inLine(12)).isEqualTo("12th in line");
    assertThat(QueueStandings.inLine(21)).isEqualTo("21st in line");
    assertThat(QueueStandings.inLine(112)).isEqualTo("112th in line");
  }

  @Test
  void timeLeftIsRoundedToWhatAPersonNeeds() {
    assertThat(QueueStandings.left(Duration.ofSeconds(4))).isEqualTo("Almost done");
    assertThat(QueueStandings.left(Duration.ofSeconds(19))).isEqualTo("About 20 s left");
    assertThat(QueueStandings.left(Duration.ofSeconds(89))).isEqualTo("About 90 s left");
    assertThat(QueueStandings.left(Duration.ofSeconds(150))).isEqualTo("About 3 min left");
  }
}
