package com.frontline.chat;

import com.frontline.search.TextEmbedder;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the implicit signals of answers ({@link ImplicitSignals}) once a conversation has gone quiet
 * ({@code frontline.chat.signals.quiet-after}): a db-scheduler recurring task, so exactly one app node runs it at a
 * time and it survives restarts. A conversation is read again only when it had new activity since
 * ({@code signals_at}); reading it twice gives the same result. Finding the due conversations is the one read across
 * workspaces; everything after it is read and written within the conversation's own workspace.
 */
@Configuration(proxyBeanMethods = false)
class ImplicitSignalsJob {

    private static final Logger log = LoggerFactory.getLogger(ImplicitSignalsJob.class);
    /** Messages of one conversation read at most (the newest). */
    static final int MAX_MESSAGES = 500;

    private final ConversationRepository conversations;
    private final TextEmbedder embedder;
    private final TransactionTemplate tx;
    private final ChatProperties.Signals properties;

    ImplicitSignalsJob(ConversationRepository conversations, TextEmbedder embedder, TransactionTemplate tx,
                       ChatProperties properties) {
        this.conversations = conversations;
        this.embedder = embedder;
        this.tx = tx;
        this.properties = properties.signals();
    }

    @Bean
    RecurringTask<Void> implicitSignalsTask() {
        return Tasks.recurring("chat-implicit-signals", FixedDelay.of(properties.every()))
                .execute((instance, context) -> readDue(OffsetDateTime.now()));
    }

    /**
     * Reads the signals of one batch of conversations quiet at {@code now}.
     *
     * @return how many conversations were read
     */
    int readDue(OffsetDateTime now) {
        List<ConversationRepository.SignalsDue> due = conversations.signalsDue(now.minus(properties.quietAfter()),
                properties.batch());
        for (ConversationRepository.SignalsDue c : due) {
            try {
                read(c);
            } catch (RuntimeException e) {
                // one broken conversation must not hold up the rest; it stays due and is tried again next run
                log.warn("Workspace {}: could not read the implicit signals of conversation {}: {}", c.tenant(),
                        c.conversationId(), e.toString());
            }
        }
        return due.size();
    }

    private void read(ConversationRepository.SignalsDue c) {
        List<ChatMessage> messages = conversations.lastMessages(c.tenant(), c.conversationId(), MAX_MESSAGES);
        Map<UUID, ImplicitSignals> signals = ImplicitSignals.read(messages, c.visitorLeftAt(), similarity(messages));
        tx.executeWithoutResult(s -> {
            signals.forEach((id, sig) -> conversations.setImplicitSignals(c.tenant(), id, sig));
            conversations.signalsRead(c.tenant(), c.conversationId(), c.activityAt());
        });
    }

    /** Cosines between the conversation's customer messages, embedded once each (tenant-free arithmetic). */
    private ImplicitSignals.Similarity similarity(List<ChatMessage> messages) {
        List<String> texts = messages.stream()
                .filter(m -> m.author() == Author.CUSTOMER || m.author() == Author.ASSISTANT)
                .map(m -> m.author() == Author.CUSTOMER ? m.text() : m.question())
                .filter(t -> t != null && !t.isBlank())
                .distinct().toList();
        Map<String, float[]> vectors = new HashMap<>();
        return (a, b) -> {
            if (vectors.isEmpty() && !texts.isEmpty()) {
                List<float[]> embedded = embedder.embedAll(texts);
                for (int i = 0; i < texts.size(); i++) {
                    vectors.put(texts.get(i), embedded.get(i));
                }
            }
            float[] x = vector(vectors, a);
            float[] y = vector(vectors, b);
            return cosine(x, y);
        };
    }

    private float[] vector(Map<String, float[]> vectors, String text) {
        return vectors.computeIfAbsent(text, embedder::embed);
    }

    static double cosine(float @Nullable [] a, float @Nullable [] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
