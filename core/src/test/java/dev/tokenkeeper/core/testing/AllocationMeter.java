package dev.tokenkeeper.core.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from HotSpot's {@code com.sun.management.ThreadMXBean}: how the
 * fuzz tests bound the memory one parse may take without depending on when the collector runs.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationMeter() {
    }

    /** Whether this JVM measures per-thread allocation. */
    public static boolean isSupported() {
        return THREADS != null;
    }

    /** Bytes the current thread has allocated so far. */
    public static long allocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
            return hotspot;
        }
        return null;
    }
}
