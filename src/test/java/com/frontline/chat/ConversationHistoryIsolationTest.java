package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.ChatService.PastMessage;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history pages of one workspace hold its own conversations only (evaluation runs left out), in id order with a
 * working watermark, whatever ids the other workspace has; the newest customer message of each is found.
 */
@IntegrationTest
class ConversationHistoryIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired ConversationHistory history;

    private UUID past(CurrentTenant t, String... texts) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(2);
        List<PastMessage> messages = new ArrayList<>();
        for (String text : texts) {
            Author author = text.startsWith("A:") ? Author.ASSISTANT : Author.CUSTOMER;
            messages.add(new PastMessage(author, null, text, List.of(), null, false, null, at));
            at = at.plusSeconds(10);
        }
        return chat.recordPastConversation(t.id(), Channel.WIDGET, "visitor:" + UUID.randomUUID(),
                ConversationStatus.BOT, null, messages);
    }

    @Test
    void eachWorkspacePagesThroughItsOwnConversations() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant a = accounts.asMember(alice, accounts.workspace(alice, "History A"));
        CurrentTenant b = accounts.asMember(bob, accounts.workspace(bob, "History B"));
        List<UUID> ofA = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ofA.add(past(a, "Question " + i, "A: answer", "Follow-up " + i, "A: answer"));
        }
        UUID silent = past(a, "A: the assistant spoke first and nobody answered");
        ofA.add(silent);
        chat.start(a.id(), Channel.EVALUATION, "eval-run"); // never part of the history
        UUID ofB = past(b, "B's question");

        assertThat(history.count(a.id())).isEqualTo(6);
        assertThat(history.count(b.id())).isEqualTo(1);
        List<ConversationHistory.Stored> all = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<ConversationHistory.Stored> page = history.page(a.id(), after, 4);
            all.addAll(page);
            if (page.size() < 4) {
                break;
            }
            after = page.getLast().id();
        }
        // PostgreSQL orders uuids by their bytes, as their text sorts (Java's UUID.compareTo is signed)
        assertThat(all).extracting(ConversationHistory.Stored::id)
                .containsExactlyElementsOf(ofA.stream().sorted(java.util.Comparator.comparing(UUID::toString))
                        .toList());
        ConversationHistory.Stored first = all.stream().filter(s -> s.id().equals(ofA.getFirst())).findFirst()
                .orElseThrow();
        long lastCustomer = chat.messages(a.id(), ofA.getFirst(), 0).stream()
                .filter(m -> m.author() == Author.CUSTOMER).mapToLong(ChatMessage::seq).max().orElseThrow();
        assertThat(first.lastCustomerSeq()).isEqualTo(lastCustomer);
        assertThat(all.stream().filter(s -> s.id().equals(silent)).findFirst().orElseThrow().lastCustomerSeq())
                .isZero();

        // B's pages, even after A's ids, hold only B's conversation
        assertThat(history.page(b.id(), null, 100)).extracting(ConversationHistory.Stored::id).containsExactly(ofB);
        assertThat(history.page(b.id(), ofA.getFirst(), 100)).extracting(ConversationHistory.Stored::id)
                .allMatch(ofB::equals);
        assertThat(history.workspacesWithConversations()).contains(a.id(), b.id());
    }
}
