// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dictionary encoding: the text, byte and address paths agree on every value's code. */
class TextColumnTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void textAndBytePathsGiveOneCodePerDistinctValue() {
        TextColumn.Builder b = new TextColumn.Builder("x");
        byte[] line = ascii("xx 10.0.0.1 yy");
        int a = b.add("10.0.0.1");
        assertEquals(a, b.add(line, 3, 11), "the same text by bytes");
        assertEquals(a, b.add("<10.0.0.1>", 1, 9), "the same text by a range of a longer string");
        int other = b.add(line, 0, 2);
        assertNotEquals(a, other);
        assertEquals(0, b.add(""), "the empty value is code 0");
        TextColumn c = b.build();
        assertArrayEquals(new String[] {"", "10.0.0.1", "xx"}, c.dictionary());
        assertArrayEquals(new int[] {1, 1, 1, 2, 0}, c.codes());
    }

    @Test
    void valuesBeyondLatin1AreKeptAndNeverEqualAByteRange() {
        TextColumn.Builder b = new TextColumn.Builder("x");
        int city = b.add("Zürich");   // Latin-1, not ASCII: never arrives as an ASCII byte range
        int tokyo = b.add("東京");
        assertEquals(tokyo, b.add("東京"));
        assertEquals(city, b.add("Zürich"));
        int plain = b.add(ascii("Zurich"), 0, 6);
        assertNotEquals(city, plain);
        assertArrayEquals(new String[] {"", "Zürich", "東京", "Zurich"}, b.build().dictionary());
    }

    @Test
    void manyValuesSurviveRehashingInBothPaths() {
        TextColumn.Builder b = new TextColumn.Builder("ip");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("", 0);
        SplittableRandom r = new SplittableRandom(3);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String v = "198.51." + r.nextInt(256) + "." + r.nextInt(256);
            int code = r.nextBoolean() ? b.add(v) : b.add(ascii(" " + v), 1, v.length() + 1);
            Integer known = expected.putIfAbsent(v, expected.size());
            assertEquals(known == null ? expected.size() - 1 : known, code, v);
            added.add(v);
        }
        TextColumn c = b.build();
        assertEquals(expected.size(), c.distinctCount());
        for (int i = 0; i < added.size(); i += 997) assertEquals(added.get(i), c.format(i));
    }

    @Test
    void addressLookUpAgreesWithTextAndKeepsNonCanonicalFormsApart() {
        Interner d = new Interner();
        int byText = d.intern("10.0.0.1", 0, 8);
        assertEquals(byText, d.internAddress(ascii("10.0.0.1"), 0, 8), "found by its bits, one code per text");
        assertEquals(byText, d.internAddress(ascii("10.0.0.1"), 0, 8), "and again from the address cache");
        int padded = d.internAddress(ascii("010.0.0.1"), 0, 9);
        assertNotEquals(byText, padded, "leading zeros are other text, kept as written");
        int high = d.internAddress(ascii("255.255.255.255"), 0, 15);
        assertEquals(high, d.intern("255.255.255.255", 0, 15));
        int zero = d.internAddress(ascii("0.0.0.0"), 0, 7);
        assertEquals("0.0.0.0", d.value(zero));
        assertEquals(d.intern("2001:db8::1", 0, 11), d.internAddress(ascii("2001:db8::1"), 0, 11), "IPv6 as text");
        assertEquals(d.intern("256.1.1.1", 0, 9), d.internAddress(ascii("256.1.1.1"), 0, 9), "not an address: text");
        for (int i = 0; i < 5000; i++) { // grow the address table past several rehashes
            String v = "203.0." + (i / 250) + "." + (i % 250);
            assertEquals(d.intern(v, 0, v.length()), d.internAddress(ascii(v), 0, v.length()), v);
        }
    }

    @Test
    void columnsSharingADictionaryEachKeepOnlyTheirOwnValuesInFirstSeenOrder() {
        Interner shared = new Interner();
        TextColumn.Builder src = new TextColumn.Builder("src", shared);
        TextColumn.Builder dst = new TextColumn.Builder("dst", shared);
        src.add("203.0.113.9");
        dst.add("10.0.0.5");
        int again = src.add("10.0.0.5");
        dst.addCode(again);
        src.add("");
        TextColumn s = src.build(), t = dst.build();
        assertArrayEquals(new String[] {"", "203.0.113.9", "10.0.0.5"}, s.dictionary());
        assertArrayEquals(new int[] {1, 2, 0}, s.codes());
        assertArrayEquals(new String[] {"", "10.0.0.5"}, t.dictionary());
        assertArrayEquals(new int[] {1, 1}, t.codes());
        assertThrows(IllegalArgumentException.class, () -> dst.addCode(99));
    }

    @Test
    void appendTranslatesCodesIntoTheFirstDictionary() {
        TextColumn.Builder a = new TextColumn.Builder("x"), b = new TextColumn.Builder("x");
        a.add("GET");
        b.add("POST");
        b.add("GET");
        a.append(b);
        TextColumn c = a.build();
        assertEquals(List.of("GET", "POST", "GET"), List.of(c.format(0), c.format(1), c.format(2)));
        assertEquals(3, c.distinctCount());
    }
}
