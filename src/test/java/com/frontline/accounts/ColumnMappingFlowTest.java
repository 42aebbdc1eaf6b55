package com.frontline.accounts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.accounts.importing.DetectedFormat;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mapping form through HTTP: any tampered value is a message next to its field, and Apply redirects to a GET. */
@IntegrationTest
class ColumnMappingFlowTest {

    static final String CUSTOM = """
            Alpha,Beta,Gamma
            Initech,Logins per week,120
            Initech,Renewal probability,65%
            """;

    static final String WIDE = """
            Customer,Month,NPS,CSAT %
            Acme,2026-10-31,45,80%
            Globex,2026-10-31,30,65%
            """;

    @Autowired AccountsService accounts;
    @Autowired TestAccounts testAccounts;
    @Autowired MockMvc mvc;

    TestAccounts.Account alice;
    CurrentTenant tenant;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = testAccounts.signedIn(mvc, "alice");
        tenant = testAccounts.asMember(alice, testAccounts.workspace(alice, "Mapping Co"));
        var bob = testAccounts.signedIn(mvc, "bob");
        other = testAccounts.asMember(bob, testAccounts.workspace(bob, "Other Mapping Co"));
    }

    @Test
    void tamperedMappingValuesAreMessagesNextToTheFieldNeverA500() throws Exception {
        PendingUpload upload = accounts.validate(tenant, "export.csv", CUSTOM.getBytes(StandardCharsets.UTF_8));
        String url = base(tenant) + "/uploads/" + upload.id() + "/mapping";

        mvc.perform(mapping(url, Map.of("col:0", "ACCOUNT_NAME", "col:1", "NOT_A_FIELD", "col:2", "VALUE")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("Choose one of the listed options for this column"),
                        containsString("id=\"col:1-error\""))));
        mvc.perform(mapping(url, Map.of("col:0", "KPI_NAME", "col:1", "KPI_NAME", "col:2", "VALUE")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("KPI name is already chosen for “Alpha”")));
        mvc.perform(mapping(url, Map.of("col:99", "VALUE", "col:1", "KPI_NAME")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("The file has no column 100")));
        mvc.perform(mapping(url, Map.of("col:x", "VALUE")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("The form was changed")));
        mvc.perform(mapping(url, Map.of("col:-1", "VALUE")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(mapping(url, "", Map.of("col:0", "ACCOUNT_NAME", "col:1", "KPI_NAME", "col:2", "VALUE")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Name this format")));
        mvc.perform(mapping(url, Map.of("col:1", "KPI_NAME", "col:2", "KPI")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("not both")));
        // the choices made are kept on the re-rendered form
        mvc.perform(mapping(url, Map.of("col:0", "ACCOUNT_NAME", "col:1", "NOT_A_FIELD")))
                .andExpect(content().string(containsString("<option value=\"ACCOUNT_NAME\" selected=\"selected\">")));
        assertThat(accounts.pending(tenant.id(), upload.id(), null).report().needsMapping()).isTrue();
    }

    @Test
    void applyingAMappingRedirectsToTheReportsOwnGetUrlWhichCanBeReloaded() throws Exception {
        PendingUpload upload = accounts.validate(tenant, "export.csv", CUSTOM.getBytes(StandardCharsets.UTF_8));
        String report = base(tenant) + "/uploads/" + upload.id();

        mvc.perform(mapping(report + "/mapping", Map.of("col:0", "ACCOUNT_NAME", "col:1", "KPI_NAME",
                        "col:2", "VALUE")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(report + "?format=CRM+export"));
        for (int reload = 0; reload < 2; reload++) {
            mvc.perform(get(report).param("format", "CRM export").session(alice.session()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("saved format &#39;CRM export&#39;"),
                            containsString("Import 2 rows"), containsString("name=\"format\" value=\"CRM export\""))));
        }
        mvc.perform(post(report + "/confirm").param("format", "CRM export").session(alice.session()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(base(tenant)));
        assertThat(accounts.overview(tenant.id())).extracting(AccountOverview::name).containsExactly("Initech");

        // another workspace cannot read this workspace's format by name
        PendingUpload theirs = accounts.validate(other, "export.csv", CUSTOM.getBytes(StandardCharsets.UTF_8));
        assertThat(accounts.pending(other.id(), theirs.id(), "CRM export").report().needsMapping()).isTrue();
    }

    @Test
    void aWideLayoutIsMappedWithKpiColumnsAndRecognisedNextTime() throws Exception {
        PendingUpload upload = accounts.validate(tenant, "board.csv", WIDE.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.report().needsMapping()).isTrue();
        String report = base(tenant) + "/uploads/" + upload.id();

        mvc.perform(mapping(report + "/mapping", "Board export", Map.of("col:0", "ACCOUNT_NAME", "col:1", "DATE",
                        "col:2", "KPI", "col:3", "KPI")))
                .andExpect(status().isFound());
        assertThat(accounts.pending(tenant.id(), upload.id(), "Board export").report().accepted()).hasSize(4);

        PendingUpload next = accounts.validate(tenant, "board-november.csv", WIDE.getBytes(StandardCharsets.UTF_8));
        assertThat(next.report().format()).isEqualTo(DetectedFormat.SAVED_MAPPING);
        assertThat(next.report().accepted()).hasSize(4);
        assertThat(accounts.confirm(tenant, next.id()).kpis()).isEqualTo(4);

        // a wide layout maps only the account and the date per row
        mvc.perform(mapping(report + "/mapping", Map.of("col:0", "CATEGORY", "col:2", "KPI")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("cannot be used with one column per KPI")));
        // the other workspace does not know the format
        assertThat(accounts.validate(other, "board.csv", WIDE.getBytes(StandardCharsets.UTF_8)).report().needsMapping())
                .isTrue();
    }

    @Test
    void aGuessedAccountOffersTheMappingOnTheReport() throws Exception {
        PendingUpload upload = accounts.validate(tenant, "q3_export.csv",
                "Metric,Score\nNPS,45\nCSAT,80\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(base(tenant) + "/uploads/" + upload.id()).session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"column-mapping\""),
                        containsString("We are not sure we read this file right"), containsString("Import 2 rows"),
                        containsString("<option value=\"KPI_NAME\" selected=\"selected\">"))));

        PendingUpload sure = accounts.validate(tenant, "kpis.csv",
                "account,kpi,value\nAcme,NPS,45\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(base(tenant) + "/uploads/" + sure.id()).session(alice.session()))
                .andExpect(content().string(allOf(not(containsString("data-testid=\"column-mapping\"")),
                        containsString("data-testid=\"column-mapping-closed\""))));
    }

    private MockHttpServletRequestBuilder mapping(String url, Map<String, String> columns) {
        return mapping(url, "CRM export", columns);
    }

    private MockHttpServletRequestBuilder mapping(String url, String formatName, Map<String, String> columns) {
        MockHttpServletRequestBuilder request = post(url).session(alice.session()).with(csrf())
                .param("formatName", formatName);
        columns.forEach(request::param);
        return request;
    }

    private static String base(CurrentTenant tenant) {
        return "/w/" + tenant.slug() + "/accounts";
    }
}
