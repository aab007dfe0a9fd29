/** The {@code reputation} subcommands: report, lookup, import, export, disputes, vouching, settings, snapshots. */
package org.dunshield.cli.reputation;
