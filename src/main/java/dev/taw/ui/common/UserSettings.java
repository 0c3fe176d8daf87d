// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import dev.taw.features.FeatureSet;
import dev.taw.model.ForestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings and recent files remembered between runs (java.util.prefs). The node can be redirected with
 * the system property {@code taw.prefs} so tests never touch the analyst's own preferences.
 */
public final class UserSettings {
    static final int MAX_RECENT = 8;
    private final Preferences prefs;

    public UserSettings() {
        this(Preferences.userRoot().node(System.getProperty("taw.prefs", "dev/taw/workbench")));
    }

    public UserSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public double contamination() { return clamp(prefs.getDouble("contamination", ForestSettings.DEFAULT_CONTAMINATION), 0.001, 0.5); }
    public double hostContamination() {
        return clamp(prefs.getDouble("hostContamination", ForestSettings.DEFAULT_HOST_CONTAMINATION), ForestSettings.MIN_CONTAMINATION,
                ForestSettings.MAX_CONTAMINATION);
    }

    public int trees() { return (int) clamp(prefs.getInt("trees", ForestSettings.DEFAULT_TREES), 10, 1000); }
    public long seed() { return prefs.getLong("seed", ForestSettings.DEFAULT_SEED); }

    /**
     * The analyst's feature choice. What is stored is the features switched <em>off</em>, so a feature that a
     * newer version adds starts switched on.
     */
    public FeatureSet features() {
        FeatureSet f = FeatureSet.all();
        for (String name : prefs.get("featuresOff", "").split(",")) {
            try {
                if (!name.isBlank()) f = f.with(dev.taw.features.Feature.valueOf(name.strip()), false);
            } catch (IllegalArgumentException e) {
                // a feature removed since: nothing to switch off
            }
        }
        return f.enabled().isEmpty() ? FeatureSet.all() : f;
    }

    public void save(double contamination, double hostContamination, int trees, long seed, FeatureSet features) {
        try {
            store(contamination, hostContamination, trees, seed, features);
        } catch (IllegalStateException e) {
            // the preferences node was removed under us (another instance reset it): nothing to keep
        }
    }

    private void store(double contamination, double hostContamination, int trees, long seed, FeatureSet features) {
        prefs.putDouble("contamination", contamination);
        prefs.putDouble("hostContamination", hostContamination);
        prefs.putInt("trees", trees);
        prefs.putLong("seed", seed);
        prefs.put("featuresOff", java.util.Arrays.stream(dev.taw.features.Feature.values()).filter(x -> !features.contains(x)).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(",")));
        prefs.remove("features"); // the older form stored the switched-on features
        flush();
    }

    /** Most recent first, only files that still exist. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = prefs.get("recent." + i, null);
            if (p != null && Files.exists(Path.of(p))) out.add(Path.of(p)); // files and folders
        }
        return out;
    }

    public void addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) prefs.put("recent." + i, list.get(i).toString());
            else prefs.remove("recent." + i);
        }
        flush();
    }

    /** The analyst's own GeoIP database, or null for the bundled one. */
    public Path countryDatabase() {
        String p = prefs.get("countryDatabase", null);
        return p == null || !Files.isRegularFile(Path.of(p)) ? null : Path.of(p);
    }

    public void setCountryDatabase(Path mmdb) {
        if (mmdb == null) prefs.remove("countryDatabase");
        else prefs.put("countryDatabase", mmdb.toAbsolutePath().toString());
        flush();
    }

    public Path lastDirectory() {
        String d = prefs.get("lastDirectory", null);
        return d == null ? null : Path.of(d);
    }

    public void setLastDirectory(Path dir) {
        if (dir != null) prefs.put("lastDirectory", dir.toString());
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // preferences are a convenience: a read-only home must not stop the analysis
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
