/**
 * {@code load}: the classic and async drivers, the outcome and latency tallies, the progress line and
 * the one-line JSON report built from the library's own counters.
 */
package dev.tokenkeeper.samples.cli.load;
