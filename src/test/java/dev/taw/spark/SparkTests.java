// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for every Spark test in the JVM: it takes seconds to start, and the first query more. */
final class SparkTests {
    private static SparkSession session;

    private SparkTests() { }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("traffic-workbench tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return session;
    }
}
