-- The names a person showed before they set a new one (account.setName, or a bound profile): public pages keep masking
-- them, so a text that named someone under their old name never shows it in full.
ALTER TABLE users ADD COLUMN former_names text[] NOT NULL DEFAULT '{}';
