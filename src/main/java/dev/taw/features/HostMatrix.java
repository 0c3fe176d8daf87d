// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import dev.taw.table.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * The host forest's input: one column per used host feature, indexed by host ({@link HostKeys}:
 * {@code columns[f][code]}; host 0 is the empty address and is left out of the fit), and each feature's
 * typical (median) value over the real hosts.
 *
 * @param records what a row is to the analyst: "flows" or "requests"
 */
public record HostMatrix(HostKeys keys, List<HostFeature> features, double[][] columns, double[] typical, String records) {
    public HostMatrix {
        features = List.copyOf(features);
    }

    public int hosts() { return keys.distinctCount(); }

    /** The real hosts (codes 1 … n-1) as the forest fits and scores them. */
    public Matrix fitMatrix() {
        double[][] fit = new double[columns.length][];
        for (int f = 0; f < columns.length; f++) fit[f] = Arrays.copyOfRange(columns[f], 1, hosts());
        return new Matrix(fit, hosts() - 1);
    }

    /** One host's values, in feature order. */
    public double[] host(int code) {
        double[] x = new double[columns.length];
        for (int f = 0; f < x.length; f++) x[f] = columns[f][code];
        return x;
    }
}
