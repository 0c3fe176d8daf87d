// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import dev.taw.features.FeatureSet;
import dev.taw.io.ImportResult;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import dev.taw.table.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryFillTest {
    @TempDir
    Path tmp;

    private final AnalysisPipeline pipeline = new AnalysisPipeline();

    /** The seed export without its country column (the sixth). */
    private Path seedWithoutCountry() throws IOException {
        List<String> lines = Files.readAllLines(TestData.seed()).stream().map(l -> {
            String[] f = l.split(",", -1);
            return java.util.stream.IntStream.range(0, f.length).filter(i -> i != 5).mapToObj(i -> f[i]).collect(Collectors.joining(","));
        }).toList();
        return Files.write(tmp.resolve("no-country.csv"), lines);
    }

    @Test
    void aFileWithoutCountriesGetsThemAndTheSameScores() throws IOException {
        ImportResult original = pipeline.importFile(TestData.seed(), ProgressListener.NONE, CancelToken.NEVER);
        ImportResult filled = pipeline.importFile(seedWithoutCountry(), ProgressListener.NONE, CancelToken.NEVER);
        var want = original.table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        var got = filled.table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        for (int r = 0; r < 282; r++) assertEquals(want.format(r), got.format(r), "row " + r);
        assertTrue(filled.report().countrySource().startsWith("src_ip_country_code added: 282 row(s) given a country from 28 distinct address(es)"),
                filled.report().countrySource());
        assertNull(original.report().countrySource(), "the export has countries: no look-up");
        double[] a = pipeline.analyze(original, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER).scores();
        double[] b = pipeline.analyze(filled, FeatureSet.all(), ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER).scores();
        assertArrayEquals(a, b, 0.0, "the same countries give the same scores");
    }

    @Test
    void onlyEmptyCountryCellsAreFilledAndPrivateAddressesAreLabelled() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(TestData.seed()).subList(0, 6));
        lines.set(1, lines.get(1).replace(",AE,", ",,"));                       // empty: filled from the database
        lines.set(2, lines.get(2).replace("165.225.33.6,US", "10.9.8.7,"));     // a private address with no country
        lines.set(3, lines.get(3).replaceFirst("^(([^,]*,){5})[^,]*,", "$1XX,")); // the file's own value is kept
        ImportResult r = pipeline.importFile(Files.write(tmp.resolve("partial.csv"), lines), ProgressListener.NONE, CancelToken.NEVER);
        var c = r.table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        assertEquals(List.of("AE", "private", "XX"), List.of(c.format(0), c.format(1), c.format(2)));
        assertTrue(r.report().countrySource().startsWith("empty src_ip_country_code cells filled: 2 row(s)"), r.report().countrySource());
        assertEquals(16, r.table().columns().size(), "no column added when the file has one");
    }

    /**
     * A flow log's countries are looked up beside the join of its records (on their addresses, which the connections
     * keep): the flow sample's connections get the countries a look-up after the join gives, and countries looked up
     * for another table's addresses are not used.
     */
    @Test
    void countriesLookedUpAheadAreTheOnesALookUpAfterwardsGives() throws IOException {
        GeoIp geo = GeoIp.bundled();
        ImportResult joined = pipeline.importFile(Path.of("sample-data/vpc-flow-sample.log"), ProgressListener.NONE, CancelToken.NEVER);
        ImportResult records = pipeline.withFlows(dev.taw.io.FlowView.RECORDS).importFile(Path.of("sample-data/vpc-flow-sample.log"),
                ProgressListener.NONE, CancelToken.NEVER);
        var country = joined.table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        var ip = joined.table().text(Role.SRC_IP).orElseThrow();
        assertTrue(joined.table().rowCount() < records.table().rowCount(), "records joined into connections");
        for (int r = 0; r < joined.table().rowCount(); r++) assertEquals(geo.country(ip.format(r)), country.format(r), "row " + r);
        assertTrue(joined.report().countrySource().startsWith("src_ip_country_code added: " + String.format("%,d", joined.table().rowCount())),
                joined.report().countrySource());

        // the same table's addresses: their countries as given; another dictionary's: looked up anew
        var t = records.table().columns().stream().filter(c -> !c.name().equals(Role.SRC_IP_COUNTRY_CODE.header())).toList();
        var roles = new java.util.EnumMap<Role, dev.taw.table.Column>(Role.class);
        roles.putAll(records.table().roles());
        roles.remove(Role.SRC_IP_COUNTRY_CODE);
        var bare = new dev.taw.table.Table(records.table().rowCount(), t, roles, records.table().sourceLines());
        String[] addresses = bare.text(Role.SRC_IP).orElseThrow().dictionary();
        String[] marked = new String[addresses.length];
        java.util.Arrays.fill(marked, "ZZ");
        var fromAhead = CountryFill.apply(bare, geo, new CountryFill.Countries(addresses, marked)).table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        assertTrue(java.util.stream.IntStream.range(1, bare.rowCount()).allMatch(r -> fromAhead.format(r).equals("ZZ")), "the ones given are used");
        var other = CountryFill.apply(bare, geo, new CountryFill.Countries(addresses.clone(), marked)).table().text(Role.SRC_IP_COUNTRY_CODE).orElseThrow();
        for (int r = 0; r < bare.rowCount(); r++) assertEquals(country(geo, bare, r), other.format(r), "another table's are not: row " + r);
        assertEquals(CountryFill.ahead(bare, geo).country().length, addresses.length);
    }

    private static String country(GeoIp geo, dev.taw.table.Table t, int r) {
        return geo.country(t.text(Role.SRC_IP).orElseThrow().format(r));
    }
}
