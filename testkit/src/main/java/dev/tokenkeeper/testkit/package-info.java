/**
 * The tokenkeeper testkit: an in-process identity server that speaks the login protocol
 * ({@link dev.tokenkeeper.testkit.IdentityServer}), a foreign server that records what reaches it
 * ({@link dev.tokenkeeper.testkit.RecordingServer}), the test PKI ({@link dev.tokenkeeper.testkit.TestPki}),
 * a hand-moved clock ({@link dev.tokenkeeper.testkit.MutableClock}) and an independent RFC 6238 generator
 * ({@link dev.tokenkeeper.testkit.TestTotp}).
 *
 * <p>Public types are the API other modules' tests use; the package-private classes are the server's parts:
 * {@code ServerRuntime} (the JDK HTTP(S) server, threads, shutdown), {@code LoginEndpoint} and
 * {@code LoginRequest} (the two login steps and their protocol checks), {@code ProtectedApi} and
 * {@code RedirectEndpoint} (the resource side), {@code TokenIssuer} (JWTs, revocation), {@code MfaSessions}
 * and {@code TotpVerifier} (the second step), {@code FaultSchedule} (injected faults).
 *
 * <p>Test code: it holds test-only key material and never logs passwords, TOTP secrets or tokens.
 */
package dev.tokenkeeper.testkit;
