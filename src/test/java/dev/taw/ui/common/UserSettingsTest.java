// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.features.Feature;
import dev.taw.features.FeatureSet;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class UserSettingsTest {
    @Test
    void featuresSwitchedOffStayOffAndFeaturesAddedLaterStartOn() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/taw/test-" + UUID.randomUUID());
        try {
            UserSettings s = new UserSettings(node);
            s.save(0.1, 0.02, 200, 7, FeatureSet.all().with(Feature.COUNTRY_RARITY, false));
            FeatureSet back = new UserSettings(node).features();
            assertFalse(back.contains(Feature.COUNTRY_RARITY));
            assertTrue(back.contains(Feature.PORT_BREADTH), "not switched off: on");
            // what an older version stored: the switched-on list, without the newer features
            node.put("features", "BYTES_IN,BYTES_OUT");
            node.remove("featuresOff");
            assertEquals(FeatureSet.all(), new UserSettings(node).features(), "the old form is not read as 'everything else off'");
            assertEquals(0.1, s.contamination(), 0.0);
            assertEquals(200, s.trees());
            assertEquals(0.02, s.hostContamination(), 0.0);
        } finally {
            node.removeNode();
        }
    }
}
