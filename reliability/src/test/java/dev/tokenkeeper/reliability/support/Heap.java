package dev.tokenkeeper.reliability.support;

import java.lang.management.ManagementFactory;

/** Heap in use after a full collection: what a run keeps, not what it has yet to collect. */
public final class Heap {

    private Heap() {
    }

    /** Bytes of heap in use after {@code System.gc()} (a full collection with the JVM's default collectors). */
    public static long usedAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
