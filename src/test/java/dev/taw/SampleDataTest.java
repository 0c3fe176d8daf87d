// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.taw.analysis.Analysis;
import dev.taw.analysis.IpStat;
import dev.taw.features.FeatureSet;
import dev.taw.job.CancelToken;
import dev.taw.job.ProgressListener;
import dev.taw.model.ForestSettings;
import dev.taw.pipeline.AnalysisPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What sample-data/README.md promises: with default settings, each log's suspicious-IP list starts with its incident hosts. */
class SampleDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "vpc-flow-sample.log; 14.1.2.8 14.1.3.9 14.1.4.10 14.1.5.11 14.1.6.12 14.1.7.13 14.1.8.14",
        "alb-access-sample.log; 45.155.205.233 185.220.101.45 193.32.162.10 5.188.62.140",
        "waf-sample.log; 45.155.205.233 185.220.101.45 193.32.162.10",
        "cloudfront-sample.log; 45.155.205.233 185.220.101.45 193.32.162.10 5.188.62.140",
    })
    void theIncidentHostsComeFirst(String file, String incidents) {
        Set<String> expected = Set.of(incidents.split(" "));
        AnalysisPipeline p = new AnalysisPipeline();
        Analysis a = p.analyze(p.importFile(Path.of("sample-data", file), ProgressListener.NONE, CancelToken.NEVER), FeatureSet.all(),
                ForestSettings.defaults(), ProgressListener.NONE, CancelToken.NEVER);
        List<IpStat> top = a.findings(0.05, List.of()).hosts().subList(0, expected.size());
        assertEquals(expected, top.stream().map(IpStat::ip).collect(Collectors.toSet()), file);
    }
}
