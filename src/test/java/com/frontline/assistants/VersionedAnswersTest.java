package com.frontline.assistants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static com.frontline.db.chat.Tables.MESSAGES;
import static com.frontline.db.llm.Tables.USAGE_RECORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers on the real stack (PostgreSQL, Elasticsearch, MiniLM, the offline answerer) with a draft that differs
 * from the live version in its confidence threshold, persona and retrieval settings: the website widget answers with
 * the live version, the playground with the draft, and every answer and model call records its version.
 */
@IntegrationTest
class VersionedAnswersTest {

    static final String RETURNS = """
            # Returns
            You can return any item within 30 days of delivery for a full refund. Items must be unused and in their
            original packaging.
            ## Refund timing
            Refunds are paid to the original payment method within 5 business days after we receive the item.
            """;
    static final String SHIPPING = """
            # Shipping
            Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day.
            ## Returns by post
            Items you return by post must reach us within 30 days; use the prepaid label from your order page.
            """;
    static final String QUESTION = "How many days do I have to return an item?";
    static final String DRAFT_FALLBACK = "The draft is not sure about that one.";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired TenantService tenants;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired KnowledgeSearch search;
    @Autowired DSLContext dsl;

    CurrentTenant owner;
    Persona livePersona;

    @BeforeEach
    void liveVersionOneAndAStricterDraft() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        owner = accounts.asMember(alice, accounts.workspace(alice, "Versioned Answers Co"));
        for (String[] doc : List.of(new String[]{"Returns policy", RETURNS}, new String[]{"Shipping", SHIPPING})) {
            UUID id = knowledge.addText(owner, doc[0], doc[1], Visibility.PUBLIC).documentId();
            await(() -> knowledge.document(owner.id(), id).document().latestStatus() == DocumentStatus.INDEXED);
        }
        index.refresh();
        assertThat(versions.liveVersion(owner.id())).isEqualTo(1);
        livePersona = tenants.persona(owner.id());

        // the draft: every answer below 100 % confidence falls back, another name and fallback, one passage only
        chat.updateSettings(owner, "100", false, null);
        tenants.updatePersona(owner, new Persona("Draft Bot", livePersona.tone(), null, livePersona.greeting(),
                DRAFT_FALLBACK, livePersona.language()));
        search.saveSettings(owner, RetrievalSettings.defaults().withTopK(1));
    }

    @Test
    void theWidgetAnswersWithTheLiveVersionAndThePlaygroundWithTheDraft() {
        Conversation widget = chat.start(owner.id(), Channel.WIDGET, "visitor-1");
        ChatService.AnsweredTurn live = chat.askAndWait(owner.id(), widget.id(), QUESTION);
        ChatMessage liveAnswer = answer(live);

        assertThat(liveAnswer.lowConfidence()).as("the live threshold is 50 %").isFalse();
        assertThat(liveAnswer.text()).contains("30 days");
        assertThat(liveAnswer.authorName()).isEqualTo(livePersona.assistantName());
        assertThat(live.passages()).as("the live version's five passages").hasSizeGreaterThan(1);
        assertThat(versionOf(liveAnswer)).isEqualTo(1);

        Conversation playground = chat.start(owner.id(), Channel.PLAYGROUND, "user:alice");
        ChatService.AnsweredTurn draft = chat.askAndWait(owner.id(), playground.id(), QUESTION);
        ChatMessage draftAnswer = answer(draft);

        assertThat(draftAnswer.lowConfidence()).as("the draft's threshold is 100 %").isTrue();
        assertThat(draftAnswer.text()).isEqualTo(DRAFT_FALLBACK);
        assertThat(draftAnswer.authorName()).isEqualTo("Draft Bot");
        assertThat(draft.passages()).as("the draft's one passage").hasSize(1);
        assertThat(versionOf(draftAnswer)).isNull();

        // the offline answerer's usage record carries the version too
        assertThat(usageVersions(widget.id())).isNotEmpty().containsOnly(1);
        assertThat(usageVersions(playground.id())).isNotEmpty().containsOnlyNulls();
    }

    @Test
    void publishingTheDraftAndMakingItLiveChangesWhatVisitorsGet() {
        AssistantVersion v2 = versions.publish(owner, "Strict", true);

        Conversation widget = chat.start(owner.id(), Channel.WIDGET, "visitor-2");
        ChatMessage answer = answer(chat.askAndWait(owner.id(), widget.id(), QUESTION));

        assertThat(answer.lowConfidence()).isTrue();
        assertThat(answer.text()).isEqualTo(DRAFT_FALLBACK);
        assertThat(answer.authorName()).isEqualTo("Draft Bot");
        assertThat(versionOf(answer)).isEqualTo(v2.number());

        // and back: the answers come from version 1 again at once
        versions.makeLive(owner.id(), 1, owner.actor(), "Too strict");
        ChatMessage again = answer(chat.askAndWait(owner.id(), widget.id(), "And how long does a refund take?"));
        assertThat(again.text()).isNotEqualTo(DRAFT_FALLBACK);
        assertThat(again.authorName()).isEqualTo(livePersona.assistantName());
        assertThat(versionOf(again)).isEqualTo(1);
    }

    @Test
    void anEvaluationAnswersWithTheLiveVersionOrTheVersionItIsGiven() {
        AssistantVersion v2 = versions.publish(owner, "Candidate");

        Conversation live = chat.start(owner.id(), Channel.EVALUATION, "eval:live");
        ChatMessage liveAnswer = answer(chat.askAndWait(owner.id(), live.id(), QUESTION));
        assertThat(liveAnswer.lowConfidence()).isFalse();
        assertThat(versionOf(liveAnswer)).isEqualTo(1);

        Conversation candidate = chat.start(owner.id(), Channel.EVALUATION, "eval:candidate");
        ChatMessage candidateAnswer = answer(chat.askAndWait(owner.id(), candidate.id(), QUESTION, v2.number()));
        assertThat(candidateAnswer.text()).isEqualTo(DRAFT_FALLBACK);
        assertThat(versionOf(candidateAnswer)).isEqualTo(2);

        assertThatThrownBy(() -> chat.askAndWait(owner.id(), candidate.id(), QUESTION, 9))
                .isInstanceOf(NotFoundException.class);
        assertThat(chat.messages(owner.id(), candidate.id(), 0)).filteredOn(m -> m.author() == Author.CUSTOMER)
                .as("a question for a version the workspace does not have is not stored").hasSize(1);
    }

    static ChatMessage answer(ChatService.AnsweredTurn turn) {
        return turn.replies().stream().filter(m -> m.author() == Author.ASSISTANT).findFirst().orElseThrow();
    }

    Integer versionOf(ChatMessage message) {
        return dsl.select(MESSAGES.ASSISTANT_VERSION).from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(owner.id().value()), MESSAGES.ID.eq(message.id()))
                .fetchSingle(MESSAGES.ASSISTANT_VERSION);
    }

    List<Integer> usageVersions(UUID conversationId) {
        return dsl.select(USAGE_RECORDS.ASSISTANT_VERSION).from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(owner.id().value()), USAGE_RECORDS.CONVERSATION_ID.eq(conversationId))
                .fetch(USAGE_RECORDS.ASSISTANT_VERSION);
    }
}
