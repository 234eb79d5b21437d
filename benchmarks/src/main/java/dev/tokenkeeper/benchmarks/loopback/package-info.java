/** Figure 2: requests per second through real HttpClient 5 clients on loopback, tokenkeeper vs. a constant header. */
package dev.tokenkeeper.benchmarks.loopback;
