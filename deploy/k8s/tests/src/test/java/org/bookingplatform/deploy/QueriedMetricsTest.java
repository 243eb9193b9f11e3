package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class QueriedMetricsTest {

    @Test
    void keepsMetricNamesAndDropsFunctionsLabelsRangesAndKeywords() {
        assertEquals(Set.of("gateway_requests_seconds_bucket"), QueriedMetrics.in(
                "histogram_quantile(0.99, sum by (le, route) (rate(gateway_requests_seconds_bucket{status=\"5xx\"}[5m])))"));
        assertEquals(Set.of("a_total", "b_total"), QueriedMetrics.in(
                "sum by (service) (rate(a_total{x=~\"y|z\"}[5m] offset 1h)) / on (service) group_left (pod) sum without (pod) (b_total) > bool 0.05"));
        assertEquals(Set.of("up"), QueriedMetrics.in(
                "label_replace(up == 0, \"service\", \"gateway\", \"\", \"\") or absent(up{service=\"gateway\"}) and 1e3 < inf"));
        assertEquals(Set.of("lag"), QueriedMetrics.in("deriv(max by (client_id) (lag)[10m:1m]) > 0"));
    }
}
