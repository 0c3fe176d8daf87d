// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Which features the analyst switched on. Immutable; round-trips through {@link #toText()}. */
public record FeatureSet(Set<Feature> enabled) {

    public FeatureSet {
        // an EnumSet iterates in declaration order; Set.copyOf's order changes from one JVM to the next
        enabled = java.util.Collections.unmodifiableSet(enabled.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled));
    }

    public static FeatureSet all() {
        return new FeatureSet(EnumSet.allOf(Feature.class));
    }

    public boolean contains(Feature f) { return enabled.contains(f); }

    public FeatureSet with(Feature f, boolean on) {
        EnumSet<Feature> s = enabled.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled);
        if (on) s.add(f); else s.remove(f);
        return new FeatureSet(s);
    }

    /** Comma-separated enum names in declaration order, for preferences and the report. */
    public String toText() {
        return Arrays.stream(Feature.values()).filter(enabled::contains).map(Enum::name).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException naming the unknown feature */
    public static FeatureSet fromText(String text) {
        EnumSet<Feature> s = EnumSet.noneOf(Feature.class);
        for (String part : text.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) continue;
            try {
                s.add(Feature.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown feature '" + name + "'; known: "
                        + Arrays.stream(Feature.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return new FeatureSet(s);
    }
}
