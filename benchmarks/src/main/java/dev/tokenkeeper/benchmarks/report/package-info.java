/** Turns JMH's JSON output into the README's tables and chart (Java2D, no charting dependency). */
package dev.tokenkeeper.benchmarks.report;
