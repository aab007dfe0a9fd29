package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary checkpoint directory of a local run is removed even while Flink still writes or
 * discards a checkpoint in it (a CI run once failed a finished job with NoSuchFileException from the
 * cleanup), and a cleanup problem never fails the run.
 */
class CheckpointCleanupTest {
  @TempDir Path dir;

  @Test
  void aCheckpointTreeIsRemoved() throws Exception {
    Path root = dir.resolve("dunshield-checkpoints");
    Files.createDirectories(root.resolve("job/chk-1"));
    Files.writeString(root.resolve("job/chk-1/_metadata"), "x");
    Files.createDirectories(root.resolve("job/shared"));

    CdrJob.deleteCheckpoints(root);

    assertThat(root).doesNotExist();
  }

  @Test
  void aDirectoryThatIsAlreadyGoneIsNoError() {
    assertThatCode(() -> CdrJob.deleteCheckpoints(dir.resolve("never-made"))).doesNotThrowAnyException();
  }

  @Test
  void filesVanishingAndAppearingDuringTheWalkAreNoErrorAndTheTreeEndsUpRemoved() throws Exception {
    Path root = dir.resolve("busy");
    Path job = root.resolve("job");
    Files.createDirectories(job);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    Thread flink = new Thread(() -> { // creates and discards checkpoints as a finishing job may
      for (int i = 0; !stop.get() && i < 2_000; i++) {
        try {
          Path chk = Files.createDirectories(job.resolve("chk-" + i));
          for (int f = 0; f < 20; f++) {
            Files.writeString(chk.resolve("part-" + f), "state");
          }
          started.countDown();
          try (var files = Files.list(chk)) {
            for (Path f : files.toList()) {
              Files.deleteIfExists(f);
            }
          }
          Files.deleteIfExists(chk);
        } catch (java.io.IOException gone) {
          started.countDown(); // the cleanup removed what this thread was working in: as Flink would, go on
        }
      }
    });
    flink.start();
    started.await();

    assertThatCode(() -> CdrJob.deleteCheckpoints(root)).doesNotThrowAnyException();
    stop.set(true);
    flink.join();
    CdrJob.deleteCheckpoints(root); // once the writer has stopped, nothing is left

    assertThat(root).doesNotExist();
  }
}
