package dev.tokenkeeper.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The faults waiting for each login step, in order of injection: each applies to the next {@code times}
 * requests of its step, then the next fault takes over; a negative count applies until {@link #clear()}.
 */
final class FaultSchedule {

    private static final class Entry {
        final Fault fault;
        int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Map<LoginStep, Deque<Entry>> queues = new EnumMap<>(LoginStep.class);

    FaultSchedule() {
        for (LoginStep step : LoginStep.values()) {
            queues.put(step, new ArrayDeque<>());
        }
    }

    synchronized void add(LoginStep step, Fault fault, int times) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fault, "fault");
        if (times == 0) {
            throw new IllegalArgumentException("times must be > 0, or < 0 for 'until clearFaults()'; got 0");
        }
        if (fault.kind() == Fault.Kind.STALE_MFA_TOKEN && step != LoginStep.OTP) {
            throw new IllegalArgumentException("Fault.staleMfaToken() applies to the OTP step only");
        }
        queues.get(step).addLast(new Entry(fault, times));
    }

    /** The fault for the next request of {@code step}, or {@code null}; consumes one use. */
    synchronized Fault next(LoginStep step) {
        Entry head = queues.get(step).peekFirst();
        if (head == null) {
            return null;
        }
        if (head.remaining > 0 && --head.remaining == 0) {
            queues.get(step).removeFirst();
        }
        return head.fault;
    }

    synchronized void clear() {
        queues.values().forEach(Deque::clear);
    }
}
