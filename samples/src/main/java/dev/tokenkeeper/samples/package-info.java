/**
 * Samples a user copies: {@link dev.tokenkeeper.samples.LegacyIntegrationSample} (wrap a client that is
 * already built), {@link dev.tokenkeeper.samples.RegisterOnBuilderSample} (register on an existing
 * builder) and {@link dev.tokenkeeper.samples.AsyncSample} (the async client). Each runs in a test
 * against the testkit identity server. The demo and the command line live in the sub-packages.
 */
package dev.tokenkeeper.samples;
