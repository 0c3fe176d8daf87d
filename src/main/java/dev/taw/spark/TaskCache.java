// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import dev.taw.baseline.Baseline;
import dev.taw.geo.GeoIp;
import dev.taw.pipeline.AnalysisPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every task of an executor shares: the model, read once from the broadcast bytes, and the bundled country
 * database. An executor runs many tasks in one JVM; reading either per task would cost more than most tasks.
 */
final class TaskCache {
    private static final Map<String, Baseline> MODELS = new ConcurrentHashMap<>();
    private static volatile GeoIp geo;

    private TaskCache() { }

    /** The model whose file is {@code bytes}, known by {@code id} (its digest). */
    static Baseline model(String id, byte[] bytes) {
        return MODELS.computeIfAbsent(id, k -> {
            try {
                Path f = Files.createTempFile("taw-model", ".model");
                try {
                    Files.write(f, bytes);
                    return AnalysisPipeline.loadModel(f);
                } finally {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static GeoIp geo() {
        GeoIp g = geo;
        if (g == null) {
            synchronized (TaskCache.class) {
                if (geo == null) geo = GeoIp.bundled();
                g = geo;
            }
        }
        return g;
    }

    /** A digest of a model file's bytes, to know it again in a task. */
    static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
