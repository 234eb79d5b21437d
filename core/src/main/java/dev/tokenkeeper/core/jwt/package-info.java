/**
 * Reading a login's JWT for its expiry (decode only, no signature check), measured against the local
 * clock from the moment the login was sent.
 */
package dev.tokenkeeper.core.jwt;
