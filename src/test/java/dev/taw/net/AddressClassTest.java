// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressClassTest {
    @Test
    void readsDottedQuadsAndRefusesWhatIsNotOne() {
        assertArrayEquals(new byte[] {10, 0, 3, (byte) 101}, AddressClass.parse("10.0.3.101").getAddress());
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, 0, 1}, AddressClass.parse(" 255.255.000.01 ").getAddress());
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3", "1..2.3", "1.2.3.256", "1.2.3.0400", "1.2.3.a",
                "1.2.3.-4", "1.2.3.4 5", "example.com", "1,2,3,4", "１.2.3.4"}) {
            assertNull(AddressClass.parse(bad), bad);
        }
        assertEquals(16, AddressClass.parse("2001:db8::1").getAddress().length);
        assertEquals(16, AddressClass.parse("[fe80::1]").getAddress().length);
    }

    /** Against the reading it replaced (split on dots, then each part checked), over strings of digits and dots. */
    @Test
    void readsExactlyWhatSplittingOnDotsRead() {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "0123456789..........9x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(17);
            for (int k = 0; k < length; k++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            InetAddress got = AddressClass.parse(s.toString());
            byte[] expected = bySplitting(s.toString());
            if (expected == null) assertNull(got, s.toString());
            else assertArrayEquals(expected, got.getAddress(), s.toString());
        }
    }

    private static byte[] bySplitting(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) return null;
            for (int k = 0; k < p.length(); k++) if (p.charAt(k) < '0' || p.charAt(k) > '9') return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            b[i] = (byte) v;
        }
        return b;
    }
}
