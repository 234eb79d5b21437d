/** Figure 4: login storms at cold start and after a server-side revoke. */
package dev.tokenkeeper.benchmarks.storm;
