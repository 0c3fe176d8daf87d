// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.List;
import java.util.Map;

/**
 * The forest's input: one column of doubles per used feature ({@code columns[f][row]}, feature-major so
 * that a million rows are a handful of arrays, not a million), the typical (median) value of each, and
 * why any requested feature was left out.
 */
public record FeatureMatrix(List<Feature> features, double[][] columns, double[] typical, int rows, Map<Feature, String> leftOut) {

    public FeatureMatrix {
        features = List.copyOf(features);
        leftOut = leftOut.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(leftOut)); // in feature order
        if (columns.length != features.size() || typical.length != features.size()) {
            throw new IllegalArgumentException("one column and one typical value per feature");
        }
    }

    public int width() { return features.size(); }

    /** Row {@code i} as a fresh array, the shape Smile's trees take. */
    public double[] row(int i) {
        return matrix().row(i);
    }

    /** The numbers alone, as the forest takes them. */
    public dev.taw.table.Matrix matrix() {
        return new dev.taw.table.Matrix(columns, rows);
    }

    public int indexOf(Feature f) { return features.indexOf(f); }
}
