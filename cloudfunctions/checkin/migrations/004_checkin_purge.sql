-- The daily purge of raw check-in coordinates finds the rows still holding them without a scan.
CREATE INDEX checkins_raw_fix ON checkins (created_at) WHERE lat IS NOT NULL OR lng IS NOT NULL OR accuracy IS NOT NULL;
