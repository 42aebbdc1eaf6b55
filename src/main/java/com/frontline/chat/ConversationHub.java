package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live listeners per (workspace, conversation), in this app node's memory. Events that streams on other nodes need
 * go to them through {@link ChatNotifier} (PostgreSQL NOTIFY), and arrive here from them through
 * {@link ChatNotificationListener}. Everything a listener needs later is also in PostgreSQL: a view that reconnects
 * (or is served by another node) reads the messages it missed from there, so a lost event costs at most the
 * streaming of one answer, never a message.
 */
@Component
class ConversationHub {

    private static final Logger log = LoggerFactory.getLogger(ConversationHub.class);

    record Key(TenantId tenant, UUID conversationId) {
    }

    private final Map<Key, List<Consumer<ChatEvent>>> listeners = new ConcurrentHashMap<>();
    private final ChatNotifier notifier;

    ConversationHub(ChatNotifier notifier) {
        this.notifier = notifier;
    }

    /** Registers a listener; close the returned handle to stop listening. */
    AutoCloseable subscribe(TenantId tenant, UUID conversationId, Consumer<ChatEvent> listener) {
        Key key = new Key(tenant, conversationId);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Hands the event to this node's listeners and tells the other nodes (for the events they need). */
    void publish(TenantId tenant, UUID conversationId, ChatEvent event) {
        deliver(tenant, conversationId, event);
        notifier.announce(tenant, conversationId, event);
    }

    /** Hands the event to this node's listeners only. */
    void deliver(TenantId tenant, UUID conversationId, ChatEvent event) {
        List<Consumer<ChatEvent>> current = listeners.get(new Key(tenant, conversationId));
        if (current == null) {
            return;
        }
        for (Consumer<ChatEvent> listener : current) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // a closed browser connection; the view's own cleanup removes it
                log.debug("A listener of conversation {} failed: {}", conversationId, e.toString());
            }
        }
    }

    int listenerCount(TenantId tenant, UUID conversationId) {
        List<Consumer<ChatEvent>> current = listeners.get(new Key(tenant, conversationId));
        return current == null ? 0 : current.size();
    }

    /** The conversations someone on this node is listening to now. */
    List<Key> watched() {
        return List.copyOf(listeners.keySet());
    }
}
