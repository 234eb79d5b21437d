/**
 * The demo: an identity server in this process, a tokenkeeper client that trusts its test CA through a
 * trust store, and a script that shows the token lifecycle step by step and checks every step against
 * the server's and the library's counters. A time-lapse clock ({@code TimeLapseClock}) fits
 * three TOTP steps into a few real seconds.
 */
package dev.tokenkeeper.samples.demo;
