-- When an admin last saved the persona (in the wizard or in settings), even unchanged: the overview's setup
-- checklist ticks Persona once the admin has looked at it, not only once it differs from the defaults.
alter table tenants.personas add column reviewed_at timestamptz;
