// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Help ▸ About: version and the licences of the bundled libraries. */
final class AboutDialog {
    private AboutDialog() { }

    static String version() {
        return dev.taw.Version.get();
    }

    static String text() {
        return """
                Traffic Anomaly Workbench %s
                Finds suspicious web traffic in AWS CloudWatch exports with an Isolation Forest.
                Licensed under the GNU General Public License v3.0 or later.

                Bundled libraries and their licences:
                  Smile 3.1.1 (Isolation Forest) — GPL-3.0
                  OpenJFX 21 — GPL-2.0 with Classpath Exception
                  ControlsFX 11.2.4 — BSD-3-Clause
                  Apache Commons CSV 1.14.1, Commons IO, Commons Codec — Apache-2.0
                  Apache PDFBox 3.0.8, FontBox, Commons Logging — Apache-2.0
                  SLF4J 2.0 — MIT
                  MaxMind DB reader 3.1.1 — Apache-2.0
                  Jackson databind/core/annotations 2.21 — Apache-2.0
                  DejaVu Sans fonts (in PDF reports) — Bitstream Vera / DejaVu licence (free)
                  Droid Sans Fallback font (in PDF reports) — Apache-2.0

                Data: the bundled IP-to-country database (geo-whois-asn-country, from the
                ip-location-db project) is © Number Resource Organization (nro.net),
                licensed under CC BY 4.0.
                """.formatted(version());
    }

    static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("About");
        a.setHeaderText("Traffic Anomaly Workbench " + version());
        TextArea area = new TextArea(text());
        area.setEditable(false);
        area.setPrefSize(560, 260);
        a.getDialogPane().setContent(area);
        a.getDialogPane().setId("about-dialog");
        a.show();
    }
}
