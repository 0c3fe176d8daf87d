// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.geo;

import dev.taw.net.AddressClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import com.maxmind.db.Reader;

/**
 * IP → ISO country code from a MaxMind DB: the bundled registry database (© NRO, CC BY 4.0) or one the
 * analyst points at (GeoLite2/GeoIP2 Country or City, DB-IP, IPinfo: their record shapes are all read).
 * Special-purpose addresses give {@code private}, {@code shared} or {@code reserved}; a public address the
 * database does not know gives {@code unknown}; text that is not an IP literal gives the empty string.
 */
public final class GeoIp {
    public static final String UNKNOWN = "unknown";
    static final String BUNDLED = "geo-whois-asn-country.mmdb";
    static final String NRO_ATTRIBUTION = "IP-to-country data © Number Resource Organization (nro.net), CC BY 4.0";

    private final Reader reader;
    private final String name;
    private final boolean bundled;

    private GeoIp(Reader reader, String name, boolean bundled) {
        this.reader = reader;
        this.name = name;
        this.bundled = bundled;
    }

    /** The database that ships inside the app. */
    public static GeoIp bundled() {
        try (InputStream in = GeoIp.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("the GeoIP database is missing from this build");
            return new GeoIp(new Reader(in), "geo-whois-asn-country (bundled)", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An analyst's own database. @throws IllegalArgumentException with a one-line reason */
    public static GeoIp open(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": GeoIP database not found");
        try {
            return new GeoIp(new Reader(file.toFile()), file.getFileName().toString(), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a MaxMind DB (.mmdb) file (" + e.getMessage() + ")");
        }
    }

    /** "geo-whois-asn-country (bundled), GeoIP2-Country-like type …, built 2026-06-17" and, for the bundled one, the attribution. */
    public String describe() {
        var m = reader.getMetadata();
        String built = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(m.getBuildDate().getTime()));
        return name + ", type " + m.getDatabaseType() + ", built " + built + (bundled ? "; " + NRO_ATTRIBUTION : "");
    }

    /** The country code or label for one address (see the class comment). */
    public String country(String ip) {
        InetAddress a = AddressClass.parse(ip);
        if (a == null) return "";
        String special = AddressClass.special(a);
        if (special != null) return special;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = reader.get(a, Map.class);
            String code = code(record);
            return code == null ? UNKNOWN : code;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** Reads the country from the record shapes in use: {@code country_code}, {@code country.iso_code}, {@code country}. */
    @SuppressWarnings("unchecked")
    static String code(Map<String, Object> record) {
        if (record == null) return null;
        Object cc = record.get("country_code");
        if (cc instanceof String s && !s.isBlank()) return s;
        Object country = record.get("country");
        if (country instanceof String s && !s.isBlank()) return s;
        for (String key : new String[] {"country", "registered_country"}) {
            if (record.get(key) instanceof Map<?, ?> m && m.get("iso_code") instanceof String s && !s.isBlank()) return s;
        }
        return null;
    }
}
