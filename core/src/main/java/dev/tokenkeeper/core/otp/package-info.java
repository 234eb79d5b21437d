/**
 * One-time codes for the MFA login step: the {@link dev.tokenkeeper.core.otp.OtpSource} contract, the
 * RFC 6238 {@link dev.tokenkeeper.core.otp.Totp} generator (base32 secret or {@code otpauth://} URI)
 * and a tolerant {@link dev.tokenkeeper.core.otp.Base32} decoder.
 */
package dev.tokenkeeper.core.otp;
