package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

/** What the job sets in Flink's configuration from its options, on a MiniCluster and on a cluster alike. */
class CdrJobConfigurationTest {
  @Test
  void theStateBackendAndCheckpointDirectoryComeFromTheOptions() {
    Configuration conf = CdrJob.configuration(JobOptions.defaults().withStateBackend("rocksdb")
        .withCheckpoints(Duration.ofSeconds(60), "file:///tmp/dunshield-checkpoints"));
    assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///tmp/dunshield-checkpoints");
  }

  @Test
  void withoutACheckpointDirectoryNoneIsSet() {
    Configuration conf = CdrJob.configuration(JobOptions.defaults());
    assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    assertThat(conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isFalse();
  }
}
