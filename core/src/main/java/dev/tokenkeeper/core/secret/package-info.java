/**
 * Where secrets (the password, the TOTP secret, the trust store password) come from: an environment
 * variable, a file, a system property or a callback, never a literal. Secrets are read at each use as
 * {@code char[]} and wiped afterwards.
 */
package dev.tokenkeeper.core.secret;
