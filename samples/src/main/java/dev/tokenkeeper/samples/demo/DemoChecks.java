package dev.tokenkeeper.samples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the demo promises to show, each checked against the counters of the identity server and of the
 * library, so the demo cannot print a story that did not happen: any failed check makes it exit 1.
 */
final class DemoChecks {

    private final Narrator narrator;
    private final List<String> failed = new ArrayList<>();
    private int passed;

    DemoChecks(Narrator narrator) {
        this.narrator = narrator;
    }

    /** Records whether {@code what} happened; a miss is printed at once with {@code detail}. */
    boolean expect(boolean happened, String what, String detail) {
        if (happened) {
            passed++;
        } else {
            failed.add(what);
            narrator.say("CHECK FAILED: " + what + " (" + detail + ")");
        }
        return happened;
    }

    boolean allPassed() {
        return failed.isEmpty();
    }

    int passed() {
        return passed;
    }

    List<String> failed() {
        return List.copyOf(failed);
    }
}
