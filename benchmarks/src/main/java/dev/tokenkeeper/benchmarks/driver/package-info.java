/** What the load drivers share: bounded options, exact latency percentiles, text-and-JSON reports. */
package dev.tokenkeeper.benchmarks.driver;
