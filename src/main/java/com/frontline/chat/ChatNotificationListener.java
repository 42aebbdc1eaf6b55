package com.frontline.chat;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives the other nodes' chat notifications ({@link ChatNotifier}) on one dedicated PostgreSQL connection that
 * {@code LISTEN}s, outside the connection pool, and hands them to this node's streams. When the connection drops it
 * reconnects with a growing pause (up to {@link #MAX_BACKOFF}); notifications sent meanwhile are lost, so after a
 * reconnect each conversation watched here gets the messages stored since shortly before the drop, and its status
 * (clients skip messages they already have, by id).
 */
@Component
class ChatNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatNotificationListener.class);
    private static final int WAIT_MILLIS = 1000;
    /** With nothing received for this long, the connection is asked a question to find out whether it still lives. */
    private static final Duration PROBE_AFTER = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How far before a drop the catch-up reads, for notifications that were on their way. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final ConversationHub hub;
    private final ConversationRepository conversations;
    private final ChatNotifier notifier;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection connection;

    ChatNotificationListener(DataSource dataSource, ConversationHub hub, ConversationRepository conversations,
                             ChatNotifier notifier) {
        this.dataSource = dataSource;
        this.hub = hub;
        this.conversations = conversations;
        this.notifier = notifier;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("chat-notifications").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        closeQuietly(connection);
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Notifications of other nodes handled since the start (for tests and diagnostics). */
    long received() {
        return received.get();
    }

    /** How many times the listening connection was opened (1 unless it dropped). */
    long connects() {
        return connects.get();
    }

    /** Closes the listening connection as a network failure would (for tests). */
    void dropConnection() {
        closeQuietly(connection);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        @Nullable OffsetDateTime droppedAt = null;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                connects.incrementAndGet();
                backoff = Duration.ofMillis(500);
                if (droppedAt != null) {
                    log.info("Listening for chat notifications again");
                    catchUp(droppedAt.minus(CATCH_UP_MARGIN));
                }
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (droppedAt == null || connection != null) {
                    droppedAt = OffsetDateTime.now();
                }
                log.warn("Chat notifications from other nodes are interrupted ({}); reconnecting in {} ms",
                        e.toString(), backoff.toMillis());
            } finally {
                connection = null;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                if (System.nanoTime() - quietSince > PROBE_AFTER.toNanos()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("select 1"); // throws when the connection is gone
                    }
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            for (PGNotification n : notifications) {
                handle(n.getParameter());
            }
        }
    }

    void handle(String payload) {
        Optional<ChatNotifier.Notice> parsed = ChatNotifier.parse(payload);
        if (parsed.isEmpty()) {
            log.warn("Ignored a chat notification that is not ours: {}", payload.length() > 100
                    ? payload.substring(0, 100) : payload);
            return;
        }
        ChatNotifier.Notice n = parsed.get();
        if (n.node().equals(notifier.node()) || hub.listenerCount(n.tenant(), n.conversationId()) == 0) {
            return; // this node's own event (delivered already), or nobody here is listening
        }
        received.incrementAndGet();
        try {
            switch (n.kind()) {
                case 'M' -> {
                    long seq = Long.parseLong(n.value());
                    conversations.messages(n.tenant(), n.conversationId(), seq - 1, 1).stream()
                            .filter(m -> m.seq() == seq)
                            .forEach(m -> hub.deliver(n.tenant(), n.conversationId(), new ChatEvent.MessageAdded(m)));
                }
                case 'S' -> {
                    ConversationStatus status = ConversationStatus.valueOf(n.value());
                    String agent = status != ConversationStatus.AGENT ? null
                            : conversations.find(n.tenant(), n.conversationId()).map(Conversation::agentName)
                                    .orElse(null);
                    hub.deliver(n.tenant(), n.conversationId(), new ChatEvent.StatusChanged(status, agent));
                }
                case 'A' -> hub.deliver(n.tenant(), n.conversationId(),
                        new ChatEvent.AnswerStarted(UUID.fromString(n.value())));
                case 'R' -> hub.deliver(n.tenant(), n.conversationId(),
                        new ChatEvent.AnswerRestarted(UUID.fromString(n.value())));
                default -> throw new IllegalStateException("unreachable: parse accepts MSAR only");
            }
        } catch (RuntimeException e) {
            log.warn("Could not pass on a change in conversation {}: {}", n.conversationId(), e.toString());
        }
    }

    /** The messages stored since {@code since} and the status of every conversation watched here. */
    private void catchUp(OffsetDateTime since) {
        for (ConversationHub.Key key : hub.watched()) {
            try {
                conversations.lastMessages(key.tenant(), key.conversationId(), 50).stream()
                        .filter(m -> !m.createdAt().isBefore(since))
                        .forEach(m -> hub.deliver(key.tenant(), key.conversationId(), new ChatEvent.MessageAdded(m)));
                conversations.find(key.tenant(), key.conversationId()).ifPresent(c -> hub.deliver(key.tenant(),
                        key.conversationId(), new ChatEvent.StatusChanged(c.status(), c.agentName())));
            } catch (RuntimeException e) {
                log.warn("Could not catch up conversation {}: {}", key.conversationId(), e.toString());
            }
        }
    }

    /**
     * A connection of its own, with the pool's address and credentials: a pooled connection held for the node's
     * lifetime would shrink the pool, and the pool may replace it underneath. A data source that is not Hikari
     * (or has no JDBC URL) lends one of its connections instead.
     */
    private Connection connect() throws SQLException {
        Connection c;
        if (dataSource.isWrapperFor(HikariDataSource.class)
                && dataSource.unwrap(HikariDataSource.class).getJdbcUrl() != null) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "frontline-chat-notifications");
            properties.setProperty("tcpKeepAlive", "true");
            c = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        } else {
            c = dataSource.getConnection();
        }
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + ChatNotifier.CHANNEL);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
