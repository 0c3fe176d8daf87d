// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The day in a log file's key, as each AWS service and the Hive layout write it (examples from the services' documentation). */
class PathDatesTest {
    private static final LocalDate JUNE_1 = LocalDate.of(2024, 6, 1);

    @Test
    void everyLayoutAwsWrites() {
        assertEquals(JUNE_1, PathDates.of("s3://b/AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/06/01/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20240601T0005Z_hash.log.gz"));
        assertEquals(JUNE_1, PathDates.of("s3://b/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2024/06/01/x.log.gz"));
        assertEquals(JUNE_1, PathDates.of("s3://b/AWSLogs/123456789012/WAFLogs/us-east-1/acl/2024/06/01/13/05/x.log.gz"));
        assertEquals(JUNE_1, PathDates.of("s3://b/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/year=2024/month=06/day=01/x.log.gz"));
        assertEquals(JUNE_1, PathDates.of("s3://b/flows/date=2024-06-01/part-0.log.gz"));
        assertEquals(JUNE_1, PathDates.of("s3://b/cf/E2EXAMPLE.2024-06-01-13.a1b2c3d4.gz"));
        assertEquals(JUNE_1, PathDates.of("/local/copy/x_20240601T2355Z_y.log"), "a flat copy still names its day in the file name");
    }

    @Test
    void noDayOrNotADay() {
        assertNull(PathDates.of("s3://b/logs/access.log"));
        assertNull(PathDates.of("s3://b/2024/13/45/x.log"), "month 13 is no day");
        assertNull(PathDates.of("s3://b/port/8443/x.log"));
    }

    @Test
    void theWindowIsInclusiveAndOpenEnded() {
        String may31 = "AWSLogs/1/vpcflowlogs/r/2024/05/31/x.log", june2 = "AWSLogs/1/vpcflowlogs/r/2024/06/02/x.log";
        assertFalse(PathDates.inWindow(may31, JUNE_1, JUNE_1.plusDays(1)));
        assertTrue(PathDates.inWindow(june2, JUNE_1, JUNE_1.plusDays(1)));
        assertTrue(PathDates.inWindow(may31, null, JUNE_1));
        assertFalse(PathDates.inWindow(june2, null, JUNE_1));
        assertTrue(PathDates.inWindow("logs/access.log", JUNE_1, JUNE_1), "a file that names no day is read");
    }

    @Test
    void optionMistakesAreOneLine() {
        assertEquals("--to 2024-05-01 is before --from 2024-06-01", message("in", "--output", "o", "--from", "2024-06-01", "--to", "2024-05-01"));
        assertEquals("--from 1.6.2024: not a day; write it as 2024-06-01", message("in", "--output", "o", "--from", "1.6.2024"));
        assertEquals("--model and --sample-rows exclude each other: a model is fitted already", message("in", "--output", "o", "--model", "m", "--sample-rows", "5"));
        assertEquals("--contamination 0.9: must be between 0.0001 and 0.5", message("in", "--output", "o", "--contamination", "0.9"));
        assertEquals("unknown option --outptu (--help for usage)", message("in", "--outptu", "o"));
        assertEquals("name at least one INPUT path or prefix (--help for usage)", message("--output", "o"));
    }

    private static String message(String... args) {
        try {
            JobOptions.parse(args);
            return "accepted";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
