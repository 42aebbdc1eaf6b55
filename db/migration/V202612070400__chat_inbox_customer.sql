-- Who a widget conversation is with, for the agents' inbox: the name and e-mail the website passed to the widget
-- (both optional) and the page the visitor started the chat on.
alter table chat.conversations
    add column customer_name  text,
    add column customer_email text,
    add column page_url       text;
