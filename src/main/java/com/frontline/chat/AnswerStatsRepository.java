package com.frontline.chat;

import com.frontline.alerts.ConversationSignals;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Counts of a workspace's answers for the alert checks: ratings and handoffs in a period, evaluation runs left out.
 * Reads the answers index of the feedback review page ({@code messages_answers_idx}).
 */
@Repository
class AnswerStatsRepository {

    private final DSLContext dsl;

    AnswerStatsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every workspace with assistant answers: the alert job's one read across workspaces, a loose index scan that
     * reads one index entry per workspace.
     */
    List<TenantId> workspacesWithAnswers() {
        return dsl.resultQuery("""
                        with recursive t as (
                            (select tenant_id from chat.messages where author = 'ASSISTANT'
                              order by tenant_id limit 1)
                            union all
                            select (select m.tenant_id from chat.messages m
                                     where m.author = 'ASSISTANT' and m.tenant_id > t.tenant_id
                                     order by m.tenant_id limit 1)
                              from t where t.tenant_id is not null)
                        select tenant_id from t where tenant_id is not null""")
                .fetch(r -> TenantId.of(r.get(0, UUID.class)));
    }

    boolean hasAnswersSince(TenantId tenant, OffsetDateTime since) {
        return dsl.fetchExists(dsl.selectOne().from("chat.messages")
                .where("tenant_id = ? and author = 'ASSISTANT' and created_at >= ?::timestamptz", tenant.value(),
                        since));
    }

    ConversationSignals.Answers answers(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return dsl.resultQuery("""
                        select count(*) as answers,
                               count(*) filter (where m.feedback is not null) as rated,
                               count(*) filter (where m.feedback = 1) as helpful,
                               count(*) filter (where m.handed_off) as handoffs
                          from chat.messages m
                         where m.tenant_id = ? and m.author = 'ASSISTANT' and m.created_at >= ?::timestamptz
                           and m.created_at < ?::timestamptz
                           and not exists (select 1 from chat.conversations c
                                            where c.tenant_id = m.tenant_id and c.id = m.conversation_id
                                              and c.channel = 'EVALUATION')""", tenant.value(), from, to)
                .fetchSingle(r -> new ConversationSignals.Answers(r.get("answers", Long.class),
                        r.get("rated", Long.class), r.get("helpful", Long.class), r.get("handoffs", Long.class)));
    }
}
