package com.frontline.accounts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.UserFacingException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static com.frontline.db.accounts.Tables.UPLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@IntegrationTest
class PendingUploadExpiryTest {

    static final byte[] CSV = """
            account_name,kpi_name,value
            Acme Corp,NPS,45%
            """.getBytes(StandardCharsets.UTF_8);

    @Autowired AccountsService accounts;
    @Autowired PendingUploadExpiry expiry;
    @Autowired AccountRepository repository;
    @Autowired TestAccounts testAccounts;
    @Autowired DSLContext dsl;
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
    void anUploadLeftPendingPastItsTimeExpiresAndDropsItsFile() throws Exception {
        UUID stale = accounts.validate(tenant, "old.csv", CSV).id();
        UUID fresh = accounts.validate(tenant, "new.csv", CSV).id();
        UUID othersStale = accounts.validate(other, "theirs.csv", CSV).id();
        UUID discarded = accounts.validate(tenant, "dropped.csv", CSV).id();
        UUID confirmed = accounts.validate(tenant, "kept.csv", CSV).id();
        accounts.discard(tenant, discarded);
        accounts.confirm(tenant, confirmed);
        age(stale, expiry.ttl().plusMinutes(5));
        age(confirmed, expiry.ttl().plusMinutes(5));
        age(othersStale, expiry.ttl().minusMinutes(5));

        // each statement stays in its workspace: the other one has nothing stale, so nothing of this one changes
        OffsetDateTime cutoff = OffsetDateTime.now().minus(expiry.ttl());
        assertThat(repository.expirePending(other.id(), cutoff)).isZero();
        assertThat(repository.dropDiscardedFiles(other.id())).isZero();
        assertThat(statusAndSize(stale)).isEqualTo("PENDING:" + CSV.length);
        assertThat(statusAndSize(discarded)).isEqualTo("DISCARDED:" + CSV.length);

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(2); // other test classes may leave stale uploads too

        assertThat(statusAndSize(stale)).isEqualTo("EXPIRED:0");
        assertThat(statusAndSize(discarded)).isEqualTo("DISCARDED:0");
        assertThat(statusAndSize(fresh)).isEqualTo("PENDING:" + CSV.length);
        assertThat(statusAndSize(confirmed)).isEqualTo("CONFIRMED:" + CSV.length);
        assertThat(statusAndSize(othersStale)).isEqualTo("PENDING:" + CSV.length);
        assertThat(accounts.pending(tenant.id(), fresh, null).report().accepted()).hasSize(1);

        // the admin who comes back to the upload is told what happened, not shown an error
        assertThatThrownBy(() -> accounts.confirm(tenant, stale)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("expired").hasMessageContaining("Upload it again");
        String page = mvc.perform(get("/w/{s}/accounts/uploads/{id}", tenant.slug(), stale).session(alice.session()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This upload expired").doesNotContain("Exception");

        // running again changes nothing
        assertThat(expiry.expire()).isZero();
        assertThat(statusAndSize(stale)).isEqualTo("EXPIRED:0");
    }

    private void age(UUID upload, java.time.Duration by) {
        dsl.update(UPLOADS).set(UPLOADS.CREATED_AT, OffsetDateTime.now().minus(by))
                .where(UPLOADS.ID.eq(upload)).execute();
    }

    private String statusAndSize(UUID upload) {
        return dsl.select(UPLOADS.STATUS, org.jooq.impl.DSL.binaryOctetLength(UPLOADS.FILE))
                .from(UPLOADS).where(UPLOADS.ID.eq(upload))
                .fetchSingle(r -> r.value1() + ":" + r.value2());
    }
}
