package com.frontline.accounts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.accounts.importing.DetectedFormat;
import com.frontline.accounts.importing.StandardField;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    CurrentTenant tenant;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        var alice = testAccounts.signedIn(mvc, "alice");
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
            return index.bm25(tenant.id(), "NPS Acme Corp", 5).stream().anyMatch(h -> h.text().contains("NPS of Acme Corp"));
        });
        assertThat(index.bm25(other.id(), "NPS Acme Corp", 5)).isEmpty();
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

        Map<String, StandardField> mapping = new LinkedHashMap<>();
        mapping.put(first.report().sourceColumns().get(0), StandardField.ACCOUNT_NAME);
        mapping.put(first.report().sourceColumns().get(1), StandardField.KPI_NAME);
        mapping.put(first.report().sourceColumns().get(2), StandardField.VALUE);
        PendingUpload mapped = accounts.applyMapping(tenant, first.id(), "CRM export", mapping);
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
    void wholeFileProblemsAreRefusedAtOnce() {
        assertThatThrownBy(() -> accounts.validate(tenant, "empty.csv", new byte[0]))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> accounts.validate(tenant, "fake.xlsx", "%PDF-1.7 not a workbook".getBytes()))
                .isInstanceOf(UserFacingException.class);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 90 s").isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
