package com.frontline.accounts;

import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Spreadsheets that were validated but neither confirmed nor discarded would keep their file (up to 25 MB) in the
 * database for ever. Every half hour, uploads pending for longer than {@code frontline.accounts.pending-upload-ttl}
 * (default 24 h) expire: the file is dropped and the upload's page says to upload it again. Discarded uploads drop
 * their file at the same time. Each workspace is handled by its own statements; running twice changes nothing.
 */
@Configuration
class PendingUploadExpiry {

    private static final Logger log = LoggerFactory.getLogger(PendingUploadExpiry.class);

    private final AccountRepository accounts;
    private final Duration ttl;

    PendingUploadExpiry(AccountRepository accounts,
                        @Value("${frontline.accounts.pending-upload-ttl:24h}") Duration ttl) {
        this.accounts = accounts;
        this.ttl = ttl;
    }

    @Bean
    RecurringTask<Void> pendingUploadExpiryTask() {
        return Tasks.recurring("accounts-upload-expiry", FixedDelay.ofMinutes(30))
                .execute((instance, context) -> expire());
    }

    /** @return how many uploads expired or dropped their file */
    int expire() {
        OffsetDateTime before = OffsetDateTime.now().minus(ttl);
        int total = 0;
        for (TenantId tenant : accounts.tenantsWithStaleUploads(before)) {
            MDC.put("tenant", tenant.toString());
            try {
                int expired = accounts.expirePending(tenant, before);
                int dropped = accounts.dropDiscardedFiles(tenant);
                if (expired + dropped > 0) {
                    log.info("{} pending uploads expired, {} discarded uploads dropped their file", expired, dropped);
                }
                total += expired + dropped;
            } finally {
                MDC.remove("tenant");
            }
        }
        return total;
    }

    Duration ttl() {
        return ttl;
    }
}
