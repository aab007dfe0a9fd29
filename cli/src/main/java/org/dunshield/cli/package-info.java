/**
 * The command line ({@link org.dunshield.cli.Main}) and the application's composition root
 * ({@link org.dunshield.cli.App}): it opens the store, wires the screening engine, the readers and
 * the server, and maps failures to exit codes (0 success, 2 bad input or usage, 1 internal error).
 */
package org.dunshield.cli;
