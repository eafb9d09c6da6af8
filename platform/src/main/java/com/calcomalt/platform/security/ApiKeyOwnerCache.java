package com.calcomalt.platform.security;

import com.calcomalt.platform.database.ChannelListener;
import com.calcomalt.platform.security.ApiKeyOwners.KeyOwner;
import com.calcomalt.platform.security.ApiKeyOwners.StoredKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The owners of the API keys in use, held for a few seconds, so that a request is not a round trip
 * to the key lookup before it starts. Whatever changes who a key authenticates as (a key revoked or
 * its expiry changed, a team's keys deleted, a user's role or lock) calls {@link #changed()} in its
 * transaction: this node forgets every key when that commits, and every other node when
 * PostgreSQL's notification on {@link #CHANNEL} reaches it. A node that is not listening (at start,
 * or after losing its connection) holds nothing, and no key is held longer than the time to live,
 * in case a notification was lost. Unknown keys are never held: a new key works at once.
 */
public class ApiKeyOwnerCache implements SmartLifecycle {

    /** PostgreSQL notifies it when a transaction that changed a key's owner commits. */
    public static final String CHANNEL = "calalt_api_keys";
    /** Far more keys than any node's clients use within a time to live; a flood of keys empties it. */
    private static final int MOST_KEYS = 10_000;

    private record Held(StoredKey key, long heldUntilNanos) {
    }

    private final ApiKeyOwners owners;
    private final JdbcTemplate jdbc;
    private final long timeToLiveNanos;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Moves on each change, so that a key read before a change is not held after it. */
    private final AtomicLong changes = new AtomicLong();
    private final ChannelListener listener;
    private volatile boolean running;

    public ApiKeyOwnerCache(ApiKeyOwners owners, DataSource dataSource, JdbcTemplate jdbc, Duration timeToLive) {
        this.owners = owners;
        this.jdbc = jdbc;
        this.timeToLiveNanos = timeToLive.toNanos();
        // Keys held before listening may have changed meanwhile; a node not listening holds none.
        this.listener = new ChannelListener(dataSource, CHANNEL, "api-key-changes-listener", Duration.ofSeconds(3),
                this::forgetAll, this::forgetAll, this::forgetAll);
    }

    public Optional<KeyOwner> of(String apiKey) {
        String hash = ApiKeys.hash(apiKey);
        long now = System.nanoTime();
        Held known = held.get(hash);
        if (known != null && now - known.heldUntilNanos() < 0) {
            return Optional.of(known.key().at(Instant.now()));
        }
        long changesBefore = changes.get();
        Optional<StoredKey> stored = owners.stored(hash);
        if (stored.isPresent() && listener.listening() && timeToLiveNanos > 0) {
            if (held.size() >= MOST_KEYS) {
                held.clear();
            }
            held.put(hash, new Held(stored.get(), now + timeToLiveNanos));
            if (changes.get() != changesBefore) {
                held.remove(hash);
            }
        } else {
            held.remove(hash);
        }
        return stored.map(key -> key.at(Instant.now()));
    }

    /**
     * For whoever changes a key's owner, inside the changing transaction: every node forgets the keys
     * it holds once that commits. Outside a unit of work (a test feeding events) this node forgets at once.
     */
    public void changed() {
        jdbc.execute("notify " + CHANNEL);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> forgetAll());
        } else {
            forgetAll();
        }
    }

    private void forgetAll() {
        changes.incrementAndGet();
        held.clear();
    }

    /** Whether notifications reach this node now, and so whether it holds keys at all. */
    boolean listening() {
        return listener.listening();
    }

    @Override
    public synchronized void start() {
        running = true;
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
