// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.taw.model.ForestSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window accepts exactly what the forest accepts. */
class SettingsViewModelTest {
    private final SettingsViewModel s = new SettingsViewModel();

    @Test
    void theLimitsAreTheForestsOwn() {
        assertEquals(Optional.empty(), s.typeContamination("0.0001"));
        assertEquals(0.0001, s.settings().contamination());
        assertEquals(Optional.empty(), s.typeContamination("0,5"));
        assertEquals(0.5, s.settings().contamination());
        assertEquals(Optional.of("Contamination must be a number between 0.0001 and 0.5"), s.typeContamination("0.6"));
        assertEquals(Optional.of("Contamination must be a number between 0.0001 and 0.5"), s.typeContamination("lots"));
        assertEquals(0.5, s.settings().contamination(), "a bad value changes nothing");
        assertEquals(ForestSettings.MIN_TREES, SettingsViewModel.MIN_TREES);
        assertEquals(ForestSettings.MAX_TREES, SettingsViewModel.MAX_TREES);
        s.treesProperty().set(SettingsViewModel.MAX_TREES);
        assertEquals(10_000, s.settings().trees());
    }

    @Test
    void theSliderRoundsAndStaysInRange() {
        s.slideContamination(0.123456);
        assertEquals(0.123, s.contaminationProperty().get());
        s.slideContamination(0.0);
        assertEquals(SettingsViewModel.MIN_CONTAMINATION, s.contaminationProperty().get());
    }

    @Test
    void aSeedMustBeAWholeNumber() {
        assertEquals(Optional.empty(), s.typeSeed(" 7 "));
        assertEquals(7, s.settings().seed());
        assertTrue(s.typeSeed("7.5").isPresent());
        assertEquals(7, s.settings().seed());
    }
}
