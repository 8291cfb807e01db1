-- Joint activities (活动共办, issue 18): the other alliance units that co-host an activity besides
-- its own site; a venue booking that becomes an activity lists the booking's units here.
ALTER TABLE activities ADD COLUMN cohosts text[] NOT NULL DEFAULT '{}';
