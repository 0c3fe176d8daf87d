// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Runs a sequence of scene-graph updates one per frame, so that refreshing a dozen views after a run
 * is a dozen short FX pulses instead of one long one (the window keeps answering while charts fill in).
 * Starting a new sequence drops what is left of the previous one: the newest data wins.
 */
public final class FrameSteps {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable next = pending.poll();
            if (next != null) next.run();
            if (pending.isEmpty()) stop();
        }
    };

    /** Call on the FX thread. */
    public void run(List<Runnable> steps) {
        pending.clear();
        pending.addAll(steps);
        timer.start();
    }

    /** True when every step has run. */
    public boolean isDone() {
        return pending.isEmpty();
    }
}
