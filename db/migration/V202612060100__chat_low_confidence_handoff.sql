-- A workspace may hand a conversation to its team as soon as the assistant is unsure, instead of only offering a person.
alter table chat.chat_settings
    add column handoff_on_low_confidence boolean not null default false;
