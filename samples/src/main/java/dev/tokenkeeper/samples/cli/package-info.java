/**
 * The command line of {@code tokenkeeper-demo.jar}: the entry point
 * {@link dev.tokenkeeper.samples.cli.TokenKeeperCli} (no command: the demo), {@code call}, the options
 * {@code call} and {@code load} share, reading the properties file, building the clients, and turning
 * every error into one line on stderr with exit code 2.
 */
package dev.tokenkeeper.samples.cli;
