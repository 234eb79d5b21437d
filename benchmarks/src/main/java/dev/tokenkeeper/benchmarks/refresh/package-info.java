/** Figure 3: refresh under load with short-lived tokens against never-expiring ones. */
package dev.tokenkeeper.benchmarks.refresh;
