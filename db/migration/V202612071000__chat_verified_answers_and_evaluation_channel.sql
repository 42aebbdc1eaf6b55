-- Answers remember the question they replied to (the review page searches and exports both), an answer can be an
-- approved correction served as is (a "verified answer"), and the workspace's evaluation runs get a channel of their
-- own so that they never count as customers' conversations.
alter table chat.conversations drop constraint conversations_channel_check;
alter table chat.conversations
    add constraint conversations_channel_check check (channel in ('PLAYGROUND', 'WIDGET', 'EVALUATION'));

alter table chat.messages
    add column question               text,
    add column verified_correction_id uuid;

-- answers stored before this migration: their question is the customer message just before them
update chat.messages a
   set question = (select q.body
                     from chat.messages q
                    where q.tenant_id = a.tenant_id
                      and q.conversation_id = a.conversation_id
                      and q.author = 'CUSTOMER'
                      and q.seq < a.seq
                    order by q.seq desc
                    limit 1)
 where a.author = 'ASSISTANT';
