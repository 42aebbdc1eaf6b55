-- Uploads that were validated but never confirmed expire: their file is dropped and the row says so.
alter table accounts.uploads drop constraint uploads_status_check;
alter table accounts.uploads
    add constraint uploads_status_check check (status in ('PENDING', 'CONFIRMED', 'DISCARDED', 'EXPIRED'));
