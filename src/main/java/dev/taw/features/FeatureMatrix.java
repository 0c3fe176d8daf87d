// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.job.Workers;
import dev.taw.table.Medians;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The forest's input: one column of doubles per used feature ({@code columns[f][row]}, feature-major so
 * that a million rows are a handful of arrays, not a million), the typical (median) value of each, and
 * why any requested feature was left out. Immutable.
 */
public final class FeatureMatrix {
    private final List<Feature> features;
    private final double[][] columns;
    private final Future<double[]> typical;
    private final int rows;
    private final Map<Feature, String> leftOut;

    /** With the typical values known (a baseline's). */
    public FeatureMatrix(List<Feature> features, double[][] columns, double[] typical, int rows, Map<Feature, String> leftOut) {
        this(features, columns, CompletableFuture.completedFuture(typical), rows, leftOut);
        if (typical.length != features.size()) throw new IllegalArgumentException("one column and one typical value per feature");
    }

    private FeatureMatrix(List<Feature> features, double[][] columns, Future<double[]> typical, int rows, Map<Feature, String> leftOut) {
        this.features = List.copyOf(features);
        this.leftOut = leftOut.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(leftOut)); // in feature order
        if (columns.length != this.features.size()) throw new IllegalArgumentException("one column and one typical value per feature");
        this.columns = columns;
        this.typical = typical;
        this.rows = rows;
    }

    /**
     * With each column's median worked out on a thread of its own: only explanations need them, and the forest's fit,
     * which comes next, takes one core for a tenth of a second (Smile builds one tree after another); worked out
     * before it, on both cores, the medians of a million rows kept the fit waiting 80-120 ms.
     */
    static FeatureMatrix typicalAside(List<Feature> features, double[][] columns, int rows, Map<Feature, String> leftOut) {
        return new FeatureMatrix(features, columns, Workers.aside("feature-medians", () -> medians(columns)), rows, leftOut);
    }

    private static double[] medians(double[][] columns) {
        double[] typical = new double[columns.length];
        for (int f = 0; f < columns.length; f++) typical[f] = Medians.of(columns[f]);
        return typical;
    }

    public List<Feature> features() { return features; }

    /** One array per feature. Shared: callers must not modify them. */
    public double[][] columns() { return columns; }

    /** The median of each feature over the rows (waits for them when they are still being worked out). Shared: callers must not modify it. */
    public double[] typical() { return Workers.join(typical); }

    public int rows() { return rows; }

    /** Why each requested feature that is not used was left out, in feature order. */
    public Map<Feature, String> leftOut() { return leftOut; }

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
