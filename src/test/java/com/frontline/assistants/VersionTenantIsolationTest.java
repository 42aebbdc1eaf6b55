package com.frontline.assistants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.ChatService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two workspaces whose versions share numbers (both have 1 and 2, and B has a 3): everything A asks about version
 * 2 or 3 answers with A's own or not at all, and nothing A does moves B.
 */
@IntegrationTest
class VersionTenantIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired VersionRepository repository;
    @Autowired ChatService chat;

    CurrentTenant a;
    CurrentTenant b;

    @BeforeEach
    void twoWorkspacesWithTheSameNumbers() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        a = accounts.asMember(alice, accounts.workspace(alice, "A Corp"));
        b = accounts.asMember(bob, accounts.workspace(bob, "B Corp"));
        versions.liveVersion(a.id());
        chat.updateSettings(a, "55", false, null);
        versions.publish(a, "A's second");
        versions.liveVersion(b.id());
        chat.updateSettings(b, "90", false, null);
        versions.publish(b, "B's second", true);
        chat.updateSettings(b, "10", false, null);
        versions.publish(b, "B's third");
    }

    @Test
    void aWorkspaceSeesOnlyItsOwnVersions() {
        assertThat(versions.list(a.id())).extracting(AssistantVersion::number).containsExactly(2, 1);
        assertThat(versions.list(b.id())).extracting(AssistantVersion::number).containsExactly(3, 2, 1);
        assertThat(versions.get(a.id(), 2).config().confidenceThreshold()).isEqualTo(0.55);
        assertThat(versions.get(b.id(), 2).config().confidenceThreshold()).isEqualTo(0.9);
        // read B's version 3 first, so that it is cached: A still has none
        assertThat(versions.config(b.id(), 3)).isPresent();
        assertThat(versions.config(a.id(), 3)).isEmpty();
        assertThat(versions.find(a.id(), 3)).isEmpty();
        assertThat(repository.find(a.id(), 3)).isEmpty();
        assertThat(repository.latest(a.id())).get().extracting(AssistantVersion::number).isEqualTo(2);
        assertThatThrownBy(() -> versions.get(a.id(), 3)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> versions.diff(a.id(), 1, 3)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void nothingAWorkspaceDoesMovesAnother() {
        assertThatThrownBy(() -> versions.makeLive(a.id(), 3, a.actor(), "B's number"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> versions.restore(a, 3)).isInstanceOf(NotFoundException.class);

        versions.makeLive(a.id(), 2, a.actor(), "A goes to its 2");
        versions.restore(a, 1);

        assertThat(versions.liveVersion(a.id())).isEqualTo(2);
        assertThat(versions.liveVersion(b.id())).isEqualTo(2);
        assertThat(versions.list(b.id())).hasSize(3);
        assertThat(versions.liveHistory(b.id(), 10)).extracting(LiveChange::reason)
                .containsExactly("Published and made live: B's second",
                        "The configuration in force when versions were introduced");
        assertThat(versions.liveHistory(a.id(), 10)).extracting(LiveChange::reason).contains("A goes to its 2")
                .doesNotContain("Published and made live: B's second");
        assertThat(versions.draft(b.id()).confidenceThreshold()).isEqualTo(0.1);
        assertThat(versions.draft(a.id()).confidenceThreshold()).isEqualTo(0.5);
    }

    @Test
    void publishingNumbersEachWorkspacesVersionsOnItsOwn() {
        chat.updateSettings(a, "65", false, null);
        assertThat(versions.publish(a, "A's third").number()).isEqualTo(3);
        assertThat(versions.get(b.id(), 3).note()).isEqualTo("B's third");
        assertThatThrownBy(() -> versions.publish(b, null)).isInstanceOf(InvalidInputException.class);
    }
}
