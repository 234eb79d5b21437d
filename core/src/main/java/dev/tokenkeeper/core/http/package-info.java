/**
 * The HTTP plumbing of logins: the library's own HttpClient (timeouts always set, no redirects, no
 * retries) and the TLS trust settings shared with the interceptor module. TLS verification cannot be
 * disabled.
 */
package dev.tokenkeeper.core.http;
