package org.dunshield.cli;

import org.dunshield.cli.reputation.DisputeCommand;
import org.dunshield.cli.reputation.DisputesCommand;
import org.dunshield.cli.reputation.ExportCommand;
import org.dunshield.cli.reputation.LookupCommand;
import org.dunshield.cli.reputation.ReportCommand;
import org.dunshield.cli.reputation.ResolveCommand;
import org.dunshield.cli.reputation.SeedCommand;
import org.dunshield.cli.reputation.SettingsCommand;
import org.dunshield.cli.reputation.SnapshotCommand;
import org.dunshield.cli.reputation.SyncCommand;
import org.dunshield.cli.reputation.VouchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reputation ...}: the community reputation (docs/reputation.md). The subcommands live in
 * {@code org.dunshield.cli.reputation} and reach the application through {@link #app()}.
 */
@Command(name = "reputation", mixinStandardHelpOptions = true,
    description = "Community number reputation: report, look up, import seeds, export, disputes.",
    subcommands = {
      ReportCommand.class,
      LookupCommand.class,
      SeedCommand.class,
      ExportCommand.class,
      DisputeCommand.class,
      DisputesCommand.class,
      ResolveCommand.class,
      VouchCommand.class,
      SettingsCommand.class,
      SnapshotCommand.class,
      SyncCommand.class
    })
public final class ReputationCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  /** The application, opened with the root command's options. */
  public App app() {
    return main.app();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
