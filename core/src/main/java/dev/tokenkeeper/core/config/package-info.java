/**
 * Configuration: {@link dev.tokenkeeper.core.config.TokenKeeperConfig} from {@code java.util.Properties}
 * or a fluent builder, validated at build time; the key names in one place,
 * {@link dev.tokenkeeper.core.config.ConfigKey}; duration parsing in
 * {@link dev.tokenkeeper.core.config.Durations}.
 */
package dev.tokenkeeper.core.config;
