-- When a data version's KPI facts were handed to the knowledge module (which indexes them). Versions confirmed before
-- knowledge stored facts itself are null, so they are handed over again once after the upgrade.
alter table accounts.data_versions add column facts_handed_over_at timestamptz;
