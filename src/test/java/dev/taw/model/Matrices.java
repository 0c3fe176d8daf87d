// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.model;

import dev.taw.features.Feature;
import dev.taw.features.FeatureMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test matrices: random Gaussian data and the labelled benchmark CSVs. */
final class Matrices {
    private Matrices() { }

    /** A matrix over arbitrary columns; the Feature tags are placeholders, only the numbers matter. */
    static FeatureMatrix of(double[][] columns) {
        List<Feature> tags = Arrays.asList(Feature.values()).subList(0, columns.length);
        return new FeatureMatrix(tags, columns, new double[columns.length], columns[0].length, Map.of());
    }

    static FeatureMatrix gaussian(int rows, int width, long seed) {
        Random r = new Random(seed);
        double[][] c = new double[width][rows];
        for (int f = 0; f < width; f++) for (int i = 0; i < rows; i++) c[f][i] = r.nextGaussian() + (i % 97 == 0 ? 6 : 0);
        return of(c);
    }

    /** A labelled benchmark: features plus labels (1 = outlier) from the last column. */
    record Labelled(FeatureMatrix x, boolean[] outlier) { }

    static Labelled benchmark(Path csv) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] p = line.split(",");
                double[] v = new double[p.length];
                for (int i = 0; i < p.length; i++) v[i] = Double.parseDouble(p[i]);
                rows.add(v);
            }
        }
        int width = rows.get(0).length - 1;
        double[][] c = new double[width][rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < width; f++) c[f][i] = rows.get(i)[f];
            y[i] = rows.get(i)[width] == 1.0;
        }
        return new Labelled(of(c), y);
    }

    /** ROC AUC by the rank-sum (Mann–Whitney) statistic, ties counted half. */
    static double auc(double[] scores, boolean[] positive) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[idx[k]]) {
                    rankSumPositive += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        return (rankSumPositive - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
