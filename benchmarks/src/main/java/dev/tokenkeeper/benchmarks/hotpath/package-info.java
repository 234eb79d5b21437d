/**
 * The JMH hot-path benchmark: tokenkeeper's per-request cost against a constant header and against
 * AWS SDK v2 {@code CachedSupplier} and Google {@code OAuth2Credentials}.
 */
package dev.tokenkeeper.benchmarks.hotpath;
