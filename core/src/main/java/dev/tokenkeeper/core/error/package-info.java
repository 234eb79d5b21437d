/**
 * The typed errors of tokenkeeper, all under {@link dev.tokenkeeper.core.error.TokenKeeperException}.
 */
package dev.tokenkeeper.core.error;
