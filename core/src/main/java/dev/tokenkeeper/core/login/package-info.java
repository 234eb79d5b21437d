/**
 * The login: the {@link dev.tokenkeeper.core.login.LoginClient} contract and
 * {@link dev.tokenkeeper.core.login.ProtocolLoginClient}, which speaks the password + one-time code
 * protocol over the library's own HttpClient, with the wire details in
 * {@link dev.tokenkeeper.core.login.LoginProtocol}.
 */
package dev.tokenkeeper.core.login;
