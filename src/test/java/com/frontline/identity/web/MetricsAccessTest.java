package com.frontline.identity.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Prometheus metrics: for signed-in users and the configured scraper only. */
@IntegrationTest
class MetricsAccessTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    @Test
    void anonymousCallersGet401NotMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("jvm_"))));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong-token-wrong-token-wrong-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Basic " + IntegrationTest.SCRAPE_TOKEN))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theScrapeTokenReadsTheMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + IntegrationTest.SCRAPE_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_")));
    }

    @Test
    void aSignedInUserReadsTheMetrics() throws Exception {
        var user = accounts.signedIn(mvc, "metrics");
        mvc.perform(get("/actuator/prometheus").session(user.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_")));
    }

    @Test
    void healthStaysPublic() throws Exception {
        // 200, or 503 while Elasticsearch is still starting: either way no sign-in is asked for
        mvc.perform(get("/actuator/health"))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
                        .isIn(200, 503));
    }
}
