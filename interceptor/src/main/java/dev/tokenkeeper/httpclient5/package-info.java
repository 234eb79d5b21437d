/**
 * tokenkeeper for Apache HttpClient 5: puts a {@link dev.tokenkeeper.core.TokenSource}'s token on the
 * requests of classic and async clients, for the targets a {@link dev.tokenkeeper.httpclient5.TargetScope}
 * allows, and replays a request once after a 401.
 *
 * <p>Entry points: {@link dev.tokenkeeper.httpclient5.TokenKeeper} (configure a builder, wrap a built
 * client) and {@link dev.tokenkeeper.httpclient5.TokenKeeperClients} (ready clients from properties).
 * Inside: one exec chain handler per client kind, registered before {@code PROTOCOL} so it judges every
 * redirect hop and retry; a hop policy shared by all ways in; a marked header type that tells
 * tokenkeeper's {@code Authorization} from the user's through HttpClient's request copies.
 */
package dev.tokenkeeper.httpclient5;
