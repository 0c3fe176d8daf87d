// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Runs a sequence of scene-graph updates spread over frames, so that refreshing a dozen views after a run
 * is a few short FX pulses instead of one long one (the window keeps answering while charts fill in).
 * Starting a new sequence drops what is left of the previous one: the newest data wins.
 *
 * <p>Each frame runs one step, and more while the frame before was on time (its layout and drawing were cheap)
 * and this frame's steps have taken under {@link #BUDGET_NANOS}: the first showing of a file makes new nodes whose
 * styling and layout cost tens of milliseconds, one view a frame; a later Run only changes what existing views
 * show, a millisecond or two each, and a view a frame made eleven views take eleven frames (0.18 s) for 20 ms of work.
 * A step made with {@link #alone} always has a frame to itself: one that is quick to run but leaves the frame's layout
 * much to do (a new file's table columns, a million new rows), which the time taken by the step itself cannot tell.
 */
public final class FrameSteps {
    /** Work per frame beyond its first step. */
    static final long BUDGET_NANOS = 4_000_000L;
    /** A frame that began within this of the one before had a cheap layout and drawing (a frame at 60 Hz is 16.7 ms). */
    static final long ON_TIME_NANOS = 25_000_000L;
    /** Steps per frame at most: a cheap step can still leave the frame's layout much to do. */
    static final int MOST_PER_FRAME = 4;

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private long lastFrame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean onTime = lastFrame != 0 && now - lastFrame < ON_TIME_NANOS;
            lastFrame = now;
            long start = System.nanoTime();
            int ran = 0;
            do {
                Runnable next = pending.poll();
                if (next == null) break;
                next.run();
                ran++;
                if (next instanceof Alone || pending.peek() instanceof Alone) break;
            } while (onTime && ran < MOST_PER_FRAME && System.nanoTime() - start < BUDGET_NANOS);
            if (pending.isEmpty()) {
                stop();
                lastFrame = 0;
            }
        }
    };

    /** A step that runs in a frame of its own, whatever the frames before took. */
    public static Runnable alone(Runnable step) {
        return new Alone(step);
    }

    private record Alone(Runnable step) implements Runnable {
        @Override public void run() { step.run(); }
    }

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
