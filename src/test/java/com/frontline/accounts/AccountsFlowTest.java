package com.frontline.accounts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.accounts.importing.DetectedFormat;
import com.frontline.accounts.importing.StandardField;
import com.frontline.search.Audience;
import com.frontline.search.IndexHit;
import com.frontline.search.KnowledgeIndex;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountsFlowTest {

    static final String CSV = """
            account_name,kpi_name,value,category,weight,impact_level
            Acme Corp,NPS,45%,Engagement,2,High
            Acme Corp,Product adoption,80%,Adoption,1,Medium
            Globex,NPS,not a number,Engagement,1,High
            Globex,Support CSAT,30%,Support,1,Low
            """;

    @Autowired AccountsService accounts;
    @Autowired KnowledgeIndex index;
    @Autowired TestAccounts testAccounts;
    @Autowired MockMvc mvc;

    TestAccounts.Account alice;
    CurrentTenant tenant;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = testAccounts.signedIn(mvc, "alice");
        tenant = testAccounts.asMember(alice, testAccounts.workspace(alice, "KPI Co"));
        var bob = testAccounts.signedIn(mvc, "bob");
        other = testAccounts.asMember(bob, testAccounts.workspace(bob, "Other Co"));
    }

    @Test
    void aReportComesFirstAndConfirmingStoresANewDataVersion() {
        PendingUpload pending = accounts.validate(tenant, "kpis.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(pending.report().format()).isEqualTo(DetectedFormat.CSV);
        assertThat(pending.report().accepted()).hasSize(3);
        assertThat(pending.report().problems()).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("not a number"));
        assertThat(accounts.overview(tenant.id())).isEmpty(); // nothing stored before confirming

        AccountsService.Confirmed confirmed = accounts.confirm(tenant, pending.id());
        assertThat(confirmed.dataVersion()).isEqualTo(1);
        assertThat(confirmed.accounts()).isEqualTo(2);
        assertThat(confirmed.skippedRows()).isEqualTo(1);
        assertThatThrownBy(() -> accounts.confirm(tenant, pending.id())).isInstanceOf(UserFacingException.class);

        List<AccountOverview> overview = accounts.overview(tenant.id());
        assertThat(overview).extracting(AccountOverview::name).containsExactlyInAnyOrder("Acme Corp", "Globex");
        AccountOverview acme = overview.stream().filter(a -> a.name().equals("Acme Corp")).findFirst().orElseThrow();
        assertThat(acme.healthScore()).isNotNull().isBetween(0.0, 100.0);
        assertThat(accounts.account(tenant.id(), acme.id()).latest()).hasSize(2);

        // the other workspace sees none of it
        assertThat(accounts.overview(other.id())).isEmpty();
        assertThatThrownBy(() -> accounts.account(other.id(), acme.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.pending(other.id(), pending.id(), null)).isInstanceOf(NotFoundException.class);

        // KPI facts become searchable knowledge of this workspace only
        await(() -> {
            index.refresh();
            return index.bm25(tenant.id(), Audience.TEAM, "NPS Acme Corp", 5).stream().anyMatch(h -> h.text().contains("NPS of Acme Corp is 45%"));
        });
        assertThat(index.bm25(other.id(), Audience.TEAM, "NPS Acme Corp", 5)).isEmpty();
    }

    @Test
    void aRowWithSeveralProblemsIsOneSkippedRow() {
        String csv = """
                account_name,kpi_name,value,direction
                Acme Corp,NPS,45%,
                Acme Corp,Escalations,sideways,sideways
                """;
        PendingUpload pending = accounts.validate(tenant, "kpis.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(pending.report().problems()).hasSize(2);

        assertThat(accounts.confirm(tenant, pending.id()).skippedRows()).isEqualTo(1);
    }

    @Test
    void anUnknownLayoutIsMappedOnceAndRecognisedNextTime() {
        String custom = """
                Alpha,Beta,Gamma
                Initech,Logins per week,120
                Initech,Renewal probability,65%
                """;
        PendingUpload first = accounts.validate(tenant, "export.csv", custom.getBytes(StandardCharsets.UTF_8));
        assertThat(first.report().needsMapping()).isTrue();

        Map<Integer, String> mapping = Map.of(0, StandardField.ACCOUNT_NAME.name(), 1, StandardField.KPI_NAME.name(),
                2, StandardField.VALUE.name());
        String format = accounts.applyMapping(tenant, first.id(), null, "CRM export", mapping);
        PendingUpload mapped = accounts.pending(tenant.id(), first.id(), format);
        assertThat(mapped.report().accepted()).hasSize(2);

        PendingUpload second = accounts.validate(tenant, "export-2.csv", custom.getBytes(StandardCharsets.UTF_8));
        assertThat(second.report().needsMapping()).isFalse();
        assertThat(second.report().format()).isEqualTo(DetectedFormat.SAVED_MAPPING);
        assertThat(accounts.confirm(tenant, second.id()).kpis()).isEqualTo(2);

        // another workspace does not get this workspace's saved format
        assertThat(accounts.validate(other, "export.csv", custom.getBytes(StandardCharsets.UTF_8)).report().needsMapping())
                .isTrue();
    }

    @Test
    void churnLowersTheStoredAccountsHealthAndThePageSaysLowerIsBetter() throws Exception {
        String csv = """
                account_name,kpi_name,value,direction
                Acme Corp,Churn rate,10%,
                Acme Corp,Product adoption,70%,
                Globex,Support backlog,25%,Higher is better
                Initech,Ticket reopen rate,30%,lower
                """;
        PendingUpload pending = accounts.validate(tenant, "kpis.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(pending.report().problems()).isEmpty();
        accounts.confirm(tenant, pending.id());

        Map<String, AccountOverview> byName = new LinkedHashMap<>();
        accounts.overview(tenant.id()).forEach(a -> byName.put(a.name(), a));
        // Acme: churn 10% by its name → 90, adoption 70 → 80; Globex: stated higher → 25; Initech: stated lower → 70
        assertThat(byName.get("Acme Corp").healthScore()).isEqualTo(80.0);
        assertThat(byName.get("Globex").healthScore()).isEqualTo(25.0);
        assertThat(byName.get("Initech").healthScore()).isEqualTo(70.0);

        AccountDetails acme = accounts.account(tenant.id(), byName.get("Acme Corp").id());
        assertThat(acme.latest()).extracting(KpiValue::kpiName, KpiValue::direction, KpiValue::lowerIsBetter)
                .containsExactly(tuple("Churn rate", null, true), tuple("Product adoption", null, false));
        assertThat(acme.health().notes()).anyMatch(n -> n.contains("'Churn rate' counted as lower is better (by its name)"));
        AccountDetails initech = accounts.account(tenant.id(), byName.get("Initech").id());
        assertThat(initech.latest()).extracting(KpiValue::direction).containsExactly("LOWER_IS_BETTER");

        mvc.perform(get("/w/" + tenant.slug() + "/accounts/" + acme.id()).session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"lower-is-better\""),
                        containsString("↓ lower is better"), containsString("100 minus its value"))));
        String globexPage = mvc.perform(get("/w/" + tenant.slug() + "/accounts/" + byName.get("Globex").id())
                        .session(alice.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(globexPage).doesNotContain("data-testid=\"lower-is-better\"");

        // the other workspace sees none of it
        assertThat(accounts.overview(other.id())).isEmpty();
        assertThatThrownBy(() -> accounts.account(other.id(), acme.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void wholeFileProblemsAreRefusedAtOnce() {
        assertThatThrownBy(() -> accounts.validate(tenant, "empty.csv", new byte[0]))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> accounts.validate(tenant, "fake.xlsx", "%PDF-1.7 not a workbook".getBytes()))
                .isInstanceOf(UserFacingException.class);
    }

}
