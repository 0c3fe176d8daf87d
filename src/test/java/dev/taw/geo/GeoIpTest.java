// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoIpTest {
    static final GeoIp BUNDLED = GeoIp.bundled();

    @TempDir
    Path tmp;

    @Test
    void everySeedAddressGetsTheCountryTheExportGivesIt() throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(Files.newBufferedReader(TestData.seed()))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<CSVRecord> rows = p.getRecords();
            for (CSVRecord r : rows) assertEquals(r.get("src_ip_country_code"), BUNDLED.country(r.get("src_ip")), r.get("src_ip"));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "8.8.8.8, US",
        "2001:4860:4860::8888, US",
        "10.1.2.3, private", "172.20.0.9, private", "192.168.1.1, private", "fd12:3456::1, private",
        "100.64.0.1, shared",
        "127.0.0.1, reserved", "169.254.1.1, reserved", "192.0.2.77, reserved", "198.51.100.4, reserved", "203.0.113.66, reserved",
        "224.0.0.1, reserved", "::1, reserved", "fe80::1, reserved", "2001:db8::1, reserved", "::ffff:10.0.0.1, private",
    })
    void knownPublicAndSpecialAddresses(String ip, String expected) {
        assertEquals(expected, BUNDLED.country(ip));
    }

    @Test
    void textThatIsNotAnAddressIsNeverResolved() {
        for (String s : List.of("example.com", "1.2.3", "1.2.3.400", "localhost", "", "-", "::g")) assertEquals("", BUNDLED.country(s), s);
    }

    @Test
    void theBundledDatabaseNamesItselfWithDateAndAttribution() {
        String d = BUNDLED.describe();
        assertTrue(d.contains("built 2026-06-17"), d);
        assertTrue(d.contains("Number Resource Organization (nro.net), CC BY 4.0"), d);
    }

    @Test
    void anAnalystsOwnDatabaseIsUsedAndAWrongFileIsAOneLineError() throws IOException {
        Path own = Files.copy(TestData.shared().resolve("geoip").resolve("geo-whois-asn-country.mmdb"), tmp.resolve("my-country.mmdb"));
        GeoIp mine = GeoIp.open(own);
        assertEquals("US", mine.country("8.8.8.8"));
        assertTrue(mine.describe().startsWith("my-country.mmdb, type"), mine.describe());
        Path csv = Files.copy(TestData.seed(), tmp.resolve("not-a-db.mmdb"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoIp.open(csv));
        assertTrue(e.getMessage().startsWith(csv + ": not a MaxMind DB (.mmdb) file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeoIp.open(tmp.resolve("missing.mmdb")));
    }

    @Test
    void readsTheRecordShapesOfTheCommonDatabases() {
        assertEquals("DE", GeoIp.code(Map.of("country_code", "DE")));                             // ip-location-db, IPinfo lite
        assertEquals("FR", GeoIp.code(Map.of("country", Map.of("iso_code", "FR"))));              // GeoLite2 / GeoIP2, DB-IP
        assertEquals("NL", GeoIp.code(Map.of("country", "NL")));                                  // IPinfo country
        assertEquals("JP", GeoIp.code(Map.of("registered_country", Map.of("iso_code", "JP"))));   // GeoLite2 anycast entries
        assertNull(GeoIp.code(Map.of("continent", Map.of("code", "EU"))));
    }
}
